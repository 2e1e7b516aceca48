/**
 * `npx tsx bench/masterWriter.ts [rows…]`: time and peak memory of writing a master of 1,000, 10,000 and 100,000
 * rows with ExcelJS (src/files/writeWorkbook.ts) and with the SpreadsheetML writer (src/files/spreadsheetml),
 * side by side; then of writing the same master into an existing master of that size (writeIntoWorkbook against
 * replacePlanSheets). Each (scenario, writer, size) runs in a child process of its own, so each peak RSS is that
 * writer's alone. Reported, never asserted.
 */
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { emptyValues, type MasterRow } from "../src/core/merge/masterRow";
import { masterWorkbookPlan } from "../src/core/plans/masterPlan";
import type { WorkbookPlan } from "../src/core/plans/sheetPlan";
import { activityRow, seededRandom } from "./generate";

type WriterName = "exceljs" | "spreadsheetml";
const WRITERS: WriterName[] = ["exceljs", "spreadsheetml"];
/** A new workbook (writeWorkbook / writePlanWorkbook), or into an existing master (writeIntoWorkbook / replacePlanSheets). */
type Scenario = "new" | "update";
const SCENARIOS: Scenario[] = ["new", "update"];
const DEFAULT_SIZES = [1_000, 10_000, 100_000];

interface Measurement {
  scenario: Scenario;
  writer: WriterName;
  rows: number;
  planMs: number;
  writeMs: number;
  bytes: number;
  /** Peak RSS of the process once rows and plan exist, before writing: what the writer starts from. */
  rssBeforeWriteMb: number;
  peakRssMb: number;
}

/** Master rows as merges make them: units in blocks, about one row in ten with a problem, a few typed by hand. */
function masterRows(count: number): MasterRow[] {
  const random = seededRandom(count);
  return Array.from({ length: count }, (_, i): MasterRow => {
    const [host = "", name = "", time = "", place = "", scale = "", coOrganiser = "", contact = ""] = activityRow(random);
    const unit = `单位${Math.floor(i / 20)}`;
    const byHand = i % 100 === 99;
    return {
      unit,
      level: i % 3 === 0 ? "区级" : "市级",
      firstDay: time.includes("27") ? null : `2024-04-${20 + (i % 7)}`,
      values: { ...emptyValues(), host, name: `${name}（第${i + 1}场）`, time, place, scale, coOrganiser, contact },
      problems: i % 10 === 0 ? "C5：活动时间不在宣传周内\n联系人缺少电话" : "",
      sourceFile: byHand ? "" : `${unit}.xlsx`,
      key: byHand ? null : `city|${unit}`,
      order: (i % 20) + 4,
      extras: i % 50 === 0 ? { 备注: "已电话核实" } : undefined,
    };
  });
}

function maxRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

type Write = (plan: WorkbookPlan) => Uint8Array | Promise<Uint8Array>;

/** A fixed merge time: the plans differ only in their rows. */
const BENCH_CONTEXT = { mergedAt: "2024年4月15日 10:30" };

/**
 * The writer's module loaded before anything is timed (loading ExcelJS alone takes most of a second); for an
 * update, the existing master too: the same rows, written by the SpreadsheetML writer, which ExcelJS loads.
 */
async function loadWriter(scenario: Scenario, writer: WriterName, rows: readonly MasterRow[]): Promise<Write> {
  const { writePlanWorkbook } = await import("../src/files/spreadsheetml/writePlanWorkbook");
  if (scenario === "new") return writer === "exceljs" ? (await import("../src/files/writeWorkbook")).writeWorkbook : writePlanWorkbook;
  // The existing master lacks the first row, so the update has something to change.
  const existing = writePlanWorkbook(masterWorkbookPlan(rows.slice(1), undefined, { campaign: DEFAULT_CAMPAIGN }, BENCH_CONTEXT));
  if (writer === "exceljs") {
    const { writeIntoWorkbook } = await import("../src/files/writeWorkbook");
    return (plan) => writeIntoWorkbook(existing, plan);
  }
  const { replacePlanSheets } = await import("../src/files/spreadsheetml/replacePlanSheets");
  return (plan) => replacePlanSheets(existing, plan);
}

async function measure(scenario: Scenario, writer: WriterName, count: number): Promise<Measurement> {
  const rows = masterRows(count);
  const write = await loadWriter(scenario, writer, rows);
  const planStart = performance.now();
  const plan = masterWorkbookPlan(rows, undefined, { campaign: DEFAULT_CAMPAIGN }, BENCH_CONTEXT);
  const planMs = performance.now() - planStart;
  const rssBeforeWriteMb = maxRssMb();
  const writeStart = performance.now();
  const bytes = await write(plan);
  const writeMs = performance.now() - writeStart;
  return { scenario, writer, rows: count, planMs: Math.round(planMs), writeMs: Math.round(writeMs), bytes: bytes.length, rssBeforeWriteMb, peakRssMb: maxRssMb() };
}

function runChild(scenario: Scenario, writer: WriterName, count: number): Measurement {
  const output = execFileSync(process.execPath, ["--import", "tsx", __filename, "--child", scenario, writer, String(count)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split("\n").pop() ?? "{}") as Measurement;
}

const WRITER_LABELS: Record<Scenario, Record<WriterName, string>> = {
  new: { exceljs: "writeWorkbook (ExcelJS)", spreadsheetml: "writePlanWorkbook" },
  update: { exceljs: "writeIntoWorkbook (ExcelJS)", spreadsheetml: "replacePlanSheets" },
};

function table(results: Measurement[]): string {
  const header = ["rows", "writer", "write s", "peak RSS MB", "RSS before write MB", "file KB", "plan ms"];
  const lines = results.map((r) => [
    r.rows.toLocaleString("en"),
    WRITER_LABELS[r.scenario][r.writer],
    (r.writeMs / 1000).toFixed(2),
    String(r.peakRssMb),
    String(r.rssBeforeWriteMb),
    String(Math.round(r.bytes / 1024)),
    String(r.planMs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]?.length ?? 0)));
  const format = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  return [format(header), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    console.log(JSON.stringify(await measure(args[1] as Scenario, args[2] as WriterName, Number(args[3]))));
    return;
  }
  const sizes = args.length > 0 ? args.map(Number) : DEFAULT_SIZES;
  const results: Measurement[] = [];
  for (const scenario of SCENARIOS) {
    for (const count of sizes) {
      for (const writer of WRITERS) {
        const result = runChild(scenario, writer, count);
        results.push(result);
        console.error(`${WRITER_LABELS[scenario][writer]} ${count.toLocaleString("en")} rows: ${(result.writeMs / 1000).toFixed(2)} s, peak ${result.peakRssMb} MB`);
      }
    }
  }
  console.log(`\nA new master (活动汇总 + settings), ${process.version}; each run in its own process\n`);
  console.log(table(results.filter((r) => r.scenario === "new")));
  console.log("\nThe same master written into an existing master of as many rows (RSS before write includes the existing bytes)\n");
  console.log(table(results.filter((r) => r.scenario === "update")));
}

void main();
