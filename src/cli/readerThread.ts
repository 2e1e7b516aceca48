/**
 * The engine's second reading thread (see twoReaders.ts): takes files from the shared board and checks them exactly
 * as the main thread does (checkInput), sending each result back, until none is left. It says on the board which
 * file it is on, so the main thread can stop it if that file hangs it.
 */
import { parentPort } from "node:worker_threads";
import { checkFile } from "../files/checkFile";
import { checkInput, type FileWatch } from "./checkInputs";
import { adoptInputListing } from "./inputFiles";
import { ClaimBoard, type ReaderJob, type ReaderResult } from "./readerThreadProtocol";

/** Serves one job, then lets the thread end. `check` is swapped by tests for a checker that misbehaves. */
export function serveReaderThread(check: typeof checkFile = checkFile): void {
  const port = parentPort;
  if (!port) throw new Error("the reader thread runs only as a worker started by the engine");
  port.once("message", (job: ReaderJob) => {
    adoptInputListing(job.listing);
    const board = new ClaimBoard(job.board);
    let log: string[] = [];
    const watch: FileWatch = {
      starting: () => {},
      finished: () => {},
      readingOnTwoThreads: () => {},
      waiting: () => {},
      givenUp: new Map(job.givenUp),
      check,
      log: (line) => void log.push(line),
      secondReader: undefined,
    };
    for (let index = board.take(); index < job.files.length; index = board.take()) {
      board.begin(index);
      const input = checkInput(job.files, index, job.options, watch);
      const result: ReaderResult = { index, input, log };
      port.postMessage(result);
      log = [];
    }
    board.end();
    port.close();
  });
}
