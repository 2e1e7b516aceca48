import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CheckOptions } from "../core/checkWorkbook";
import { readFailureMessages } from "../messages/zhCN";
import { incomingReturn } from "../core/merge/merge";
import { unreadableReport } from "../core/fileReport";
import { checkFile } from "./checkFile";
import type { CheckRequest, CheckResponse } from "./checkWorker.browser";
import { createWorkerChecker, type CheckWorker } from "./checkWorkerClient";
import { ReadCancelled, readReturnFiles, readReturnFilesWith, type PickedFile, type ReadProgress } from "./readReturns";

/**
 * Reading picked files on a worker with a time limit (checkWorkerClient.ts), against a fake Worker that runs the
 * real checkFile on this thread, or hangs, fails or dies on the files it is told to. The real worker in Chromium,
 * with a file that really hangs SheetJS, is test/e2e/readWorker.test.ts.
 */

const returnsFolder = path.resolve(__dirname, "../../test/fixtures/returns");
const fixtureNames = readdirSync(returnsFolder).filter((name) => name !== "expected.json");
const CLEAN = "01-city-clean.xlsx";
const MISTAKES = "07-city-typical-mistakes.xlsx";
const HANGS = "hangs.xls";
const options: CheckOptions = { campaign: { start: "2024-04-20", end: "2024-04-26" } };
/** Short, so a hanging file costs the suite little; long enough for a loaded machine to check a fixture inside it. */
const TIMEOUT_MS = 300;

/** A picked file as the DOM's File would be: each arrayBuffer() is a fresh buffer of its own. */
function picked(name: string, lastModified = 1_700_000_000_000): PickedFile {
  const bytes = name === HANGS ? new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) : readFileSync(path.join(returnsFolder, name));
  return { name, size: bytes.length, lastModified, arrayBuffer: async () => new Uint8Array(bytes).buffer };
}

/** What the same files give when checked in the page. */
function inPage(files: readonly PickedFile[]) {
  return Promise.all(files.map(async (file) => incomingReturn(checkFile(new Uint8Array(await file.arrayBuffer()), file.name, options), file.lastModified)));
}

type Behaviour = "check" | "hang" | "throw" | "error" | "messageerror";
type Startup = "ready" | "error" | "silent";

