/**
 * Every file of the real-world corpus (Excel, LibreOffice, Gnumeric, WPS, password-protected and odd files) must
 * end in a workbook or a specific refusal, never a throw, within a time bound.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { serialToIsoDate } from "../src/core/calendarDate";
import type { RawWorkbook } from "../src/core/rawSheet";
import { readWorkbook, type ReadResult } from "../src/files/readWorkbook";

const CORPUS = path.resolve(__dirname, "../../shared/corpus");
/**
 * Per file: a bound against hangs, not a speed target. The slowest real file (57 MB of sheet XML in an 870 KB xlsx)
 * takes ~2 s alone on a two-core box, more while CI runs other suites beside it.
 */
const MAX_MS_PER_FILE = 10_000;

const corpusPresent = existsSync(CORPUS);
if (!corpusPresent) {
  console.warn(`\n*** CORPUS MISSING: ${CORPUS} not found; the corpus tests are SKIPPED. ***\n`);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]))
    .sort();
}

interface Outcome {
  file: string;
  ms: number;
  result: ReadResult;
}

const outcomes = new Map<string, Outcome>();

function read(relative: string): Outcome {
  const cached = outcomes.get(relative);
  if (cached) return cached;
  const file = path.join(CORPUS, relative);
  const bytes = new Uint8Array(readFileSync(file));
  const started = performance.now();
  const result = readWorkbook(bytes, file);
  const outcome = { file: relative, ms: performance.now() - started, result };
  outcomes.set(relative, outcome);
  return outcome;
}

function workbookOf(relative: string): RawWorkbook {
  const { result } = read(relative);
  if (!result.ok) throw new Error(`${relative}: expected ok, got ${result.code}: ${result.detail}`);
  return result.workbook;
}

function firstRowTexts(relative: string): string[] {
  return [...(workbookOf(relative).sheets[0]?.rows[0] ?? [])].map((cell) => cell?.text ?? "");
}

function summary(): string {
  const all = [...outcomes.values()];
  const count = (keys: string[]) =>
    Object.entries(keys.reduce<Record<string, number>>((acc, key) => ((acc[key] = (acc[key] ?? 0) + 1), acc), {}))
      .map(([key, n]) => `${key} ${n}`)
      .join(", ");
  const read = all.flatMap(({ result }) => (result.ok ? [result.format] : []));
  const refused = all.flatMap(({ result }) => (result.ok ? [] : [result.code]));
  const slowest = all.reduce((a, b) => (b.ms > a.ms ? b : a), all[0] ?? { file: "-", ms: 0 });
  return `corpus: ${all.length} files, ${read.length} read (${count(read)}), ${refused.length} refused (${count(refused)}); ` +
    `slowest ${slowest.file} ${Math.round(slowest.ms)} ms`;
}

test("the corpus is present (required in CI)", () => {
  if (process.env.CI === "true") expect(corpusPresent).toBe(true);
});

