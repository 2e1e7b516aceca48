/**
 * The zip container, written as a stream: each part is deflated as its text is produced, so a large sheet never
 * exists as one string or one buffer, only as compressed output. The container is written here rather than by a
 * library so that the deflating can be the platform's own (deflateRaw: Node's zlib, fflate in the browser) and a
 * part of an existing package can be copied still compressed. Synchronous throughout, so writing needs no worker
 * and no event loop turn. No ZIP64: a package past 4 GB (or 65,535 parts) is refused.
 */
import type { ZipEntry } from "../zipArchive";
import type { Compression } from "./deflateRaw";
import { platformCompression } from "./platformCompression";
import { PartWriter } from "./partWriter";
import { ZIP_DIRECTORY_ENTRY, ZIP_END_OF_DIRECTORY, ZIP_LOCAL_HEADER, ZIP_MAX_32 } from "../zipFormat";

/**
 * Deflate level 3. Measured on the 60 MB sheet part of a 100,000-row master, with fflate: level 6 (zlib's default)
 * takes about 3.7 s and gives 6.9 MB, level 3 about 1.1 s and 7.8 MB, level 1 about 1.0 s and 9.6 MB; with Node's
 * zlib, in 256K pieces: 1.05 s and 6.8 MB, 0.5 s and 7.8 MB, 0.4 s and 9.9 MB. 3 keeps the file within
 * an eighth of the smallest at half the time of 6.
 */
const DEFLATE_LEVEL = 3;
const MAX_ENTRIES = 0xffff;
/** General purpose flags: the size fields follow the data (bit 3), the name is UTF-8 (bit 11). */
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8_NAME = 0x0800;
/** Version 2.0 (deflate) needed to extract; made by an MS-DOS-compatible writer, so no file attributes. */
const VERSION = 20;
/** 1980-01-01 00:00, the earliest DOS date, for every entry (as Excel writes them): the same plan, the same bytes. */
const DOS_DATE = (1 << 5) | 1;

/** A part being written: its text goes in piece by piece (see PartWriter), and `end` closes it. */
export type PartStream = Pick<PartWriter, "write" | "bytes" | "ascii" | "number" | "end">;

/** What the central directory needs to know of an entry written before it. */
interface WrittenEntry {
  name: Uint8Array;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const encoder = new TextEncoder();

export class ZipPackage {
  private readonly output: Uint8Array[] = [];
  private readonly written: WrittenEntry[] = [];
  private length = 0;
  /** Parts opened and not yet ended: each is written to the archive when it ends. */
  private readonly unfinished = new Set<string>();

  /** `compression` is there for the tests, which try the browser's compression in Node. */
  constructor(private readonly compression: Compression = platformCompression) {}

  /** A part written in pieces, each deflated as it fills; written to the archive when it ends. */
  open(name: string): PartStream {
    this.unfinished.add(name);
    const part = this.deflatedPart();
    return new PartWriter(part.push, () => {
      this.unfinished.delete(name);
      this.addEntry(textName(name), part.result());
    });
  }

  addText(name: string, xml: string | Iterable<string>): void {
    const part = this.open(name);
    if (typeof xml === "string") part.write(xml);
    else for (const piece of xml) part.write(piece);
    part.end();
  }

  /** A part whose uncompressed bytes are at hand, compressed. */
  addBytes(name: string, bytes: Uint8Array): void {
    const part = this.deflatedPart();
    part.push(bytes, true);
    this.addEntry(textName(name), part.result());
  }

  /**
   * An entry of another zip (`archive`) copied as it is stored there: the same compressed bytes, method, CRC and
   * sizes, the same name bytes and UTF-8 flag. Its sizes go in the local header, so a data descriptor is dropped.
   */
  addStored(entry: ZipEntry, archive: Uint8Array): void {
    const end = entry.dataOffset + entry.compressedSize;
    if (end > archive.length) throw new Error(`zip entry ${entry.name} runs past the end of its archive`);
    this.addEntry(
      { name: Uint8Array.from(entry.name, (char) => char.charCodeAt(0)), flags: entry.flags & ~FLAG_DATA_DESCRIPTOR },
      { method: entry.method, crc32: entry.crc32, size: entry.declaredSize, data: [archive.subarray(entry.dataOffset, end)] },
    );
  }

