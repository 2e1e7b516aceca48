/**
 * Returned file bytes -> RawWorkbook. Browser-safe (no Node APIs): the CLI and the task pane both read with it.
 *
 * A pipeline in three steps, like an importer in a good editor:
 *   1. sniff: what the bytes are (magic bytes first, the extension second), refusing early what is not a
 *      spreadsheet, what is encrypted, and what would unpack too large (zip bombs), before the library sees it;
 *   2. parse: the library calls (unzip with fflate, read with SheetJS) inside the only try/catch, which turns
 *      every library failure into a ReadFailure;
 *   3. convert: SheetJS sheets -> RawSheet cells, within a cell budget.
 */
import * as XLSX from "@e965/xlsx";
import * as cptable from "@e965/xlsx/dist/cpexcel.full";
import { Inflate } from "fflate";
import type { Cell, CellRange, RawSheet, RawWorkbook } from "../core/rawSheet";
import { classifyLibraryError, formatBytes, readFailure, UnpackedSizeExceeded, type ReadFailure } from "./readErrors";

export type { ReadFailure, ReadFailureCode } from "./readErrors";

// Excel 95 (BIFF5) files, still written by old PHP and Java exporters, store text in the workbook's code page
// (936/GBK for Chinese). SheetJS's CommonJS build loads the code page tables itself; its ES module build, which
// the task pane bundles, does not (~170 KB gzipped).
XLSX.set_cptable(cptable);

/** Ceilings that keep one hostile or absurd file from exhausting memory or time. */
export interface ReadLimits {
  /** Size of the file itself. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes a zip-based file (xlsx, ods) declares for its entries. */
  maxUnpackedBytes: number;
  /** Non-empty cells over all sheets. */
  maxCells: number;
}

/**
 * A returned schedule is 10-100 KB; with pasted photos (WPS embeds them happily) a few MB. 20 MB is what Chinese
 * government mail systems typically let through as one attachment. Sheet XML compresses about 10:1, so 20 MB
 * holds at most ~200 MB of honest XML, while a zip bomb declares 1000:1. Two million cells (a 50,000-row extra
 * sheet of 40 columns) cost ~200 MB as RawSheet cells, the most a task pane can afford.
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxCells: 2_000_000,
};

/** What the bytes turned out to be (not what the file name said). */
export type WorkbookFormat = "xlsx" | "xlsm" | "xls" | "et" | "ods" | "csv" | "html" | "xml";

/** A workbook and what it was, or why it could not be read (`code` for messages, `detail` for logs). */
export type ReadResult = { ok: true; workbook: RawWorkbook; format: WorkbookFormat } | ReadFailure;

/** Reads a returned workbook. Never throws for bad input: every file ends as a workbook or a ReadFailure. */
export function readWorkbook(bytes: Uint8Array, fileName: string, limits: ReadLimits = DEFAULT_READ_LIMITS): ReadResult {
  if (bytes.length === 0) return readFailure("empty-file", "the file is empty (0 bytes)");
  if (bytes.length > limits.maxFileBytes) {
    return readFailure("too-large", `${formatBytes(bytes.length)}, over the ${formatBytes(limits.maxFileBytes)} limit`);
  }
  const source = sniff(bytes, extensionOf(fileName), limits);
  if ("ok" in source) return source;
  const parsed = parseWithLibrary(source);
  if ("ok" in parsed) return parsed;
  const workbook = toRawWorkbook(parsed, limits);
  if ("ok" in workbook) return workbook;
  return { ok: true, workbook, format: source.format };
}

const IGNORED_BASE_NAMES = new Set(["thumbs.db", ".ds_store", "desktop.ini"]);

/**
 * Office/WPS owner files (`~$x.xlsx`), LibreOffice locks (`.~lock.x.xlsx#`), macOS resource forks (`._x.xlsx`,
 * `__MACOSX/...`) and folder litter (`Thumbs.db`, `.DS_Store`, `desktop.ini`): skipped on purpose, never read.
 */
