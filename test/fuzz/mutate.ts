/**
 * Seeded mutators over returned files, for the fuzz test (fuzz.test.ts) and `npm run fuzz` (run.ts).
 *
 * Byte flips alone rarely get past a container's first check: a flipped bit in a deflate stream ends as `corrupt`
 * long before SheetJS walks anything. So most mutators here know the container and lie inside a structure that
 * still parses: zip headers that misstate sizes, counts and offsets; OLE compound-file headers, FATs and directory
 * entries whose chains loop or point past the end; BIFF records and property sets with absurd counts; and, for
 * zip-based files, the XML inside (unzipped with fflate, edited, zipped again) with cell references beyond the
 * grid, dangling shared strings, thousands of merges and huge repeat counts.
 *
 * Every mutator is a pure function of the input bytes and the random source (it never modifies its input), so a
 * finding replays from (fixture, mutator names, seed) alone. A mutator returns its input itself when the file has
 * nothing it can work on (a zip mutator given a zip without a central directory): the planner then tries another.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";

/** A source of numbers in [0, 1), seeded: test/support/seededRandom.ts. */
export type Random = () => number;

/** What each edit did, for the note saved beside a reproducer; mutators never depend on it. */
export type Note = (what: string) => void;

/** The container a mutator understands; byte-level mutators take all three. */
export type Container = "zip" | "ole" | "text";

export interface Mutator {
  readonly name: string;
  readonly containers: readonly Container[];
  /**
   * Structure-aware mutators are drawn more often (see the planner): they are the ones that reach the code that
   * walks chains, counts and references.
   */
  readonly structural: boolean;
  readonly mutate: (bytes: Uint8Array, random: Random, note?: Note) => Uint8Array;
}

export function containerOf(bytes: Uint8Array): Container {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "zip";
  if (u32(bytes, 0) === 0xe011cfd0 && u32(bytes, 4) === 0xe11ab1a1) return "ole";
  return "text";
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const int = (random: Random, n: number): number => Math.floor(random() * n);
const chance = (random: Random, p: number): boolean => random() < p;
function pick<T>(random: Random, items: readonly T[]): T {
  return items[int(random, items.length)] as T;
}
/** `count` distinct indexes below `n`, in ascending order. */
function someIndexes(random: Random, n: number, count: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, n)) chosen.add(int(random, n));
  return [...chosen].sort((a, b) => a - b);
}
const hex = (n: number): string => `0x${(n >>> 0).toString(16)}`;

function u16(bytes: Uint8Array, at: number): number {
  return at >= 0 && at + 2 <= bytes.length ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) : 0;
}
function u32(bytes: Uint8Array, at: number): number {
  return u16(bytes, at) + u16(bytes, at + 2) * 0x10000;
}
function put16(bytes: Uint8Array, at: number, value: number): void {
  if (at < 0 || at + 2 > bytes.length) return;
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
}
function put32(bytes: Uint8Array, at: number, value: number): void {
  put16(bytes, at, value & 0xffff);
  put16(bytes, at + 2, (value >>> 16) & 0xffff);
}

/** A believable lie about a 32-bit size, count or offset: off by one, doubled, the file's length, the extremes. */
function lie32(random: Random, honest: number, fileLength: number): number {
  const lies = [0, 1, honest - 1, honest + 1, honest * 2, honest * 16, fileLength, fileLength + 1, 0x7fff, 0xffff, 0x10000,
    0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, int(random, 0x1_0000_0000)];
  return pick(random, lies) >>> 0;
}
function lie16(random: Random, honest: number): number {
  return (pick(random, [0, 1, honest - 1, honest + 1, honest * 2, 0x7fff, 0x8000, 0xfffe, 0xffff, int(random, 0x10000)]) >>> 0) & 0xffff;
}

/** Bytes as a string, one character per byte: lossless for any encoding (GBK CSV, UTF-8 XML) and back. */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
function fromLatin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

function splice(bytes: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

/** No mutated file grows past this: the reader refuses files over 20 MB by their size alone, which tests nothing. */
const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// Byte level: any file

const byteFlip: Mutator = {
  name: "byteFlip",
  containers: ["zip", "ole", "text"],
  structural: false,
  mutate(bytes, random, note = () => {}) {
    const out = bytes.slice();
    for (let i = 1 + int(random, 8); i > 0; i--) {
      const at = int(random, out.length);
      const before = out[at] ?? 0;
      const after = chance(random, 0.5) ? before ^ (1 << int(random, 8)) : int(random, 256);
      out[at] = after;
      note(`byte ${at}: ${hex(before)} -> ${hex(after)}`);
    }
    return out;
  },
};

const truncate: Mutator = {
  name: "truncate",
  containers: ["zip", "ole", "text"],
  structural: false,
  mutate(bytes, random, note = () => {}) {
    if (bytes.length < 2) return bytes;
    // Half the cuts near the end, where a download or an e-mail gateway usually stops.
    const cut = chance(random, 0.5)
      ? bytes.length - 1 - int(random, Math.max(1, Math.floor(bytes.length / 10)))
      : 1 + int(random, bytes.length - 1);
    note(`cut at ${cut} of ${bytes.length}`);
    return bytes.slice(0, cut);
  },
};

const insertChunk: Mutator = {
  name: "insertChunk",
  containers: ["zip", "ole", "text"],
  structural: false,
  mutate(bytes, random, note = () => {}) {
    const length = pick(random, [1, 2, 4, 16, 512, 4096, 65536]);
    const fill = pick(random, ["random", "zeros", "ones", "digits"] as const);
    const chunk = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      chunk[i] = fill === "random" ? int(random, 256) : fill === "zeros" ? 0 : fill === "ones" ? 0xff : 0x30 + int(random, 10);
    }
    const at = int(random, bytes.length + 1);
    note(`${length} ${fill} bytes inserted at ${at}`);
    return splice(bytes, at, 0, chunk);
  },
};

const duplicateChunk: Mutator = {
  name: "duplicateChunk",
  containers: ["zip", "ole", "text"],
  structural: false,
  mutate(bytes, random, note = () => {}) {
    const start = int(random, bytes.length);
    const length = 1 + int(random, Math.min(bytes.length - start, pick(random, [8, 64, 512, 4096])));
    const copies = Math.max(1, Math.min(pick(random, [1, 2, 16, 256, 4096]), Math.floor(MAX_OUTPUT_BYTES / 2 / length)));
    const chunk = new Uint8Array(length * copies);
    for (let i = 0; i < copies; i++) chunk.set(bytes.subarray(start, start + length), i * length);
    // Right after itself (a repeated record or element) or anywhere.
    const at = chance(random, 0.5) ? start + length : int(random, bytes.length + 1);
    note(`bytes ${start}..${start + length} copied ${copies} times to ${at}`);
    return splice(bytes, at, 0, chunk);
  },
};

