/**
 * Zip containers (xlsx, ods, and everything else that is a zip), read by hand rather than by a library: the
 * central directory is walked and checked against the local headers before anything is unpacked, so that a zip
 * bomb is refused by what it declares (ZIP64 sizes included), and then unpacked, within those declared sizes, for
 * SheetJS to parse (sheetjsZip) without ever reading a zip itself.
 */
import { ByteReader, latin1 } from "./byteReader";
import { platformInflater, type RawInflater } from "./inflateRaw";
import { formatBytes, readFailure, UnpackedSizeExceeded, type ReadFailure } from "./readErrors";
import { ZIP_DIRECTORY_ENTRY, ZIP_END_OF_DIRECTORY, ZIP_LOCAL_HEADER, ZIP_MAX_32 } from "./zipFormat";

/** One entry of the central directory: what the bomb and encryption checks need, and where its data starts. */
export interface ZipEntry {
  /** As stored (bytes read as Latin-1, so writing it back is lossless); only ASCII names are ever compared. */
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  /** The larger of what the central directory and the local header declare. */
  declaredSize: number;
  dataOffset: number;
}


/** The central directory of a zip, checked against the local headers, as SheetJS will walk it. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | ReadFailure {
  const reader = new ByteReader(bytes);
  const end = findEndOfDirectory(bytes, reader);
  if (end < 0) return readFailure("corrupt", "a truncated or damaged zip archive (no central directory)");
  const entriesOnDisk = reader.u16(end + 8);
  const entryCount = reader.u16(end + 10);
  let offset = reader.u32(end + 16);
  if (entryCount === 0xffff || offset === ZIP_MAX_32) return readFailure("unsupported-format", "a ZIP64 archive", "zip64");
  if (entriesOnDisk !== entryCount) return readFailure("corrupt", "a multi-part zip archive");
  const entries: ZipEntry[] = [];
  for (let i = 0; i < entryCount; i++) {
    if (reader.u32(offset) !== ZIP_DIRECTORY_ENTRY) return readFailure("corrupt", "a damaged zip archive (bad central directory)");
    const entry = readZipEntry(bytes, reader, offset);
    if (!entry || reader.overrun) return readFailure("corrupt", "a damaged zip archive (bad local header)");
    entries.push(entry);
    offset += 46 + reader.u16(offset + 28) + reader.u16(offset + 30) + reader.u16(offset + 32);
  }
  return entries;
}

function findEndOfDirectory(bytes: Uint8Array, reader: ByteReader): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end of the archive.
  const last = bytes.length - 22;
  for (let offset = last; offset >= 0 && offset >= last - 0xffff; offset--) {
    if (bytes[offset] === 0x50 && reader.u32(offset) === ZIP_END_OF_DIRECTORY) return offset;
  }
  return -1;
}

function readZipEntry(bytes: Uint8Array, reader: ByteReader, at: number): ZipEntry | undefined {
  const nameLength = reader.u16(at + 28);
  const extra = { start: at + 46 + nameLength, length: reader.u16(at + 30) };
  const directory = zip64Sizes(reader, extra, { usz: reader.u32(at + 24), csz: reader.u32(at + 20), offset: reader.u32(at + 42) });
  const local = directory.offset;
  if (reader.u32(local) !== ZIP_LOCAL_HEADER) return undefined;
  const localNameLength = reader.u16(local + 26);
  const localExtra = { start: local + 30 + localNameLength, length: reader.u16(local + 28) };
  const localSizes = zip64Sizes(reader, localExtra, { usz: reader.u32(local + 22), csz: reader.u32(local + 18), offset: 0 });
  return {
    name: latin1(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/^\/+/, ""),
    flags: reader.u16(at + 8),
    method: reader.u16(at + 10),
    crc32: reader.u32(at + 16),
    compressedSize: directory.csz,
    // Streaming writers leave zeros in the local header; a bomb may lie in either place: trust the larger.
    declaredSize: Math.max(directory.usz, localSizes.usz),
    dataOffset: localExtra.start + localExtra.length,
  };
}

interface ZipSizes { usz: number; csz: number; offset: number }

/** Sizes stored as 0xFFFFFFFF live in the ZIP64 extra field (id 1), 8 bytes each, in this order. */
function zip64Sizes(reader: ByteReader, extra: { start: number; length: number }, sizes: ZipSizes): ZipSizes {
  const result = { ...sizes };
  for (let p = extra.start; p + 4 <= extra.start + extra.length; p += 4 + reader.u16(p + 2)) {
    if (reader.u16(p) !== 0x0001) continue;
    let field = p + 4;
    for (const key of ["usz", "csz", "offset"] as const) {
      if (sizes[key] !== ZIP_MAX_32) continue;
      result[key] = reader.u64(field);
      field += 8;
    }
  }
  return result;
}