export function isIgnoredFileName(fileName: string): boolean {
  const parts = fileName.split(/[\\/]/);
  if (parts.includes("__MACOSX")) return true;
  const base = parts[parts.length - 1] ?? "";
  return (
    base.startsWith("~$") ||
    base.startsWith("._") ||
    /^\.~lock\..*#$/.test(base) ||
    IGNORED_BASE_NAMES.has(base.toLowerCase())
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Step 1: sniff

/** What the library should be able to read, and what we think it is: bytes, a zip we unpack, or decoded text. */
type Source =
  | { format: WorkbookFormat; data: Uint8Array }
  | { format: WorkbookFormat; zip: { bytes: Uint8Array; entries: readonly ZipEntry[] } }
  | { format: WorkbookFormat; text: string };

const SPREADSHEET_EXTENSIONS = new Set([
  "xlsx", "xlsm", "xltx", "xltm", "xls", "xlt", "et", "ett", "ods", "ots", "fods", "csv", "tsv",
]);
/** Extensions under which Excel and WPS open HTML tables and delimited text (government system exports). */
const LEGACY_EXPORT_EXTENSIONS = new Set(["xls", "xlt", "et", "ett"]);
const HTML_EXTENSIONS = new Set([...SPREADSHEET_EXTENSIONS, "htm", "html"]);
const DELIMITED_EXTENSIONS = new Set(["csv", "tsv", ...LEGACY_EXPORT_EXTENSIONS]);

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

function sniff(bytes: Uint8Array, ext: string, limits: ReadLimits): Source | ReadFailure {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(bytes, ext, limits);
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return readFailure("not-a-spreadsheet", "an empty zip archive");
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffCompoundFile(bytes, ext);
  // A bare BIFF2-4 worksheet stream (Excel 2.x-4.x, some Quattro and old exporters) starts with a BOF record.
  if (bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1] ?? -1)) return { format: "xls", data: bytes };
  const known = KNOWN_NON_SPREADSHEETS.find(({ magic }) => startsWith(bytes, magic));
  if (known) return readFailure("not-a-spreadsheet", known.detail);
  return sniffText(bytes, ext);
}

const KNOWN_NON_SPREADSHEETS: ReadonlyArray<{ magic: readonly number[]; detail: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], detail: "a PDF document" },
  { magic: [0x89, 0x50, 0x4e, 0x47], detail: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], detail: "a JPEG image" },
  { magic: [0x47, 0x49, 0x46, 0x38], detail: "a GIF image" },
  { magic: [0x49, 0x49, 0x2a, 0x00], detail: "a TIFF image" },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], detail: "a TIFF image" },
  { magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], detail: "a RAR archive" },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], detail: "a 7-Zip archive" },
  { magic: [0x1f, 0x8b], detail: "a gzip archive" },
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

function unrecognisedBinary(bytes: Uint8Array, ext: string): ReadFailure {
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
  // A file that claims to be a spreadsheet but is not one we know is damaged; anything else is simply not ours.
  return SPREADSHEET_EXTENSIONS.has(ext)
    ? readFailure("corrupt", `unrecognised binary content for a .${ext} file (starts ${head})`)
    : readFailure("not-a-spreadsheet", `binary data of an unknown type${ext ? ` (.${ext})` : ""}, starts ${head}`);
}

// --- zip containers (xlsx, ods, and everything else that is a zip) ---

function sniffZip(bytes: Uint8Array, ext: string, limits: ReadLimits): Source | ReadFailure {
  const entries = readZipDirectory(bytes);
  if ("ok" in entries) return entries;
  const bomb = checkUnpackedSizes(entries, limits.maxUnpackedBytes);
  if (bomb) return bomb;
  if (entries.some((entry) => entry.flags & 0x1)) {
    return readFailure("encrypted", "a zip archive whose entries are password-protected");
  }
  const names = new Set(entries.map((entry) => entry.name.toLowerCase()));
  const hasPart = (pattern: RegExp) => [...names].some((name) => pattern.test(name));
  const isOoxml = names.has("[content_types].xml");

  if (names.has("xl/workbook.xml") || (isOoxml && hasPart(/(^|\/)workbook\.xml$/))) {
    const format = names.has("xl/vbaproject.bin") || ext === "xlsm" || ext === "xltm" ? "xlsm" : "xlsx";
    return { format, zip: { bytes, entries } };
  }
  if (isOoxml && hasPart(/(^|\/)workbook\.bin$/)) {
    return readFailure("unsupported-format", "an Excel binary workbook (.xlsb); save it as .xlsx");
  }
  if (hasPart(/^index\/.*\.iwa$/)) {
    return names.has("index/calculationengine.iwa") || ext === "numbers"
      ? readFailure("unsupported-format", "an Apple Numbers spreadsheet; export it to .xlsx")
      : readFailure("not-a-spreadsheet", "an Apple Pages or Keynote document");
  }
  const odf = sniffOpenDocument(bytes, entries, ext);
  if (odf) return "ok" in odf ? odf : { format: "ods", zip: { bytes, entries } };
  if (names.has("word/document.xml")) return readFailure("not-a-spreadsheet", "a Word document (.docx)");
  if (names.has("ppt/presentation.xml")) return readFailure("not-a-spreadsheet", "a PowerPoint presentation (.pptx)");
  if (names.has("ofd.xml")) return readFailure("not-a-spreadsheet", "an OFD document");
  return readFailure("not-a-spreadsheet", `a zip archive of ${entries.length} files that holds no workbook`);
}