const overwriteInteger: Mutator = {
  name: "overwriteInteger",
  containers: ["zip", "ole", "text"],
  structural: false,
  mutate(bytes, random, note = () => {}) {
    const out = bytes.slice();
    // Headers live near the start: half the writes land in the first 512 bytes.
    const range = chance(random, 0.5) ? Math.min(512, out.length) : out.length;
    const wide = chance(random, 0.5);
    const at = int(random, Math.max(1, range - (wide ? 4 : 2))) & ~(wide ? 3 : 1);
    const before = wide ? u32(out, at) : u16(out, at);
    const after = wide ? lie32(random, before, out.length) : lie16(random, before);
    if (wide) put32(out, at, after);
    else put16(out, at, after);
    note(`${wide ? "u32" : "u16"} at ${at}: ${before} -> ${after}`);
    return out;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Zip headers

interface ZipEntryLayout {
  name: string;
  /** Offsets of the central directory entry and the local header. */
  central: number;
  local: number;
  method: number;
  compressedSize: number;
  dataStart: number;
}

interface ZipLayout {
  end: number;
  directoryStart: number;
  entries: ZipEntryLayout[];
}

/** Where the headers are, walked the ordinary way; undefined for a zip too damaged to have a directory. */
function zipLayout(bytes: Uint8Array): ZipLayout | undefined {
  let end = -1;
  for (let p = bytes.length - 22; p >= 0 && p >= bytes.length - 22 - 0xffff; p--) {
    if (u32(bytes, p) === 0x06054b50) {
      end = p;
      break;
    }
  }
  if (end < 0) return undefined;
  const directoryStart = u32(bytes, end + 16);
  const entries: ZipEntryLayout[] = [];
  let at = directoryStart;
  for (let i = 0; i < u16(bytes, end + 10) && u32(bytes, at) === 0x02014b50; i++) {
    const nameLength = u16(bytes, at + 28);
    const local = u32(bytes, at + 42);
    entries.push({
      name: latin1(bytes.subarray(at + 46, at + 46 + nameLength)),
      central: at,
      local,
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      dataStart: local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries.length > 0 ? { end, directoryStart, entries } : undefined;
}

/** The parts that hold the cells are where a lie does most damage: chosen half the time. */
function pickEntry(random: Random, layout: ZipLayout): ZipEntryLayout {
  const content = layout.entries.filter((entry) => /worksheets\/|sharedStrings|content\.xml|workbook\.xml$/i.test(entry.name));
  return pick(random, content.length > 0 && chance(random, 0.5) ? content : layout.entries);
}

/** A zip mutator: a copy of the bytes and the layout read from them, or the input itself when there is none. */
function zipMutator(name: string, edit: (out: Uint8Array, layout: ZipLayout, random: Random, note: Note) => Uint8Array | void): Mutator {
  return {
    name,
    containers: ["zip"],
    structural: true,
    mutate(bytes, random, note = () => {}) {
      const layout = zipLayout(bytes);
      if (!layout) return bytes;
      const out = bytes.slice();
      return edit(out, layout, random, note) ?? out;
    },
  };
}

/** Writes a lie into a 32-bit header field and says so. */
function lieAt(out: Uint8Array, at: number, what: string, random: Random, note: Note): void {
  const before = u32(out, at);
  const after = lie32(random, before, out.length);
  put32(out, at, after);
  note(`${what} (at ${at}): ${before} -> ${after}`);
}
function lie16At(out: Uint8Array, at: number, what: string, random: Random, note: Note): void {
  const before = u16(out, at);
  const after = lie16(random, before);
  put16(out, at, after);
  note(`${what} (at ${at}): ${before} -> ${after}`);
}

const zipLocalSizes = zipMutator("zipLocalSizes", (out, layout, random, note) => {
  const entry = pickEntry(random, layout);
  const which = pick(random, ["compressed", "uncompressed", "both"] as const);
  if (which !== "uncompressed") lieAt(out, entry.local + 18, `${entry.name} local compressed size`, random, note);
  if (which !== "compressed") lieAt(out, entry.local + 22, `${entry.name} local uncompressed size`, random, note);
});

const zipCentralSizes = zipMutator("zipCentralSizes", (out, layout, random, note) => {
  const entry = pickEntry(random, layout);
  const which = pick(random, ["compressed", "uncompressed", "both"] as const);
  if (which !== "uncompressed") lieAt(out, entry.central + 20, `${entry.name} central compressed size`, random, note);
  if (which !== "compressed") lieAt(out, entry.central + 24, `${entry.name} central uncompressed size`, random, note);
});

const zipEntryCount = zipMutator("zipEntryCount", (out, layout, random, note) => {
  const { end } = layout;
  const field = pick(random, ["entries", "entries on this disk", "directory size"] as const);
  if (field === "directory size") return lieAt(out, end + 12, "end record: directory size", random, note);
  const count = lie16(random, u16(out, end + 10));
  // Mostly both counts together: a mismatch is refused as a multi-part archive before anything is walked.
  if (field === "entries" || chance(random, 0.7)) put16(out, end + 10, count);
  if (field === "entries on this disk" || chance(random, 0.7)) put16(out, end + 8, count);
  note(`end record: ${field} -> ${count} (was ${layout.entries.length})`);
});

const zipOffsets = zipMutator("zipOffsets", (out, layout, random, note) => {
  const entry = pickEntry(random, layout);
  const other = pick(random, layout.entries);
  // Offsets into other headers make two entries share data, or a directory walk run into a local header.
  const targets = [0, 1, other.local, other.central, entry.central, layout.directoryStart + 1, layout.end, out.length, 0xffffffff, int(random, out.length)];
  const target = pick(random, targets) >>> 0;
  if (chance(random, 0.5)) {
    note(`end record: directory offset ${u32(out, layout.end + 16)} -> ${target}`);
    put32(out, layout.end + 16, target);
  } else {
    note(`${entry.name}: local header offset ${entry.local} -> ${target}`);
    put32(out, entry.central + 42, target);
  }
});

const zipNameLengths = zipMutator("zipNameLengths", (out, layout, random, note) => {
  const entry = pickEntry(random, layout);
  const field = pick(random, [
    [entry.central + 28, "central name length"],
    [entry.central + 30, "central extra length"],
    [entry.central + 32, "central comment length"],
    [entry.local + 26, "local name length"],
    [entry.local + 28, "local extra length"],
  ] as const);
  lie16At(out, field[0], `${entry.name} ${field[1]}`, random, note);
});

const zipMethodFlags = zipMutator("zipMethodFlags", (out, layout, random, note) => {
  const entry = pickEntry(random, layout);
  const central = chance(random, 0.8);
  const local = !central || chance(random, 0.6);
  if (chance(random, 0.5)) {
    const method = pick(random, [0, 8, 9, 12, 14, 99, 0xffff]);
    if (central) put16(out, entry.central + 10, method);
    if (local) put16(out, entry.local + 8, method);
    note(`${entry.name}: method ${entry.method} -> ${method} (${central ? "central" : ""}${local ? " local" : ""})`);
  } else {
    // Bit 0 encrypted, bit 3 sizes in a data descriptor, bit 11 UTF-8 names.
    const flags = pick(random, [0x0001, 0x0008, 0x0800, 0x0009, 0xffff]);
    if (central) put16(out, entry.central + 8, flags);
    if (local) put16(out, entry.local + 6, flags);
    note(`${entry.name}: flags -> ${hex(flags)}`);
  }
});

const zipDeflateDamage = zipMutator("zipDeflateDamage", (out, layout, random, note) => {
  const deflated = layout.entries.filter((entry) => entry.method === 8 && entry.compressedSize > 0 && entry.dataStart + entry.compressedSize <= out.length);
  if (deflated.length === 0) return;
  const entry = pick(random, deflated);
  // Flips twice as often: they reach the Huffman decoding, the other two only the block header.
  const shape = pick(random, ["stored-block", "reserved-type", "flips", "flips"] as const);
  if (shape === "stored-block") {
    // A stored block whose length runs past the end of the stream.
    const length = pick(random, [0xffff, entry.compressedSize * 4, 1]) & 0xffff;
    out[entry.dataStart] = 0x01;
    put16(out, entry.dataStart + 1, length);
    put16(out, entry.dataStart + 3, ~length & 0xffff);
    note(`${entry.name}: deflate stream starts with a stored block of ${length} bytes`);
  } else if (shape === "reserved-type") {
    // Block type 3 is reserved.
    out[entry.dataStart] = (out[entry.dataStart] ?? 0) | 0x06;
    note(`${entry.name}: first deflate block has the reserved type`);
  } else {
    for (let i = 1 + int(random, 4); i > 0; i--) {
      const at = entry.dataStart + int(random, entry.compressedSize);
      out[at] = (out[at] ?? 0) ^ (1 << int(random, 8));
      note(`${entry.name}: deflate byte at ${at} flipped`);
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Markup: the XML inside zips, and HTML / SpreadsheetML / flat files as a whole

/** The parts of a file that markup mutators edit, by name ("" for a whole text file). */
interface Parts {
  names: string[];
  get(name: string): string;
  set(name: string, text: string): void;
  remove(name: string): void;
  /** The file again: re-zipped with fflate, or the edited text. */
  bytes(): Uint8Array;
}

function partsOf(bytes: Uint8Array): Parts | undefined {
  const container = containerOf(bytes);
  if (container === "ole") return undefined;
  if (container === "text") {
    let text = latin1(bytes);
    return {
      names: [""],
      get: () => text,
      set: (_name, value) => void (text = value),
      remove: () => void (text = ""),
      bytes: () => fromLatin1(text),
    };
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return undefined; // a zip fflate cannot walk: only the header mutators have something to say about it
  }
  return {
    names: Object.keys(files),
    get: (name) => latin1(files[name] ?? new Uint8Array()),
    set: (name, value) => void (files[name] = fromLatin1(value)),
    remove: (name) => void delete files[name],
    bytes() {
      // OpenDocument wants `mimetype` first and stored; everything else deflated, as office suites write it.
      const zippable: Zippable = {};
      for (const [name, data] of Object.entries(files)) zippable[name] = [data, { level: name === "mimetype" ? 0 : 6 }];
      return zipSync(zippable);
    },
  };
}

const SHEET_PARTS = /(^|\/)worksheets\/[^/]+\.xml$|(^|\/)content\.xml$|^$/;
const XML_PARTS = /\.(xml|rels)$|^$/;

/**
 * A mutator that edits one markup part: among the parts whose names match, in random order, the first that
 * `edit` changes (returning undefined means "nothing here for me").
 */
function markupMutator(name: string, parts: RegExp, containers: readonly Container[], edit: (text: string, random: Random, note: Note, part: string) => string | undefined): Mutator {
  return {
    name,
    containers,
    structural: true,
    mutate(bytes, random, note = () => {}) {
      const file = partsOf(bytes);
      if (!file) return bytes;
      const candidates = file.names.filter((part) => parts.test(part));
      while (candidates.length > 0) {
        const [part] = candidates.splice(int(random, candidates.length), 1);
        if (part === undefined) break;
        const before = file.get(part);
        const after = edit(before, random, (what) => note(`${part || "file"}: ${what}`), part);
        if (after === undefined || after === before) continue;
        file.set(part, after.length > MAX_OUTPUT_BYTES ? after.slice(0, MAX_OUTPUT_BYTES) : after);
        return file.bytes();
      }
      return bytes;
    },
  };
}

/** Replaces some of the matches of `pattern` (with the g flag) with what `replace` makes of each. */
function replaceSome(text: string, pattern: RegExp, random: Random, replace: (match: RegExpExecArray) => string): string | undefined {
  const matches = [...text.matchAll(pattern)] as RegExpExecArray[];
  if (matches.length === 0) return undefined;
  // Usually a few, sometimes every one: one bad reference and a whole sheet of them reach different code.
  const count = chance(random, 0.15) ? matches.length : 1 + int(random, Math.min(3, matches.length));
  const chosen = someIndexes(random, matches.length, count);
  let out = "";
  let last = 0;
  for (const index of chosen) {
    const match = matches[index] as RegExpExecArray;
    out += text.slice(last, match.index) + replace(match);
    last = match.index + match[0].length;
  }
  return out + text.slice(last);
}

const FAR_ROWS = ["0", "1048576", "1048577", "99999999", "4294967297", "99999999999999999999", "-1", "1e9", ""];
const FAR_COLUMNS = ["XFD", "XFE", "ZZZZZZ", "AAAAAAAAAAAAAAAAAAAA", ""];

const xmlCellRefFar = markupMutator("xmlCellRefFar", SHEET_PARTS, ["zip"], (text, random, note) =>
  replaceSome(text, /<c r="([A-Z]+)(\d+)"/g, random, ([, column, row]) => {
    const ref = chance(random, 0.5) ? `${column}${pick(random, FAR_ROWS)}` : chance(random, 0.7) ? `${pick(random, FAR_COLUMNS)}${row}` : pick(random, ["XFD1048576", "A99999999", "XFE1048577", "A1:B2", "R1C1", "$A$1"]);
    note(`cell ${column}${row} -> ${ref}`);
    return `<c r="${ref}"`;
  }),
);

const xmlRowRefFar = markupMutator("xmlRowRefFar", SHEET_PARTS, ["zip"], (text, random, note) => {
  if (chance(random, 0.3) && /spans="/.test(text)) {
    return replaceSome(text, /spans="[^"]*"/g, random, () => {
      const spans = pick(random, ["1:16384", "1:99999999", "16384:1", "0:0", "-5:3", "1:4294967297"]);
      note(`row spans -> ${spans}`);
      return `spans="${spans}"`;
    });
  }
  return replaceSome(text, /<row r="(\d+)"/g, random, ([, row]) => {
    const far = pick(random, FAR_ROWS);
    note(`row ${row} -> ${far}`);
    return `<row r="${far}"`;
  });
});

const DANGLING_INDEXES = ["99999999", "4294967296", "-1", "1.5", "1e300", "NaN", "x", ""];

const xmlSharedStringDangling = markupMutator("xmlSharedStringDangling", /sharedStrings\.xml$|(^|\/)worksheets\/[^/]+\.xml$/, ["zip"], (text, random, note, part) => {
  if (/sharedStrings/.test(part)) {
    // The counts the table declares, or the table emptied under the cells that point into it.
    if (chance(random, 0.3)) {
      note("every <si> removed");
      return text.replace(/<si>[\s\S]*?<\/si>/g, "");
    }
    return replaceSome(text, /(count|uniqueCount)="(\d+)"/g, random, ([, attribute]) => {
      const value = pick(random, ["0", "99999999", "4294967295", "-1", "1e308"]);
      note(`${attribute} -> ${value}`);
      return `${attribute}="${value}"`;
    });
  }
  // Cells that point into the table; a file that writes strings inline gets cells turned into pointers.
  const pointing = /<c ([^>]*)t="s"([^>]*)><v>(\d+)<\/v>/g.test(text);
  if (pointing) {
    return replaceSome(text, /<c ([^>]*)t="s"([^>]*)><v>(\d+)<\/v>/g, random, ([, before, after, index]) => {
      const dangling = chance(random, 0.3) ? String(Number(index) + 1 + int(random, 1000)) : pick(random, DANGLING_INDEXES);
      note(`shared string ${index} -> ${dangling}`);
      return `<c ${before}t="s"${after}><v>${dangling}</v>`;
    });
  }
  return replaceSome(text, /<c ([^>]*)t="(str|inlineStr)"([^>]*)>[\s\S]*?<\/c>/g, random, ([, before, , after]) => {
    const dangling = pick(random, ["0", ...DANGLING_INDEXES]);
    note(`inline string cell -> shared string ${dangling}`);
    return `<c ${before}t="s"${after}><v>${dangling}</v></c>`;
  });
});

const xmlDimension = markupMutator("xmlDimension", /(^|\/)worksheets\/[^/]+\.xml$|^$/, ["zip", "text"], (text, random, note) => {
  const huge = ["A1:XFD1048576", "A1:A99999999", "XFD1048576", "A1:ZZZZZZ1", "B2:A1", "", "A0:A0", "A1:XFD99999999", "A1:A1048577"];
  if (/<dimension ref="/.test(text)) {
    const ref = pick(random, huge);
    note(`dimension -> ${ref}`);
    return text.replace(/<dimension ref="[^"]*"/, `<dimension ref="${ref}"`);
  }
  // SpreadsheetML declares its extent on <Table>.
  return replaceSome(text, /ss:Expanded(Row|Column)Count="(\d+)"/g, random, ([, what]) => {
    const count = pick(random, ["0", "1048576", "16384", "99999999", "4294967296", "-1"]);
    note(`Expanded${what}Count -> ${count}`);
    return `ss:Expanded${what}Count="${count}"`;
  });
});

const xmlManyMerges = markupMutator("xmlManyMerges", SHEET_PARTS, ["zip", "text"], (text, random, note) => {
  const count = pick(random, [1000, 5000, 20000]);
  const shape = pick(random, ["same", "overlapping", "whole-sheet", "whole-rows", "random"] as const);
  const range = (i: number): [number, number, number, number] => {
    switch (shape) {
      case "same":
        return [1, 1, 1000, 7];
      case "overlapping":
        return [1 + (i % 100), 1, 50 + (i % 100), 7];
      case "whole-sheet":
        return [1, 1, 1048576, 16384];
      case "whole-rows":
        return [1 + i, 1, 1 + i, 16384];
      default: {
        const row = 1 + int(random, 1048576);
        const column = 1 + int(random, 16384);
        return [row, column, Math.min(1048576, row + int(random, 1000)), Math.min(16384, column + int(random, 100))];
      }
    }
  };
  note(`${count} merges, ${shape}`);
  if (/<sheetData[\s>]|<sheetData\/>/.test(text)) {
    const merges = Array.from({ length: count }, (_, i) => {
      const [r1, c1, r2, c2] = range(i);
      return `<mergeCell ref="${columnName(c1)}${r1}:${columnName(c2)}${r2}"/>`;
    }).join("");
    const without = text.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "");
    const at = without.search(/<\/sheetData>|<sheetData\/>/);
    if (at < 0) return undefined;
    const close = without.startsWith("<sheetData/>", at) ? "<sheetData/>".length : "</sheetData>".length;
    return `${without.slice(0, at + close)}<mergeCells count="${count}">${merges}</mergeCells>${without.slice(at + close)}`;
  }
  // OpenDocument: spans on cells; HTML: colspan/rowspan; SpreadsheetML: MergeAcross/MergeDown. Each on many cells.
  const spans = (i: number, across: string, down: string): string => {
    const [r1, c1, r2, c2] = range(i);
    return ` ${across}="${c2 - c1 + 1}" ${down}="${r2 - r1 + 1}"`;
  };
  let i = 0;
  const spread = (pattern: RegExp, across: string, down: string) =>
    text.replace(pattern, (open: string) => (i < count ? `${open}${spans(i++, across, down)}` : open));
  if (/<table:table-cell/.test(text)) return spread(/<table:table-cell(?![^>]*number-columns-spanned)/g, "table:number-columns-spanned", "table:number-rows-spanned");
  if (/<td[\s>]/i.test(text)) return spread(/<td(?![^>]*span)/gi, "colspan", "rowspan");
  if (/<Cell[\s>]/.test(text)) return spread(/<Cell(?![^>]*Merge)/g, "ss:MergeAcross", "ss:MergeDown");
  return undefined;
});

/** 1 -> A, 16384 -> XFD. */
function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The attributes whose numbers size loops and tables in a reader: preferred when present. */
const SIZING_ATTRIBUTES = /^(r|s|min|max|count|uniqueCount|numFmtId|xfId|fontId|sheetId|spans|ht|width|outlineLevel|colspan|rowspan|ss:Index|ss:MergeAcross|ss:MergeDown|ss:Span|table:number-columns-repeated|table:number-rows-repeated|table:number-columns-spanned|table:number-rows-spanned|activeTab|firstSheet)$/;
const HUGE_NUMBERS = ["99999999999", "2147483648", "4294967296", "1e308", "1e999", "-1", "-2147483649", "NaN", "Infinity", "0x10", "00000000000000000000000000000001", "9".repeat(400)];

const xmlHugeNumbers = markupMutator("xmlHugeNumbers", XML_PARTS, ["zip", "text"], (text, random, note) => {
  const all = [...text.matchAll(/\s([\w:-]+)="(-?\d+(?:\.\d+)?)"/g)];
  if (all.length === 0) return undefined;
  const sizing = all.filter((match) => SIZING_ATTRIBUTES.test(match[1] ?? ""));
  const pool = sizing.length > 0 && chance(random, 0.6) ? sizing : all;
  let out = text;
  // From the last chosen match backwards, so earlier offsets stay valid.
  for (const index of someIndexes(random, pool.length, 1 + int(random, 4)).reverse()) {
    const match = pool[index] as RegExpExecArray;
    const value = pick(random, HUGE_NUMBERS);
    note(`${match[1]}="${match[2]}" -> "${value.length > 20 ? `${value.slice(0, 8)}… (${value.length} digits)` : value}"`);
    out = `${out.slice(0, match.index)} ${match[1]}="${value}"${out.slice(match.index + match[0].length)}`;
  }
  return out;
});

const REPEATS = ["1024", "16384", "65536", "1048576", "99999999", "2147483647", "4294967296"];

const xmlOdsRepeat = markupMutator("xmlOdsRepeat", /(^|\/)content\.xml$|^$/, ["zip", "text"], (text, random, note) => {
  if (!/<table:table-row/.test(text)) return undefined;
  const choice = pick(random, ["existing", "cell", "row", "both"] as const);
  if (choice === "existing" && /number-(columns|rows)-(repeated|spanned)="/.test(text)) {
    return replaceSome(text, /number-(columns|rows)-(repeated|spanned)="\d+"/g, random, ([, what, how]) => {
      const count = pick(random, REPEATS);
      note(`number-${what}-${how} -> ${count}`);
      return `number-${what}-${how}="${count}"`;
    });
  }
  let out = text;
  if (choice !== "row") {
    // A cell with a value, repeated across the grid: the expansion a reader must refuse before building it.
    out = replaceSome(out, /<table:table-cell(?![^>]*number-columns-repeated)([^>]*)>(?=<text:p>)/g, random, ([, attributes]) => {
      const count = pick(random, REPEATS);
      note(`a cell with a value repeated ${count} times across`);
      return `<table:table-cell table:number-columns-repeated="${count}"${attributes}>`;
    }) ?? out;
  }
  if (choice !== "cell") {
    out = replaceSome(out, /<table:table-row(?![^>]*number-rows-repeated)([^>]*)>/g, random, ([, attributes]) => {
      const count = pick(random, REPEATS);
      note(`a row repeated ${count} times`);
      return `<table:table-row table:number-rows-repeated="${count}"${attributes}>`;
    }) ?? out;
  }
  return out;
});

/** HTML and SpreadsheetML spans and indexes: what a table layout expands into a grid. */
const markupSpans = markupMutator("markupSpans", /^$/, ["text"], (text, random, note) => {
  const values = ["100", "16384", "1048576", "99999999", "2147483648", "-1", "0"];
  if (/<td[\s>]/i.test(text)) {
    return replaceSome(text, /<td(\s[^>]*)?>/gi, random, () => {
      const attribute = pick(random, ["colspan", "rowspan"]);
      const value = pick(random, values);
      note(`<td ${attribute}="${value}">`);
      return `<td ${attribute}="${value}">`;
    });
  }
  if (/<(Row|Cell)[\s>]/.test(text)) {
    return replaceSome(text, /<(Row|Cell)(\s[^>]*)?>/g, random, ([, element]) => {
      const attribute = element === "Row" ? pick(random, ["ss:Index", "ss:Span"]) : pick(random, ["ss:Index", "ss:MergeAcross", "ss:MergeDown"]);
      const value = pick(random, values);
      note(`<${element} ${attribute}="${value}">`);
      return `<${element} ${attribute}="${value}">`;
    });
  }
  return undefined;
});

const xmlTruncatePart = markupMutator("xmlTruncatePart", XML_PARTS, ["zip", "text"], (text, random, note) => {
  if (text.length < 2) return undefined;
  const cut = 1 + int(random, text.length - 1);
  note(`cut at ${cut} of ${text.length}`);
  return text.slice(0, cut);
});

const xmlDropPart: Mutator = {
  name: "xmlDropPart",
  containers: ["zip"],
  structural: true,
  mutate(bytes, random, note = () => {}) {
    const file = partsOf(bytes);
    if (!file || file.names.length < 2) return bytes;
    const key = file.names.filter((name) => /workbook|_rels|sharedStrings|styles|worksheets|Content_Types|content\.xml|mimetype|manifest/i.test(name));
    const part = pick(random, key.length > 0 && chance(random, 0.8) ? key : file.names);
    file.remove(part);
    note(`${part} removed`);
    return file.bytes();
  },
};

const DUPLICABLE = ["row", "c", "si", "sheet", "mergeCell", "xf", "numFmt", "col", "definedName", "Relationship", "Override",
  "table:table-row", "table:table-cell", "table:table", "tr", "td", "Row", "Cell", "Worksheet"];

const xmlDuplicateElements = markupMutator("xmlDuplicateElements", XML_PARTS, ["zip", "text"], (text, random, note) => {
  const present = DUPLICABLE.filter((element) => text.includes(`<${element} `) || text.includes(`<${element}>`));
  if (present.length === 0) return undefined;
  const element = pick(random, present);
  const opens = [...text.matchAll(new RegExp(`<${element}[\\s>/]`, "g"))];
  const open = pick(random, opens).index ?? 0;
  // Up to the matching close, or the self-closing end; nested elements of the same name are rare in these parts.
  const selfClose = text.indexOf("/>", open);
  const tagEnd = text.indexOf(">", open);
  const close = text.indexOf(`</${element}>`, open);
  const end = selfClose >= 0 && selfClose < tagEnd ? selfClose + 2 : close >= 0 ? close + element.length + 3 : -1;
  if (end <= open) return undefined;
  const copy = text.slice(open, end);
  const copies = Math.max(1, Math.min(pick(random, [1, 10, 1000, 10000]), Math.floor(MAX_OUTPUT_BYTES / 2 / copy.length)));
  note(`<${element}> at ${open} (${copy.length} chars) copied ${copies} times`);
  return text.slice(0, end) + copy.repeat(copies) + text.slice(end);
});

const xmlEntityBomb = markupMutator("xmlEntityBomb", XML_PARTS, ["zip", "text"], (text, random, note) => {
  const kind = pick(random, ["laughs", "external", "undefined"] as const);
  const doctype = kind === "laughs"
    ? `<!DOCTYPE x [<!ENTITY a "${"a".repeat(10)}">${["b", "c", "d", "e", "f", "g", "h", "i"].map((name, i) => `<!ENTITY ${name} "${`&${"abcdefgh"[i]};`.repeat(10)}">`).join("")}]>`
    : kind === "external" ? `<!DOCTYPE x [<!ENTITY i SYSTEM "file:///etc/passwd">]>` : "";
  const reference = kind === "laughs" ? "&i;" : kind === "external" ? "&i;" : "&nosuchentity;&#99999999;&#x110000;&#0;";
  const declaration = /^\s*<\?xml[^>]*\?>/.exec(text);
  const at = declaration ? declaration[0].length : 0;
  const withDoctype = text.slice(0, at) + doctype + text.slice(at);
  // Into text content: a value, a shared string, an ODF paragraph, an HTML cell.
  const out = replaceSome(withDoctype, /(<v>|<t>|<t xml:space="preserve">|<text:p>|<td>|<Data[^>]*>)/g, random, ([open]) => `${open}${reference}`);
  note(`${kind} entities`);
  return out ?? withDoctype;
});

const EXTREME_VALUES = ["1e308", "-1e308", "1e309", "NaN", "-0", "9999999999999999", "2958466", "2958465.99999", "-1", "0.000000000001",
  "1E+400", "", "abc", "99999999999999999999999999999", "4.9e-324", "TRUE"];

const xmlCellValues = markupMutator("xmlCellValues", SHEET_PARTS, ["zip", "text"], (text, random, note) => {
  if (/<c [^>]*><v>/.test(text)) {
    return replaceSome(text, /<c ([^>]*?)( t="[^"]*")?><v>([^<]*)<\/v>/g, random, ([, attributes]) => {
      const value = pick(random, EXTREME_VALUES);
      const type = chance(random, 0.4) ? ` t="${pick(random, ["n", "b", "e", "d", "s", "str", "inlineStr", "x"])}"` : "";
      note(`<c ${attributes}${type}> value -> "${value}"`);
      return `<c ${attributes}${type}><v>${value}</v>`;
    });
  }
  if (/office:(value|date-value|time-value)="/.test(text)) {
    return replaceSome(text, /office:(value|date-value|time-value)="[^"]*"/g, random, ([, what]) => {
      const value = what === "value" ? pick(random, EXTREME_VALUES)
        : what === "date-value" ? pick(random, ["99999-12-31", "-0001-01-01", "2024-13-45T99:99:99", "", "0000-00-00", "2024-04-22T00:00:00.9999999999999"])
        : pick(random, ["PT99999999H", "P-1D", "PT", "PT1e308S"]);
      note(`office:${what} -> "${value}"`);
      return `office:${what}="${value}"`;
    });
  }
  if (/<Data ss:Type="/.test(text)) {
    return replaceSome(text, /<Data ss:Type="(\w+)">([^<]*)<\/Data>/g, random, () => {
      const type = pick(random, ["Number", "DateTime", "Boolean", "Error", "String"]);
      const value = pick(random, [...EXTREME_VALUES, "99999-12-31T00:00:00", "2024-02-30T25:61:61"]);
      note(`<Data ss:Type="${type}">${value}`);
      return `<Data ss:Type="${type}">${value}</Data>`;
    });
  }
  return undefined;
});

const NUMBER_FORMATS = ["[$-F800]dddd, mmmm dd, yyyy", "0.000000000000000000000000000000", '"', "[", "@".repeat(3000), "yyyy-mm-dd;;;;;",
  "[h]:mm:ss.000", "[<-1e308]0;[>1e308]0", "#,##0.00_);[Red](#,##0.00)", "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", "e+00.0E-00",
  "0/0000000", "# ??/??????????", "[hhhhhhhhhhhhhhhhhhhh]", "\\".repeat(500), "yyyy".repeat(1000)];

const xmlNumberFormats = markupMutator("xmlNumberFormats", /styles\.xml$|^$/, ["zip", "text"], (text, random, note) => {
  if (/formatCode="/.test(text) && chance(random, 0.5)) {
    return replaceSome(text, /formatCode="[^"]*"/g, random, () => {
      const format = pick(random, NUMBER_FORMATS);
      note(`formatCode -> ${format.slice(0, 40)}${format.length > 40 ? `… (${format.length} chars)` : ""}`);
      return `formatCode="${format.replace(/"/g, "&quot;")}"`;
    });
  }
  if (/<xf [^>]*numFmtId="/.test(text)) {
    // Every cell style a date (or a text) format: numbers and extreme values then go through date formatting.
    const id = pick(random, ["14", "22", "46", "47", "49", "164", "999", "-1"]);
    note(`every xf numFmtId -> ${id}`);
    return text.replace(/(<xf [^>]*numFmtId=")\d+"/g, `$1${id}"`);
  }
  if (/ss:Format="/.test(text)) {
    return replaceSome(text, /ss:Format="[^"]*"/g, random, () => {
      const format = pick(random, NUMBER_FORMATS);
      note(`ss:Format -> ${format.slice(0, 40)}`);
      return `ss:Format="${format.replace(/"/g, "&quot;")}"`;
    });
  }
  return undefined;
});

