/**
 * The fuzz harness: plans mutated files from seed files (mutate.ts), and holds them to the product's guarantee
 * that every file ends in a report and nothing dies. Used by fuzz.test.ts (a fixed seed and count, inside
 * `npm test`) and by run.ts (`npm run fuzz`, longer runs).
 *
 * Two ways of running the files, because each sees what the other cannot:
 *  - checkInChildren: checkFile in child processes, one file after another, each file announced before it starts.
 *    A child that V8 aborts (exit 133/134, SIGABRT, SIGTRAP) names its culprit, the harness starts a new child
 *    after it, and every file gets its own time. A file running past the limit is stopped (SIGKILL to our child).
 *  - validateWithCli: `huizong validate --json` over the folder, as a clerk runs it: the supervised engine, its
 *    time limit and heap limit, and the front process that must outlive every engine and report every file.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FileReport, FileStatus } from "../../src/core/fileReport";
import { seededRandom } from "../support/seededRandom";
import { CHILD_MARK, type ChildEvent } from "./childProtocol";
import { applyMutators, containerOf, MUTATORS, type Mutator } from "./mutate";

export const ROOT = path.resolve(__dirname, "../..");
const CHILD = path.join(ROOT, "test/fuzz/checkChild.ts");
const CLI = path.join(ROOT, "bin/huizong.js");

// ---------------------------------------------------------------------------------------------------------------
// Seeds

export interface SeedFile {
  /** Where it came from, relative to the project (or the corpus), as recorded with every finding. */
  name: string;
  /** A file name that keeps the original extension, for the mutated copies. */
  base: string;
  bytes: Uint8Array;
}

const RETURNS = "test/fixtures/returns";
const HOSTILE_ORIGINAL = { file: "test/fixtures/hostile/biff5-hang.xls", offset: 9271, byte: 0x00 };

/**
 * Every returned-file fixture (not expected.json, not the owner file the reader skips by its name), and the Excel
 * 95 file that biff5-hang.xls was made from (its one changed byte put back, see that folder's README): the only
 * seed with a BIFF5 workbook in ordinary sectors and property sets, where SheetJS has hung before.
 */
export function fixtureSeeds(): SeedFile[] {
  const seeds = readdirSync(path.join(ROOT, RETURNS))
    .filter((name) => name !== "expected.json" && !name.startsWith("~$"))
    .sort()
    .map((name) => ({ name: `${RETURNS}/${name}`, base: name, bytes: new Uint8Array(readFileSync(path.join(ROOT, RETURNS, name))) }));
  const original = new Uint8Array(readFileSync(path.join(ROOT, HOSTILE_ORIGINAL.file)));
  original[HOSTILE_ORIGINAL.offset] = HOSTILE_ORIGINAL.byte;
  seeds.push({ name: `${HOSTILE_ORIGINAL.file}@${HOSTILE_ORIGINAL.offset}=0`, base: "biff5-original.xls", bytes: original });
  return seeds;
}

export const CORPUS = path.resolve(ROOT, "../shared/corpus");

