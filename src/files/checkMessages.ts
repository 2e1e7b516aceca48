import type { CheckOptions } from "../core/checkWorkbook";
import { checkFile, type CheckedFile } from "./checkFile";

/**
 * What a worker that checks files says back, the same for the command line's worker threads and the pane's Web
 * Worker: started (its modules are loaded, so a file's clock may start), a result, or what checkFile threw (a bug,
 * for the log; the report then says the file could not be read).
 */
export type CheckResponse = { type: "ready" } | { type: "done"; result: CheckedFile } | { type: "failed"; error: string };

/** One file checked inside a worker: never throws, so the worker always answers. */
export function checkInWorker(bytes: Uint8Array, fileName: string, options: CheckOptions): CheckResponse {
  try {
    return { type: "done", result: checkFile(bytes, fileName, options) };
  } catch (error) {
    return { type: "failed", error: describeError(error) };
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