// ---------------------------------------------------------------------------------------------------------------
// Delimited text

const csvShape: Mutator = {
  name: "csvShape",
  containers: ["text"],
  structural: true,
  mutate(bytes, random, note = () => {}) {
    const text = latin1(bytes);
    if (/^\s*</.test(text)) return bytes; // markup has its own mutators
    const lines = text.split("\n");
    const at = int(random, lines.length);
    const shape = pick(random, ["wide-row", "long-field", "open-quote", "many-rows", "control-bytes", "separators", "cr-only"] as const);
    note(shape);
    switch (shape) {
      case "wide-row":
        lines.splice(at, 0, ",".repeat(pick(random, [16384, 100000, 1000000])));
        break;
      case "long-field":
        lines.splice(at, 0, `"${"x".repeat(pick(random, [100000, 1000000]))}"`);
        break;
      case "open-quote": {
        const line = lines[at] ?? "";
        const column = int(random, line.length + 1);
        lines[at] = `${line.slice(0, column)}"${line.slice(column)}`;
        break;
      }
      case "many-rows": {
        const line = lines[at] ?? "";
        const copies = Math.min(pick(random, [1000, 100000]), Math.floor(MAX_OUTPUT_BYTES / (line.length + 1)));
        lines.splice(at, 0, ...Array<string>(copies).fill(line));
        break;
      }
      case "control-bytes": {
        const line = lines[at] ?? "";
        const junk = Array.from({ length: 1 + int(random, 16) }, () => String.fromCharCode(pick(random, [0, 1, 0x1a, 0x1b, 0x7f, 0x80, 0xa0, 0xfe, 0xff, int(random, 256)]))).join("");
        const column = int(random, line.length + 1);
        lines[at] = `${line.slice(0, column)}${junk}${line.slice(column)}`;
        break;
      }
      case "separators":
        lines[at] = (lines[at] ?? "").replace(/,/g, pick(random, ["\t", ";", "|", "\u0000"]));
        break;
      case "cr-only":
        return fromLatin1(lines.join("\r"));
    }
    return fromLatin1(lines.join("\n"));
  },
};

