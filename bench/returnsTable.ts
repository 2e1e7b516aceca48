/**
 * The "returns" results as people read them: a table per count in the terminal, and one Markdown table with a row
 * per count (.bench/returns-table.md, which bench/readmeTable.ts puts into the README).
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { METHOD_LABELS, METHODS, VERSION_RUNS_PER_REPETITION, type LauncherStart, type MethodFigures, type PhaseTimes, type ReturnsResult } from "./returns";

const DASH = "—";

const thousands = (n: number): string => n.toLocaleString("en-US");
const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const times = (ratio: number): string => `${ratio.toFixed(ratio >= 10 ? 1 : 2)}×`;

/** "15× faster": LibreOffice's time over the method's, which reads better than 0.07×. */
function fasterThanLibreOffice(figures: MethodFigures, libreOffice: MethodFigures): string {
  if (figures.status !== "ok" || libreOffice.status !== "ok" || !figures.ms || !libreOffice.ms) return DASH;
  const ratio = libreOffice.ms / figures.ms;
  return `${ratio.toFixed(ratio >= 10 ? 0 : 1)}× faster`;
}

/** "2.00 (1.50×)": a way's time with its ratio to the bare parse. */
function timeAndRatio(figures: MethodFigures): string {
  const time = cell(figures, figures.ms, seconds, true);
  return figures.status === "ok" && figures.vsBareParse !== undefined ? `${time} (${times(figures.vsBareParse)})` : time;
}

function launcherStartCell(start: LauncherStart | null): string {
  return start ? `${seconds(start.npmRunMs)} / ${seconds(start.npxMs)}` : DASH;
}

/** A failed or incomplete method's time cell says so; its other cells are a dash, as when it was not run. */
function cell(figures: MethodFigures, value: number | undefined, format: (n: number) => string, isTime = false): string {
  if (figures.status === "ok" && value !== undefined) return format(value);
  if (!isTime || figures.status === "ok" || figures.status === "absent") return DASH;
  return figures.status === "incomplete" ? `incomplete (${figures.note ?? "files missing"})` : "failed";
}

const SPLIT = ["startupMs", "readingMs", "checkingMs", "mergingMs", "writingMs"] as const;

function split(phases: PhaseTimes | null): string {
  return phases ? SPLIT.map((phase) => Math.round(phases[phase])).join("/") : DASH;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join("  ");
}

