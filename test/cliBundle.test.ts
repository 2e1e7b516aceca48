import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FileReport } from "../src/core/fileReport";
import { checkFile } from "../src/files/checkFile";
import { runCli } from "./support/cli";

/**
 * The bundled command line (scripts/buildCli.mjs -> build/cli) loads only what a command needs: the front process
 * parses arguments without any spreadsheet code, `validate` never loads the master's writer, ExcelJS or the code
 * page tables, and only `template` loads ExcelJS. Read from esbuild's own record of the bundle (meta.json): which
 * source files each output holds, and which outputs it imports statically (loaded with it) or dynamically (loaded
 * when a command runs).
 */

const root = path.resolve(__dirname, "..");
const buildDir = path.join(root, "build", "cli");

interface Output {
  entryPoint?: string;
  inputs: Record<string, unknown>;
  imports: Array<{ path: string; kind: string; external?: boolean }>;
}

let outputs: Record<string, Output> = {};

beforeAll(() => {
  execFileSync(process.execPath, [path.join(root, "scripts", "buildCli.mjs")], { cwd: root });
  const meta = JSON.parse(readFileSync(path.join(buildDir, "meta.json"), "utf8")) as { outputs: Record<string, Output> };
  // Named by file: the build writes into a temporary folder that then becomes build/cli.
  outputs = Object.fromEntries(Object.entries(meta.outputs).map(([file, output]) => [path.basename(file), output]));
}, 120_000);

/** The output built from a source entry (an entry point or a dynamically imported module). */
function outputOf(source: string): string {
  const found = Object.entries(outputs).find(([, output]) => output.entryPoint === source);
  if (!found) throw new Error(`no output for ${source}`);
  return found[0];
}

/** Every source file loaded with these outputs: their static imports followed, dynamic ones not. */
function loadedWith(...files: string[]): Set<string> {
  const seen = new Set<string>();
  const sources = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const output = outputs[file];
    if (!output) throw new Error(`no output ${file}`);
    Object.keys(output.inputs).forEach((source) => sources.add(source));
    // A require() call (the code pages) loads when it runs, not with the module.
    for (const imported of output.imports.filter(({ kind }) => kind === "import-statement")) {
      if (imported.external) sources.add(`external:${imported.path}`);
      else visit(path.basename(imported.path));
    }
  };
  files.forEach(visit);
  return sources;
}

const matching = (sources: Set<string>, pattern: RegExp) => [...sources].filter((source) => pattern.test(source));

const SPREADSHEET_LIBRARY = /@e965\/xlsx/;
const EXCELJS = /exceljs/;
const CODE_PAGES = /cpexcel/;
const MASTER_WRITER = /src\/files\/spreadsheetml\//;

describe("the bundled command line", () => {
  it("starts its front process without any spreadsheet code", () => {
    const front = loadedWith("huizong.mjs");
    expect(matching(front, /src\/files\//)).toEqual([]);
    expect(matching(front, SPREADSHEET_LIBRARY)).toEqual([]);
    expect(matching(front, EXCELJS)).toEqual([]);
    expect(front.has("src/cli/main.ts")).toBe(true);
  });

  it("validates without the master's writer, ExcelJS or the code pages", () => {
    const validate = loadedWith("engine.mjs", outputOf("src/cli/validateCommand.ts"));
    expect(matching(validate, SPREADSHEET_LIBRARY).length).toBeGreaterThan(0);
    expect(matching(validate, MASTER_WRITER)).toEqual([]);
    expect(matching(validate, EXCELJS)).toEqual([]);
    expect(matching(validate, CODE_PAGES)).toEqual([]);
  });

  it("merges with the master's writer but without ExcelJS", () => {
    const merge = loadedWith("engine.mjs", outputOf("src/cli/mergeCommand.ts"));
    expect(matching(merge, MASTER_WRITER).length).toBeGreaterThan(0);
    expect(matching(merge, EXCELJS)).toEqual([]);
  });

  it("reads on its second thread without the master's writer or ExcelJS", () => {
    const reader = loadedWith("readerThread.mjs");
    expect(matching(reader, SPREADSHEET_LIBRARY).length).toBeGreaterThan(0);
    expect(matching(reader, MASTER_WRITER)).toEqual([]);
    expect(matching(reader, EXCELJS)).toEqual([]);
  });

  it("loads ExcelJS for templates only", () => {
    expect(matching(loadedWith("huizong.mjs", outputOf("src/cli/templateCommand.ts")), EXCELJS).length).toBeGreaterThan(0);
  });
});

describe("a folder of 500 returns", () => {
  let folder = "";
  beforeAll(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), "huizong-500-"));
    const sources = ["01-city-clean.xlsx", "07-city-typical-mistakes.xlsx", "02-city-clean-libreoffice.xls"];
    for (let index = 0; index < 500; index++) {
      const source = sources[index % sources.length]!;
      copyFileSync(path.join(root, "test/fixtures/returns", source), path.join(folder, `unit-${String(index).padStart(3, "0")}${path.extname(source)}`));
    }
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("is read on two threads, every file reported as one thread reports it, in order", async () => {
    const times = path.join(folder, "phase-times.json");
    const run = await runCli(["validate", folder, "--json"], { HUIZONG_PHASE_TIMES: times });
    expect(run.stderr).not.toMatch(/huizong:/);
    expect(JSON.parse(readFileSync(times, "utf8"))).toMatchObject({ readingThreads: 2 });
    const reports = (JSON.parse(run.stdout) as { files: FileReport[] }).files;
    const files = readdirSync(folder).filter((name) => name.startsWith("unit-")).sort().map((name) => path.join(folder, name));
    expect(reports.map((report) => report.file)).toEqual(files);
    for (const [index, file] of files.entries()) expect(reports[index]).toEqual(checkFile(new Uint8Array(readFileSync(file)), file).report);
  }, 120_000);
});

describe("the code pages, left out of the bundle", () => {
  it("load from node_modules the first time a compound (.xls) file is read", async () => {
    const run = await runCli(["validate", "test/fixtures/returns/02-city-clean-libreoffice.xls", "--json"]);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ files: [{ status: "ok", unit: "上海市市场监督管理局" }] });
  }, 60_000);
});
