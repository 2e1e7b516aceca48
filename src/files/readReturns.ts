import type { CheckOptions } from "../core/checkWorkbook";
import type { IncomingReturn } from "../core/merge/merge";
import { checkFile, incomingReturn } from "./checkFile";

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

/** Thrown when the user cancels between two files: nothing was merged. */
export class ReadCancelled extends Error {
  override name = "ReadCancelled";
}

/**
 * Reads and checks picked files one after another in the page, the same pipeline as `huizong validate` and
 * `merge` (checkFile), yielding to the browser between files so the progress bar moves and 取消 is heard.
 * A file that cannot be read ends as an `unreadable` report; only cancelling stops the run.
 */
export async function readReturnFiles(
  files: readonly PickedFile[],
  options: CheckOptions,
  onProgress: (progress: ReadProgress) => void = () => {},
  signal?: AbortSignal,
): Promise<IncomingReturn[]> {
  const returns: IncomingReturn[] = [];
  for (const [index, file] of files.entries()) {
    if (signal?.aborted) throw new ReadCancelled("cancelled");
    onProgress({ done: index, total: files.length, current: file.name });
    await nextTask();
    const bytes = await file.arrayBuffer().then(
      (buffer) => new Uint8Array(buffer),
      () => new Uint8Array(0), // a file that vanished after picking reads as empty: an `unreadable` report
    );
    returns.push(incomingReturn(checkFile(bytes, file.name, options), file.lastModified));
  }
  onProgress({ done: files.length, total: files.length, current: files[files.length - 1]?.name ?? "" });
  return returns;
}

/** Lets the page paint and handle clicks; a macrotask, since promise callbacks alone never yield to rendering. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
