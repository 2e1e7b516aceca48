/**
 * The "returns" scenarios: N returned workbooks merged by the real command line, three ways a clerk may start it,
 * beside the two things it is judged against: a bare parse of the same files with the same library, and
 * LibreOffice converting them. Every figure is a whole process (or, for LibreOffice, its batches) timed from
 * outside, and the five are run in turn within each repetition, so that load from other work on the machine
 * falls on all of them alike.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { convert, hasSoffice } from "./libreOffice";
import { returnsCorpus, ROWS_PER_RETURN, type Corpus } from "./returnsCorpus";
import { hasGnuTime, timedRun, type TimedRun } from "./timedRun";

const ROOT = path.resolve(__dirname, "..");
const BARE_PARSE = path.join(__dirname, "bareParse.cjs");

export const METHODS = ["bare", "bin", "unguarded", "cli", "npx", "libreOffice"] as const;
export type MethodName = (typeof METHODS)[number];

export const METHOD_LABELS: Record<MethodName, string> = {
  bare: "bare parse (node + SheetJS)",
  bin: "huizong: node bin/huizong.js",
  unguarded: "huizong without its guard",
  cli: "huizong: npm run -s cli",
  npx: "huizong: npx huizong",
  libreOffice: "LibreOffice → csv",
};

export const PHASES = ["startupMs", "readingMs", "checkingMs", "mergingMs", "writingMs", "totalMs"] as const;
export type PhaseTimes = Record<(typeof PHASES)[number], number>;

type Status = "ok" | "failed" | "incomplete" | "absent";

export interface LauncherStart {
  npmRunMs: number;
  npxMs: number;
}

export interface MethodFigures {
  status: Status;
  ms?: number;
  filesPerSecond?: number;
  /** Of the largest process, the largest over the repetitions. */
  peakRssMb?: number;
  vsBareParse?: number;
  vsLibreOffice?: number;
  note?: string;
}

export interface ReturnsResult {
  returns: number;
  /** Failed when any run of any method failed; incomplete when LibreOffice left files out. */
  status: "ok" | "failed" | "incomplete";
  rowsPerReturn: number;
  writtenBy: Corpus["writer"];
  repetitions: number;
  /** LibreOffice's runs, fewer than the others' above 300 returns; 0 without soffice. */
  libreOfficeRepetitions: number;
  rowsIn?: number;
  methods: Record<MethodName, MethodFigures>;
  /**
   * What npm and npx spend of their own before the command starts, measured in the same repetitions: the best
   * `--version` through each, less the best through `node bin/huizong.js`. Null when a launcher failed.
   */
  launcherStart: LauncherStart | null;
  /** The CLI's own split of its fastest `node bin/huizong.js` run (HUIZONG_PHASE_TIMES); null until the CLI writes it. */
  phases: PhaseTimes | null;
  peakRss: string;
}

/** One repetition of one method. */
interface Attempt {
  status: Exclude<Status, "absent">;
  ms: number;
  peakRssMb: number | undefined;
  note?: string;
  rowsIn?: number;
  phases?: PhaseTimes;
}

interface Setting {
  corpus: Corpus;
  scratch: string;
  /** Distinguishes the outputs of the runs: each merge writes a master of its own. */
  tag: string;
}

/**
 * Best of 3 for every count: on a shared machine a single run moves by a fifth. LibreOffice, which takes minutes
 * above 300 returns and is ten times slower or more, runs once there: its noise cannot change a ratio's verdict.
 */
export const repetitionsFor = (_count: number): number => 3;
export const libreOfficeRepetitionsFor = (count: number): number => (count <= 300 ? 3 : 1);

