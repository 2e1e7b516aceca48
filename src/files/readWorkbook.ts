/**
 * Returned file bytes -> RawWorkbook. Browser-safe (no Node APIs): the CLI and the task pane both read with it.
 *
 * A pipeline in three steps, like an importer in a good editor:
 *   1. sniff: what the bytes are (magic bytes first, the extension second), refusing early what is not a
 *      spreadsheet, what is encrypted, and what would unpack too large (zip bombs), before the library sees it;
 *   2. parse: the library calls (unzip with Node's zlib or, in the browser, fflate; read with SheetJS) inside the
 *      only try/catch, which turns every library failure into a ReadFailure;
 *   3. convert: SheetJS sheets -> RawSheet cells, within a cell budget.
 *
 * This module is the pipeline and its format decisions. The parts it ties together live beside it: zipArchive
 * and compoundFile read the two binary containers, textDecoding the text formats, odsVisibility what SheetJS
 * misses in OpenDocument files, and sheetConversion is step 3.
 */
import * as XLSX from "@e965/xlsx";
import type { RawWorkbook } from "../core/rawSheet";
import { latin1, startsWith } from "./byteReader";
import { loadCodePages } from "./codePages";
import { readCompoundDirectory, withoutPropertySets } from "./compoundFile";
import { odsExpansionProblem } from "./odsExpansion";
import { odsHiddenSheets } from "./odsVisibility";
import { sheetListProblem } from "./xlsxSheetParts";
import { classifyLibraryError, formatBytes, readFailure, type LooksLike, type ReadFailure } from "./readErrors";
import { toRawWorkbook } from "./sheetConversion";
import { decodeText } from "./textDecoding";
import { parseUnpackedZip } from "./sheetjsZip";
import { checkUnpackedSizes, readZipDirectory, unpackEntries, type ZipEntry } from "./zipArchive";

export type { LooksLike, ReadFailure, ReadFailureCode } from "./readErrors";
export { decodeText } from "./textDecoding";

import { DEFAULT_READ_LIMITS, type ReadLimits } from "./readLimits";

export { DEFAULT_READ_LIMITS, type ReadLimits };

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
  const parsed = parseWithLibrary(source, limits);
  if ("ok" in parsed) return parsed;
  const workbook = toRawWorkbook(parsed.workbook, parsed.odsHidden, limits);
  if ("ok" in workbook) return workbook;
  return { ok: true, workbook, format: source.format };
}

const IGNORED_BASE_NAMES = new Set(["thumbs.db", ".ds_store", "desktop.ini"]);

/**
 * Office/WPS owner files (`~$x.xlsx`), LibreOffice locks (`.~lock.x.xlsx#`), a merge's lock and temporary files,
 * macOS resource forks (`._x.xlsx`, `__MACOSX/...`) and folder litter (`Thumbs.db`, `.DS_Store`, `desktop.ini`):
 * skipped on purpose, never read.
 */
export function isIgnoredFileName(fileName: string): boolean {
  const parts = fileName.split(/[\\/]/);
  if (parts.includes("__MACOSX")) return true;
  const base = parts[parts.length - 1] ?? "";
  return (
    base.startsWith("~$") ||
    base.startsWith("._") ||
    /^\.~lock\..*#$/.test(base) ||
    // A merge's own lock and half-written master beside the master (src/cli/masterLock.ts, writeOutput.ts).
    base.endsWith(".huizong-lock") ||
    /^\..+\.\d+\.tmp$/.test(base) ||
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
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return readFailure("not-a-spreadsheet", "an empty zip archive", "archive");
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffCompoundFile(bytes, ext);
  // A bare BIFF2-4 worksheet stream (Excel 2.x-4.x, some Quattro and old exporters) starts with a BOF record.
  if (bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1] ?? -1)) return { format: "xls", data: bytes };
  const known = KNOWN_NON_SPREADSHEETS.find(({ magic }) => startsWith(bytes, magic));
  if (known) return readFailure("not-a-spreadsheet", known.detail, known.looksLike);
  return sniffText(bytes, ext);
}