const ODS_MIMETYPES = ["application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet-template"];
const ODF_KINDS: Record<string, string> = { text: "text document (.odt)", presentation: "presentation (.odp)", graphics: "drawing (.odg)" };

/** ODF packages name their kind in an uncompressed first entry `mimetype` (ODF 1.2 §3.3). */
function sniffOpenDocument(bytes: Uint8Array, entries: readonly ZipEntry[], ext: string): { format: "ods" } | ReadFailure | undefined {
  const mimetypeEntry = entries.find((entry) => entry.name === "mimetype");
  const hasContent = entries.some((entry) => entry.name === "content.xml");
  if (!mimetypeEntry && !hasContent) return undefined;
  const mimetype = mimetypeEntry?.method === 0 ? latin1(bytes.subarray(mimetypeEntry.dataOffset, mimetypeEntry.dataOffset + mimetypeEntry.compressedSize)).trim() : "";
  if (ODS_MIMETYPES.includes(mimetype)) return hasContent ? { format: "ods" } : readFailure("corrupt", "an OpenDocument spreadsheet without content.xml");
  if (!mimetype) {
    // A missing or compressed mimetype breaks the spec but not LibreOffice; trust the extension then.
    return hasContent && ["ods", "ots"].includes(ext) ? { format: "ods" } : readFailure("not-a-spreadsheet", "an OpenDocument file of unknown kind");
  }
  const kind = /opendocument\.(\w+)/.exec(mimetype)?.[1];
  const what = kind ? ODF_KINDS[kind] : undefined;
  return readFailure("not-a-spreadsheet", what ? `an OpenDocument ${what}` : `a zip package of type ${mimetype.slice(0, 80)}`);
}

function checkUnpackedSizes(entries: readonly ZipEntry[], maxUnpackedBytes: number): ReadFailure | undefined {
  const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declared > maxUnpackedBytes) {
    return readFailure("unpacked-too-large", `declares ${formatBytes(declared)} unpacked in ${entries.length} entries, over the ${formatBytes(maxUnpackedBytes)} limit`);
  }
  return undefined;
}

interface ZipEntry {
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

/** Reads little-endian integers; out of range reads yield 0 and mark the reader as overrun instead of throwing. */
class ByteReader {
  overrun = false;
  constructor(private readonly bytes: Uint8Array) {}
  u16(offset: number): number {
    if (offset < 0 || offset + 2 > this.bytes.length) return this.fail();
    return (this.bytes[offset] ?? 0) | ((this.bytes[offset + 1] ?? 0) << 8);
  }
  u32(offset: number): number {
    return this.u16(offset) + this.u16(offset + 2) * 0x10000;
  }
  u64(offset: number): number {
    return this.u32(offset) + this.u32(offset + 4) * 0x1_0000_0000;
  }
  private fail(): number {
    this.overrun = true;
    return 0;
  }
}

const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;
const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_MAX_32 = 0xffffffff;

/** The central directory of a zip, checked against the local headers, as SheetJS will walk it. */
function readZipDirectory(bytes: Uint8Array): ZipEntry[] | ReadFailure {
  const reader = new ByteReader(bytes);
  const end = findEndOfDirectory(bytes, reader);
  if (end < 0) return readFailure("corrupt", "a truncated or damaged zip archive (no central directory)");
  const entriesOnDisk = reader.u16(end + 8);
  const entryCount = reader.u16(end + 10);
  let offset = reader.u32(end + 16);
  if (entryCount === 0xffff || offset === ZIP_MAX_32) return readFailure("unsupported-format", "a ZIP64 archive");
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

function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 4096));
}

/** Input fed to the inflater per step: a lying entry is caught within ~64 MB of output (DEFLATE's 1032:1). */
const INFLATE_CHUNK = 64 * 1024;

