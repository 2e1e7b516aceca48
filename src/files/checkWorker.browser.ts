/**
 * The Web Worker side of the task pane's file reading (see checkWorkerClient.ts): checks one picked file per
 * message and posts the result back. checkFile runs here, off the pane's thread, so that a file that sends the
 * spreadsheet library into a long loop can be stopped: a synchronous parse cannot be interrupted, only its
 * thread terminated. The browser twin of src/cli/checkWorker.ts.
 */
import type { CheckOptions } from "../core/checkWorkbook";
import { checkInWorker, describeError, type CheckResponse } from "./checkMessages";

export type { CheckResponse };

/** Pane -> worker: one file to check. `bytes` arrives transferred, not copied. */
export interface CheckRequest {
  bytes: ArrayBuffer;
  fileName: string;
  options: CheckOptions;
}

/** What this module uses of a dedicated worker's global scope (tsconfig has the DOM's types, not WebWorker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data: { bytes, fileName, options } }) => {
  const response = checkInWorker(new Uint8Array(bytes), fileName, options);
  try {
    scope.postMessage(response);
  } catch (error) {
    // A result that cannot be cloned (DataCloneError) is a bug too: say so rather than leave the pane waiting.
    scope.postMessage({ type: "failed", error: describeError(error) });
  }
};

// Loading the modules above is most of a worker's start-up: the pane starts a file's clock only after this.
scope.postMessage({ type: "ready" });
