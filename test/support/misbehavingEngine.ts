/**
 * An engine for the supervisor's tests (test/readerPool.test.ts) whose checker misbehaves on purpose when a file's
 * name says so, and checks every other file as the real engine does: it never answers (a parse that runs
 * forever), dies the way V8 kills a process on a fatal error (SIGABRT), grows its heap until V8 gives up, or throws
 * (a bug). Real files that did these are fixed at their root (test/fixtures/hostile/); the guards must hold for the
 * next one.
 */
import { serveEngine } from "../../src/cli/engine";
import { checkFile } from "../../src/files/checkFile";

export const MISBEHAVE = {
  hang: "hang-the-checker",
  abort: "abort-the-checker",
  exhaustMemory: "exhaust-the-checker",
  throwError: "throw-in-the-checker",
} as const;

serveEngine((bytes, fileName, options) => {
  if (fileName.includes(MISBEHAVE.hang)) for (;;);
  if (fileName.includes(MISBEHAVE.abort)) process.abort();
  if (fileName.includes(MISBEHAVE.exhaustMemory)) {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `${i}`));
  }
  if (fileName.includes(MISBEHAVE.throwError)) throw new TypeError("a checker bug, on cue");
  return checkFile(bytes, fileName, options);
});