/** The real-world corpus (see test/corpus.test.ts), files up to `maxBytes`: for `npm run fuzz -- --corpus`. */
export function corpusSeeds(maxBytes: number): SeedFile[] {
  if (!existsSync(CORPUS)) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  return walk(CORPUS)
    .filter((file) => /\.(xlsx|xlsm|xls|et|ods|csv|html?)$/i.test(file) && statSync(file).size <= maxBytes)
    .sort()
    .map((file) => ({ name: `corpus/${path.relative(CORPUS, file)}`, base: path.basename(file).replace(/[^\w.-]+/g, "_"), bytes: new Uint8Array(readFileSync(file)) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Planning

export interface FuzzCase {
  id: number;
  /** The seed file's name (SeedFile.name). */
  fixture: string;
  mutators: string[];
  /** The mutators' random source: applyMutators(fixture, mutators, seededRandom(seed)) gives the file again. */
  seed: number;
  /** The mutated file's name: id, mutators, the fixture's name (so its extension). */
  fileName: string;
}

export interface PlanOptions {
  seed: number;
  /** Only these mutators (all when empty). */
  only?: readonly string[];
  /** How often a second mutator is applied after the first. */
  chainChance?: number;
}

/** Structure-aware mutators are drawn this many times as often as byte-level ones. */
const STRUCTURAL_WEIGHT = 3;

/**
 * Cases one after another, deterministic for the seed: each draws a mutator (weighted), then a seed file the
 * mutator understands. A draw that changes nothing (a zip mutator on a zip with no directory left) is drawn again.
 */
export function* planCases(seeds: readonly SeedFile[], options: PlanOptions): Generator<FuzzCase & { bytes: Uint8Array }> {
  const master = seededRandom(options.seed);
  const mutators = options.only && options.only.length > 0 ? MUTATORS.filter((m) => options.only?.includes(m.name)) : MUTATORS;
  if (mutators.length === 0) throw new Error(`no mutator among ${options.only?.join(", ")}`);
  const draw = (from: readonly Mutator[]): Mutator => {
    const total = from.reduce((sum, m) => sum + (m.structural ? STRUCTURAL_WEIGHT : 1), 0);
    let at = master() * total;
    for (const m of from) if ((at -= m.structural ? STRUCTURAL_WEIGHT : 1) < 0) return m;
    return from[from.length - 1] as Mutator;
  };
  const containers = seeds.map((seed) => containerOf(seed.bytes));
  for (let id = 0; ; id++) {
    const seed = Math.floor(master() * 0x1_0000_0000);
    for (let attempt = 0; ; attempt++) {
      if (attempt > 50) throw new Error(`case ${id}: 50 draws changed nothing`);
      const first = draw(mutators);
      const candidates = seeds.filter((_, i) => first.containers.includes(containers[i] ?? "text"));
      if (candidates.length === 0) continue;
      const fixture = candidates[Math.floor(master() * candidates.length)] as SeedFile;
      const names = [first.name];
      if (master() < (options.chainChance ?? 0.2)) names.push(draw(mutators.filter((m) => m.containers.includes(containerOf(fixture.bytes)))).name);
      const bytes = applyMutators(fixture.bytes, names, seededRandom(seed));
      if (sameBytes(bytes, fixture.bytes)) continue;
      const fileName = `${String(id).padStart(5, "0")}-${names.join("+")}-${fixture.base}`;
      yield { id, fixture: fixture.name, mutators: names, seed, fileName, bytes };
      break;
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** The mutated bytes of a case again, and what each mutator did (for the note beside a saved reproducer). */
export function replayCase(seeds: readonly SeedFile[], fuzzCase: Pick<FuzzCase, "fixture" | "mutators" | "seed">): { bytes: Uint8Array; notes: string[] } {
  const fixture = seeds.find((seed) => seed.name === fuzzCase.fixture);
  if (!fixture) throw new Error(`no seed file ${fuzzCase.fixture}`);
  const notes: string[] = [];
  const bytes = applyMutators(fixture.bytes, fuzzCase.mutators, seededRandom(fuzzCase.seed), (what) => void (notes.length < 50 && notes.push(what)));
  return { bytes, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// Running files in child processes

export type Outcome =
  | { kind: "result"; ms: number; status: string; codes: string[]; peakRssMb: number }
  | { kind: "threw"; ms: number; error: string }
  /** The child died on this file: `exit` is the signal or exit code, `detail` the top of its stderr. */
  | { kind: "crash"; ms: number; exit: string; detail: string; alone?: boolean }
  /** No result after the limit plus the slack: the child was stopped. */
  | { kind: "hang"; ms: number };

export const isFailure = (outcome: Outcome | undefined): boolean => !outcome || outcome.kind !== "result";

export interface ChildRunOptions {
  /** Child processes at once. */
  workers: number;
  /** The check pool's time limit for one file, and what a file may take beyond it before it is stopped. */
  limitMs: number;
  slackMs: number;
  /** The child's heap, as the check pool gives each worker (checkPool.ts: 1 GB). */
  heapMb: number;
  /** Runs a file that killed its child once more, alone, to tell its own crash from one built up before it. */
  confirmAlone?: boolean;
  /**
   * Stops the whole run after this many failures (the files not yet run get no outcome): a reader that hangs on a
   * whole class of files fails the test within a minute instead of costing the limit for every one of them.
   */
  maxFailures?: number;
  /** Where the children's file lists go. */
  workDir: string;
  onOutcome?: (index: number, outcome: Outcome) => void;
}

let listFiles = 0;

/**
 * Each file's outcome, in input order (a hole where maxFailures stopped the run first). Files are dealt to the
 * children in turn, so slow ones spread out.
 */
export async function checkInChildren(files: readonly string[], options: ChildRunOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let failures = 0;
  const enough = () => failures >= (options.maxFailures ?? Infinity);
  const record = (index: number, outcome: Outcome) => {
    outcomes[index] = outcome;
    if (isFailure(outcome)) failures++;
    options.onOutcome?.(index, outcome);
  };
  const shards = Array.from({ length: Math.max(1, options.workers) }, (_, shard) => files.map((_, i) => i).filter((i) => i % Math.max(1, options.workers) === shard));
  await Promise.all(
    shards.map(async (indexes, shard) => {
      if (indexes.length === 0) return;
      // A name of its own: a crash confirmed alone runs a nested checkInChildren in the same folder.
      const listFile = path.join(options.workDir, `children-${++listFiles}-${shard}.json`);
      writeFileSync(listFile, JSON.stringify(indexes.map((i) => files[i])));
      for (let start = 0; start < indexes.length && !enough(); ) {
        start = await runChild(listFile, start, indexes.length, options, enough, async (local, outcome) => {
          const index = indexes[local] as number;
          if (outcome.kind === "crash" && options.confirmAlone) {
            const alone = await checkInChildren([files[index] as string], { ...options, workers: 1, confirmAlone: false, onOutcome: undefined, workDir: options.workDir });
            outcome.alone = alone[0]?.kind === "crash";
          }
          record(index, outcome);
        });
      }
    }),
  );
  return outcomes;
}

/** One child from `start` on; resolves with where the next child should start. */
function runChild(
  listFile: string,
  start: number,
  total: number,
  options: ChildRunOptions,
  enough: () => boolean,
  record: (local: number, outcome: Outcome) => Promise<void>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${options.heapMb}`, "--import", "tsx", CHILD, listFile, String(start)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let current: { index: number; startedAt: number } | undefined;
    let next = start;
    let stopped = false;
    let abandoned = false;
    let timer: NodeJS.Timeout | undefined;
    let pending = "";
    let stderr = "";
    const recorded: Array<Promise<void>> = [];
    const stop = () => {
      stopped = true;
      child.kill("SIGKILL");
    };
    // Loading tsx, SheetJS and the core takes about a second; a child that has not started a file in a minute is stuck.
    timer = setTimeout(stop, 60_000);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith(CHILD_MARK)) continue;
        const event = JSON.parse(line.slice(CHILD_MARK.length)) as ChildEvent;
        clearTimeout(timer);
        if (event.type === "start") {
          current = { index: event.index, startedAt: performance.now() };
          timer = setTimeout(stop, options.limitMs + options.slackMs);
          continue;
        }
        current = undefined;
        next = event.index + 1;
        recorded.push(record(event.index, event.type === "done"
          ? { kind: "result", ms: event.ms, status: event.status, codes: event.codes, peakRssMb: event.peakRssMb }
          : { kind: "threw", ms: event.ms, error: event.error }));
        if (enough()) {
          abandoned = true;
          child.kill("SIGKILL");
          return;
        }
      }
    });
    child.stderr.setEncoding("utf8");
    // The head holds V8's fatal message, the tail the JavaScript stack: both kept, bounded.
    child.stderr.on("data", (chunk: string) => void (stderr = stderr.length < 16_384 ? stderr + chunk : `${stderr.slice(0, 8192)}\n…\n${(stderr + chunk).slice(-8192)}`));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const finish = (resumeAt: number) => void Promise.all(recorded).then(() => resolve(resumeAt), reject);
      if (abandoned || (enough() && !current)) return finish(total);
      if (current) {
        const ms = performance.now() - current.startedAt;
        recorded.push(record(current.index, stopped ? { kind: "hang", ms } : { kind: "crash", ms, exit: signal ?? `exit ${code}`, detail: fatalSummary(stderr) }));
        return finish(current.index + 1);
      }
      if (next >= total) return finish(total);
      if (next > start && !stopped) {
        // Died between two files: the last one checked is the likeliest cause (a finaliser, a late allocation).
        recorded.push(record(next - 1, { kind: "crash", ms: 0, exit: signal ?? `exit ${code}`, detail: `after its check returned: ${fatalSummary(stderr)}` }));
        return finish(next);
      }
      reject(new Error(`the fuzz child stopped (${signal ?? code}) before checking a file:\n${stderr.slice(-4000)}`));
    });
  });
}

/** The lines of a dying Node's stderr that say why: V8's fatal message and the top of the JavaScript stack. */
export function fatalSummary(stderr: string): string {
  const lines = stderr.split("\n").map((line) => line.trim()).filter(Boolean);
  const fatal = lines.filter((line) => /FATAL ERROR|Fatal JavaScript|Fatal error|Check failed|out of memory|heap limit|RangeError|Error:/i.test(line)).slice(0, 3);
  const stackAt = lines.findIndex((line) => /JavaScript stack trace/.test(line));
  const stack = stackAt >= 0 ? lines.slice(stackAt + 1, stackAt + 4) : [];
  return [...fatal, ...stack].join(" | ").slice(0, 800) || lines.slice(-3).join(" | ").slice(0, 800);
}

// ---------------------------------------------------------------------------------------------------------------
// Running the command line

export interface CliRun {
  /** Exit code, or the signal that ended it. */
  exit: string;
  ms: number;
  reports: FileReport[] | undefined;
  stderrTail: string;
  stoppedAfterMs: number | undefined;
}

/**
 * `huizong validate DIR --json` as tests run the CLI (test/support/cli.ts), but spawned here: its JSON for
 * thousands of files is larger than execFile's output buffer, and the run must be stoppable as a whole: it runs in
 * a process group of its own, which is stopped together (the command line's engine with it).
 */
export function validateWithCli(dir: string, limitMs: number, overallMs: number): Promise<CliRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, "validate", dir, "--json"], {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, HUIZONG_READ_TIMEOUT_MS: String(limitMs) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    let stderr = "";
    let stoppedAfterMs: number | undefined;
    const timer = setTimeout(() => {
      stoppedAfterMs = performance.now() - started;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, overallMs);
    child.stdout.on("data", (chunk: Buffer) => void stdout.push(chunk));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => void (stderr = (stderr + chunk).slice(-16_384)));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      let reports: FileReport[] | undefined;
      try {
        reports = (JSON.parse(Buffer.concat(stdout).toString("utf8")) as { files: FileReport[] }).files;
      } catch {
        reports = undefined;
      }
      resolve({ exit: signal ?? String(code), ms: performance.now() - started, reports, stderrTail: stderr, stoppedAfterMs });
    });
  });
}

const STATUSES: ReadonlySet<FileStatus> = new Set(["ok", "invalid", "unreadable", "not-a-template", "ignored"]);

/** What breaks the guarantee in a CLI run over `files` (paths): it must exit 0-2 with one report per file. */
export function cliProblems(run: CliRun, files: readonly string[]): string[] {
  const problems: string[] = [];
  if (run.stoppedAfterMs !== undefined) problems.push(`huizong validate had not finished after ${Math.round(run.stoppedAfterMs / 1000)} s and was stopped`);
  else if (!["0", "1", "2"].includes(run.exit)) problems.push(`huizong validate died (${run.exit}): ${fatalSummary(run.stderrTail)}`);
  if (!run.reports) return [...problems, "huizong validate printed no JSON report"];
  const byFile = new Map<string, FileReport[]>();
  for (const report of run.reports) byFile.set(path.resolve(ROOT, report.file), [...(byFile.get(path.resolve(ROOT, report.file)) ?? []), report]);
  for (const file of files) {
    const reports = byFile.get(path.resolve(ROOT, file)) ?? [];
    if (reports.length !== 1) problems.push(`${path.basename(file)}: ${reports.length} reports`);
    else if (!STATUSES.has(reports[0]?.status as FileStatus)) problems.push(`${path.basename(file)}: status ${String(reports[0]?.status)}`);
  }
  if (run.reports.length !== files.length) problems.push(`${run.reports.length} reports for ${files.length} files`);
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Findings

/** One line of results.jsonl: everything needed to replay the file, and how it ended. */
export interface CaseRecord extends FuzzCase {
  outcome: Outcome;
  /** What the CLI reported for it, when the CLI ran over the batch. */
  cli?: { status: string; codes: string[] };
}

export function describeOutcome(outcome: Outcome | undefined): string {
  if (!outcome) return "no outcome";
  const seconds = `${(outcome.ms / 1000).toFixed(1)} s`;
  switch (outcome.kind) {
    case "result":
      return `${outcome.status}${outcome.codes.length > 0 ? ` (${outcome.codes.join(", ")})` : ""} in ${seconds}`;
    case "threw":
      return `checkFile threw after ${seconds}: ${outcome.error}`;
    case "crash":
      return `process died (${outcome.exit}) after ${seconds}${outcome.alone === undefined ? "" : outcome.alone ? ", also alone" : ", NOT alone"}: ${outcome.detail}`;
    case "hang":
      return `no result after ${seconds}, stopped`;
  }
}

/** The mutated file and a note beside it (fixture, mutators, seed, what each mutator did, what happened, replay). */
export function saveFinding(dir: string, seeds: readonly SeedFile[], record: CaseRecord): string {
  mkdirSync(dir, { recursive: true });
  const { bytes, notes } = replayCase(seeds, record);
  const file = path.join(dir, record.fileName);
  writeFileSync(file, bytes);
  const replay = `npx tsx test/fuzz/run.ts --replay '${record.fixture}' --mutators ${record.mutators.join(",")} --seed ${record.seed}`;
  writeFileSync(`${file}.json`, `${JSON.stringify({ ...record, what: describeOutcome(record.outcome), edits: notes, replay }, null, 2)}\n`);
  return file;
}