/**
 * Unpacks every entry into exactly the size it declared, and lays the entries out again as an uncompressed zip,
 * the one container shape SheetJS reads without inflating. SheetJS's own inflater loops forever on a damaged
 * deflate stream (one flipped bit in an e-mailed xlsx hangs the whole merge) and grows without bound when a local
 * header says 0; fflate stops at the end of its input, and is fed in chunks so that an entry inflating beyond its
 * declared size is stopped early. Entries are inflated straight into their place in the new zip: one copy of
 * the unpacked data in memory. Throws; the caller catches.
 */
function repackUncompressed({ bytes, entries }: { bytes: Uint8Array; entries: readonly ZipEntry[] }): {
  zip: Uint8Array;
  files: Map<string, Uint8Array>;
} {
  const total = entries.reduce((sum, entry) => sum + 30 + 46 + 2 * entry.name.length + entry.declaredSize, 22);
  const zip = new Uint8Array(total);
  const view = new DataView(zip.buffer);
  const files = new Map<string, Uint8Array>();
  const localOffsets: number[] = [];
  let p = 0;
  for (const entry of entries) {
    localOffsets.push(p);
    p = writeZipHeader(zip, view, p, entry);
    const data = zip.subarray(p, p + entry.declaredSize);
    unpackEntry(bytes, entry, data);
    files.set(entry.name, data);
    p += entry.declaredSize;
  }
  const directoryStart = p;
  entries.forEach((entry, index) => (p = writeZipHeader(zip, view, p, entry, localOffsets[index] ?? 0)));
  view.setUint32(p, ZIP_END_OF_DIRECTORY, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - directoryStart, true);
  view.setUint32(p + 16, directoryStart, true);
  return { zip, files };
}

/**
 * The local header (30 bytes) of an uncompressed entry or, given the local header's offset, its central directory
 * entry (46 bytes), followed by its name; flags, method, times and extra fields stay 0. Returns the next offset.
 */
function writeZipHeader(zip: Uint8Array, view: DataView, at: number, entry: ZipEntry, localHeaderOffset?: number): number {
  const directory = localHeaderOffset !== undefined;
  const shift = directory ? 2 : 0; // a directory entry starts with an extra "version made by" field
  view.setUint32(at, directory ? ZIP_DIRECTORY_ENTRY : ZIP_LOCAL_HEADER, true);
  view.setUint16(at + 4, 20, true);
  if (directory) view.setUint16(at + 6, 20, true);
  view.setUint32(at + 14 + shift, entry.crc32, true);
  view.setUint32(at + 18 + shift, entry.declaredSize, true);
  view.setUint32(at + 22 + shift, entry.declaredSize, true);
  view.setUint16(at + 26 + shift, entry.name.length, true);
  if (directory) view.setUint32(at + 42, localHeaderOffset, true);
  let p = at + (directory ? 46 : 30);
  for (let i = 0; i < entry.name.length; i++) zip[p++] = entry.name.charCodeAt(i);
  return p;
}

