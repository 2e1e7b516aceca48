/**
 * Reading on both cores: the engine's main thread and a second thread (readerThread.ts) take files from one shared
 * count until none is left, and the results come back in input order as if one thread had read them all. Used from
 * a few hundred files: a thread takes a tenth of a second to start and its own copy of the parser must warm up.
 *
 * The second thread is watched from here as the supervisor watches the engine. A file it runs past its time
 * limit on is given up (`read-timeout`) and the thread stopped; one during which it dies (its heap limit reached,
 * or a bug) is given up as `corrupt`. Files it took but did not finish are read again here. When V8 aborts the
 * whole process instead, the supervisor cannot tell which thread's file did it, and runs the command again with
 * one reading thread, which can.
 */
import { getHeapStatistics } from "node:v8";
import { Worker } from "node:worker_threads";
import type { CheckOptions } from "../core/checkWorkbook";
import { describeError } from "../files/checkMessages";
import { phaseClock } from "../files/phaseClock";
import { checkInput, givenUpInput, type CheckedInput, type FileWatch, type GivenUpCode, type SecondReader } from "./checkInputs";
import { inputListing } from "./inputFiles";
import { ClaimBoard, type ReaderJob, type ReaderResult } from "./readerThreadProtocol";

export async function checkOnTwoThreads(
  files: readonly string[],
  options: CheckOptions,
  watch: FileWatch,
  reader: SecondReader,
): Promise<CheckedInput[]> {
  const results: Array<CheckedInput | undefined> = new Array<CheckedInput | undefined>(files.length);
  const board = ClaimBoard.create();
  const second = new SecondThread(reader, board, files, results, watch.log);
  watch.readingOnTwoThreads();
  second.start({ files, listing: inputListing(files), options, givenUp: [...watch.givenUp], board: board.buffer });

  for (let index = board.take(); index < files.length; index = board.take()) {
    second.stopIfOverdue();
    results[index] = checkInput(files, index, options, watch);
  }
  if (results.includes(undefined)) {
    watch.waiting();
    await phaseClock.timeAsync("reading", () => second.settled());
  }
  await second.stop();
  // What the second thread took and never sent back: given up if it was the file that stopped it, else read here.
  for (let index = 0; index < files.length; index++) {
    if (results[index]) continue;
    const lost = second.blamed?.index === index ? second.blamed : undefined;
    results[index] = lost ? givenUpInput(files[index]!, lost.code, 0) : checkInput(files, index, options, watch);
  }
  watch.finished();
  return results as CheckedInput[];
}

/** The second reading thread, and what happened to it. */
class SecondThread {
  /** The file it was stopped on or died on, if any. */
  blamed: { index: number; code: GivenUpCode } | undefined;
  private worker: Worker | undefined;
  private exited = false;
  private onChange: (() => void) | undefined;

  constructor(
    private readonly reader: SecondReader,
    private readonly board: ClaimBoard,
    private readonly files: readonly string[],
    private readonly results: Array<CheckedInput | undefined>,
    private readonly log: (line: string) => void,
  ) {}

  start(job: ReaderJob): void {
    let worker: Worker;
    try {
      worker = startWorker(this.reader);
    } catch (error) {
      // No thread to be had (a machine out of threads or memory): this thread reads every file, as with few files.
      this.log(`huizong: the second reading thread could not start: ${describeError(error)}`);
      this.exited = true;
      return;
    }
    this.worker = worker;
    worker.on("message", (result: ReaderResult) => {
      this.results[result.index] ??= result.input;
      result.log.forEach((line) => this.log(line));
      this.onChange?.();
    });
    worker.on("error", (error) => this.died(describeError(error)));
    worker.on("exit", () => {
      this.exited = true;
      this.onChange?.();
    });
    worker.postMessage(job);
  }

  /** Stops the thread when its current file has run past the time limit; that file is given up. */
  stopIfOverdue(): void {
    const current = this.board.current();
    if (!current || this.blamed || this.exited) return;
    if (Date.now() - current.since <= this.reader.timeoutMs) return;
    this.blamed = { index: current.index, code: "read-timeout" };
    this.log(`huizong: ${this.files[current.index]}: no result after ${this.reader.timeoutMs} ms on the second reading thread, stopped`);
    void this.worker?.terminate();
  }

  /** Until every file has its result, or the thread has ended (done, stopped for a hang, or dead). */
  settled(): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const check = () => {
        clearTimeout(timer);
        this.stopIfOverdue();
        if (this.exited || !this.results.includes(undefined)) {
          this.onChange = undefined;
          return resolve();
        }
        const current = this.board.current();
        const due = current ? current.since + this.reader.timeoutMs - Date.now() + 1 : this.reader.timeoutMs;
        timer = setTimeout(check, Math.max(due, 1));
      };
      this.onChange = check;
      check();
    });
  }

  /** Ends the thread (its work is done, or given up) and waits until it has. */
  async stop(): Promise<void> {
    if (!this.exited) await this.worker?.terminate();
  }

  private died(cause: string): void {
    const current = this.board.current();
    if (!current || this.blamed || this.results[current.index]) {
      this.log(`huizong: the second reading thread failed outside any file: ${cause}`);
      return;
    }
    this.blamed = { index: current.index, code: "corrupt" };
    this.log(`huizong: ${this.files[current.index]}: the second reading thread died on it: ${cause}`);
  }
}

/**
 * The thread, with the engine's own heap limit: one that reaches it ends with an error instead of taking the
 * process. From source (tsx, Jest) its TypeScript entry is loaded through tsx's require hook.
 */
function startWorker(reader: SecondReader): Worker {
  const { entry } = reader;
  const resourceLimits = { maxOldGenerationSizeMb: reader.maxOldGenerationMb ?? Math.round(getHeapStatistics().heap_size_limit / 2 ** 20) };
  if (!/\.[cm]?ts$/.test(entry)) return new Worker(entry, { resourceLimits });
  const register = require.resolve("tsx/cjs/api");
  const code = `require(${JSON.stringify(register)}).register(); require(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, resourceLimits });
}
