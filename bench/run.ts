/**
 * `npm run bench`: throughput and memory of the core and the reader; the command line's merge against bare parsing
 * and LibreOffice (the "returns" scenarios, see returns.ts); the add-in's syncs and request sizes through the
 * in-memory Excel, and the pane's JavaScript size. Reported, never asserted.
 * Each scenario runs in a child process of its own so its peak memory is its own; results are printed and
 * written to .bench/results.json (and the returns' table to .bench/returns-table.md).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { locateTable } from "../src/core/locateTable";
import { validateTable } from "../src/core/validate";
import { checkFile } from "../src/files/checkFile";
import { bigRawSheet } from "./generate";
import { paneSize } from "./paneSize";
import { returns, type ReturnsResult } from "./returns";
import { returnsCorpus } from "./returnsCorpus";
import { returnsConsoleTable, returnsMarkdown } from "./returnsTable";
import { benchmarkWorkbookMerge } from "../test/excelFake/benchmark";

const OUT_DIR = path.resolve(__dirname, "../.bench");
type Result = Record<string, string | number>;

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function fastest(runs: number, task: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * The core alone: locate and validate a 100,000-row 附件1 table (about one row in ten with a mistake), as real
 * returns look (a unit's rows share its contacts) and in the worst case (every contact different).
 */
function validation(distinctContacts: boolean): Result {
  const rows = 100_000;
  const sheet = bigRawSheet(rows, 1, distinctContacts);
  let issues = 0;
  const ms = fastest(5, () => {
    issues = validateTable(locateTable(sheet)!, DEFAULT_CAMPAIGN).issues.length;
  });
  return { rows, ms: Math.round(ms), rowsPerSecond: Math.round(rows / (ms / 1000)), issues, aim: "> 200,000 rows/s", peakRssMb: peakRssMb() };
}

/** Reading and checking the returns bench's workbooks one after another in this process: no start-up, no master. */
function readAndValidate(count: number): Result {
  const { files } = returnsCorpus(count);
  const start = performance.now();
  let rows = 0;
  for (const file of files) rows += checkFile(new Uint8Array(readFileSync(file)), file).report.rows;
  const ms = performance.now() - start;
  return { files: count, rows, ms: Math.round(ms), filesPerSecond: Math.round(count / (ms / 1000)), peakRssMb: peakRssMb() };
}

/**
 * The add-in's merge into the live workbook, through the in-memory Excel: syncs and the largest request, first into
 * a workbook without a master, then again into the master it made. Aim: a constant number of syncs plus one per
 * ~4 MB chunk, every request under Excel on the web's 5 MB limit.
 */
async function workbookMerge(count: number): Promise<Result> {
  const { newMaster, updateMaster } = await benchmarkWorkbookMerge(count);
  const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(2));
  return {
    returns: count,
    masterRows: newMaster.rows,
    syncsNew: newMaster.syncs,
    largestRequestMbNew: mb(newMaster.largestRequestBytes),
    totalRequestMbNew: mb(newMaster.totalRequestBytes),
    syncsUpdate: updateMaster.syncs,
    largestRequestMbUpdate: mb(updateMaster.largestRequestBytes),
    largestResponseMbUpdate: mb(updateMaster.largestResponseBytes),
    aim: "syncs = constant + 1 per 4 MB; every request < 5 MB",
    peakRssMb: peakRssMb(),
  };
}

/** The pane's JavaScript from the production build (`npm run build` first). */
function paneJavaScript(): Result {
  const size = paneSize(path.resolve(__dirname, "../dist"));
  return {
    initialKbGzip: size.initialKbGzip,
    initialFiles: size.initialFiles.join(" "),
    lazyKbGzip: size.lazyKbGzip,
    lazyChunks: size.lazyChunks,
    largestLazyKbGzip: size.largestLazyKbGzip,
    aim: "initial < 250 KB gzip, spreadsheet libraries lazy",
  };
}

const scenarios: Record<string, () => Result | ReturnsResult | Promise<Result>> = {
  validation: () => validation(false),
  "validation-worst": () => validation(true),
  "read-validate-1000": () => readAndValidate(1000),
  // `merge` through the real command line, beside bare parsing and LibreOffice: these replace the in-process
  // merge-N scenarios, which left out start-up and the child processes.
  "returns-100": () => returns(100),
  "returns-300": () => returns(300),
  "returns-1000": () => returns(1000),
  "returns-3000": () => returns(3000),
  "workbook-merge-100": () => workbookMerge(100),
  "workbook-merge-1000": () => workbookMerge(1000),
  "workbook-merge-3000": () => workbookMerge(3000),
  "pane-js": paneJavaScript,
};

/**
 * The scenario named `only`, if there is one, else every scenario whose name starts with it: a prefix alone could
 * not pick returns-300 without returns-3000, the run that takes minutes.
 */
function selected(only: string): string[] {
  const names = Object.keys(scenarios);
  return names.includes(only) ? [only] : names.filter((name) => name.startsWith(only));
}

const isReturns = (name: string): boolean => name.startsWith("returns-");

/** A scenario's result from a child process of its own; its stderr (progress, notes) passes through. */
function runInChild(name: string): Result | ReturnsResult {
  const output = execFileSync(process.execPath, [...process.execArgv, __filename, name], { encoding: "utf8", maxBuffer: 1 << 24 });
  return JSON.parse(output.slice(output.indexOf("{"))) as Result | ReturnsResult;
}

/** One line of key=value per scenario; the returns, with five ways side by side, as a table. */
function printed(name: string, result: Result | ReturnsResult): string {
  if (isReturns(name)) return `${name}\n${returnsConsoleTable(result as ReturnsResult)}`;
  return `${name.padEnd(20)} ${Object.entries(result).map(([k, v]) => `${k}=${v}`).join("  ")}`;
}

/** The command that made the figures, for the line under the returns' table. */
const commandLine = (prefix: string): string => (prefix === "" ? "npm run bench" : `npm run bench -- --only=${prefix}`);

/** The returns' table, printed and kept for bench/readmeTable.ts: only when this run measured some. */
function writeReturnsTable(results: ReturnsResult[], prefix: string): void {
  if (results.length === 0) return;
  const markdown = returnsMarkdown(results, commandLine(prefix));
  writeFileSync(path.join(OUT_DIR, "returns-table.md"), markdown);
  console.log(`\n${markdown}written: .bench/returns-table.md`);
}

/**
 * `npm run bench` runs every scenario, each in a child process; `npm run bench -- --only=workbook` those whose name
 * starts with the prefix or just the one so named (results.json then holds just those), `--only=returns` the
 * command line against bare parsing and LibreOffice, `--only=returns-300` only its 300 returns.
 */
async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg && !arg.startsWith("--only=")) {
    const scenario = scenarios[arg];
    if (!scenario) throw new Error(`unknown scenario ${arg}`);
    process.stdout.write(JSON.stringify(await scenario()));
    return;
  }
  const prefix = arg?.slice("--only=".length) ?? "";
  mkdirSync(OUT_DIR, { recursive: true });
  const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };
  const returnsResults: ReturnsResult[] = [];
  for (const name of selected(prefix)) {
    const result = runInChild(name);
    results[name] = result;
    if (isReturns(name)) returnsResults.push(result as ReturnsResult);
    console.log(printed(name, result));
  }
  writeFileSync(path.join(OUT_DIR, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written: .bench/results.json`);
  writeReturnsTable(returnsResults, prefix);
}

void main();
