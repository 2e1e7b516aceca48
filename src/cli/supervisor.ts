/**
 * Runs `validate` or `merge` in one child process, the engine (engine.ts), and watches it, so that no file can hang
 * the command line or bring it down.
 *
 * Some damaged files send SheetJS into a loop that runs for most of a minute and takes gigabytes before it fails,
 * and a synchronous parse cannot be interrupted: only its process can be stopped. A process, not a thread: when V8
 * gives up (an array grown past its limit, a heap it cannot grow) it aborts the whole process, threads and all.
 * The engine says which file it is checking (on a board the front reads: fileBoard.ts); one that runs past its
 * time limit, or during which the engine dies, is given up (`read-timeout`, or `corrupt`), and the command runs
 * again from the start in a fresh engine that reports that file as unreadable without touching it. Such files are rare, so the rerun costs less than sending
 * every file's result across processes would on every ordinary run.
 *
 * With many files the engine reads on a second thread too (twoReaders.ts), and watches that thread itself. If the
 * engine dies meanwhile, the file is not known (either thread's could be the cause): the run starts again reading
 * on one thread, which finds it.
 *
 * This module loads nothing heavy: the front process only parses arguments and waits.
 */
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import type { GivenUpCode } from "./checkInputs";
import type { CommandResult } from "./exitCodes";
import { DEFAULT_TIMEOUT_MS, SECOND_READER_FROM, type EngineCommand, type EngineJob, type EngineMessage } from "./engineProtocol";
import { takeEngine } from "./engineStart";
import { FileBoardReader, type CurrentFile } from "./fileBoard";
import { takeOver, type HandedOutput } from "./outputHandoff";
import { progressReporter } from "./progress";
import { terminalText } from "./terminalText";
import { UsageError } from "./usageError";

/** How often the engine's board is read: a hang is stopped this much after its time limit at most. */
const BOARD_LOOK_MS = 100;

/** How long the engine may take to load its modules, whatever a file's own limit. */
const STARTUP_LIMIT_MS = 30_000;
/** The end of a dying engine's stderr is kept: V8 says there why it gave up (out of memory, an invalid size). */
const STDERR_TAIL_BYTES = 4096;

export interface SupervisorOptions {
  /** How long one file may take. Default: `HUIZONG_READ_TIMEOUT_MS` from the environment, else 20 s. */
  timeoutMs?: number;
  /** The engine's JS heap in MB; an engine that runs out dies, and the file it was on is `corrupt`. */
  maxOldGenerationMb?: number;
  /** The engine's module (default: the real one beside this file); tests swap in one that misbehaves. */
  entry?: string;
  /** Where a given-up file's cause goes, in English for maintainers (the report says it in Chinese). Default: stderr. */
  log?: (line: string) => void;
  /** Progress on stderr for long runs. Default: on. */
  progress?: boolean;
  /** From how many files the engine reads on a second thread too (Infinity: never). Default: 500. */
  secondReaderFrom?: number;
}

/** How one engine run ended. */
type Attempt =
  | { kind: "done"; result: CommandResult; startedAt: number; phases: Extract<EngineMessage, { type: "done" }>["phases"]; readingThreads: 1 | 2 }
  | { kind: "gave-up"; index: number; code: GivenUpCode; detail: string }
  /** Died while reading on two threads: which file did it is unknown, so the next attempt reads on one. */
  | { kind: "died-reading-in-parallel"; detail: string }
  | { kind: "failed"; error: Error };

/** The command's result, every file reported whatever it did to the engine. Throws UsageError as the command would. */
export async function runSupervised(command: EngineCommand, options: SupervisorOptions = {}): Promise<CommandResult> {
  const board = FileBoardReader.create();
  try {
    return await superviseAttempts(command, options, board);
  } finally {
    board.remove();
  }
}