const KNOWN_NON_SPREADSHEETS: ReadonlyArray<{ magic: readonly number[]; detail: string; looksLike: LooksLike }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], detail: "a PDF document", looksLike: "pdf" },
  { magic: [0x89, 0x50, 0x4e, 0x47], detail: "a PNG image", looksLike: "image" },
  { magic: [0xff, 0xd8, 0xff], detail: "a JPEG image", looksLike: "image" },
  { magic: [0x47, 0x49, 0x46, 0x38], detail: "a GIF image", looksLike: "image" },
  { magic: [0x49, 0x49, 0x2a, 0x00], detail: "a TIFF image", looksLike: "image" },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], detail: "a TIFF image", looksLike: "image" },
  { magic: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], detail: "a RAR archive", looksLike: "archive" },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], detail: "a 7-Zip archive", looksLike: "archive" },
  { magic: [0x1f, 0x8b], detail: "a gzip archive", looksLike: "archive" },
];

function unrecognisedBinary(bytes: Uint8Array, ext: string): ReadFailure {
  const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, "0")).join(" ");
  // A file that claims to be a spreadsheet but is not one we know is damaged; anything else is simply not ours.
  return SPREADSHEET_EXTENSIONS.has(ext)
    ? readFailure("corrupt", `unrecognised binary content for a .${ext} file (starts ${head})`)
    : readFailure("not-a-spreadsheet", `binary data of an unknown type${ext ? ` (.${ext})` : ""}, starts ${head}`, "other");
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
    return readFailure("unsupported-format", "an Excel binary workbook (.xlsb); save it as .xlsx", "xlsb");
  }
  if (hasPart(/^index\/.*\.iwa$/)) {
    return names.has("index/calculationengine.iwa") || ext === "numbers"
      ? readFailure("unsupported-format", "an Apple Numbers spreadsheet; export it to .xlsx", "numbers")
      : readFailure("not-a-spreadsheet", "an Apple Pages or Keynote document", "other");
  }
  const odf = sniffOpenDocument(bytes, entries, ext);
  if (odf) return "ok" in odf ? odf : { format: "ods", zip: { bytes, entries } };
  if (names.has("word/document.xml")) return readFailure("not-a-spreadsheet", "a Word document (.docx)", "word");
  if (names.has("ppt/presentation.xml")) return readFailure("not-a-spreadsheet", "a PowerPoint presentation (.pptx)", "powerpoint");
  if (names.has("ofd.xml")) return readFailure("not-a-spreadsheet", "an OFD document", "ofd");
  return readFailure("not-a-spreadsheet", `a zip archive of ${entries.length} files that holds no workbook`, "archive");
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
    return hasContent && ["ods", "ots"].includes(ext) ? { format: "ods" } : readFailure("not-a-spreadsheet", "an OpenDocument file of unknown kind", "opendocument");
  }
  const kind = /opendocument\.(\w+)/.exec(mimetype)?.[1];
  const what = kind ? ODF_KINDS[kind] : undefined;
  return readFailure("not-a-spreadsheet", what ? `an OpenDocument ${what}` : `a zip package of type ${mimetype.slice(0, 80)}`, "opendocument");
}

// --- OLE compound files (xls, et, and encrypted xlsx) ---

function sniffCompoundFile(bytes: Uint8Array, ext: string): Source | ReadFailure {
  const format = ext === "et" || ext === "ett" ? "et" : "xls";
  const directory = readCompoundDirectory(bytes);
  // A directory we cannot walk (some PHP writers leave odd ones) may still be readable by SheetJS: let it try.
  if (!directory) return { format, data: bytes };
  // A chain that loops would send SheetJS round it until the process dies: never hand it over.
  if (!directory.ok) return readFailure("corrupt", `a damaged compound file: ${directory.damage}`);
  const { names } = directory;
  const has = (name: string) => names.has(name.toLowerCase());
  if (has("EncryptionInfo") || has("EncryptedPackage")) {
    return readFailure("encrypted", "a password-protected Office Open XML file (.xlsx inside an encrypted OLE container)");
  }
  if (has("Workbook") || has("Book")) return { format, data: withoutPropertySets(bytes, directory.propertySetEntries) };
  if (has("WordDocument")) return readFailure("not-a-spreadsheet", "a Word 97-2003 document (.doc)", "word");
  if (has("PowerPoint Document")) return readFailure("not-a-spreadsheet", "a PowerPoint 97-2003 presentation (.ppt)", "powerpoint");
  if ([...names].some((name) => name.startsWith("__substg1.0_"))) return readFailure("not-a-spreadsheet", "an Outlook message (.msg)", "email");
  if (has("NativeContent_MAIN")) return readFailure("unsupported-format", "a Quattro Pro spreadsheet", "quattro");
  return readFailure("not-a-spreadsheet", "an OLE compound file that holds no workbook", "other");
}