// ---------------------------------------------------------------------------------------------------------------
// OLE compound files ([MS-CFB]): header, DIFAT, FAT, mini FAT, directory

const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const DIFAT_SECTOR = 0xfffffffc;
const NO_STREAM = 0xffffffff;

interface OleEntry {
  index: number;
  /** File offset of the 128-byte directory entry. */
  at: number;
  name: string;
  type: number;
  start: number;
  size: number;
}

interface OleLayout {
  sectorSize: number;
  /** Sectors the file has room for after the header. */
  sectorsInFile: number;
  fatSectors: number[];
  /** File offset of each FAT entry, by sector number: writing there redirects that sector's chain. */
  fatAt: number[];
  miniFatAt: number[];
  directorySectors: number[];
  entries: OleEntry[];
  miniCutoff: number;
  miniSectorSize: number;
  rootSectors: number[];
}

/** A FAT or mini FAT as numbers: entries without bytes end their chain. */
function tableOf(bytes: Uint8Array, tableAt: readonly number[]): number[] {
  return tableAt.map((at) => (at < 0 ? END_OF_CHAIN : u32(bytes, at)));
}

/** The sectors of a chain, stopping at a loop or a sector the FAT does not map. */
function chainOf(next: readonly number[], start: number): number[] {
  const seen = new Set<number>();
  const sectors: number[] = [];
  for (let sector = start; sector < 0xfffffffa && sector < next.length && !seen.has(sector); sector = next[sector] ?? END_OF_CHAIN) {
    seen.add(sector);
    sectors.push(sector);
  }
  return sectors;
}

