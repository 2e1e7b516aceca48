/**
 * The worker-thread side of the check pool (see checkPool.ts): checks one returned file per message, posts the
 * result back. It runs checkFile off the main thread so that a file that sends the spreadsheet library into a
 * long loop can be stopped (a synchronous parse cannot be interrupted, only its thread terminated).
 */
import { parentPort } from "node:worker_threads";
import type { CheckOptions } from "../core/checkWorkbook";
import { checkFile, type CheckedFile } from "../files/checkFile";

/** Main thread -> worker: one file to check. `bytes` arrives transferred, not copied. */
export interface CheckRequest {
  bytes: Uint8Array;
  fileName: string;
  options: CheckOptions;
}

/** Worker -> main thread: started (modules loaded), a result, or what checkFile threw (a bug, for the log). */
export type CheckResponse =
  | { type: "ready" }
  | { type: "done"; result: CheckedFile }
  | { type: "failed"; error: string };

const port = parentPort;
if (!port) throw new Error("checkWorker runs only as a worker thread started by checkPool");

port.on("message", ({ bytes, fileName, options }: CheckRequest) => {
  let response: CheckResponse;
  try {
    response = { type: "done", result: checkFile(bytes, fileName, options) };
  } catch (error) {
    response = { type: "failed", error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
});

// Loading the modules above is most of a worker's start-up: the pool starts a file's clock only after this.
port.postMessage({ type: "ready" } satisfies CheckResponse);