/** Engines one after another, each without the files the ones before it were given up on, until one answers. */
async function superviseAttempts(command: EngineCommand, options: SupervisorOptions, board: FileBoardReader): Promise<CommandResult> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${terminalText(line)}\n`));
  const givenUp = new Map<number, GivenUpCode>();
  const progress = new ProgressLine(options.progress ?? true);
  const timeoutMs = options.timeoutMs ?? timeoutFromEnvironment();
  let secondReaderFrom = options.secondReaderFrom ?? SECOND_READER_FROM;
  for (;;) {
    board.clear();
    const job = { command, givenUp: [...givenUp], secondReaderFrom: Number.isFinite(secondReaderFrom) ? secondReaderFrom : null, timeoutMs, board: board.path };
    const attempt = await runEngine(job, options, board, progress, log);
    if (attempt.kind === "failed") throw attempt.error;
    if (attempt.kind === "done") {
      writePhaseTimes(attempt);
      return attempt.result;
    }
    log(`huizong: ${attempt.detail}`);
    if (attempt.kind === "died-reading-in-parallel") secondReaderFrom = Number.POSITIVE_INFINITY;
    else givenUp.set(attempt.index, attempt.code);
  }
}

/** One engine from start to end: its answer, the file it was given up on, or why it failed without one. */
function runEngine(job: EngineJob, options: SupervisorOptions, board: FileBoardReader, progress: ProgressLine, log: (line: string) => void): Promise<Attempt> {
  const { timeoutMs } = job;
  return new Promise((resolve) => {
    let stderrTail = "";
    let current: CurrentFile | undefined;
    let watching: NodeJS.Timeout | undefined;
    // From "two-threads" until every file is checked, a second reading thread may be on any file.
    let onTwoThreads = false;
    let readingThreads: 1 | 2 = 1;
    let outcome: Attempt | undefined;
    let timer: NodeJS.Timeout | undefined;
    let engine: ChildProcess | undefined;
    const arm = (ms: number, onExpiry: () => Attempt) => {
      clearTimeout(timer);
      timer = setTimeout(() => stop(onExpiry()), ms);
    };
    // The outcome is settled when the engine has exited: a rerun never meets the last one's lock or files.
    const stop = (attempt: Attempt) => {
      outcome ??= attempt;
      clearTimeout(timer);
      clearInterval(watching);
      engine?.kill("SIGKILL");
    };
    // Which file the engine is on, from its board; one it has been on for longer than the limit is given up.
    const look = () => {
      const now = board.read();
      if (now?.index !== current?.index) {
        current = now;
        if (now) {
          progress.total = now.total;
          progress.reached(now.index);
        }
      }
      if (current && Date.now() - current.since > timeoutMs) {
        stop({ kind: "gave-up", index: current.index, code: "read-timeout", detail: `${current.file}: no result after ${timeoutMs} ms, stopped` });
      }
    };
    // Stopped from outside (a timeout's SIGTERM, a closed terminal), this process takes its engine with it: a file
    // hanging the engine would otherwise keep it running. Ctrl+C reaches both already (one process group).
    const stopWithEngine = (signal: NodeJS.Signals) => {
      engine?.kill("SIGKILL");
      process.exit(128 + (signal === "SIGHUP" ? 1 : signal === "SIGINT" ? 2 : 15));
    };
    const signals = ["SIGTERM", "SIGHUP", "SIGINT"] as const;
    signals.forEach((signal) => process.on(signal, stopWithEngine));

    const onMessage = (message: EngineMessage) => {
      // The answer's file is taken (and removed) even when the outcome is settled already.
      const answer = message.type === "done" ? takenOutput(message.output) : undefined;
      if (outcome) return;
      switch (message.type) {
        case "ready":
          clearTimeout(timer);
          watching = setInterval(look, BOARD_LOOK_MS);
          return void engine?.send(job);
        case "log":
          return log(message.line);
        case "two-threads":
          onTwoThreads = true;
          readingThreads = 2;
          return;
        case "finished":
          clearInterval(watching);
          current = undefined;
          onTwoThreads = false;
          return progress.reached(progress.total);
        case "done":
          if (answer instanceof Error) return stop({ kind: "failed", error: answer });
          outcome = { kind: "done", result: { output: answer ?? "", exitCode: message.exitCode }, startedAt: message.startedAt, phases: message.phases, readingThreads };
          return;
        case "usage":
          outcome = { kind: "failed", error: new UsageError(message.message, message.showHelpHint) };
          return;
        case "crashed":
          outcome = { kind: "failed", error: engineError(message.error) };
          return;
      }
    };
    // 'close' rather than 'exit': by then its stderr is read to the end, with V8's last words.
    const onClose = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      clearInterval(watching);
      signals.forEach((signal) => process.off(signal, stopWithEngine));
      if (!outcome) {
        // The file it died on: what its board says now, since the last look may be older.
        if (watching) current = board.read();
        const death = deathNote(exitCode, signal, stderrTail);
        if (onTwoThreads) outcome = { kind: "died-reading-in-parallel", detail: `${death} while reading on two threads; reading again on one` };
        else if (current) outcome = { kind: "gave-up", index: current.index, code: "corrupt", detail: `${current.file}: ${death}` };
        else outcome = { kind: "failed", error: engineError(death) };
      }
      if (outcome.kind === "gave-up") progress.reached(outcome.index + 1);
      resolve(outcome);
    };

    arm(Math.max(timeoutMs, STARTUP_LIMIT_MS), () => ({ kind: "failed", error: new Error(`the engine did not start within ${Math.max(timeoutMs, STARTUP_LIMIT_MS)} ms`) }));
    // The engine bin/huizong.js started early, for the first attempt; what it already said is said again here.
    takeEngine({ entry: options.entry, maxOldGenerationMb: options.maxOldGenerationMb }, (started) => {
      engine = started;
      started.stderr?.on("data", (chunk: Buffer) => {
        process.stderr.write(chunk);
        stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_BYTES);
      });
      started.on("message", onMessage);
      started.on("error", (error) => stop({ kind: "failed", error }));
      started.on("close", onClose);
    });
  });
}

/** "已处理 N/M 个文件…" once per tenth: counted by the furthest file reached, so a rerun does not count again. */
class ProgressLine {
  total = 0;
  private furthest = 0;
  private report: ((done: number) => void) | undefined;

  constructor(private readonly enabled: boolean) {}

  reached(done: number): void {
    if (!this.enabled || done <= this.furthest) return;
    this.furthest = done;
    this.report ??= progressReporter(this.total);
    this.report(done);
  }
}

/** The engine's answer, or why its file could not be read back (never thrown: this runs in an event handler). */
function takenOutput(handed: HandedOutput): string | Error {
  try {
    return takeOver(handed);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** An error carrying the engine's own stack, so a bug report shows where it was thrown. */
function engineError(stack: string): Error {
  const error = new Error(stack.split("\n")[0] ?? stack);
  error.stack = stack;
  return error;
}

/** Why the engine ended, for the log: its exit, and what V8 said if it gave up. */
export function deathNote(exitCode: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal ? `signal ${signal}` : `code ${exitCode}`;
  if (/heap out of memory|Reached heap limit/i.test(stderr)) return `the engine ran out of its memory limit and died (${how})`;
  const fatal = /Fatal JavaScript[^\n]*|FATAL ERROR:[^\n]*/.exec(stderr)?.[0];
  return `the engine died (${how})${fatal ? `: ${fatal.trim()}` : ""}`;
}

/** The limit for tests and odd machines: `HUIZONG_READ_TIMEOUT_MS=3000 huizong validate …`. */
function timeoutFromEnvironment(): number {
  const fromEnvironment = Number(process.env.HUIZONG_READ_TIMEOUT_MS);
  return Number.isFinite(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : DEFAULT_TIMEOUT_MS;
}

/**
 * `HUIZONG_PHASE_TIMES=FILE huizong merge …` writes where the run's time went (for `npm run bench`): start-up is
 * from this process's start until the engine began the command; total until now. Reading and checking are the
 * engine's main thread's, with its wait for the second reading thread counted as reading.
 */
function writePhaseTimes(attempt: Extract<Attempt, { kind: "done" }>): void {
  const file = process.env.HUIZONG_PHASE_TIMES;
  if (!file) return;
  const now = performance.timeOrigin + performance.now();
  const { reading, checking, merging, writing } = attempt.phases;
  const times = {
    startupMs: Math.round(attempt.startedAt - performance.timeOrigin),
    readingMs: reading,
    checkingMs: checking,
    mergingMs: merging,
    writingMs: writing,
    totalMs: Math.round(now - performance.timeOrigin),
    readingThreads: attempt.readingThreads,
  };
  writeFileSync(file, `${JSON.stringify(times)}\n`);
}
