/**
 * `npm run bench`: throughput and memory of the core, the reader and the merge; the add-in's syncs and request
 * sizes through the in-memory Excel, and the pane's JavaScript size. Reported, never asserted.
 * Each scenario runs in a child process of its own so its peak memory is its own; results are printed and
 * written to .bench/results.json.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import * as XLSX from "@e965/xlsx";
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { locateTable } from "../src/core/locateTable";
import { validateTable } from "../src/core/validate";
import { checkFile } from "../src/files/checkFile";
import { mergeCommand } from "../src/cli/mergeCommand";
import { bigRawSheet, returnedWorkbook, seededRandom } from "./generate";
import { paneSize } from "./paneSize";
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

/** Returned workbooks written once per count into .bench/, reused by later runs. */
function returnFiles(count: number): string[] {
  const dir = path.join(OUT_DIR, `returns-${count}`);
  const random = seededRandom(count);
  const files = Array.from({ length: count }, (_, i) => path.join(dir, `unit-${String(i).padStart(4, "0")}.xlsx`));
  try {
    readFileSync(files[count - 1]!);
    return files;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    files.forEach((file, i) => writeFileSync(file, returnedWorkbook(`单位${i}`, 3 + (i % 8), random)));
    return files;
  }
}

/** Reading and validating many small returned workbooks, one after another, in this process. */
function readAndValidate(count: number): Result {
  const files = returnFiles(count);
  const start = performance.now();
  let rows = 0;
  for (const file of files) rows += checkFile(new Uint8Array(readFileSync(file)), file).report.rows;
  const ms = performance.now() - start;
  return { files: count, rows, ms: Math.round(ms), filesPerSecond: Math.round(count / (ms / 1000)), peakRssMb: peakRssMb() };
}

/** The bare parsing time of the reading library on the same files: the floor the merge is compared with. */
function bareParse(files: string[]): number {
  const start = performance.now();
  for (const file of files) XLSX.read(readFileSync(file), { type: "buffer" });
  return performance.now() - start;
}

/** `huizong merge` end to end (read, check, merge, write the master) into a fresh master. */
async function merge(count: number): Promise<Result> {
  const files = returnFiles(count);
  const output = path.join(OUT_DIR, `master-${count}.xlsx`);
  rmSync(output, { force: true });
  const start = performance.now();
  const result = await mergeCommand(files, { output, roster: undefined, campaign: undefined, json: true });
  const ms = performance.now() - start;
  const parseMs = bareParse(files);
  const summary = JSON.parse(result.output) as { rowsIn: number; masterRows: number };
  return {
    files: count,
    rowsIn: summary.rowsIn,
    masterRows: summary.masterRows,
    ms: Math.round(ms),
    filesPerSecond: Math.round(count / (ms / 1000)),
    bareParseMs: Math.round(parseMs),
    ratioToBareParse: Number((ms / parseMs).toFixed(2)),
    aim: "ratio <= 1.5",
    peakRssMb: peakRssMb(),
  };
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

const scenarios: Record<string, () => Result | Promise<Result>> = {
  validation: () => validation(false),
  "validation-worst": () => validation(true),
  "read-validate-1000": () => readAndValidate(1000),
  "merge-100": () => merge(100),
  "merge-1000": () => merge(1000),
  "merge-3000": () => merge(3000),
  "workbook-merge-100": () => workbookMerge(100),
  "workbook-merge-1000": () => workbookMerge(1000),
  "workbook-merge-3000": () => workbookMerge(3000),
  "pane-js": paneJavaScript,
};

/**
 * `npm run bench` runs every scenario, each in a child process; `npm run bench -- --only=workbook` those whose name
 * starts with the prefix (results.json then holds just those).
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
  for (const name of Object.keys(scenarios).filter((candidate) => candidate.startsWith(prefix))) {
    const output = execFileSync(process.execPath, [...process.execArgv, __filename, name], { encoding: "utf8", maxBuffer: 1 << 24 });
    const result = JSON.parse(output.slice(output.indexOf("{"))) as Result;
    results[name] = result;
    console.log(`${name.padEnd(20)} ${Object.entries(result).map(([k, v]) => `${k}=${v}`).join("  ")}`);
  }
  writeFileSync(path.join(OUT_DIR, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written: .bench/results.json`);
}

void main();