/** Without the caller's own HUIZONG_PHASE_TIMES: only the `node bin` run writes the split, and to our file. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.HUIZONG_PHASE_TIMES;
  return env;
}

function reportFailure(what: string, run: TimedRun): void {
  console.error(`${what} failed (exit ${run.exitCode ?? "signal or launch failure"}):\n${run.stderr.trim()}`);
}

function bareParse({ corpus }: Setting): Attempt {
  const run = timedRun("node", [BARE_PARSE, corpus.dir], { cwd: ROOT, env: baseEnv() });
  if (run.exitCode !== 0) reportFailure("bare parse", run);
  return { status: run.exitCode === 0 ? "ok" : "failed", ms: run.ms, peakRssMb: run.peakRssMb };
}

function readPhases(file: string): PhaseTimes | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    return PHASES.every((phase) => typeof parsed[phase] === "number") ? (parsed as PhaseTimes) : undefined;
  } catch {
    return undefined;
  }
}

function rowsIn(stdout: string): number | undefined {
  try {
    const rows = (JSON.parse(stdout) as { rowsIn?: unknown }).rowsIn;
    return typeof rows === "number" ? rows : undefined;
  } catch {
    return undefined;
  }
}

type MergeWay = "bin" | "unguarded" | "cli" | "npx";

const MERGE_COMMANDS: Record<MergeWay, (args: string[]) => [string, string[]]> = {
  bin: (args) => ["node", ["bin/huizong.js", ...args]],
  // The same bundled merge in one process, no supervisor, with the engine's young generation (supervisor.ts):
  // bin minus this is what the guard costs.
  unguarded: ([, dir = "", , output = ""]) => ["node", ["--max-semi-space-size=32", "bench/unguardedMerge.mjs", dir, output]],
  cli: (args) => ["npm", ["run", "-s", "cli", "--", ...args]],
  npx: (args) => ["npx", ["huizong", ...args]],
};

/** `merge DIR -o OUT --json` into a new master; exit 1 only means the returns have problems (they do, on purpose). */
function merge(way: MergeWay, { corpus, scratch, tag }: Setting): Attempt {
  const output = path.join(scratch, `master-${way}-${tag}.xlsx`);
  const phaseFile = path.join(scratch, `phases-${tag}.json`);
  const env = way === "bin" ? { ...baseEnv(), HUIZONG_PHASE_TIMES: phaseFile } : baseEnv();
  const [command, args] = MERGE_COMMANDS[way](["merge", corpus.dir, "-o", output, "--json"]);
  const run = timedRun(command, args, { cwd: ROOT, env });
  const ok = run.exitCode === 0 || run.exitCode === 1;
  if (!ok) reportFailure(`${command} ${args.join(" ")}`, run);
  const phases = way === "bin" ? readPhases(phaseFile) : undefined;
  return { status: ok ? "ok" : "failed", ms: run.ms, peakRssMb: run.peakRssMb, rowsIn: rowsIn(run.stdout), ...(phases ? { phases } : {}) };
}

function libreOffice({ corpus, scratch, tag }: Setting): Attempt {
  const conversion = convert(corpus.files, "csv", path.join(scratch, `csv-${tag}`));
  conversion.failures.forEach((run) => reportFailure("soffice --convert-to csv", run));
  const complete = conversion.produced === corpus.files.length;
  const status = conversion.failures.length > 0 ? "failed" : complete ? "ok" : "incomplete";
  const note = complete ? undefined : `${conversion.produced} of ${corpus.files.length} files`;
  return { status, ms: conversion.ms, peakRssMb: conversion.peakRssMb, ...(note ? { note } : {}) };
}

const RUNNERS: Record<MethodName, (setting: Setting) => Attempt> = {
  bare: bareParse,
  bin: (setting) => merge("bin", setting),
  unguarded: (setting) => merge("unguarded", setting),
  cli: (setting) => merge("cli", setting),
  npx: (setting) => merge("npx", setting),
  libreOffice,
};

/**
 * Once, untimed, before the repetitions: the returns read into the page cache, and each way run on three files,
 * so that one-off costs (tsx's transform cache, npx finding the bin, LibreOffice making its profile) do not land
 * on whichever method happens to come first, or on the single run at 1,000 and 3,000.
 */
