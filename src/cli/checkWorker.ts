/**
 * The child-process side of the check pool (see checkPool.ts): checks one returned file per message, sends the
 * result back. It runs checkFile outside the CLI's process so that a file that sends the spreadsheet library into a
 * long loop, or makes V8 abort, costs only this process.
 */
import type { CheckOptions } from "../core/checkWorkbook";
import { checkInWorker, type CheckResponse } from "../files/checkMessages";

export type { CheckResponse };

/** Parent -> checker: one file to check. */
export interface CheckRequest {
  bytes: Uint8Array;
  fileName: string;
  options: CheckOptions;
}

const send = process.send?.bind(process);
if (!send) throw new Error("checkWorker runs only as a child process started by checkPool");

process.on("message", ({ bytes, fileName, options }: CheckRequest) => {
  send(checkInWorker(bytes, fileName, options));
});
// The parent gone (killed, or closed without a word): nothing is left to answer.
process.on("disconnect", () => process.exit(0));

// Loading the modules above is most of a checker's start-up: the pool starts a file's clock only after this.
send({ type: "ready" } satisfies CheckResponse);