function oleLayout(bytes: Uint8Array): OleLayout | undefined {
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return undefined;
  const sectorSize = 1 << shift;
  const sectorsInFile = Math.max(0, Math.ceil(bytes.length / sectorSize) - 1);
  const offset = (sector: number) => (sector + 1) * sectorSize;
  const fatCount = Math.min(u32(bytes, 0x2c), sectorsInFile);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(bytes, 0x4c + i * 4));
  const seenDifat = new Set<number>();
  for (let difat = u32(bytes, 0x44), hops = 0; difat < sectorsInFile && !seenDifat.has(difat) && fatSectors.length < fatCount && hops < 1000; hops++) {
    seenDifat.add(difat);
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(bytes, offset(difat) + i * 4));
    difat = u32(bytes, offset(difat) + sectorSize - 4);
  }
  // -1 for entries the file has no bytes for, so that a FAT entry's index stays its sector number.
  const fatAt: number[] = [];
  for (const fatSector of fatSectors) {
    for (let i = 0; i < sectorSize / 4; i++) {
      const at = offset(fatSector) + i * 4;
      fatAt.push(fatSector < sectorsInFile && at + 4 <= bytes.length ? at : -1);
    }
  }
  const fat = tableOf(bytes, fatAt);
  const directorySectors = chainOf(fat, u32(bytes, 0x30));
  const entries: OleEntry[] = [];
  for (const sector of directorySectors) {
    for (let at = offset(sector); at + 128 <= Math.min(offset(sector) + sectorSize, bytes.length); at += 128) {
      const nameBytes = Math.min(64, u16(bytes, at + 64));
      let name = "";
      for (let p = at; p + 2 <= at + nameBytes - 2; p += 2) name += String.fromCharCode(u16(bytes, p));
      entries.push({ index: entries.length, at, name, type: bytes[at + 66] ?? 0, start: u32(bytes, at + 116), size: u32(bytes, at + 120) });
    }
  }
  const miniFatSectors = chainOf(fat, u32(bytes, 0x3c));
  const miniFatAt = miniFatSectors.flatMap((sector) => Array.from({ length: sectorSize / 4 }, (_, i) => offset(sector) + i * 4)).map((at) => (at + 4 <= bytes.length ? at : -1));
  const root = entries.find((entry) => entry.type === 5);
  return {
    sectorSize,
    sectorsInFile,
    fatSectors,
    fatAt,
    miniFatAt,
    directorySectors,
    entries,
    miniCutoff: u32(bytes, 0x38),
    miniSectorSize: 1 << Math.min(16, u16(bytes, 0x20)),
    rootSectors: root ? chainOf(fat, root.start) : [],
  };
}

