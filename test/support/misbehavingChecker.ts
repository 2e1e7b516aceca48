/**
 * A checker for the check pool's tests that misbehaves on purpose when a file's name says so, and checks every
 * other file as the real checker does: it never answers (a parse that runs forever), dies the way V8 kills a
 * process on a fatal error (SIGABRT), or grows its heap until V8 gives up. Real files that did these are fixed at
 * their root (test/fixtures/hostile/); the pool's guards must hold for the next one.
 */
import type { CheckRequest } from "../../src/cli/checkWorker";
import { checkInWorker } from "../../src/files/checkMessages";

export const MISBEHAVE = { hang: "hang-the-checker", abort: "abort-the-checker", exhaustMemory: "exhaust-the-checker" } as const;

const send = process.send?.bind(process);
if (!send) throw new Error("runs only as a checker process");
process.on("message", ({ bytes, fileName, options }: CheckRequest) => {
  if (fileName.includes(MISBEHAVE.hang)) for (;;);
  if (fileName.includes(MISBEHAVE.abort)) process.abort();
  if (fileName.includes(MISBEHAVE.exhaustMemory)) {
    const hoard: string[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `${i}`));
  }
  send(checkInWorker(bytes, fileName, options));
});
process.on("disconnect", () => process.exit(0));
send({ type: "ready" });