  finish(): Uint8Array {
    if (this.unfinished.size > 0) throw new Error(`zip part ${[...this.unfinished].join(", ")} was never ended`);
    const directoryOffset = this.length;
    for (const entry of this.written) this.append(directoryEntry(entry), entry.name);
    const directorySize = this.length - directoryOffset;
    this.append(endOfDirectory(this.written.length, directorySize, directoryOffset));
    const bytes = new Uint8Array(this.length);
    let offset = 0;
    for (const chunk of this.output) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    this.output.length = 0;
    return bytes;
  }

  /** A part's deflater, counting its CRC and sizes as pieces go through it. */
  private deflatedPart() {
    const deflater = this.compression.deflater(DEFLATE_LEVEL);
    const data: Uint8Array[] = [];
    let crc32 = 0;
    let size = 0;
    return {
      push: (bytes: Uint8Array, final: boolean) => {
        crc32 = this.compression.crc32(bytes, crc32);
        size += bytes.length;
        data.push(...deflater.push(bytes, final));
      },
      result: (): EntryData => ({ method: 8, crc32, size, data }),
    };
  }

  /** The local header and the data; the central directory entry is kept for {@link finish}. */
  private addEntry(name: { name: Uint8Array; flags: number }, content: EntryData): void {
    const compressedSize = content.data.reduce((sum, chunk) => sum + chunk.length, 0);
    const entry: WrittenEntry = { ...name, method: content.method, crc32: content.crc32, size: content.size, compressedSize, offset: this.length };
    if (this.written.length >= MAX_ENTRIES) throw new Error(`the workbook has more than ${MAX_ENTRIES} parts, more than a zip without ZIP64 holds`);
    // The offset of the central directory, which follows the last entry, must fit in 32 bits too.
    if (entry.size > ZIP_MAX_32 || this.length + 30 + entry.name.length + compressedSize > ZIP_MAX_32) {
      throw new Error("the workbook would be over 4 GB, more than a zip without ZIP64 holds");
    }
    this.written.push(entry);
    this.append(localHeader(entry), entry.name, ...content.data);
  }

  private append(...chunks: Uint8Array[]): void {
    for (const chunk of chunks) {
      this.output.push(chunk);
      this.length += chunk.length;
    }
  }
}

interface EntryData {
  method: number;
  crc32: number;
  size: number;
  data: Uint8Array[];
}

/** A part name as this writer spells it: UTF-8, flagged as such when it is not plain ASCII. */
function textName(name: string): { name: Uint8Array; flags: number } {
  const bytes = encoder.encode(name);
  return { name: bytes, flags: bytes.length === name.length ? 0 : FLAG_UTF8_NAME };
}

/** The 30 bytes before an entry's name and data. */
function localHeader(entry: WrittenEntry): Uint8Array {
  const header = new DataView(new ArrayBuffer(30));
  header.setUint32(0, ZIP_LOCAL_HEADER, true);
  header.setUint16(4, VERSION, true);
  setEntryFields(header, 6, entry);
  return new Uint8Array(header.buffer);
}

/** The 46 bytes of an entry's central directory record, before its name. */
function directoryEntry(entry: WrittenEntry): Uint8Array {
  const record = new DataView(new ArrayBuffer(46));
  record.setUint32(0, ZIP_DIRECTORY_ENTRY, true);
  record.setUint16(4, VERSION, true); // made by
  record.setUint16(6, VERSION, true); // needed to extract
  setEntryFields(record, 8, entry);
  // Comment length, disk number, internal and external attributes stay 0.
  record.setUint32(42, entry.offset, true);
  return new Uint8Array(record.buffer);
}

/** The fields a local header and a directory record share, in the same order: flags to extra field length. */
function setEntryFields(view: DataView, at: number, entry: WrittenEntry): void {
  view.setUint16(at, entry.flags, true);
  view.setUint16(at + 2, entry.method, true);
  view.setUint16(at + 4, 0, true); // time 00:00
  view.setUint16(at + 6, DOS_DATE, true);
  view.setUint32(at + 8, entry.crc32, true);
  view.setUint32(at + 12, entry.compressedSize, true);
  view.setUint32(at + 16, entry.size, true);
  view.setUint16(at + 20, entry.name.length, true);
  view.setUint16(at + 22, 0, true); // no extra field
}

function endOfDirectory(entries: number, size: number, offset: number): Uint8Array {
  const record = new DataView(new ArrayBuffer(22));
  record.setUint32(0, ZIP_END_OF_DIRECTORY, true);
  record.setUint16(8, entries, true); // on this disk
  record.setUint16(10, entries, true); // in all
  record.setUint32(12, size, true);
  record.setUint32(16, offset, true);
  return new Uint8Array(record.buffer);
}