/** Whether a stream lives in the mini stream (small streams) rather than in ordinary sectors. */
function inMiniStream(layout: OleLayout, entry: OleEntry): boolean {
  return entry.type === 2 && entry.size < layout.miniCutoff;
}

/** The file offset of every byte of a stream, through the FAT or the mini FAT: to read and write it in place. */
function streamOffsets(bytes: Uint8Array, layout: OleLayout, entry: OleEntry): number[] {
  const offsets: number[] = [];
  if (inMiniStream(layout, entry)) {
    const miniFat = tableOf(bytes, layout.miniFatAt);
    const perSector = layout.sectorSize / layout.miniSectorSize;
    for (const mini of chainOf(miniFat, entry.start)) {
      const sector = layout.rootSectors[Math.floor(mini / perSector)];
      if (sector === undefined) break;
      const base = (sector + 1) * layout.sectorSize + (mini % perSector) * layout.miniSectorSize;
      for (let i = 0; i < layout.miniSectorSize && offsets.length < entry.size; i++) offsets.push(base + i);
    }
  } else {
    const fat = tableOf(bytes, layout.fatAt);
    for (const sector of chainOf(fat, entry.start)) {
      const base = (sector + 1) * layout.sectorSize;
      for (let i = 0; i < layout.sectorSize && offsets.length < entry.size; i++) offsets.push(base + i);
    }
  }
  return offsets.filter((at) => at < bytes.length);
}

function oleMutator(name: string, edit: (out: Uint8Array, layout: OleLayout, random: Random, note: Note) => Uint8Array | void | "unchanged"): Mutator {
  return {
    name,
    containers: ["ole"],
    structural: true,
    mutate(bytes, random, note = () => {}) {
      const layout = oleLayout(bytes);
      if (!layout) return bytes;
      const out = bytes.slice();
      const result = edit(out, layout, random, note);
      return result === "unchanged" ? bytes : (result ?? out);
    },
  };
}

const WORKBOOK_STREAMS = /^(workbook|book)$/i;

/** The workbook stream half the time (the one SheetJS walks furthest), else any entry. */
function pickOleEntry(random: Random, layout: OleLayout): OleEntry | undefined {
  const workbook = layout.entries.filter((entry) => WORKBOOK_STREAMS.test(entry.name) || entry.type === 5);
  const named = layout.entries.filter((entry) => entry.type !== 0);
  const pool = workbook.length > 0 && chance(random, 0.5) ? workbook : named;
  return pool.length > 0 ? pick(random, pool) : undefined;
}

/** Sectors worth pointing at: the FAT's own, the directory's, a stream's first, just past the end, the markers. */
function sectorTargets(layout: OleLayout, random: Random): number[] {
  return [0, 1, ...layout.fatSectors.slice(0, 2), ...layout.directorySectors.slice(0, 2), ...layout.entries.slice(0, 6).map((entry) => entry.start),
    layout.sectorsInFile - 1, layout.sectorsInFile, layout.sectorsInFile + 1, 0x7fffffff, END_OF_CHAIN, FREE_SECTOR, FAT_SECTOR, DIFAT_SECTOR,
    0xfffffffb, int(random, layout.sectorsInFile + 16)].map((sector) => sector >>> 0);
}

const oleSectorShift = oleMutator("oleSectorShift", (out, _layout, random, note) => {
  if (chance(random, 0.6)) {
    const shift = pick(random, [0, 1, 7, 8, 10, 11, 13, 14, 15, 16, 24, 31, 32, 0xff, 0xffff]);
    put16(out, 0x1e, shift);
    // Version 3 files use 512-byte sectors, version 4 files 4096: sometimes the version agrees with the lie.
    if (chance(random, 0.3)) put16(out, 0x1a, pick(random, [3, 4, 0, 0xffff]));
    note(`sector shift -> ${shift}`);
  } else {
    const shift = pick(random, [0, 1, 5, 7, 9, 12, 16, 31, 0xffff]);
    put16(out, 0x20, shift);
    note(`mini sector shift -> ${shift}`);
  }
});

const oleHeaderCounts = oleMutator("oleHeaderCounts", (out, layout, random, note) => {
  const [at, what] = pick(random, [
    [0x28, "directory sector count"],
    [0x2c, "FAT sector count"],
    [0x40, "mini FAT sector count"],
    [0x48, "DIFAT sector count"],
    [0x38, "mini stream cutoff"],
  ] as const);
  const before = u32(out, at);
  const after = pick(random, [0, 1, before + 1, 109, 110, 1000, layout.sectorsInFile, 0x7fffffff, 0xfffffffe, 0xffffffff, int(random, 0x1_0000_0000)]) >>> 0;
  put32(out, at, after);
  note(`${what}: ${before} -> ${after}`);
});

const oleHeaderStarts = oleMutator("oleHeaderStarts", (out, layout, random, note) => {
  const [at, what] = pick(random, [
    [0x30, "directory start"],
    [0x3c, "mini FAT start"],
    [0x44, "DIFAT start"],
  ] as const);
  const target = pick(random, sectorTargets(layout, random));
  note(`${what}: ${u32(out, at)} -> ${target}`);
  put32(out, at, target);
  // A DIFAT start is only followed when the header counts DIFAT sectors (and more than 109 FAT sectors).
  if (at === 0x44 && chance(random, 0.6)) {
    put32(out, 0x48, pick(random, [1, 2, 1000, 0xffffffff]));
    put32(out, 0x2c, pick(random, [110, 236, 1000, 0xffffffff]));
    note("DIFAT sector count and FAT sector count raised so that the DIFAT is walked");
  }
});