/** The terminal's view of one count: every method with every figure. */
export function returnsConsoleTable(result: ReturnsResult): string {
  const rows = result.rowsIn === undefined ? "" : `, ${thousands(result.rowsIn)} rows in`;
  const best = `${runsOf(result.repetitions)}${libreOfficeRuns(result)}`;
  const header = ["", "wall s", "files/s", "peak RSS MB*", "vs bare parse", "vs LibreOffice"];
  const libreOffice = result.methods.libreOffice;
  const body = METHODS.map((method) => {
    const figures = result.methods[method];
    return [
      METHOD_LABELS[method],
      cell(figures, figures.ms, seconds, true),
      cell(figures, figures.filesPerSecond, thousands),
      cell(figures, figures.peakRssMb, thousands),
      cell(figures, figures.vsBareParse, times),
      method === "libreOffice" ? DASH : fasterThanLibreOffice(figures, libreOffice),
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const phases = result.phases
    ? SPLIT.map((phase) => `${phase.replace("Ms", "")} ${Math.round(result.phases![phase])}`).join(", ") + ` (total ${Math.round(result.phases.totalMs)}) ms`
    : `${DASH} (the CLI did not write HUIZONG_PHASE_TIMES)`;
  const status = result.status === "ok" ? "" : ` — ${result.status.toUpperCase()}`;
  return [
    `returns ${thousands(result.returns)} (${result.writtenBy}-written, ${result.rowsPerReturn} rows each${rows}; ${best})${status}`,
    ...[header, ...body].map((row) => pad(row, widths)),
    `split of node bin/huizong.js: ${phases}`,
    `own start of the launchers (--version through each less through node bin, best of ${VERSION_RUNS_PER_REPETITION * result.repetitions}): ${
      result.launcherStart ? `npm run ${seconds(result.launcherStart.npmRunMs)} s, npx ${seconds(result.launcherStart.npxMs)} s` : DASH
    }`,
    `* ${result.peakRss}`,
    ...(result.methods.libreOffice.status === "absent" ? ["note: soffice is not on PATH: no LibreOffice column"] : []),
  ].join("\n");
}

const MARKDOWN_HEADER = [
  "returns",
  "huizong (node bin) s",
  "files/s",
  "peak RSS MB (largest process)",
  "vs bare parse",
  "vs LibreOffice",
  "guard's cost s",
  "via npm run cli s",
  "via npx s",
  "own start of npm run / npx s",
  "bare parse s",
  "LibreOffice s",
  "split start-up/reading/checking/merging/writing ms",
];

function markdownRow(result: ReturnsResult): string[] {
  const { bin, unguarded, cli, npx, bare, libreOffice } = result.methods;
  const guard = bin.ms !== undefined && unguarded.ms !== undefined ? bin.ms - unguarded.ms : undefined;
  return [
    `${thousands(result.returns)}${result.status === "ok" ? "" : ` (${result.status})`}`,
    cell(bin, bin.ms, seconds, true),
    cell(bin, bin.filesPerSecond, thousands),
    cell(bin, bin.peakRssMb, thousands),
    cell(bin, bin.vsBareParse, times),
    fasterThanLibreOffice(bin, libreOffice),
    cell(unguarded, guard, seconds),
    timeAndRatio(cli),
    timeAndRatio(npx),
    launcherStartCell(result.launcherStart),
    cell(bare, bare.ms, seconds, true),
    cell(libreOffice, libreOffice.ms, seconds, true),
    split(result.phases),
  ];
}

/** `nproc` counts the CPUs this process may use (affinity, cgroups), which is what the runs had. */
function cores(): number {
  try {
    return Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {
    return os.availableParallelism();
  }
}

const runsOf = (repetitions: number): string => (repetitions === 1 ? "1 run" : `best of ${repetitions}`);

/** ", LibreOffice 1 run" when LibreOffice ran fewer times than the others. */
function libreOfficeRuns(result: ReturnsResult): string {
  const runs = result.libreOfficeRepetitions ?? result.repetitions;
  return runs > 0 && runs !== result.repetitions ? `, LibreOffice ${runsOf(runs)}` : "";
}

/** "best of 3 at 100 and 300; best of 3, LibreOffice 1 run at 1,000 and 3,000". */
function runsText(results: ReturnsResult[]): string {
  const byRuns = new Map<string, string[]>();
  for (const result of results) {
    const runs = `${runsOf(result.repetitions)}${libreOfficeRuns(result)}`;
    byRuns.set(runs, [...(byRuns.get(runs) ?? []), thousands(result.returns)]);
  }
  return [...byRuns].map(([runs, counts]) => `${runs} at ${counts.join(counts.length === 2 ? " and " : ", ")}`).join("; ");
}

function machineLine(results: ReturnsResult[], command: string): string {
  const writers = [...new Set(results.map((result) => result.writtenBy))].join("/");
  const rows = [...new Set(results.map((result) => result.rowsPerReturn))].join("/");
  const runs = runsText(results);
  const date = new Date().toISOString().slice(0, 10);
  return `${cores()} cores (nproc), Node ${process.version}, ${date}: \`${command}\` (${writers}-written returns, ${rows} rows each; ${runs})`;
}

export function returnsMarkdown(results: ReturnsResult[], command: string): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(MARKDOWN_HEADER), line(MARKDOWN_HEADER.map(() => "---")), ...results.map((result) => line(markdownRow(result))), "", machineLine(results, command), ""].join(
    "\n",
  );
}
