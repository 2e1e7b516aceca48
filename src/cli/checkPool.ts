/**
 * Checks returned files in child processes, so that no file can hang the CLI or bring it down.
 *
 * Some damaged files send SheetJS into a loop that runs for most of a minute and takes gigabytes before it fails,
 * and a synchronous parse cannot be interrupted: only its process can be stopped. Worth a process, not a thread:
 * when V8 gives up (an array grown past its limit, a heap it cannot grow) it aborts the whole process, worker
 * threads and all, and every other file's result would go with it. So each file is checked in a child process
 * with a time limit and a heap limit. A file that runs past either, or whose process dies, ends as an `unreadable`
 * report (`read-timeout`, or `corrupt`), a fresh process takes over, and the other files go on. Node only: the CLI
 * is its one user (the task pane reads in the browser).
 */
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import type { CheckOptions } from "../core/checkWorkbook";
import { unreadableReport } from "../core/fileReport";
import type { CheckedFile } from "../files/checkFile";
import { DEFAULT_READ_LIMITS } from "../files/readLimits";
import { campaignYear, type CampaignSettings } from "../core/campaign";
import { metadataCampaign } from "../core/templateMetadata";
import { cliMessages, readFailureMessages } from "../messages/zhCN";
import type { CheckRequest, CheckResponse } from "./checkWorker";
import { readInput } from "./inputFiles";
import { terminalText } from "./terminalText";

/**
 * A returned schedule is checked in milliseconds; the largest file the reader accepts (19 MB, 1.5 million cells)
 * in about 5 s on a developer machine. 20 s leaves room for a slow office PC and still stops a runaway parse.
 */
