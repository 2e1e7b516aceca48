/**
 * A checker that misbehaves on purpose when a file's name says so, and checks every other file as the real one
 * does: it never answers (a parse that runs forever), dies the way V8 kills a process on a fatal error (SIGABRT),
 * grows its heap until V8 gives up, or throws (a bug). Real files that did these are fixed at their root
 * (test/fixtures/hostile/); the guards must hold for the next one. Used by the engine and the second reading thread
 * of the supervisor's tests (misbehavingEngine.ts, misbehavingReaderThread.ts).
 */
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkFile } from "../../src/files/checkFile";

export const MISBEHAVE = {
  hang: "hang-the-checker",
  abort: "abort-the-checker",
  exhaustMemory: "exhaust-the-checker",
  throwError: "throw-in-the-checker",
  /**
   * On the engine's main thread: wait until the second reading thread has taken a file (up to 30 s), so the file
   * listed after this one is the second thread's for certain.
   */
  waitForSecondThread: "wait-for-the-second-thread",
} as const;

/**
 * Left by the second reading thread when it takes a file from `folder`: beside that folder, not in it, where a
 * listing of the folder would find it.
 */
export function secondThreadMark(folder: string): string {
  return `${path.resolve(folder)}.second-thread-took-a-file`;
}

export function misbehavingCheck(thread: "main" | "second"): typeof checkFile {
  return (bytes, fileName, options) => {
    const mark = secondThreadMark(path.dirname(fileName));
    if (thread === "second") writeFileSync(mark, fileName);
    if (thread === "main" && fileName.includes(MISBEHAVE.waitForSecondThread)) waitFor(() => existsSync(mark), 30_000);
    if (fileName.includes(MISBEHAVE.hang)) for (;;);
    // What V8 does on a fatal error, from either thread (process.abort() is refused in a worker).
    if (fileName.includes(MISBEHAVE.abort)) process.kill(process.pid, "SIGABRT");
    if (fileName.includes(MISBEHAVE.exhaustMemory)) {
      const hoard: string[][] = [];
      for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `${i}`));
    }
    if (fileName.includes(MISBEHAVE.throwError)) throw new TypeError("a checker bug, on cue");
    return checkFile(bytes, fileName, options);
  };
}

/** Blocks this thread (a checker is synchronous) until `done`, or `limitMs` has passed. */
function waitFor(done: () => boolean, limitMs: number): void {
  const nap = new Int32Array(new SharedArrayBuffer(4));
  const until = Date.now() + limitMs;
  while (!done() && Date.now() < until) Atomics.wait(nap, 0, 0, 10);
}