// --- text: CSV, HTML tables and SpreadsheetML 2003 ---

function sniffText(bytes: Uint8Array, ext: string): Source | ReadFailure {
  const text = decodeText(bytes);
  if (text === undefined) return unrecognisedBinary(bytes, ext);
  const head = text.slice(0, 65536).trimStart().toLowerCase();
  if (head.startsWith("<")) return sniffMarkup(text.trimStart(), head, ext);
  if (head.startsWith("{\\rtf")) return readFailure("not-a-spreadsheet", "an RTF document", "rtf");
  if (head.startsWith("mime-version:")) {
    return readFailure("unsupported-format", "a single-file web page (.mht); save it as .xlsx", "mht");
  }
  if (DELIMITED_EXTENSIONS.has(ext)) return { format: "csv", text };
  return readFailure("not-a-spreadsheet", `a plain text file${ext ? ` (.${ext})` : ""}`, "text");
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
  return readFailure("not-a-spreadsheet", `${what}${ext ? ` (.${ext})` : ""}${isHtml && !/<table[\s>]/.test(head) ? " without a table" : ""}`, isHtml ? "html" : "text");
}

// ---------------------------------------------------------------------------------------------------------------
// Step 2: parse

const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true, // rows of cells: faster than A1 keys, and sparse rows stay sparse
  cellDates: false, // dates stay serials, so the core sees the day the user typed, not a time-zone-shifted Date
  cellNF: true, // keep each cell's number format: it tells a date from a number
  // No `w` (the text the user sees) from the library: formatting every cell is a fifth of its parsing time, and
  // only numbers need it. sheetConversion formats those, as SheetJS would, from `z`.
  cellText: false,
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
function parseWithLibrary(source: Source, limits: ReadLimits): ParsedBook | ReadFailure {
  try {
    return withLibraryNoiseMuted(() => parseSource(source, limits));
  } catch (error) {
    return classifyLibraryError(error);
  }
}

/** Throws whatever the libraries throw; parseWithLibrary catches. OpenDocument is measured before it is expanded. */
function parseSource(source: Source, limits: ReadLimits): ParsedBook | ReadFailure {
  if ("text" in source) {
    const expansion = source.format === "ods" ? odsExpansionProblem([source.text], limits.maxCells) : undefined;
    if (expansion) return expansion;
    // raw: CSV and HTML values stay the text the unit typed: `4/22`, `13816261234`, `0533-3188608`.
    const workbook = XLSX.read(source.text, { ...READ_OPTIONS, type: "string", raw: true });
    return { workbook, odsHidden: source.format === "ods" ? odsHiddenSheets(source.text) : undefined };
  }
  if ("data" in source) {
    loadCodePages();
    return { workbook: XLSX.read(source.data, { ...READ_OPTIONS, type: "array" }), odsHidden: undefined };
  }
  const files = unpackEntries(source.zip);
  const odsParts = source.format === "ods" ? ["content.xml", "styles.xml"].map((name) => new TextDecoder().decode(files.get(name))) : [];
  const expansion = source.format === "ods" ? odsExpansionProblem(odsParts, limits.maxCells) : sheetListProblem(files);
  if (expansion) return expansion;
  const workbook = parseUnpackedZip(files, READ_OPTIONS);
  const odsHidden = source.format === "ods" ? odsHiddenSheets(odsParts[0] ?? "") : undefined;
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
