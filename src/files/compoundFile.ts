/**
 * OLE compound files (xls, et, and encrypted xlsx, but also doc, ppt and msg): the names of the streams inside
 * tell a workbook from the other Office documents, and an encrypted xlsx from a readable xls. Read by hand so
 * that sniffing a damaged or hostile file never throws.
 *
 * The same walk proves the file's chains finite before the spreadsheet library follows them: SheetJS walks a
 * stream's sector chain without checking for cycles, so an 11 KB file whose chain points back at itself grows an
 * array until V8 aborts the whole process. Every walk here is bounded by what the file can hold.
 */
import { ByteReader } from "./byteReader";

const CFB_END_OF_CHAIN = 0xfffffffa; // and above: ENDOFCHAIN, FREESECT and other markers
const CFB_HEADER_FAT_SLOTS = 109;
const DIRECTORY_ENTRY_BYTES = 128;
const MINI_SECTOR_BYTES = 64;
const NO_STREAM = 0xffffffff;
const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;
/** The document-property streams ([MS-OLEPS]): title, author, company. Nothing a return's check needs. */
const PROPERTY_SET_STREAMS = new Set(["\u0005SummaryInformation", "\u0005DocumentSummaryInformation"]);

/** What sniffing needs from a compound file: its entry names, or the damage that makes reading it unsafe. */
export type CompoundFileDirectory =
  | {
      ok: true;
      names: Set<string>;
      /** Where the directory entries of the document-property streams start (see withoutPropertySets). */
      propertySetEntries: number[];
    }
  | { ok: false; damage: string };

interface DirectoryEntry {
  /** Offset of the 128-byte entry in the file. */
  at: number;
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/**
 * The lower-cased names of the storages and streams in an OLE compound file ([MS-CFB] §2.2, §2.6); `damage` when
 * a sector chain or the directory tree loops; undefined when the header or the directory chain cannot be walked
 * (some old writers leave odd ones that the library still reads).
 */
export function readCompoundDirectory(bytes: Uint8Array): CompoundFileDirectory | undefined {
  const reader = new ByteReader(bytes);
  const shift = reader.u16(0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const layout = new SectorLayout(bytes, reader, sectorSize);
  if (layout.damage) return { ok: false, damage: layout.damage };

  const directory = layout.chain(reader.u32(0x30));
  if (!Array.isArray(directory)) return { ok: false, damage: `the directory's sector chain ${directory.loop}` };
  const entries: DirectoryEntry[] = [];
  for (const sector of directory) {
    const start = layout.offset(sector);
    for (let at = start; at + DIRECTORY_ENTRY_BYTES <= Math.min(start + sectorSize, bytes.length); at += DIRECTORY_ENTRY_BYTES) {
      entries.push(readEntry(bytes, reader, at));
    }
  }
  if (reader.overrun) return undefined;

  // Streams of at least the mini-stream cutoff (and the root's mini stream) live in ordinary sectors, whose chains
  // the library walks without a cycle check.
  const miniCutoff = reader.u32(0x38) || 4096;
  for (const entry of entries) {
    const ordinary = entry.type === TYPE_ROOT || (entry.type === TYPE_STREAM && entry.size >= miniCutoff);
    if (!ordinary || entry.start >= CFB_END_OF_CHAIN) continue;
    const walked = layout.chain(entry.start);
    if (!Array.isArray(walked)) return { ok: false, damage: `the sector chain of stream "${entry.name}" ${walked.loop}` };
  }
  const miniDamage = miniStreamDamage(entries, layout, reader, miniCutoff);
  if (miniDamage) return { ok: false, damage: miniDamage };
  const treeLoop = findTreeLoop(entries);
  if (treeLoop !== undefined) return { ok: false, damage: `the directory tree loops back to entry ${treeLoop}` };

  const names = new Set<string>();
  for (const entry of entries) if (entry.name) names.add(entry.name.toLowerCase());
  const propertySetEntries = entries.filter((entry) => PROPERTY_SET_STREAMS.has(entry.name)).map((entry) => entry.at);
  return { ok: true, names, propertySetEntries };
}

/**
 * Small streams live in 64-byte sectors of the root's mini stream, chained by the mini FAT ([MS-CFB] §2.4). A chain
 * that loops or runs past the mini stream sends SheetJS reading garbage for seconds and gigabytes (one changed byte
 * in a LibreOffice .xls: 20 s, 1.5 GB): such a file is damaged.
 */
function miniStreamDamage(entries: readonly DirectoryEntry[], layout: SectorLayout, reader: ByteReader, miniCutoff: number): string | undefined {
  const root = entries[0];
  const small = entries.filter((entry) => entry.type === TYPE_STREAM && entry.size > 0 && entry.size < miniCutoff);
  if (!root || small.length === 0) return undefined;
  const miniSectors = Math.ceil(root.size / MINI_SECTOR_BYTES);
  const fatSectors = layout.chain(reader.u32(0x3c));
  if (!Array.isArray(fatSectors)) return `the mini FAT's sector chain ${fatSectors.loop}`;
  const next = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / layout.entriesPerSector)];
    return fatSector === undefined ? CFB_END_OF_CHAIN : layout.entry(fatSector, sector % layout.entriesPerSector);
  };
  for (const entry of small) {
    const seen = new Set<number>();
    // A stream needs ceil(size / 64) mini sectors; its chain must stay inside the mini stream that long.
    let sector = entry.start;
    for (let needed = Math.ceil(entry.size / MINI_SECTOR_BYTES); needed > 0; needed--) {
      if (sector >= miniSectors) return `stream "${entry.name}" runs past the mini stream (mini sector ${sector} of ${miniSectors})`;
      if (seen.has(sector)) return `stream "${entry.name}"'s mini chain comes back to mini sector ${sector}`;
      seen.add(sector);
      sector = next(sector);
    }
  }
  return undefined;
}

