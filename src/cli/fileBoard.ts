/**
 * Which file the engine's main thread is on, where the front process can read it: a small temporary file the
 * engine rewrites in place at each file, and the front reads every few tenths of a second and once more when the
 * engine dies. Writing it is one system call that wakes nobody; a message per file cost the engine a JSON line and
 * the front a wake-up on every file, which on two busy cores was most of what watching the engine cost.
 *
 * Layout: the file's index (Int32, -1 when on no file), the run's number of files (Int32), when the engine began it
 * (Float64, ms since the epoch), the length of its name (Int32), then the name in UTF-8.
 */
import { closeSync, openSync, readSync, rmSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const HEADER_BYTES = 20;
/** A longer name is cut (at a character's boundary): it only names the file in a log line. */
const MAX_NAME_BYTES = 4096;
const ON_NO_FILE = -1;

/** The file the engine is on: `since` is the engine's clock (Date.now) when it began it. */
export interface CurrentFile {
  index: number;
  total: number;
  since: number;
  file: string;
}

/** The front's side: creates the board, reads it, and removes it when the command is over. */
export class FileBoardReader {
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(HEADER_BYTES + MAX_NAME_BYTES);

  private constructor(readonly path: string) {
    this.fd = openSync(path, "r");
  }

  /** A new board in the temporary folder, on no file. */
  static create(): FileBoardReader {
    const file = path.join(os.tmpdir(), `huizong-board-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
    writeFileSync(file, headerOnNoFile(), { mode: 0o600 });
    return new FileBoardReader(file);
  }

  /** The file the engine said it is on, if any. */
  read(): CurrentFile | undefined {
    const bytes = readSync(this.fd, this.buffer, 0, this.buffer.length, 0);
    if (bytes < HEADER_BYTES) return undefined;
    const index = this.buffer.readInt32LE(0);
    if (index === ON_NO_FILE) return undefined;
    const nameBytes = Math.min(this.buffer.readInt32LE(16), bytes - HEADER_BYTES);
    const file = this.buffer.toString("utf8", HEADER_BYTES, HEADER_BYTES + Math.max(0, nameBytes));
    return { index, total: this.buffer.readInt32LE(4), since: this.buffer.readDoubleLE(8), file };
  }

  /** Back to no file, for the next engine of the same run. */
  clear(): void {
    writeFileSync(this.path, headerOnNoFile());
  }

  remove(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}

/** The engine's side: says which file it begins, or that it is on none. */
export class FileBoardWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(HEADER_BYTES + MAX_NAME_BYTES);

  constructor(file: string) {
    this.fd = openSync(file, "r+");
  }

  starting(index: number, total: number, file: string): void {
    const nameBytes = this.buffer.write(file, HEADER_BYTES, MAX_NAME_BYTES, "utf8");
    this.writeHeader(index, total, Date.now(), nameBytes);
    writeSync(this.fd, this.buffer, 0, HEADER_BYTES + nameBytes, 0);
  }

  onNoFile(): void {
    this.writeHeader(ON_NO_FILE, 0, Date.now(), 0);
    writeSync(this.fd, this.buffer, 0, HEADER_BYTES, 0);
  }

  private writeHeader(index: number, total: number, since: number, nameBytes: number): void {
    this.buffer.writeInt32LE(index, 0);
    this.buffer.writeInt32LE(total, 4);
    this.buffer.writeDoubleLE(since, 8);
    this.buffer.writeInt32LE(nameBytes, 16);
  }
}

function headerOnNoFile(): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeInt32LE(ON_NO_FILE, 0);
  return header;
}
