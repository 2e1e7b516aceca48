import type { CheckOptions } from "../core/checkWorkbook";
import type { IncomingReturn } from "../core/merge/merge";
import { incomingReturn } from "../core/merge/merge";
import { createWorkerChecker, inPageChecker, type FileChecker } from "./checkWorkerClient";

/** A file the user picked: the DOM's File has exactly these members, so the pane passes Files straight in. */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  /** Milliseconds since the epoch: of two returns from one unit, the newer wins. */
  readonly lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReadProgress {
  done: number;
  total: number;
  /** The file being read now, or the last one when done. */
  current: string;
}

/** Thrown when the user cancels: nothing was merged. */
export class ReadCancelled extends Error {
  override name = "ReadCancelled";
}

/**
 * Reads and checks picked files one after another, the same pipeline as `huizong validate` and `merge`
 * (checkFile), on a Web Worker with a time limit per file (checkWorkerClient.ts), or in the page where there are
 * no workers. A file that cannot be read, or hangs the reader, ends as an `unreadable` report; only cancelling
 * stops the run: between two files, or at once while a worker checks one.
 */
export async function readReturnFiles(
  files: readonly PickedFile[],
  options: CheckOptions,
  onProgress: (progress: ReadProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<IncomingReturn[]> {
  return readReturnFilesWith(await pageChecker(), files, options, onProgress, signal);
}

/** readReturnFiles on a given checker, which it closes when done: tests hand in a fake worker and a short limit. */
export async function readReturnFilesWith(
  checker: FileChecker,
  files: readonly PickedFile[],
  options: CheckOptions,
  onProgress: (progress: ReadProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<IncomingReturn[]> {
  const returns: IncomingReturn[] = [];
  try {
    for (const [index, file] of files.entries()) {
      if (signal?.aborted) throw new ReadCancelled("cancelled");
      onProgress({ done: index, total: files.length, current: file.name });
      await nextTask();
      const bytes = await file.arrayBuffer().then(
        (buffer) => buffer,
        () => new ArrayBuffer(0), // a file that vanished after picking reads as empty: an `unreadable` report
      );
      // The bytes go to the checker (transferred to a worker) and are not kept here.
      const checked = await checker.check(bytes, file.name, options, signal).catch((error: unknown) => {
        throw signal?.aborted ? new ReadCancelled("cancelled") : error;
      });
      returns.push(incomingReturn(checked, file.lastModified));
    }
  } finally {
    checker.close();
  }
  onProgress({ done: files.length, total: files.length, current: files[files.length - 1]?.name ?? "" });
  return returns;
}

/**
 * A worker where the page can start one: webpack bundles it from `new Worker(new URL(…))`, which Jest cannot load
 * (hence the separate module; "eager" keeps it in this chunk). Jest and hosts without workers check in the page.
 */
async function pageChecker(): Promise<FileChecker> {
  if (typeof Worker === "undefined") return inPageChecker;
  try {
    const { startCheckWorker } = await import(/* webpackMode: "eager" */ "./startCheckWorker");
    return createWorkerChecker({ startWorker: startCheckWorker });
  } catch {
    return inPageChecker;
  }
}

/** Lets the page paint and handle clicks; a macrotask, since promise callbacks alone never yield to rendering. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
