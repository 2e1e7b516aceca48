/**
 * A checker for the check pool's tests that dies the way V8 kills a process on a fatal error (SIGABRT, no answer)
 * when a file's name says so, and checks every other file as the real checker does.
 */
import type { CheckRequest } from "../../src/cli/checkWorker";
import { checkInWorker } from "../../src/files/checkMessages";

export const ABORT_MARK = "abort-the-checker";

const send = process.send?.bind(process);
if (!send) throw new Error("runs only as a checker process");
process.on("message", ({ bytes, fileName, options }: CheckRequest) => {
  if (fileName.includes(ABORT_MARK)) process.abort();
  send(checkInWorker(bytes, fileName, options));
});
process.on("disconnect", () => process.exit(0));
send({ type: "ready" });