/** The FAT of a compound file: where each sector's chain goes next, read only where the file has the bytes. */
class SectorLayout {
  readonly damage: string | undefined;
  private readonly fatSectors: number[] = [];
  private readonly perFatSector: number;
  /** 32-bit entries in one sector: of the FAT, and of the mini FAT. */
  readonly entriesPerSector: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly reader: ByteReader,
    private readonly sectorSize: number,
  ) {
    this.perFatSector = sectorSize / 4;
    this.entriesPerSector = sectorSize / 4;
    this.damage = this.readFatSectors();
  }

  offset(sector: number): number {
    return (sector + 1) * this.sectorSize;
  }

  /** The sectors of a chain from `start`, or how it fails to end: a loop, or more sectors than the FAT maps. */
  chain(start: number): number[] | { loop: string } {
    const seen = new Set<number>();
    const sectors: number[] = [];
    for (let sector = start; sector < CFB_END_OF_CHAIN; sector = this.next(sector)) {
      if (seen.has(sector)) return { loop: `comes back to sector ${sector}` };
      seen.add(sector);
      sectors.push(sector);
    }
    return sectors;
  }

  /** The 32-bit entry at `index` of a sector (a FAT or mini-FAT sector); end of chain where the file has no bytes. */
  entry(sector: number, index: number): number {
    const at = this.offset(sector) + index * 4;
    return at + 4 <= this.bytes.length ? this.reader.u32(at) : CFB_END_OF_CHAIN;
  }

  private next(sector: number): number {
    const fatSector = this.fatSectors[Math.floor(sector / this.perFatSector)];
    if (fatSector === undefined) return CFB_END_OF_CHAIN;
    const at = this.offset(fatSector) + (sector % this.perFatSector) * 4;
    return at + 4 <= this.bytes.length ? this.reader.u32(at) : CFB_END_OF_CHAIN;
  }

  /** The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors (files over ~7 MB). */
  private readFatSectors(): string | undefined {
    const sectorsInFile = Math.ceil(this.bytes.length / this.sectorSize) - 1;
    // A FAT sector maps sectorSize/4 sectors; a file never needs more FAT sectors than it has sectors.
    const count = Math.min(this.reader.u32(0x2c), sectorsInFile);
    for (let i = 0; i < CFB_HEADER_FAT_SLOTS && this.fatSectors.length < count; i++) this.fatSectors.push(this.reader.u32(0x4c + i * 4));
    const perDifat = this.perFatSector - 1;
    const visited = new Set<number>();
    let difat = this.reader.u32(0x44);
    for (let hops = this.reader.u32(0x48); hops > 0 && difat < CFB_END_OF_CHAIN && this.fatSectors.length < count; hops--) {
      if (visited.has(difat)) return `the DIFAT chain comes back to sector ${difat}`;
      visited.add(difat);
      const at = this.offset(difat);
      if (at + this.sectorSize > this.bytes.length) break;
      for (let i = 0; i < perDifat && this.fatSectors.length < count; i++) this.fatSectors.push(this.reader.u32(at + i * 4));
      difat = this.reader.u32(at + perDifat * 4);
    }
    return undefined;
  }
}

function readEntry(bytes: Uint8Array, reader: ByteReader, at: number): DirectoryEntry {
  const nameBytes = reader.u16(at + 64); // UTF-16LE including the terminating NUL
  const type = bytes[at + 66] ?? 0;
  const known = nameBytes >= 2 && nameBytes <= 64 && (type === TYPE_STORAGE || type === TYPE_STREAM || type === TYPE_ROOT);
  let name = "";
  if (known) for (let p = at; p < at + nameBytes - 2; p += 2) name += String.fromCharCode(reader.u16(p));
  return {
    at,
    name,
    type: known ? type : 0,
    left: reader.u32(at + 68),
    right: reader.u32(at + 72),
    child: reader.u32(at + 76),
    start: reader.u32(at + 116),
    size: reader.u32(at + 120),
  };
}

/**
 * The red-black tree of the directory ([MS-CFB] §2.6.4) from the root: each entry has at most one parent, so an
 * entry reached twice means a loop, which the library's path building would follow forever. Returns that entry.
 */
function findTreeLoop(entries: readonly DirectoryEntry[]): number | undefined {
  const reached = new Set<number>([0]);
  const pending = [entries[0]?.child ?? NO_STREAM];
  while (pending.length > 0) {
    const index = pending.pop() as number;
    const entry = entries[index];
    if (index === NO_STREAM || !entry) continue;
    if (reached.has(index)) return index;
    reached.add(index);
    pending.push(entry.left, entry.right, entry.child);
  }
  return undefined;
}

/**
 * The file with its document-property streams renamed, so the spreadsheet library does not parse them. SheetJS
 * trusts the property count a property set declares: one changed byte (587 million properties) keeps it busy for
 * most of a minute and gigabytes, in Excel 95 .xls and WPS .et files alike. Nothing we check is in them. The entry's
 * first name character (U+0005, which marks a property set) becomes "_"; the original bytes are not changed.
 */
export function withoutPropertySets(bytes: Uint8Array, entryOffsets: readonly number[]): Uint8Array {
  if (entryOffsets.length === 0) return bytes;
  const copy = bytes.slice();
  for (const at of entryOffsets) {
    copy[at] = 0x5f;
    copy[at + 1] = 0x00;
  }
  return copy;
}
