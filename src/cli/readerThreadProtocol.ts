/**
 * What the engine's two reading threads share (twoReaders.ts on the engine's main thread, readerThread.ts on the
 * second): a board in shared memory from which each takes the next file, and on which the second says which file
 * it is on and since when, so the first can stop it when that file runs past its time; and the messages between
 * them.
 */
import type { CheckOptions } from "../core/checkWorkbook";
import type { CheckedInput, GivenUpCode } from "./checkInputs";
import type { InputListing } from "./inputFiles";

/** Main thread -> second reader: the whole run's files; either thread reads whichever it takes from the board. */
export interface ReaderJob {
  files: readonly string[];
  listing: InputListing;
  options: CheckOptions;
  givenUp: Array<[number, GivenUpCode]>;
  board: SharedArrayBuffer;
}

/** Second reader -> main thread: one file's result, and what its checker logged for maintainers. */
export interface ReaderResult {
  index: number;
  input: CheckedInput;
  log: string[];
}

const NEXT = 0;
const CURRENT = 1;
const NOTHING = -1;

/**
 * Which file is taken next (an atomic count, so no file is taken twice), and the second reader's current file and
 * the wall-clock time it took it (Date.now: performance.now has another origin on each thread).
 */
export class ClaimBoard {
  readonly buffer: SharedArrayBuffer;
  private readonly counts: Int32Array;
  private readonly since: Float64Array;

  /** A new board: no file taken, the second reader on none. */
  static create(): ClaimBoard {
    const board = new ClaimBoard(new SharedArrayBuffer(16));
    board.end();
    return board;
  }

  /** The board another thread created. */
  constructor(buffer: SharedArrayBuffer) {
    this.buffer = buffer;
    this.counts = new Int32Array(buffer, 0, 2);
    this.since = new Float64Array(buffer, 8, 1);
  }

  /** The next file's index for the caller to read; `total` or more once every file is taken. */
  take(): number {
    return Atomics.add(this.counts, NEXT, 1);
  }

  /** The second reader starts on file `index`; its time is set first, so it is never read with another's index. */
  begin(index: number): void {
    this.since[0] = Date.now();
    Atomics.store(this.counts, CURRENT, index);
  }

  /** The second reader is on no file. */
  end(): void {
    Atomics.store(this.counts, CURRENT, NOTHING);
  }

  /** The second reader's current file and when it began it, if it is on one. */
  current(): { index: number; since: number } | undefined {
    const index = Atomics.load(this.counts, CURRENT);
    return index === NOTHING ? undefined : { index, since: this.since[0]! };
  }
}
