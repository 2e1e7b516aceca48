/**
 * The Web Worker side of the task pane's file reading (see checkWorkerClient.ts): checks one picked file per
 * message and posts the result back. checkFile runs here, off the pane's thread, so that a file that sends the
 * spreadsheet library into a long loop can be stopped: a synchronous parse cannot be interrupted, only its
 * thread terminated. The browser twin of src/cli/checkWorker.ts.
 */
import type { CheckOptions } from "../core/checkWorkbook";
import { checkFile, type CheckedFile } from "./checkFile";

/** Pane -> worker: one file to check. `bytes` arrives transferred, not copied. */
export interface CheckRequest {
  bytes: ArrayBuffer;
  fileName: string;
  options: CheckOptions;
}

/** Worker -> pane: started (modules loaded), a result, or what checkFile threw (a bug, for the console). */
export type CheckResponse =
  | { type: "ready" }
  | { type: "done"; result: CheckedFile }
  | { type: "failed"; error: string };

/** What this module uses of a dedicated worker's global scope (tsconfig has the DOM's types, not WebWorker's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = ({ data: { bytes, fileName, options } }) => {
  let response: CheckResponse;
  try {
    response = { type: "done", result: checkFile(new Uint8Array(bytes), fileName, options) };
  } catch (error) {
    response = { type: "failed", error: describe(error) };
  }
  try {
    scope.postMessage(response);
  } catch (error) {
    // A result that cannot be cloned (DataCloneError) is a bug too: say so rather than leave the pane waiting.
    scope.postMessage({ type: "failed", error: describe(error) });
  }
};

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

// Loading the modules above is most of a worker's start-up: the pane starts a file's clock only after this.
scope.postMessage({ type: "ready" });