const oleDifat = oleMutator("oleDifat", (out, layout, random, note) => {
  const fatCount = Math.max(1, Math.min(109, layout.fatSectors.length));
  const shape = pick(random, ["slot", "same-sector", "self-loop", "cycle"] as const);
  if (shape === "slot") {
    const slot = int(random, Math.min(109, fatCount + 1));
    const target = pick(random, sectorTargets(layout, random));
    put32(out, 0x4c + slot * 4, target);
    note(`header DIFAT slot ${slot} -> ${target}`);
  } else if (shape === "same-sector") {
    // Many FAT sectors, all the same one: the FAT maps the file over and over.
    const count = pick(random, [2, 50, 109]);
    const sector = layout.fatSectors[0] ?? 0;
    for (let i = 0; i < count; i++) put32(out, 0x4c + i * 4, sector);
    put32(out, 0x2c, count);
    note(`FAT sector count ${count}, every header DIFAT slot -> sector ${sector}`);
  } else {
    // A DIFAT chain that comes back to itself (or to a sector before it), with the counts that make it walked.
    const first = pick(random, [layout.sectorsInFile - 1, ...layout.fatSectors.slice(0, 1), ...layout.directorySectors.slice(0, 1), 0]) >>> 0;
    const second = shape === "cycle" ? Math.max(0, layout.sectorsInFile - 2) : first;
    const offset = (sector: number) => (sector + 1) * layout.sectorSize;
    put32(out, 0x44, first);
    put32(out, offset(first) + layout.sectorSize - 4, second);
    if (shape === "cycle") put32(out, offset(second) + layout.sectorSize - 4, first);
    put32(out, 0x48, pick(random, [2, 1000, 0xffffffff]));
    put32(out, 0x2c, pick(random, [110, 1000, 0xffffffff]));
    note(`DIFAT chain ${shape}: starts at ${first}, next ${second}`);
  }
});

/** FAT or mini FAT edits: a chain made to loop on itself, into another chain, past the end, or to a marker. */
function chainLoop(out: Uint8Array, tableAt: number[], chain: number[], others: number[], random: Random, note: Note, what: string): "unchanged" | void {
  if (chain.length === 0 || tableAt.length === 0) return "unchanged";
  const shape = pick(random, ["to-start", "self", "pair", "into-other", "beyond", "marker"] as const);
  const last = chain[chain.length - 1] as number;
  const any = pick(random, chain);
  const set = (sector: number, next: number) => {
    const at = tableAt[sector];
    if (at !== undefined && at >= 0) put32(out, at, next >>> 0);
  };
  switch (shape) {
    case "to-start":
      set(last, chain[0] as number);
      break;
    case "self":
      set(any, any);
      break;
    case "pair": {
      const other = pick(random, [...chain, ...others]);
      set(any, other);
      set(other, any);
      break;
    }
    case "into-other":
      set(any, pick(random, others.length > 0 ? others : chain));
      break;
    case "beyond":
      set(any, pick(random, [tableAt.length, tableAt.length + 1, 0x7fffffff, 0xfffffff9]));
      break;
    case "marker":
      set(any, pick(random, [FREE_SECTOR, FAT_SECTOR, DIFAT_SECTOR, 0xfffffffb]));
      break;
  }
  note(`${what} (sectors ${chain.slice(0, 8).join(",")}${chain.length > 8 ? ",…" : ""}): ${shape}, at sector ${shape === "to-start" ? last : any}`);
}

const oleFatChains = oleMutator("oleFatChains", (out, layout, random, note) => {
  const fat = tableOf(out, layout.fatAt);
  const chains: Array<[string, number[]]> = [
    ["directory chain", layout.directorySectors],
    ["mini FAT chain", chainOf(fat, u32(out, 0x3c))],
    ["mini stream (root) chain", layout.rootSectors],
    ...layout.entries.filter((entry) => entry.type === 2 && !inMiniStream(layout, entry)).map((entry): [string, number[]] => [`stream "${entry.name}"`, chainOf(fat, entry.start)]),
  ];
  const usable = chains.filter(([, chain]) => chain.length > 0);
  if (usable.length === 0) return "unchanged";
  // The workbook stream's chain most of all: the loop that has killed the process before.
  const workbook = usable.filter(([what]) => /"(workbook|book)"/i.test(what));
  const [what, chain] = pick(random, workbook.length > 0 && chance(random, 0.4) ? workbook : usable);
  if (chance(random, 0.15)) {
    // The FAT's own entry for a FAT sector, pointing at itself.
    const fatSector = pick(random, layout.fatSectors);
    const at = layout.fatAt[fatSector];
    if (at === undefined || at < 0) return "unchanged";
    put32(out, at, fatSector);
    return note(`FAT entry of FAT sector ${fatSector} -> itself`);
  }
  const others = usable.filter(([, other]) => other !== chain).flatMap(([, other]) => other);
  return chainLoop(out, layout.fatAt, chain, others, random, note, `FAT, ${what}`);
});

const oleMiniFatChains = oleMutator("oleMiniFatChains", (out, layout, random, note) => {
  const miniFat = tableOf(out, layout.miniFatAt);
  const chains = layout.entries.filter((entry) => inMiniStream(layout, entry)).map((entry): [string, number[]] => [entry.name, chainOf(miniFat, entry.start)]);
  const usable = chains.filter(([, chain]) => chain.length > 0);
  if (usable.length === 0) return "unchanged";
  const workbook = usable.filter(([name]) => WORKBOOK_STREAMS.test(name));
  const [name, chain] = pick(random, workbook.length > 0 && chance(random, 0.5) ? workbook : usable);
  const others = usable.filter(([, other]) => other !== chain).flatMap(([, other]) => other);
  return chainLoop(out, layout.miniFatAt, chain, others, random, note, `mini FAT, stream "${name}"`);
});

const oleDirectoryEntry = oleMutator("oleDirectoryEntry", (out, layout, random, note) => {
  const entry = pickOleEntry(random, layout);
  if (!entry) return "unchanged";
  const field = pick(random, ["start", "start", "size", "size", "size-high", "name-length", "type", "left", "right", "child"] as const);
  const label = `entry ${entry.index} "${entry.name}"`;
  switch (field) {
    case "start": {
      const target = pick(random, sectorTargets(layout, random));
      put32(out, entry.at + 116, target);
      return note(`${label} start sector ${entry.start} -> ${target}`);
    }
    case "size": {
      // Across the mini-stream cutoff moves the stream to the other allocation table.
      const size = pick(random, [0, 1, 63, 64, layout.miniCutoff - 1, layout.miniCutoff, entry.size + 1, entry.size * 2, entry.size - 1,
        0x7fffffff, 0xffffffff, out.length * 10]) >>> 0;
      put32(out, entry.at + 120, size);
      return note(`${label} size ${entry.size} -> ${size}`);
    }
    case "size-high": {
      const high = pick(random, [1, 0x7fffffff, 0xffffffff]);
      put32(out, entry.at + 124, high);
      return note(`${label} size high dword -> ${high}`);
    }
    case "name-length": {
      const length = pick(random, [0, 1, 3, 64, 66, 0xffff]);
      put16(out, entry.at + 64, length);
      return note(`${label} name length -> ${length}`);
    }
    case "type": {
      const type = pick(random, [0, 1, 2, 5, 6, 0xff]);
      out[entry.at + 66] = type;
      return note(`${label} type ${entry.type} -> ${type}`);
    }
    default: {
      // Sibling and child ids: a tree that loops back (to itself, to the root, to a parent) or points nowhere.
      const at = entry.at + (field === "left" ? 68 : field === "right" ? 72 : 76);
      const target = pick(random, [entry.index, 0, 1, Math.max(0, entry.index - 1), layout.entries.length, layout.entries.length + 100, 0x7fffffff, 0xfffffffe, NO_STREAM]) >>> 0;
      put32(out, at, target);
      return note(`${label} ${field} -> ${target}`);
    }
  }
});

/** A stream edited in place through its sectors (the stream keeps its size and its place). */
function editStream(out: Uint8Array, layout: OleLayout, entry: OleEntry, edit: (stream: Uint8Array) => boolean): boolean {
  const offsets = streamOffsets(out, layout, entry);
  if (offsets.length === 0) return false;
  const stream = Uint8Array.from(offsets, (at) => out[at] ?? 0);
  if (!edit(stream)) return false;
  offsets.forEach((at, i) => (out[at] = stream[i] ?? 0));
  return true;
}