function unpackEntry(bytes: Uint8Array, entry: ZipEntry, into: Uint8Array): void {
  const end = entry.dataOffset + entry.compressedSize;
  if (end > bytes.length) throw new Error(`zip entry ${entry.name} runs past the end of the file`);
  const packed = bytes.subarray(entry.dataOffset, end);
  if (entry.method === 0) {
    if (packed.length !== into.length) throw new Error(`stored zip entry ${entry.name} has the wrong size`);
    into.set(packed);
  } else if (entry.method === 8) {
    inflateBounded(packed, into, entry.name);
  } else {
    throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}`);
  }
}

function inflateBounded(packed: Uint8Array, into: Uint8Array, name: string): void {
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > into.length) {
      throw new UnpackedSizeExceeded(`zip entry ${name} unpacks beyond the ${into.length} bytes it declares`);
    }
    into.set(chunk, written);
    written += chunk.length;
  });
  for (let offset = 0; offset === 0 || offset < packed.length; offset += INFLATE_CHUNK) {
    inflater.push(packed.subarray(offset, offset + INFLATE_CHUNK), offset + INFLATE_CHUNK >= packed.length);
  }
  if (written !== into.length) throw new Error(`zip entry ${name} unpacks to ${written} bytes, not the ${into.length} it declares`);
}

// --- OLE compound files (xls, et, and encrypted xlsx) ---

function sniffCompoundFile(bytes: Uint8Array, ext: string): Source | ReadFailure {
  const format = ext === "et" || ext === "ett" ? "et" : "xls";
  const names = compoundFileNames(bytes);
  // A directory we cannot walk (some PHP writers leave odd ones) may still be readable by SheetJS: let it try.
  if (!names) return { format, data: bytes };
  const has = (name: string) => names.has(name.toLowerCase());
  if (has("EncryptionInfo") || has("EncryptedPackage")) {
    return readFailure("encrypted", "a password-protected Office Open XML file (.xlsx inside an encrypted OLE container)");
  }
  if (has("Workbook") || has("Book")) return { format, data: bytes };
  if (has("WordDocument")) return readFailure("not-a-spreadsheet", "a Word 97-2003 document (.doc)");
  if (has("PowerPoint Document")) return readFailure("not-a-spreadsheet", "a PowerPoint 97-2003 presentation (.ppt)");
  if ([...names].some((name) => name.startsWith("__substg1.0_"))) return readFailure("not-a-spreadsheet", "an Outlook message (.msg)");
  if (has("NativeContent_MAIN")) return readFailure("unsupported-format", "a Quattro Pro spreadsheet");
  return readFailure("not-a-spreadsheet", "an OLE compound file that holds no workbook");
}

const CFB_END_OF_CHAIN = 0xfffffffa; // and above: ENDOFCHAIN, FREESECT and other markers
const CFB_HEADER_FAT_SLOTS = 109;

/**
 * The lower-cased names of the storages and streams in an OLE compound file ([MS-CFB] §2.2, §2.6), or undefined
 * when the header or the directory chain is damaged. Walks the FAT by hand so that sniffing never throws.
 */
function compoundFileNames(bytes: Uint8Array): Set<string> | undefined {
  const reader = new ByteReader(bytes);
  const shift = reader.u16(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorOffset = (sector: number) => (sector + 1) * sectorSize;
  const fatSectors = compoundFileFatSectors(reader, sectorSize, sectorOffset);
  const perFatSector = sectorSize / 4;
  const nextSector = (sector: number) => {
    const fatSector = fatSectors[Math.floor(sector / perFatSector)];
    return fatSector === undefined ? CFB_END_OF_CHAIN : reader.u32(sectorOffset(fatSector) + (sector % perFatSector) * 4);
  };
  const names = new Set<string>();
  const maxSectors = Math.ceil(bytes.length / sectorSize);
  let steps = 0;
  for (let sector = reader.u32(0x30); sector < CFB_END_OF_CHAIN; sector = nextSector(sector)) {
    if (++steps > maxSectors) return undefined; // a cycle in the chain
    const start = sectorOffset(sector);
    for (let entry = start; entry + 128 <= Math.min(start + sectorSize, bytes.length); entry += 128) {
      const name = compoundFileEntryName(bytes, reader, entry);
      if (name !== undefined) names.add(name.toLowerCase());
    }
  }
  return reader.overrun ? undefined : names;
}

function compoundFileFatSectors(reader: ByteReader, sectorSize: number, sectorOffset: (s: number) => number): number[] {
  const count = reader.u32(0x2c);
  const sectors: number[] = [];
  for (let i = 0; i < CFB_HEADER_FAT_SLOTS && sectors.length < count; i++) sectors.push(reader.u32(0x4c + i * 4));
  // Beyond 109 FAT sectors (files over ~7 MB), the list continues in a chain of DIFAT sectors.
  const perDifat = sectorSize / 4 - 1;
  let difat = reader.u32(0x44);
  for (let hops = reader.u32(0x48); hops > 0 && difat < CFB_END_OF_CHAIN && !reader.overrun; hops--) {
    for (let i = 0; i < perDifat && sectors.length < count; i++) sectors.push(reader.u32(sectorOffset(difat) + i * 4));
    difat = reader.u32(sectorOffset(difat) + perDifat * 4);
  }
  return sectors;
}

function compoundFileEntryName(bytes: Uint8Array, reader: ByteReader, entry: number): string | undefined {
  const nameBytes = reader.u16(entry + 64); // UTF-16LE including the terminating NUL
  const type = bytes[entry + 66]; // 1 storage, 2 stream, 5 root
  if (nameBytes < 2 || nameBytes > 64 || (type !== 1 && type !== 2 && type !== 5)) return undefined;
  let name = "";
  for (let p = entry; p < entry + nameBytes - 2; p += 2) name += String.fromCharCode(reader.u16(p));
  return name;
}

// --- text: CSV, HTML tables and SpreadsheetML 2003 ---

function sniffText(bytes: Uint8Array, ext: string): Source | ReadFailure {
  const text = decodeText(bytes);
  if (text === undefined) return unrecognisedBinary(bytes, ext);
  const head = text.slice(0, 65536).trimStart().toLowerCase();
  if (head.startsWith("<")) return sniffMarkup(text.trimStart(), head, ext);
  if (head.startsWith("{\\rtf")) return readFailure("not-a-spreadsheet", "an RTF document");
  if (head.startsWith("mime-version:")) {
    return readFailure("unsupported-format", "a single-file web page (.mht); save it as .xlsx");
  }
  if (DELIMITED_EXTENSIONS.has(ext)) return { format: "csv", text };
  return readFailure("not-a-spreadsheet", `a plain text file${ext ? ` (.${ext})` : ""}`);
}

function sniffMarkup(text: string, head: string, ext: string): Source | ReadFailure {
  if (head.includes("urn:schemas-microsoft-com:office:spreadsheet") && /<(ss:)?workbook[\s>]/.test(head)) {
    return { format: "xml", text };
  }
  if (head.includes("<office:document") && head.includes("application/vnd.oasis.opendocument.spreadsheet")) {
    return { format: "ods", text };
  }
  const isHtml = /<(!doctype html|html|table|body)[\s>]/.test(head);
  if (isHtml && /<table[\s>]/.test(head) && HTML_EXTENSIONS.has(ext)) return { format: "html", text };
  const what = isHtml ? "an HTML page" : "an XML document";
  return readFailure("not-a-spreadsheet", `${what}${ext ? ` (.${ext})` : ""}${isHtml && !/<table[\s>]/.test(head) ? " without a table" : ""}`);
}

/**
 * Text as the producer meant it: a BOM decides; else valid UTF-8 is UTF-8; else GB18030, a superset of the GBK
 * in which Excel and WPS in China save CSV. Undefined when the bytes do not look like text at all.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes);
  // Excel's "Unicode text" is tab-separated UTF-16LE.
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes);
  if (looksBinary(bytes)) return undefined;
  return decodeUtf8Strictly(bytes) ?? new TextDecoder("gb18030").decode(bytes);
}

function decodeUtf8Strictly(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined; // not UTF-8: the caller tries the next encoding
  }
}

/** NUL bytes, or more than 2% control characters other than tab, line breaks, form feed and escape. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) controls++;
  }
  return controls > sample.length / 50;
}

// ---------------------------------------------------------------------------------------------------------------
// Step 2: parse

const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true, // rows of cells: faster than A1 keys, and sparse rows stay sparse
  cellDates: false, // dates stay serials, so the core sees the day the user typed, not a time-zone-shifted Date
  cellNF: true, // keep each cell's number format: it tells a date from a number
  cellText: true, // `w`, the text the user sees
  cellFormula: false, // cached values are what we check; parsing formulas only costs time
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
};

interface ParsedBook {
  workbook: XLSX.WorkBook;
  /** Hidden sheet names for OpenDocument, where SheetJS does not report visibility. */
  odsHidden: Set<string> | undefined;
}

/** The only place that calls the spreadsheet libraries, and the only try/catch around them. */
function parseWithLibrary(source: Source): ParsedBook | ReadFailure {
  try {
    return withLibraryNoiseMuted(() => parseSource(source));
  } catch (error) {
    return classifyLibraryError(error);
  }
}

/** Throws whatever the libraries throw; parseWithLibrary catches. */
function parseSource(source: Source): ParsedBook {
  if ("text" in source) {
    // raw: CSV and HTML values stay the text the unit typed: `4/22`, `13816261234`, `0533-3188608`.
    const workbook = XLSX.read(source.text, { ...READ_OPTIONS, type: "string", raw: true });
    return { workbook, odsHidden: source.format === "ods" ? odsHiddenSheets(source.text) : undefined };
  }
  if ("data" in source) return { workbook: XLSX.read(source.data, { ...READ_OPTIONS, type: "array" }), odsHidden: undefined };
  const { zip, files } = repackUncompressed(source.zip);
  const workbook = XLSX.read(zip, { ...READ_OPTIONS, type: "array" });
  const contentXml = files.get("content.xml");
  const odsHidden = source.format === "ods" && contentXml ? odsHiddenSheets(new TextDecoder().decode(contentXml)) : undefined;
  return { workbook, odsHidden };
}

/**
 * SheetJS reports what it skips with console.error: "ODS number format may be incorrect" two dozen times for
 * every .ods LibreOffice saves, "Missing Info for XLS Record …" for odd .xls. Nothing a clerk can act on, and
 * noise on the CLI's stderr: muted for the duration of one synchronous read, then restored.
 */
function withLibraryNoiseMuted<T>(read: () => T): T {
  const { error, warn } = console;
  console.error = console.warn = () => undefined;
  try {
    return read();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/**
 * Sheets hidden in an OpenDocument spreadsheet: a `<table:table>` whose automatic style has
 * `<style:table-properties table:display="false"/>` (ODF 1.2 §17.15). SheetJS ignores this attribute.
 */
function odsHiddenSheets(contentXml: string): Set<string> {
  const hiddenStyles = new Set<string>();
  for (const match of contentXml.matchAll(/<style:style\b([^>]*)>/g)) {
    const attributes = match[1] ?? "";
    if (attributes.endsWith("/") || xmlAttribute(attributes, "style:family") !== "table") continue;
    const body = contentXml.slice(match.index + match[0].length, contentXml.indexOf("</style:style>", match.index));
    const name = xmlAttribute(attributes, "style:name");
    if (name !== undefined && /table:display\s*=\s*["']false["']/.test(body)) hiddenStyles.add(name);
  }
  const hidden = new Set<string>();
  for (const match of contentXml.matchAll(/<table:table(?=[\s>/])([^>]*)>/g)) {
    const attributes = match[1] ?? "";
    const style = xmlAttribute(attributes, "table:style-name");
    const name = xmlAttribute(attributes, "table:name");
    if (style !== undefined && name !== undefined && hiddenStyles.has(style)) hidden.add(name);
  }
  return hidden;
}

function xmlAttribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  const value = match ? (match[1] ?? match[2]) : undefined;
  return value === undefined ? undefined : decodeXmlEntities(value);
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#")) {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[entity] ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Step 3: convert

type LibraryCell = XLSX.CellObject;

/** 1904-system serials count from 1904-01-01; the same day in the 1900 system is 1462 days later. */
const DAYS_1900_TO_1904 = 1462;
/** Rows longer than this are walked by key: a row holding one value in column XFD is 16,384 slots long. */
const SPARSE_WALK_THRESHOLD = 1024;
/** Empty rows between cells share one frozen array: a stray value in row 1,048,576 costs pointers, not rows. */
const EMPTY_ROW: ReadonlyArray<Cell> = Object.freeze([]);
/**
 * Row slots (empty rows included) each cost a pointer; four per allowed cell is generous for real files (two
 * full-height sheets with a stray value at the bottom) and still bounds a workbook of thousands of such sheets.
 */
const ROW_SLOTS_PER_CELL = 4;

function toRawWorkbook({ workbook, odsHidden }: ParsedBook, limits: ReadLimits): RawWorkbook | ReadFailure {
  const sheetNames = workbook.SheetNames;
  if (sheetNames.length === 0) return readFailure("corrupt", "the file holds no sheets");
  const budget = checkCellBudget(sheetNames.map((name) => workbook.Sheets[name]), limits.maxCells);
  if (budget) return budget;
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const hidden = sheetVisibility(workbook, odsHidden);
  const isDateFormat = dateFormatTester();
  const sheets = sheetNames.map((name, index) =>
    toRawSheet(name, workbook.Sheets[name], hidden[index] ?? false, (cell) => toCell(cell, date1904, isDateFormat)),
  );
  return { sheets };
}

function checkCellBudget(sheets: ReadonlyArray<XLSX.WorkSheet | undefined>, maxCells: number): ReadFailure | undefined {
  const declared = sheets.reduce((sum, sheet) => sum + refArea(sheet?.["!ref"]), 0);
  if (declared <= maxCells) return undefined;
  // The declared ranges are only an upper bound (one stray value at XFD1048576 declares 17 billion cells): count
  // what is actually there before building anything.
  let cells = 0;
  let rowSlots = 0;
  for (const sheet of sheets) {
    if (!sheet) continue;
    let lastRow = -1;
    forEachCell(sheet, (row) => {
      cells++;
      lastRow = Math.max(lastRow, row);
    });
    rowSlots += lastRow + 1;
  }
  if (cells > maxCells) return readFailure("too-many-cells", `${cells} cells, over the ${maxCells} limit`);
  if (rowSlots > maxCells * ROW_SLOTS_PER_CELL) {
    return readFailure("too-many-cells", `its sheets span ${rowSlots} rows, over the ${maxCells * ROW_SLOTS_PER_CELL} limit`);
  }
  return undefined;
}

function refArea(ref: string | undefined): number {
  if (!ref) return 0;
  const { s, e } = XLSX.utils.decode_range(ref);
  return Math.max(0, e.r - s.r + 1) * Math.max(0, e.c - s.c + 1);
}

/** Visits every cell present, dense or sparse, without walking the empty space of a huge `!ref`. */
function forEachCell(sheet: XLSX.WorkSheet, visit: (row: number, col: number, cell: LibraryCell) => void): void {
  const data = sheet["!data"];
  if (data) {
    forEachPresent(data, (cells, row) => forEachPresent(cells, (cell, col) => visit(row, col, cell)));
    return;
  }
  for (const address of Object.keys(sheet)) {
    if (address.startsWith("!")) continue;
    const { r, c } = XLSX.utils.decode_cell(address);
    visit(r, c, sheet[address] as LibraryCell);
  }
}

function forEachPresent<T>(items: ReadonlyArray<T | undefined | null>, visit: (item: T, index: number) => void): void {
  if (items.length <= SPARSE_WALK_THRESHOLD) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item != null) visit(item, i);
    }
    return;
  }
  for (const key of Object.keys(items)) {
    const index = Number(key);
    const item = items[index];
    if (Number.isInteger(index) && item != null) visit(item, index);
  }
}

function sheetVisibility(workbook: XLSX.WorkBook, odsHidden: Set<string> | undefined): boolean[] {
  if (odsHidden) return workbook.SheetNames.map((name) => odsHidden.has(name));
  const props = workbook.Workbook?.Sheets ?? [];
  const byName = new Map(props.filter((p) => p.name !== undefined).map((p) => [p.name, p]));
  // Hidden is 1 (hidden) or 2 (very hidden, only VBA can show it); both are read and flagged.
  return workbook.SheetNames.map((name, index) => Boolean((byName.get(name) ?? props[index])?.Hidden));
}

function toRawSheet(
  name: string,
  sheet: XLSX.WorkSheet | undefined,
  hidden: boolean,
  convert: (cell: LibraryCell) => Cell | undefined,
): RawSheet {
  const rows: Array<Array<Cell | undefined> | ReadonlyArray<Cell>> = [];
  if (sheet) {
    forEachCell(sheet, (row, col, libraryCell) => {
      const cell = convert(libraryCell);
      if (cell) ((rows[row] ??= []) as Array<Cell | undefined>)[col] = cell;
    });
  }
  for (let row = 0; row < rows.length; row++) rows[row] ??= EMPTY_ROW;
  const merges: CellRange[] = (sheet?.["!merges"] ?? []).map(({ s, e }) => ({ startRow: s.r, startCol: s.c, endRow: e.r, endCol: e.c }));
  return { name, hidden, rows, merges };
}

function toCell(cell: LibraryCell, date1904: boolean, isDateFormat: (format: unknown) => boolean): Cell | undefined {
  const { t: type, v: value } = cell;
  if (value === undefined || value === null) return undefined;
  const text = normaliseLineBreaks(cell.w ?? String(value));
  switch (type) {
    case "s":
      return { kind: "text", text };
    case "n":
      if (typeof value !== "number") return { kind: "text", text };
      return isDateFormat(cell.z)
        ? { kind: "date", serial: date1904 ? value + DAYS_1900_TO_1904 : value, text }
        : { kind: "number", value, text };
    case "b":
      return { kind: "boolean", value: Boolean(value), text };
    case "e":
      return { kind: "error", text: cell.w ?? errorText(value) };
    case "d":
      // Only with cellDates, which we do not set; kept so an unexpected Date never becomes "Mon Apr 22 2024 ...".
      return value instanceof Date ? { kind: "date", serial: localDateToSerial(value), text } : { kind: "text", text };
    default:
      return undefined; // "z": a stub, an empty cell that only has a style
  }
}

function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

const ERROR_TEXTS: Record<number, string> = {
  0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA",
};

function errorText(value: unknown): string {
  return (typeof value === "number" ? ERROR_TEXTS[value] : undefined) ?? "#ERROR!";
}

/** SheetJS builds Date cells from local calendar fields, so read them back the same way. */
function localDateToSerial(date: Date): number {
  const day = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  const time = (date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds()) / 86_400;
  return (day - Date.UTC(1899, 11, 30)) / 86_400_000 + time;
}

/** SSF's date test per format string, memoised for one workbook (workbooks repeat a handful of formats). */
function dateFormatTester(): (format: unknown) => boolean {
  const cache = new Map<string, boolean>();
  return (format) => {
    if (typeof format !== "string") return false;
    let isDate = cache.get(format);
    if (isDate === undefined) {
      isDate = Boolean(XLSX.SSF.is_date(format));
      cache.set(format, isDate);
    }
    return isDate;
  };
}