function warmUp(corpus: Corpus, methods: readonly MethodName[], scratch: string): void {
  corpus.files.forEach((file) => readFileSync(file));
  const dir = path.join(scratch, "warm-up");
  mkdirSync(dir);
  const files = corpus.files.slice(0, 3).map((file) => {
    copyFileSync(file, path.join(dir, path.basename(file)));
    return path.join(dir, path.basename(file));
  });
  const small: Setting = { corpus: { ...corpus, dir, files }, scratch, tag: "warm-up" };
  methods.forEach((method) => RUNNERS[method](small));
}

function combine(attempts: Attempt[], count: number): MethodFigures {
  const done = attempts.filter((attempt) => attempt.status === "ok");
  const worst = attempts.find((attempt) => attempt.status === "failed") ?? attempts.find((attempt) => attempt.status === "incomplete");
  const best = done.reduce<Attempt | undefined>((fastest, attempt) => (fastest && fastest.ms <= attempt.ms ? fastest : attempt), undefined);
  const rss = attempts.map((attempt) => attempt.peakRssMb).filter((mb): mb is number => mb !== undefined);
  const figures: MethodFigures = { status: worst?.status ?? "ok" };
  if (best) Object.assign(figures, { ms: Math.round(best.ms), filesPerSecond: Math.round(count / (best.ms / 1000)) });
  if (rss.length > 0) figures.peakRssMb = Math.max(...rss);
  if (worst?.note) figures.note = worst.note;
  return figures;
}

function addRatios(methods: Record<MethodName, MethodFigures>): void {
  const ratio = (a: MethodFigures, b: MethodFigures) => (a.status === "ok" && b.status === "ok" && a.ms && b.ms ? Number((a.ms / b.ms).toFixed(2)) : undefined);
  for (const figures of Object.values(methods)) {
    const vsBareParse = ratio(figures, methods.bare);
    const vsLibreOffice = ratio(figures, methods.libreOffice);
    if (vsBareParse !== undefined) figures.vsBareParse = vsBareParse;
    if (vsLibreOffice !== undefined) figures.vsLibreOffice = vsLibreOffice;
  }
}

function progressLine(count: number, repetition: number, repetitions: number, method: MethodName, attempt: Attempt): string {
  const rss = attempt.peakRssMb === undefined ? "" : `, ${attempt.peakRssMb} MB`;
  return `returns ${count}, run ${repetition + 1}/${repetitions}: ${METHOD_LABELS[method]} ${(attempt.ms / 1000).toFixed(2)} s${rss}${attempt.status === "ok" ? "" : ` (${attempt.status})`}`;
}

function rowStatus(figures: Record<MethodName, MethodFigures>): ReturnsResult["status"] {
  const statuses = Object.values(figures).map((method) => method.status);
  return statuses.includes("failed") ? "failed" : statuses.includes("incomplete") ? "incomplete" : "ok";
}

/** The fastest `node bin` run's split: the one whose time the table shows. */
function phasesOfFastest(attempts: Attempt[]): PhaseTimes | null {
  const ok = attempts.filter((attempt) => attempt.status === "ok").sort((a, b) => a.ms - b.ms);
  return ok[0]?.phases ?? null;
}

type Launcher = "bin" | "cli" | "npx";

/** Three `--version`s of each launcher per repetition: they take a fraction of a second, and their noise is large beside their size. */
export const VERSION_RUNS_PER_REPETITION = 3;

/** `huizong --version` the three ways: it does nothing, so its time is each launcher's start and node's. */
const VERSION_COMMANDS: Record<Launcher, [string, string[]]> = {
  bin: ["node", ["bin/huizong.js", "--version"]],
  cli: ["npm", ["run", "-s", "cli", "--", "--version"]],
  npx: ["npx", ["huizong", "--version"]],
};
const LAUNCHERS = Object.keys(VERSION_COMMANDS) as Launcher[];
/** One `--version` time per launcher; undefined for one that failed. */
type VersionRun = Record<Launcher, number | undefined>;

