/**
 * `npm run bench`: throughput and memory of the core and the file reader, reported, never asserted.
 * Results are printed and written to .bench/results.json.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { locateTable } from "../src/core/locateTable";
import { validateTable } from "../src/core/validate";
import { checkFile } from "../src/files/checkFile";
import { bigRawSheet, returnedWorkbook, seededRandom } from "./generate";

const OUT_DIR = path.resolve(__dirname, "../.bench");
const results: Record<string, unknown> = { node: process.version, date: new Date().toISOString() };

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function best<T>(runs: number, task: () => T): { ms: number; value: T } {
  let fastest = Infinity;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = task();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return { ms: fastest, value: value as T };
}

function benchValidation(rows: number): void {
  const sheet = bigRawSheet(rows);
  const { ms, value } = best(5, () => validateTable(locateTable(sheet)!, DEFAULT_CAMPAIGN));
  const rowsPerSecond = Math.round(rows / (ms / 1000));
  results.validation = { rows, ms: Math.round(ms), rowsPerSecond, issues: value.issues.length, aim: ">200000 rows/s" };
  console.log(`validation: ${rows} rows in ${ms.toFixed(0)} ms = ${rowsPerSecond.toLocaleString("en")} rows/s (aim > 200,000); ${value.issues.length} issues found`);
}

function writeReturns(count: number, rowsEach: number): string[] {
  const dir = path.join(OUT_DIR, `returns-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(count);
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `unit-${String(i).padStart(4, "0")}.xlsx`);
    writeFileSync(file, returnedWorkbook(`单位${i}`, rowsEach, random));
    return file;
  });
}

function benchFiles(count: number): void {
  const files = writeReturns(count, 5);
  const start = performance.now();
  let rows = 0;
  for (const file of files) rows += checkFile(new Uint8Array(readFileSync(file)), file).report.rows;
  const ms = performance.now() - start;
  const filesPerSecond = Math.round(count / (ms / 1000));
  results.files = { files: count, rows, ms: Math.round(ms), filesPerSecond, peakRssMb: peakRssMb() };
  console.log(`read + validate: ${count} returned workbooks (${rows} rows) in ${ms.toFixed(0)} ms = ${filesPerSecond} files/s; peak RSS ${peakRssMb()} MB`);
}

benchValidation(100_000);
benchFiles(1_000);
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(path.join(OUT_DIR, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`written: ${path.relative(process.cwd(), path.join(OUT_DIR, "results.json"))}`);