/** Refuses a zip bomb by the sizes its entries declare, before a byte of it is unpacked. */
export function checkUnpackedSizes(entries: readonly ZipEntry[], maxUnpackedBytes: number): ReadFailure | undefined {
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > maxUnpackedBytes) {
    return readFailure("unpacked-too-large", `declares ${formatBytes(declared)} unpacked in ${entries.length} entries, over the ${formatBytes(maxUnpackedBytes)} limit`);
  }
  return undefined;
}

/**
 * Unpacks every entry into exactly the size it declared. SheetJS's own inflater loops forever on a damaged deflate
 * stream (one flipped bit in an e-mailed xlsx hangs the whole merge) and grows without bound when a local header
 * says 0; ours (inflateRaw) stops at the end of its input and never writes past the declared size plus one spare
 * byte, which an entry unpacking beyond its declared size fills. All entries share one buffer, each in its slot.
 * By name, in the zip's order; of two entries with the same name the first counts, as for SheetJS. Throws; the
 * caller catches. `inflate` is there for the tests, which try the browser's inflater in Node.
 */
export function unpackEntries(
  { bytes, entries }: { bytes: Uint8Array; entries: readonly ZipEntry[] },
  inflate: RawInflater = platformInflater,
): Map<string, Uint8Array> {
  // Each slot is followed by the spare byte of its entry, which the next slot's data then overwrites.
  const unpacked = new Uint8Array(entries.reduce((sum, entry) => sum + entry.declaredSize, 1));
  const files = new Map<string, Uint8Array>();
  let p = 0;
  for (const entry of entries) {
    unpackEntry(bytes, entry, unpacked.subarray(p, p + entry.declaredSize + 1), inflate);
    if (!files.has(entry.name)) files.set(entry.name, unpacked.subarray(p, p + entry.declaredSize));
    p += entry.declaredSize;
  }
  return files;
}

/** Unpacks an entry into `slot`: its declared size plus one spare byte. */
function unpackEntry(bytes: Uint8Array, entry: ZipEntry, slot: Uint8Array, inflate: RawInflater): void {
  const end = entry.dataOffset + entry.compressedSize;
  if (end > bytes.length) throw new Error(`zip entry ${entry.name} runs past the end of the file`);
  const packed = bytes.subarray(entry.dataOffset, end);
  if (entry.method === 0) {
    if (packed.length !== entry.declaredSize) throw new Error(`stored zip entry ${entry.name} has the wrong size`);
    slot.set(packed);
  } else if (entry.method === 8) {
    // No data at all is no stream, but some writers store an empty file so: it unpacks to nothing.
    const unpacked = packed.length === 0 ? 0 : inflate(packed, slot);
    if (unpacked > entry.declaredSize) {
      throw new UnpackedSizeExceeded(`zip entry ${entry.name} unpacks beyond the ${entry.declaredSize} bytes it declares`);
    }
    if (unpacked < entry.declaredSize) {
      throw new Error(`zip entry ${entry.name} unpacks to ${unpacked} bytes, not the ${entry.declaredSize} it declares`);
    }
  } else {
    throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}`);
  }
}