/** One `--version` run of each launcher, in turn. */
function versionRuns(): VersionRun {
  const runs = LAUNCHERS.map((launcher) => {
    const [command, args] = VERSION_COMMANDS[launcher];
    const run = timedRun(command, args, { cwd: ROOT, env: baseEnv() });
    if (run.exitCode !== 0) reportFailure(`${command} ${args.join(" ")}`, run);
    return [launcher, run.exitCode === 0 ? run.ms : undefined] as const;
  });
  return Object.fromEntries(runs) as VersionRun;
}

/** Best against best, as the merges are compared; a launcher that failed once gives no figure. */
function launcherStart(runs: VersionRun[]): LauncherStart | null {
  const best = (launcher: Launcher): number | undefined => {
    const times = runs.map((run) => run[launcher]);
    return times.every((ms): ms is number => ms !== undefined) ? Math.min(...times) : undefined;
  };
  const [bin, cli, npx] = LAUNCHERS.map(best);
  if (bin === undefined || cli === undefined || npx === undefined) return null;
  return { npmRunMs: Math.max(0, Math.round(cli - bin)), npxMs: Math.max(0, Math.round(npx - bin)) };
}

/**
 * Every method once per repetition, in turn, then the launchers' `--version`s; masters, csv files and splits in a
 * temp folder removed after.
 */
function measure(corpus: Corpus, methods: readonly MethodName[], repetitions: number): { attempts: Map<MethodName, Attempt[]>; versions: VersionRun[] } {
  const count = corpus.files.length;
  const attempts = new Map<MethodName, Attempt[]>(methods.map((method) => [method, []]));
  const versions: VersionRun[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), `huizong-bench-returns-${count}-`));
  try {
    warmUp(corpus, methods, scratch);
    for (let repetition = 0; repetition < repetitions; repetition++) {
      for (const method of methods) {
        if (method === "libreOffice" && repetition >= libreOfficeRepetitionsFor(count)) continue;
        const attempt = RUNNERS[method]({ corpus, scratch, tag: String(repetition) });
        attempts.get(method)!.push(attempt);
        console.error(progressLine(count, repetition, repetitions, method, attempt));
      }
      for (let i = 0; i < VERSION_RUNS_PER_REPETITION; i++) versions.push(versionRuns());
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { attempts, versions };
}

export function returns(count: number): ReturnsResult {
  const corpus = returnsCorpus(count);
  if (corpus.writer === "SheetJS") console.error("note: soffice is not on PATH: the returns are SheetJS-written, and LibreOffice is left out");
  const methods = METHODS.filter((method) => method !== "libreOffice" || hasSoffice());
  const repetitions = repetitionsFor(count);
  const { attempts, versions } = measure(corpus, methods, repetitions);
  const figures = Object.fromEntries(
    METHODS.map((method) => [method, attempts.has(method) ? combine(attempts.get(method)!, count) : { status: "absent" as const }]),
  ) as Record<MethodName, MethodFigures>;
  addRatios(figures);
  const rows = attempts.get("bin")!.find((attempt) => attempt.rowsIn !== undefined)?.rowsIn;
  return {
    returns: count,
    status: rowStatus(figures),
    rowsPerReturn: ROWS_PER_RETURN,
    writtenBy: corpus.writer,
    repetitions,
    libreOfficeRepetitions: methods.includes("libreOffice") ? libreOfficeRepetitionsFor(count) : 0,
    ...(rows === undefined ? {} : { rowsIn: rows }),
    methods: figures,
    launcherStart: launcherStart(versions),
    phases: phasesOfFastest(attempts.get("bin")!),
    peakRss: hasGnuTime() ? "largest process (GNU time %M)" : "not measured (no /usr/bin/time)",
  };
}
