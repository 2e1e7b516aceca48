import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileReport } from "../src/core/fileReport";
import { readWorkbook, type ReadFailureCode } from "../src/files/readWorkbook";
import { runCli } from "./support/cli";

/**
 * Files built to make the reader walk forever (see test/fixtures/hostile/README.md): each is refused quickly with
 * the right reason, and in a merge with good returns every file ends in a report and the good rows reach the master.
 */

const root = path.resolve(__dirname, "..");
const HOSTILE = "test/fixtures/hostile";
const CLEAN = "test/fixtures/returns/01-city-clean.xlsx";
/** Far under the check pool's 20 s limit: these files must be refused by their structure, not by the clock. */
const QUICKLY_MS = 2000;

const cases: Array<[string, ReadFailureCode]> = [
  ["cfb-chain-loop.xls", "corrupt"],
  ["cfb-chain-loop-past-end.xls", "corrupt"],
  ["cfb-directory-tree-loop.xls", "corrupt"],
  ["xlsx-row-beyond-grid.xlsx", "corrupt"],
  ["xlsx-column-beyond-grid.xlsx", "corrupt"],
  ["xlsx-overlapping-merges.xlsx", "too-many-cells"],
  ["xlsx-dangling-shared-string.xlsx", "corrupt"],
  ["ods-rows-repeated-forever.ods", "corrupt"],
  ["ods-decimal-places-1e308.ods", "corrupt"],
  ["xls-slow-parse.xls", "corrupt"],
  ["xlsx-rowless-cell-hides-far-cell.xlsx", "corrupt"],
  ["xlsx-one-sheet-listed-300-times.xlsx", "corrupt"],
];

/** Files whose poison sits in what we never read (document properties): read, quickly, as what they are. */
const readable: Array<[string, string]> = [
  ["biff5-hang.xls", "Sheet1"],
  ["et-summary-property-count.et", "Sheet1"],
];

describe("hostile structures", () => {
  it.each(cases)("refuses %s as %s, quickly", (name, code) => {
    const bytes = new Uint8Array(readFileSync(path.join(root, HOSTILE, name)));
    const started = performance.now();
    const read = readWorkbook(bytes, name);
    expect(performance.now() - started).toBeLessThan(QUICKLY_MS);
    expect(read).toMatchObject({ ok: false, code });
  });

  it.each(readable)("reads %s quickly, skipping its document properties", (name, sheet) => {
    const bytes = new Uint8Array(readFileSync(path.join(root, HOSTILE, name)));
    const started = performance.now();
    const read = readWorkbook(bytes, name);
    expect(performance.now() - started).toBeLessThan(QUICKLY_MS);
    expect(read.ok && read.workbook.sheets.map((each) => each.name)).toEqual([sheet]);
  });

  it("merges good returns past every hostile file: each file has a report, nothing else is lost", async () => {
    const work = mkdtempSync(path.join(tmpdir(), "huizong-hostile-"));
    try {
      const master = path.join(work, "汇总表.xlsx");
      const inputs = [CLEAN, ...cases.map(([name]) => `${HOSTILE}/${name}`)];
      const run = await runCli(["merge", ...inputs, "-o", master, "--json"]);
      expect(run.code).toBe(1);
      const document = JSON.parse(run.stdout) as { files: Array<FileReport & { action: string }>; masterRows: number };
      expect(document.files.map((file) => [file.file, file.status])).toEqual([
        [CLEAN, "ok"],
        ...cases.map(([name]) => [`${HOSTILE}/${name}`, "unreadable"]),
      ]);
      expect(document.masterRows).toBe(3);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
