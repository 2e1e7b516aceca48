/**
 * The worker-thread side of the check pool (see checkPool.ts): checks one returned file per message, posts the
 * result back. It runs checkFile off the main thread so that a file that sends the spreadsheet library into a
 * long loop can be stopped (a synchronous parse cannot be interrupted, only its thread terminated).
 */
import { parentPort } from "node:worker_threads";
import type { CheckOptions } from "../core/checkWorkbook";
import { checkInWorker, type CheckResponse } from "../files/checkMessages";

export type { CheckResponse };

/** Main thread -> worker: one file to check. `bytes` arrives transferred, not copied. */
export interface CheckRequest {
  bytes: Uint8Array;
  fileName: string;
  options: CheckOptions;
}

const port = parentPort;
if (!port) throw new Error("checkWorker runs only as a worker thread started by checkPool");

port.on("message", ({ bytes, fileName, options }: CheckRequest) => {
  port.postMessage(checkInWorker(bytes, fileName, options));
});

// Loading the modules above is most of a worker's start-up: the pool starts a file's clock only after this.
port.postMessage({ type: "ready" } satisfies CheckResponse);