/** A Worker on this thread: messages cross by structured clone (the buffer really transferred), replies come later. */
class FakeWorker implements CheckWorker {
  onmessage: ((event: MessageEvent<CheckResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  received: string[] = [];
  /** The buffers as the page sent them: detached once sent. */
  sent: ArrayBuffer[] = [];

  constructor(
    private readonly behaviour: (fileName: string) => Behaviour,
    startup: Startup,
  ) {
    if (startup === "ready") this.later(() => this.reply({ type: "ready" }));
    if (startup === "error") this.later(() => this.fail());
  }

  postMessage(message: CheckRequest, transfer: Transferable[]): void {
    if (this.terminated) throw new Error("posted to a terminated worker");
    this.sent.push(message.bytes);
    const { bytes, fileName, options: checkOptions } = structuredClone(message, { transfer: transfer as Transferable[] as never });
    this.received.push(fileName);
    this.later(() => {
      switch (this.behaviour(fileName)) {
        case "check":
          return this.reply({ type: "done", result: checkFile(new Uint8Array(bytes), fileName, checkOptions) });
        case "throw":
          return this.reply({ type: "failed", error: "TypeError: a bug" });
        case "error":
          return this.fail();
        case "messageerror":
          return this.onmessageerror?.({ data: null } as MessageEvent);
        case "hang":
          return undefined;
      }
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  private reply(response: CheckResponse): void {
    this.onmessage?.({ data: structuredClone(response) } as MessageEvent<CheckResponse>);
  }

  private fail(): void {
    this.onerror?.({ message: "Uncaught RangeError: boom", preventDefault: () => {} } as ErrorEvent);
  }

  private later(action: () => void): void {
    setTimeout(() => {
      if (!this.terminated) action();
    }, 1);
  }
}

/** A checker on fake workers; `workers` holds every worker it started, in order. */
function fakeChecker(behaviour: (fileName: string) => Behaviour = () => "check", startup: (index: number) => Startup | "throw" = () => "ready") {
  const workers: FakeWorker[] = [];
  const logged: string[] = [];
  const checker = createWorkerChecker({
    startWorker: () => {
      const how = startup(workers.length);
      if (how === "throw") {
        workers.push(new FakeWorker(behaviour, "silent"));
        throw new Error("SecurityError: workers are not allowed");
      }
      const worker = new FakeWorker(behaviour, how);
      workers.push(worker);
      return worker;
    },
    timeoutMs: TIMEOUT_MS,
    log: (line) => void logged.push(line),
  });
  return { checker, workers, logged };
}

const unreadable = (file: string, code: "read-timeout" | "corrupt") => ({
  report: unreadableReport(file, code, readFailureMessages[code]),
  submission: undefined,
  modifiedMs: 1_700_000_000_000,
});

describe("readReturnFiles on a worker", () => {
  it("checks every file on one worker, with the page's results in input order, and progress per file", async () => {
    const files = [...fixtureNames, CLEAN].map((name, index) => picked(name, 1_700_000_000_000 + index));
    const { checker, workers, logged } = fakeChecker();
    const progress: ReadProgress[] = [];

    const results = await readReturnFilesWith(checker, files, options, (step) => progress.push(step));

    // Cloned across the thread boundary and still strictly equal: nothing in a result is lost by structured clone.
    expect(results).toStrictEqual(await inPage(files));
    expect(results.map((result) => result.report.file)).toEqual(files.map((file) => file.name));
    expect(progress).toEqual([
      ...files.map((file, done) => ({ done, total: files.length, current: file.name })),
      { done: files.length, total: files.length, current: CLEAN },
    ]);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received).toEqual(files.map((file) => file.name));
    // Transferred, not copied: the page holds no file's bytes after sending them.
    expect(workers[0]?.sent.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(workers[0]?.terminated).toBe(true);
    expect(logged).toEqual([]);
  });

  it("reports a file that runs past the time limit as read-timeout and reads the next on a fresh worker", async () => {
    const files = [CLEAN, HANGS, MISTAKES].map((name) => picked(name));
    const { checker, workers, logged } = fakeChecker((name) => (name === HANGS ? "hang" : "check"));
    const started = Date.now();

    const results = await readReturnFilesWith(checker, files, options);

    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS);
    const [clean, hung, mistakes] = results;
    expect(hung).toStrictEqual(unreadable(HANGS, "read-timeout"));
    expect(hung?.report.issues[0]?.message).toBe(readFailureMessages["read-timeout"]);
    expect([clean, mistakes]).toStrictEqual(await inPage([files[0]!, files[2]!]));
    expect(workers.map((worker) => [worker.received, worker.terminated])).toEqual([
      [[CLEAN, HANGS], true],
      [[MISTAKES], true],
    ]);
    expect(logged).toEqual([`huizong: ${HANGS}: no result after ${TIMEOUT_MS} ms, stopped`]);
  });

  it.each([
    ["the worker fails (error event)", "error", 2],
    ["its result cannot be read (messageerror)", "messageerror", 2],
    ["checkFile throws in the worker", "throw", 1],
  ] as const)("reports a file as corrupt when %s, and goes on", async (_, behaviour, workerCount) => {
    const files = [CLEAN, HANGS, MISTAKES].map((name) => picked(name));
    const { checker, workers, logged } = fakeChecker((name) => (name === HANGS ? behaviour : "check"));

    const results = await readReturnFilesWith(checker, files, options);

    expect(results[1]).toStrictEqual(unreadable(HANGS, "corrupt"));
    expect([results[0], results[2]]).toStrictEqual(await inPage([files[0]!, files[2]!]));
    // A worker that failed is not trusted with the next file; one that caught checkFile's throw is.
    expect(workers.length).toBe(workerCount);
    expect(workers.every((worker) => worker.terminated)).toBe(true);
    expect(logged).toEqual([expect.stringContaining(`huizong: ${HANGS}: `)]);
  });

  it("stops at once when cancelled while a file is on the worker, and stops the worker", async () => {
    const files = [CLEAN, HANGS, MISTAKES].map((name) => picked(name));
    const { checker, workers, logged } = fakeChecker((name) => (name === HANGS ? "hang" : "check"));
    const controller = new AbortController();
    const progress: string[] = [];
    let abortedAt = Infinity;
    const onProgress = ({ current }: ReadProgress) => {
      progress.push(current);
      if (current !== HANGS) return;
      setTimeout(() => {
        abortedAt = Date.now();
        controller.abort();
      }, 20);
    };

    await expect(readReturnFilesWith(checker, files, options, onProgress, controller.signal)).rejects.toBeInstanceOf(ReadCancelled);

    // Not after the time limit: the hanging file was never reported, the worker stopped under it.
    expect(Date.now() - abortedAt).toBeLessThan(TIMEOUT_MS);
    expect(logged).toEqual([]);
    expect(progress).toEqual([CLEAN, HANGS]);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[0]?.received).toEqual([CLEAN, HANGS]);
  });

  it("stops between files when cancelled, sending no more files, and stops the worker", async () => {
    const files = [CLEAN, MISTAKES, CLEAN].map((name) => picked(name));
    const { checker, workers } = fakeChecker();
    const controller = new AbortController();
    const onProgress = ({ done }: ReadProgress) => {
      if (done === 1) controller.abort();
    };

    await expect(readReturnFilesWith(checker, files, options, onProgress, controller.signal)).rejects.toThrow(ReadCancelled);

    expect(workers[0]?.received).toEqual([CLEAN]);
    expect(workers[0]?.terminated).toBe(true);
  });

  it.each([
    ["no worker may be started", "throw"],
    ["the worker fails before it is ready", "error"],
    ["the worker is not ready within the time limit", "silent"],
  ] as const)("checks the files in the page when %s", async (_, startup) => {
    const files = [CLEAN, MISTAKES, CLEAN].map((name) => picked(name));
    const { checker, workers, logged } = fakeChecker(undefined, () => startup);

    const results = await readReturnFilesWith(checker, files, options);

    expect(results).toStrictEqual(await inPage(files));
    // One attempt per run, not one per file; the failed worker is stopped.
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received).toEqual([]);
    expect(workers[0]?.terminated || startup === "throw").toBe(true);
    expect(logged).toEqual([expect.stringContaining("checking files in the page")]);
  });

  it("starts no worker for no files", async () => {
    const { checker, workers } = fakeChecker();
    const progress: ReadProgress[] = [];
    await expect(readReturnFilesWith(checker, [], options, (step) => progress.push(step))).resolves.toEqual([]);
    expect(workers).toHaveLength(0);
    expect(progress).toEqual([{ done: 0, total: 0, current: "" }]);
  });
});

describe("readReturnFiles where there is no Worker (Jest, old hosts)", () => {
  it("checks in the page, a vanished file reading as empty", async () => {
    expect(typeof Worker).toBe("undefined");
    const vanished: PickedFile = { name: "gone.xlsx", size: 10, lastModified: 5, arrayBuffer: () => Promise.reject(new Error("NotFoundError")) };
    const files = [picked(CLEAN), vanished, picked(MISTAKES)];

    const results = await readReturnFiles(files, options);

    expect(results[1]?.report).toMatchObject({ file: "gone.xlsx", status: "unreadable", issues: [{ code: "empty-file" }] });
    expect([results[0], results[2]]).toStrictEqual(await inPage([files[0]!, files[2]!]));
  });

  it("throws ReadCancelled when cancelled before a file", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(readReturnFiles([picked(CLEAN)], options, undefined, controller.signal)).rejects.toBeInstanceOf(ReadCancelled);
  });
});