const olePropertySet = oleMutator("olePropertySet", (out, layout, random, note) => {
  const sets = layout.entries.filter((entry) => entry.type === 2 && entry.name.charCodeAt(0) === 5 && /^.(Document)?SummaryInformation$/.test(entry.name));
  if (sets.length === 0) return "unchanged";
  const entry = pick(random, sets);
  const changed = editStream(out, layout, entry, (stream) => {
    // [MS-OLEPS] 2.21: header, then (FMTID, offset) per section; a section is (size, count, (id, offset) pairs).
    const sections = u32(stream, 24);
    const section = u32(stream, 44);
    const count = u32(stream, section + 4);
    const property = int(random, Math.max(1, count));
    const propertyOffset = section + u32(stream, section + 12 + property * 8);
    const shape = pick(random, ["section-count", "section-offset", "section-size", "property-count", "property-offset", "value-type", "string-length", "vector-count", "codepage"] as const);
    switch (shape) {
      case "section-count":
        put32(stream, 24, lie32(random, sections, stream.length));
        break;
      case "section-offset":
        put32(stream, 44, lie32(random, section, stream.length));
        break;
      case "section-size":
        put32(stream, section, lie32(random, u32(stream, section), stream.length));
        break;
      case "property-count":
        put32(stream, section + 4, lie32(random, count, stream.length));
        break;
      case "property-offset":
        put32(stream, section + 12 + property * 8, lie32(random, propertyOffset - section, stream.length));
        break;
      case "value-type":
        // VT_LPSTR, VT_LPWSTR, VT_BLOB, VT_CF, VT_VECTOR|VT_VARIANT, VT_VECTOR|VT_LPSTR, nonsense.
        put32(stream, propertyOffset, pick(random, [0x1e, 0x1f, 0x41, 0x47, 0x100c, 0x101e, 0xffff]));
        break;
      case "string-length":
      case "vector-count":
        put32(stream, propertyOffset + 4, lie32(random, u32(stream, propertyOffset + 4), stream.length));
        break;
      case "codepage":
        // Property 1 is the code page: what SheetJS decodes every string of the set with.
        for (let i = 0; i < Math.min(count, 64); i++) {
          if (u32(stream, section + 8 + i * 8) === 1) put16(stream, section + u32(stream, section + 12 + i * 8) + 4, pick(random, [0, 1200, 65001, 936, 0xffff, 10000, 37, 1201]));
        }
        break;
    }
    note(`"${entry.name.slice(1)}": ${shape} (property ${property} of ${count})`);
    return true;
  });
  return changed ? undefined : "unchanged";
});

// ---------------------------------------------------------------------------------------------------------------
// BIFF records inside the workbook stream

/** Record types worth lying in, with the fields that size or index something: [offset in the record, width]. */
const BIFF_FIELDS: Record<number, { name: string; fields: Array<[number, 1 | 2 | 4]> }> = {
  0x0809: { name: "BOF", fields: [[0, 2], [2, 2]] },
  0x0085: { name: "BOUNDSHEET", fields: [[0, 4], [4, 2], [6, 2]] },
  0x0200: { name: "DIMENSIONS", fields: [[0, 4], [4, 4], [8, 2], [10, 2]] },
  0x0208: { name: "ROW", fields: [[0, 2], [2, 2], [4, 2]] },
  0x00fc: { name: "SST", fields: [[0, 4], [4, 4], [8, 2]] },
  0x00ff: { name: "EXTSST", fields: [[0, 2]] },
  0x00fd: { name: "LABELSST", fields: [[0, 2], [2, 2], [4, 2], [6, 4]] },
  0x0204: { name: "LABEL", fields: [[0, 2], [2, 2], [6, 2]] },
  0x0203: { name: "NUMBER", fields: [[0, 2], [2, 2], [4, 2], [6, 4], [10, 4]] },
  0x027e: { name: "RK", fields: [[0, 2], [2, 2], [6, 4]] },
  0x00bd: { name: "MULRK", fields: [[0, 2], [2, 2]] },
  0x00be: { name: "MULBLANK", fields: [[0, 2], [2, 2]] },
  0x00e5: { name: "MERGECELLS", fields: [[0, 2], [2, 2], [4, 2], [6, 2], [8, 2]] },
  0x041e: { name: "FORMAT", fields: [[0, 2], [2, 2]] },
  0x00e0: { name: "XF", fields: [[0, 2], [2, 2]] },
  0x0042: { name: "CODEPAGE", fields: [[0, 2]] },
  0x0031: { name: "FONT", fields: [[14, 1]] },
  0x0006: { name: "FORMULA", fields: [[0, 2], [2, 2], [6, 4], [10, 4], [18, 2]] },
  0x0207: { name: "STRING", fields: [[0, 2]] },
  0x020b: { name: "INDEX", fields: [[4, 4], [8, 4]] },
  0x0018: { name: "NAME", fields: [[3, 1], [4, 2]] },
  0x0017: { name: "EXTERNSHEET", fields: [[0, 2]] },
  0x01ae: { name: "SUPBOOK", fields: [[0, 2]] },
  0x003c: { name: "CONTINUE", fields: [[0, 2]] },
  0x023e: { name: "WINDOW2", fields: [[2, 2], [4, 2]] },
  0x00d7: { name: "DBCELL", fields: [[0, 4]] },
};

const biffRecords = oleMutator("biffRecords", (out, layout, random, note) => {
  const workbook = layout.entries.find((entry) => entry.type === 2 && WORKBOOK_STREAMS.test(entry.name));
  if (!workbook) return "unchanged";
  const changed = editStream(out, layout, workbook, (stream) => {
    const records: Array<{ at: number; type: number; length: number }> = [];
    for (let at = 0; at + 4 <= stream.length && records.length < 100_000; at += 4 + u16(stream, at + 2)) {
      records.push({ at, type: u16(stream, at), length: u16(stream, at + 2) });
    }
    if (records.length === 0) return false;
    const known = records.filter((record) => BIFF_FIELDS[record.type]);
    const record = pick(random, known.length > 0 && chance(random, 0.8) ? known : records);
    const spec = BIFF_FIELDS[record.type];
    const label = `${spec?.name ?? hex(record.type)} record at ${record.at}`;
    if (!spec || chance(random, 0.25)) {
      const length = lie16(random, record.length);
      put16(stream, record.at + 2, length);
      note(`${label}: length ${record.length} -> ${length}`);
      return true;
    }
    const [offset, width] = pick(random, spec.fields);
    const at = record.at + 4 + offset;
    if (width === 4) {
      const value = lie32(random, u32(stream, at), stream.length);
      put32(stream, at, value);
      note(`${label}: u32 at +${offset} -> ${value}`);
    } else if (width === 2) {
      const value = lie16(random, u16(stream, at));
      put16(stream, at, value);
      note(`${label}: u16 at +${offset} -> ${value}`);
    } else {
      const value = pick(random, [0, 1, 0x7f, 0x80, 0xff]);
      stream[at] = value;
      note(`${label}: byte at +${offset} -> ${value}`);
    }
    return true;
  });
  return changed ? undefined : "unchanged";
});

// ---------------------------------------------------------------------------------------------------------------

export const MUTATORS: readonly Mutator[] = [
  byteFlip, truncate, insertChunk, duplicateChunk, overwriteInteger,
  zipLocalSizes, zipCentralSizes, zipEntryCount, zipOffsets, zipNameLengths, zipMethodFlags, zipDeflateDamage,
  xmlCellRefFar, xmlRowRefFar, xmlSharedStringDangling, xmlDimension, xmlManyMerges, xmlHugeNumbers, xmlOdsRepeat,
  markupSpans, xmlTruncatePart, xmlDropPart, xmlDuplicateElements, xmlEntityBomb, xmlCellValues, xmlNumberFormats,
  csvShape,
  oleSectorShift, oleHeaderCounts, oleHeaderStarts, oleDifat, oleFatChains, oleMiniFatChains, oleDirectoryEntry, olePropertySet, biffRecords,
];

export function mutatorNamed(name: string): Mutator {
  const mutator = MUTATORS.find((candidate) => candidate.name === name);
  if (!mutator) throw new Error(`no mutator named ${name} (known: ${MUTATORS.map((m) => m.name).join(", ")})`);
  return mutator;
}

/** Applies mutators in turn with one random source: what a fuzz case is, replayable from its names and seed. */
export function applyMutators(bytes: Uint8Array, names: readonly string[], random: Random, note?: Note): Uint8Array {
  return names.reduce((current, name) => mutatorNamed(name).mutate(current, random, note), bytes);
}
