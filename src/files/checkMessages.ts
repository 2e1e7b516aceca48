import type { CheckOptions } from "../core/checkWorkbook";
import { checkFile, type CheckedFile } from "./checkFile";

/**
 * What the pane's Web Worker that checks files says back: started (its modules are loaded, so a file's clock may
 * start), a result, or what checkFile threw (a bug, for the log; the report then says the file could not be read).
 * (The command line's engine speaks its own protocol, src/cli/engineProtocol.ts.)
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