(corpusPresent ? describe : describe.skip)("the real-world corpus", () => {
  const files = corpusPresent ? listFiles(CORPUS).map((file) => path.relative(CORPUS, file)) : [];

  afterAll(() => {
    console.log(summary());
  });

  it.each(files)("%s ends in a workbook or a specific refusal, in time", (relative) => {
    let outcome: Outcome | undefined;
    expect(() => (outcome = read(relative))).not.toThrow();
    const { result, ms } = outcome!;
    expect(ms).toBeLessThan(MAX_MS_PER_FILE);
    if (result.ok) expect(result.workbook.sheets.length).toBeGreaterThan(0);
    else expect(result.detail.length).toBeGreaterThan(0);
  });

  it("has the files the expectations below rely on", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("refuses every password-protected file as encrypted", () => {
    const protectedFiles = files.filter((file) => path.basename(file).startsWith("password_"));
    expect(protectedFiles.length).toBeGreaterThanOrEqual(11);
    for (const file of protectedFiles) {
      const { result } = read(file);
      expect({ file, code: result.ok ? "ok" : result.code }).toEqual({ file, code: "encrypted" });
    }
  });

  it("refuses the corpus's own README and LICENSE as not spreadsheets", () => {
    expect(read("README.md").result).toMatchObject({ ok: false, code: "not-a-spreadsheet" });
    expect(read("sheetjs/LICENSE").result).toMatchObject({ ok: false, code: "not-a-spreadsheet" });
  });

  it.each([
    ["sheetjs/wps/fn.et", "et", ["Name", "Example", "Result"]],
    ["sheetjs/wps/fn.xls", "xls", ["Name", "Example", "Result"]],
    ["sheetjs/wps/fn.xlsx", "xlsx", ["Name", "Example", "Result"]],
    ["sheetjs/artifacts/wps/write.et", "et", ["1", "2", "3"]],
    ["sheetjs/merge_cells.ods", "ods", ["A1:B2", "", "C1:C2", "Separate blocks"]],
    ["sheetjs/merge_cells.xls", "xls", ["A1:B2", "", "C1:C2", "Separate blocks"]],
    ["sheetjs/biff5/merge_cells.xls", "xls", ["A1:B2", "", "C1:C2", "Separate blocks"]],
    ["sheetjs/crlf/CRLFX5_2.XLS", "xls", ["Normal", "abc\ndef"]],
    // Formatted text (`w`), not the raw number: the fourth cell shows 50 through a "000"-style format.
    ["sheetjs/NumberFormatCondition.xlsm", "xlsm", ["50", "50", "50", "050"]],
  ])("reads %s as %s with the expected first cells", (relative, format, first) => {
    expect(read(relative).result).toMatchObject({ ok: true, format });
    expect(firstRowTexts(relative).slice(0, first.length)).toEqual(first);
  });

  it("reads merges from every format", () => {
    for (const file of ["sheetjs/merge_cells.xlsx", "sheetjs/merge_cells.xls", "sheetjs/merge_cells.ods"]) {
      expect(workbookOf(file).sheets[0]?.merges).toContainEqual({ startRow: 0, startCol: 0, endRow: 1, endCol: 1 });
    }
  });

  it("flags hidden and very hidden sheets, OpenDocument included", () => {
    for (const file of ["sheetjs/sheet_visibility.xlsx", "sheetjs/sheet_visibility.xls", "sheetjs/sheet_visibility.ods", "sheetjs/sheet_visibility5.xls"]) {
      expect(workbookOf(file).sheets.map((sheet) => [sheet.name, sheet.hidden])).toEqual([
        ["Visible", false],
        ["Hidden", true],
        ["VeryHidden", true],
      ]);
    }
  });

  it("keeps line breaks inside cells as \\n", () => {
    for (const file of ["sheetjs/crlf/crlf.xlsx", "sheetjs/crlf/crlf.xls", "sheetjs/crlf/crlf.ods"]) {
      expect(workbookOf(file).sheets[0]?.rows[0]?.[1]?.text.toLowerCase()).toBe("abc\ndef");
    }
  });

  it("gives date cells 1900-system serials that match the text shown, for 1900 and 1904 workbooks alike", () => {
    for (const file of ["1900", "1904"].flatMap((system) => ["xlsx", "xls", "ods"].map((ext) => `sheetjs/1904/${system}.${ext}`))) {
      const dates = (workbookOf(file).sheets[0]?.rows ?? []).map((row) => row[1]);
      expect(dates.length).toBe(5);
      for (const cell of dates) {
        expect(cell?.kind).toBe("date");
        if (cell?.kind === "date") expect({ file, day: serialToIsoDate(cell.serial) }).toEqual({ file, day: cell.text });
      }
    }
  });

  it("reads error cells as errors", () => {
    const texts = (workbookOf("sheetjs/ErrorTypes.xlsx").sheets[0]?.rows ?? []).flatMap((row) => row.filter((cell) => cell?.kind === "error").map((cell) => cell?.text));
    expect(new Set(texts)).toEqual(new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]));
  });
});