const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * That largest accepted file peaks under 512 MB of heap. The limit only bounds the JS heap (V8's old space): the
 * reader's own limits (file size, unpacked size, cell count) bound the buffers outside it.
 */
const DEFAULT_MAX_OLD_GENERATION_MB = 1024;

/**
 * Checking is CPU-bound, and each process may hold up to its heap limit: two use an office PC's cores without
 * starving everything else on it.
 */
const MAX_WORKERS = Math.min(2, os.availableParallelism());

/**
 * A checker takes about half a second to start (loading SheetJS and the core), more than a hundred ordinary returns
 * take to check. So a second worker starts only when a file has waited this long for one: a slow or hanging file
 * is holding up the others, or the files are large.
 */
const GROW_AFTER_MS = 2000;

/** From this many files on, a run starts every worker at once (≈1.5 ms a file against ≈0.5 s a start-up). */
const MANY_FILES = 300;

// Both beside this module: checkWorker.ts when run from source, checkWorker.js when compiled or bundled alongside.
const WORKER_ENTRY = path.join(__dirname, `checkWorker${path.extname(__filename)}`);
const BOOT_FILE = path.join(__dirname, "checkWorker.boot.cjs");
/** How long a checker may take to load its modules, whatever a file's own limit. */
const STARTUP_LIMIT_MS = 30_000;
/** The end of a dying checker's stderr is kept: V8 says there why it gave up (out of memory, an invalid size). */
const STDERR_TAIL_BYTES = 4096;

/** Limits of a check pool; every one has a default. */
export interface CheckPoolOptions {
  /** Checker processes at most. Default: two, or one on a single core. */
  workers?: number;
  /** Checkers started with the first file rather than when files wait: for runs known to be long. Default 1. */
  eagerWorkers?: number;
  /** How long one file may take. Default: `HUIZONG_READ_TIMEOUT_MS` from the environment, else 20 s. */
  timeoutMs?: number;
  /** Each checker's JS heap (V8 old space) in MB; a checker that runs out dies and its file is `corrupt`. */
  maxOldGenerationMb?: number;
  /** The module each checker runs (default: checkWorker beside this file); tests swap in one that crashes. */
  entry?: string;
  /** Where a failed file's cause goes, in English for maintainers (the report says it in Chinese). Default: stderr. */
  log?: (line: string) => void;
}

/** Child processes that check returned files: every `check` settles with a report, whatever the file does. */
export interface CheckPool {
  /** checkFile in a child process (the bytes are copied there). Never rejects unless the pool is closed first. */
  check(bytes: Uint8Array, fileName: string, options: CheckOptions): Promise<CheckedFile>;
  /** Stops every worker. Call it when done, on error too: idle workers keep the process alive. */
  close(): Promise<void>;
}

interface Job {
  request: CheckRequest;
  queuedAt: number;
  resolve: (result: CheckedFile) => void;
  reject: (error: Error) => void;
}

/** A checker process, the file it is on, and that file's deadline. */
interface Slot {
  worker: ChildProcess;
  /** The end of its stderr, for the log when it dies. */
  stderrTail: string;
  /** Its modules are loaded; before that, a file's time limit has not started. */
  ready: boolean;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Starts no thread yet: the first worker starts with the first file, a second only when files wait (GROW_AFTER_MS),
 * so a small run pays for one worker's start-up only.
 */
export function createCheckPool(options: CheckPoolOptions = {}): CheckPool {
  const size = Math.max(1, options.workers ?? MAX_WORKERS);
  const eager = Math.min(size, Math.max(1, options.eagerWorkers ?? 1));
  const timeoutMs = options.timeoutMs ?? timeoutFromEnvironment();
  const heapFlag = `--max-old-space-size=${options.maxOldGenerationMb ?? DEFAULT_MAX_OLD_GENERATION_MB}`;
  const log = options.log ?? ((line: string) => process.stderr.write(`${terminalText(line)}\n`));
  const queue: Job[] = [];
  const slots = new Set<Slot>();
  let growTimer: NodeJS.Timeout | undefined;
  let closed = false;

  /** Hands waiting files to idle workers; starts the first worker at once, and plans a second if files wait. */
  function dispatch(): void {
    while (queue.length > 0) {
      const slot = [...slots].find((candidate) => !candidate.job) ?? (slots.size < eager ? spawn() : undefined);
      if (!slot) return growLater();
      slot.job = queue.shift();
      if (slot.ready) start(slot);
    }
  }

  /** Starts another worker once the oldest waiting file has waited GROW_AFTER_MS, if the pool is not full. */
  function growLater(): void {
    const oldest = queue[0];
    if (growTimer || !oldest || slots.size >= size || closed) return;
    growTimer = setTimeout(() => {
      growTimer = undefined;
      const head = queue[0];
      if (head && head === oldest && slots.size < size) spawn();
      dispatch();
    }, oldest.queuedAt + GROW_AFTER_MS - performance.now());
  }

  function spawn(): Slot {
    // Only the heap flag: the boot file loads TypeScript itself when needed, so tsx's hooks are not inherited twice.
    const worker = fork(BOOT_FILE, [options.entry ?? WORKER_ENTRY], { execArgv: [heapFlag], serialization: "advanced", stdio: ["ignore", "ignore", "pipe", "ipc"] });
    const slot: Slot = { worker, stderrTail: "", ready: false, job: undefined, timer: undefined };
    slots.add(slot);
    // A checker that never gets ready must not hang its file either.
    arm(slot);
    worker.stderr?.on("data", (chunk: Buffer) => (slot.stderrTail = (slot.stderrTail + chunk.toString()).slice(-STDERR_TAIL_BYTES)));
    worker.on("message", (response: CheckResponse) => receive(slot, response));
    worker.on("error", (error) => retire(slot, "corrupt", `checker failed: ${String(error)}`));
    // 'close' rather than 'exit': by then its stderr is read to the end, with V8's last words.
    worker.on("close", (exitCode, signal) => retire(slot, "corrupt", deathNote(exitCode, signal, slot.stderrTail)));
    return slot;
  }

  function start(slot: Slot): void {
    clearTimeout(slot.timer);
    if (!slot.job) return;
    slot.worker.send(slot.job.request);
    arm(slot);
  }

  function arm(slot: Slot): void {
    clearTimeout(slot.timer);
    // Start-up is not the file's time: a busy machine can take seconds to load a checker, and a file's limit may be
    // short. The longer of the two still stops a checker that never starts.
    const limit = slot.ready ? timeoutMs : Math.max(timeoutMs, STARTUP_LIMIT_MS);
    const detail = slot.ready ? `no result after ${limit} ms, stopped` : `checker not started after ${limit} ms`;
    slot.timer = setTimeout(() => retire(slot, "read-timeout", detail), limit);
  }

  function receive(slot: Slot, response: CheckResponse): void {
    // A result can still arrive from a checker that was just timed out and is being stopped.
    if (!slots.has(slot)) return;
    if (response.type === "ready") {
      slot.ready = true;
      return start(slot);
    }
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (job) {
      const { fileName } = job.request;
      job.resolve(response.type === "done" ? response.result : fail(fileName, "corrupt", `checkFile threw: ${response.error}`));
    }
    dispatch();
  }

  /** Ends a checker that timed out or died; its file gets a report, and a fresh checker takes on the queue. */
  function retire(slot: Slot, code: "read-timeout" | "corrupt", detail: string): void {
    if (!slots.delete(slot)) return;
    clearTimeout(slot.timer);
    slot.worker.kill("SIGKILL");
    if (slot.job) slot.job.resolve(fail(slot.job.request.fileName, code, detail));
    dispatch();
  }

  /** A file the checker could not finish: an `unreadable` report in Chinese, and the cause in the log. */
  function fail(fileName: string, code: "read-timeout" | "corrupt", detail: string): CheckedFile {
    log(`huizong: ${fileName}: ${detail}`);
    return { report: unreadableReport(fileName, code, readFailureMessages[code]), check: undefined };
  }

  return {
    check(bytes, fileName, checkOptions) {
      if (closed) return Promise.reject(new Error("the check pool is closed"));
      return new Promise((resolve, reject) => {
        queue.push({ request: { bytes, fileName, options: checkOptions }, queuedAt: performance.now(), resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      clearTimeout(growTimer);
      const abandoned = new Error("the check pool was closed before this file was checked");
      for (const job of queue.splice(0)) job.reject(abandoned);
      const stopping = [...slots].map((slot) => {
        clearTimeout(slot.timer);
        slot.job?.reject(abandoned);
        const exited = new Promise((resolve) => slot.worker.once("close", resolve));
        slot.worker.kill("SIGKILL");
        return slot.worker.exitCode !== null || slot.worker.signalCode !== null ? undefined : exited;
      });
      slots.clear();
      await Promise.all(stopping);
    },
  };
}

/** A file named on the command line, read and checked; `modifiedMs` is 0 when it could not be read. */
export interface CheckedInput extends CheckedFile {
  modifiedMs: number;
}

/**
 * Reads and checks files on a check pool; results in input order. Only two files per worker are in flight (one
 * checked, one waiting), so memory holds a few files' bytes, not a whole folder's. `onProgress` gets the number of
 * files done after each one.
 */
export async function checkInputs(
  files: readonly string[],
  options: CheckOptions,
  onProgress: (done: number) => void = () => {},
): Promise<CheckedInput[]> {
  // Hundreds of files take longer than a second worker takes to start: start both at once then.
  const pool = createCheckPool({ eagerWorkers: files.length >= MANY_FILES ? MAX_WORKERS : 1 });
  const results: CheckedInput[] = [];
  const pending = files.entries();
  let done = 0;
  // Lanes share one iterator, so each file is taken exactly once.
  const lane = async () => {
    for (const [index, file] of pending) {
      results[index] = await checkInput(pool, file, options);
      onProgress(++done);
    }
  };
  try {
    await Promise.all(Array.from({ length: MAX_WORKERS * 2 }, lane));
  } finally {
    await pool.close();
  }
  return results;
}

async function checkInput(pool: CheckPool, file: string, options: CheckOptions): Promise<CheckedInput> {
  const input = await readInput(file, DEFAULT_READ_LIMITS);
  if (!input.ok) return { report: input.report, check: undefined, modifiedMs: 0 };
  const checked = await pool.check(input.bytes, file, options);
  return { ...withWeekYearNote(checked, options.campaign), modifiedMs: input.modifiedMs };
}

/**
 * A week given by --start/--end in another year than the template's own: every date of the return is then out of
 * the week, one error a row. Said once, first, naming both years, so the clerk looks at the flag, not the rows.
 */
export function withWeekYearNote(checked: CheckedFile, given: CampaignSettings | undefined): CheckedFile {
  const { check, report } = checked;
  const own = metadataCampaign(check?.metadata);
  if (!given || !own || !check || check.status === "not-a-template" || campaignYear(own) === campaignYear(given)) return checked;
  const message = cliMessages.weekYearDiffers(campaignYear(own), campaignYear(given));
  const issue = { severity: "warning", row: null, column: null, code: "week-year-differs", message } as const;
  return { check, report: { ...report, issues: [issue, ...report.issues] } };
}

/** The limit for tests and odd machines: `HUIZONG_READ_TIMEOUT_MS=3000 huizong validate …`. */
function timeoutFromEnvironment(): number {
  const fromEnvironment = Number(process.env.HUIZONG_READ_TIMEOUT_MS);
  return Number.isFinite(fromEnvironment) && fromEnvironment > 0 ? fromEnvironment : DEFAULT_TIMEOUT_MS;
}

/** Why a checker process ended, for the log: its exit, and what V8 said if it gave up. */
function deathNote(exitCode: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  const how = signal ? `signal ${signal}` : `code ${exitCode}`;
  if (/heap out of memory|Reached heap limit/i.test(stderr)) return `checker ran out of its memory limit and died (${how})`;
  const fatal = /Fatal JavaScript[^\n]*|FATAL ERROR:[^\n]*/.exec(stderr)?.[0];
  return `checker died (${how})${fatal ? `: ${fatal.trim()}` : ""}`;
}
