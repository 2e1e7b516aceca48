import { readFileSync, statSync } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ignoredReport, unreadableReport, type FileReport } from "../core/fileReport";
import { cliMessages, readFailureMessages } from "../messages/zhCN";
import type { ReadLimits } from "../files/readLimits";
import { fileSystemReason } from "./systemErrors";
import { UsageError } from "./usageError";

export type InputFile =
  | { ok: true; file: string; bytes: Uint8Array; modifiedMs: number }
  | { ok: false; file: string; report: FileReport };

/**
 * What is taken from a folder: the spreadsheet formats units send (SpreadsheetML or HTML saved as .xls is read by
 * its content), and the spreadsheet formats the reader names to ask for a resave (.xlsb, .numbers, templates), so
 * a unit's return in one of them is never skipped unsaid. Anything else in a folder (the notice itself, a PDF of
 * it, photos, a readme) is listed as ignored. A file named on its own is always read: the clerk asked for it.
 */
const SPREADSHEET_EXTENSIONS = /\.(xlsx|xlsm|xls|et|ods|csv|xlsb|xltx|xltm|xlt|ett|numbers)$/i;

export function isSpreadsheetName(file: string): boolean {
  return SPREADSHEET_EXTENSIONS.test(file);
}

/** Files found in a folder that are not spreadsheets: reported as ignored, never read. */
const notSpreadsheets = new Set<string>();

/**
 * The files named on the command line, folders expanded (recursively, sorted, so a folder of returns just works).
 * A path that does not exist, or a folder without a single spreadsheet, is a mistake in the command: every such
 * path is named in one UsageError, before any file is read.
 */
export async function listInputs(args: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    // Errors as values: an `instanceof Error` test fails for Node's errors under Jest, whose realm differs.
    const [info, statError] = await stat(arg).then(
      (found) => [found, undefined] as const,
      (error: NodeJS.ErrnoException) => [undefined, error] as const,
    );
    if (!info) {
      const missing = statError?.code === "ENOENT" || statError?.code === "ENOTDIR";
      problems.push(missing ? cliMessages.pathNotFound(arg) : cliMessages.cannotOpenPath(arg, fileSystemReason(statError)));
    } else if (info.isDirectory()) {
      const [found, listError] = await filesUnder(arg).then(
        (names) => [names, undefined] as const,
        (error: unknown) => [undefined, error] as const,
      );
      if (!found) {
        problems.push(cliMessages.cannotOpenPath(arg, fileSystemReason(listError)));
        continue;
      }
      if (!found.some(isSpreadsheetName)) problems.push(cliMessages.folderHasNoSpreadsheets(arg));
      // Appended one by one: a folder of 150,000 returns spread into push() overflows the call stack.
      for (const file of found) {
        if (!isSpreadsheetName(file)) notSpreadsheets.add(file);
        files.push(file);
      }
    } else files.push(arg);
  }
  if (problems.length > 0) throw new UsageError(problems.join("\n"), false);
  return files;
}

/** One collator for a whole sort: localeCompare builds one per comparison, seconds for a folder of 150,000 files. */
const byChineseOrder = new Intl.Collator("zh-CN");

/**
 * Files whose names are not UTF-8, by the name they are shown under: zips unpacked from Chinese Windows keep GBK
 * names, which Node would turn into U+FFFD and then fail to open. They are shown decoded as GB18030 and opened by
 * their raw bytes.
 */
const rawPaths = new Map<string, Buffer>();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });
const gb18030 = new TextDecoder("gb18030");

/**
 * Every file under a folder, sorted. Symbolic links are followed once: a link to a file is that file, a link to a
 * folder is walked unless it leads to a folder already walked (a loop, or the same folder twice).
 */
async function filesUnder(root: string): Promise<string[]> {
  const files: string[] = [];
  const walked = new Set<string>();
  const walk = async (raw: Buffer, shown: string): Promise<void> => {
    const real = await realpath(raw).catch(() => undefined);
    if (real === undefined || walked.has(real)) return;
    walked.add(real);
    for (const entry of await readdir(raw, { withFileTypes: true, encoding: "buffer" })) {
      const childRaw = Buffer.concat([raw, Buffer.from(path.sep), entry.name]);
      const childShown = path.join(shown, nameOf(entry.name));
      // Shown under another name than its bytes (it, or a folder above it, is not UTF-8): opened by its bytes.
      if (!Buffer.from(childShown).equals(childRaw)) rawPaths.set(childShown, childRaw);
      const kind = entry.isSymbolicLink() ? await stat(childRaw).catch(() => undefined) : entry;
      if (kind?.isDirectory()) await walk(childRaw, childShown);
      // A file, or a link that leads nowhere: listed, so its report says it cannot be found.
      else if (!kind || kind.isFile()) files.push(childShown);
    }
  };
  // Normalised as path.join normalises the names below it, so shown and raw paths agree for UTF-8 names.
  const start = path.normalize(root).replace(/(.)[\\/]+$/, "$1");
  await walk(Buffer.from(start), start);
  return files.sort(byChineseOrder.compare);
}

/** A directory entry's name as shown: UTF-8, or else GB18030 (what Chinese Windows writes). */
function nameOf(name: Buffer): string {
  try {
    return strictUtf8.decode(name);
  } catch {
    return gb18030.decode(name);
  }
}

/**
 * What listInputs learnt that reading needs besides the names (files it found not to be spreadsheets, and names
 * that are opened by other bytes), for a second reading thread: its own copy of this module starts empty.
 */
export interface InputListing {
  notSpreadsheets: string[];
  rawPaths: Array<[string, Uint8Array]>;
}

export function inputListing(files: readonly string[]): InputListing {
  const rawPathsOf: Array<[string, Uint8Array]> = [];
  const notSpreadsheetsOf: string[] = [];
  for (const file of files) {
    const raw = rawPaths.get(file);
    if (raw) rawPathsOf.push([file, raw]);
    if (notSpreadsheets.has(file)) notSpreadsheetsOf.push(file);
  }
  return { notSpreadsheets: notSpreadsheetsOf, rawPaths: rawPathsOf };
}

/** Takes over a listing made on another thread, so readInput reads its files as that thread would. */
export function adoptInputListing(listing: InputListing): void {
  for (const file of listing.notSpreadsheets) notSpreadsheets.add(file);
  for (const [file, raw] of listing.rawPaths) rawPaths.set(file, Buffer.from(raw));
}

/**
 * One input's bytes. Synchronous on purpose: files are small and read one after another, and awaiting two
 * system calls per file left the process idle for a third of a 1,000-file merge.
 */
export function readInput(file: string, limits: ReadLimits): InputFile {
  if (notSpreadsheets.has(file)) return { ok: false, file, report: notASpreadsheetReport(file) };
  const target = rawPaths.get(file) ?? file;
  const info = statOrUndefined(target);
  if (!info) return refused(file, "file-not-found", cliMessages.fileNotFound(file));
  if (!info.isFile()) return refused(file, "file-not-found", cliMessages.notAFile(file));
  if (info.size > limits.maxFileBytes) {
    return refused(file, "too-large", readFailureMessages["too-large"](Math.round(limits.maxFileBytes / 1024 / 1024)));
  }
  try {
    return { ok: true, file, bytes: new Uint8Array(readFileSync(target)), modifiedMs: info.mtimeMs };
  } catch (error) {
    return refused(file, "file-not-found", readFailureMessages["cannot-open"](fileSystemReason(error)));
  }
}

function statOrUndefined(file: string | Buffer): import("node:fs").Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function refused(file: string, code: "file-not-found" | "too-large", message: string): InputFile {
  return { ok: false, file, report: unreadableReport(file, code, message) };
}

function notASpreadsheetReport(file: string): FileReport {
  const issue = { severity: "warning", row: null, column: null, code: "not-a-spreadsheet-ignored", message: cliMessages.notASpreadsheetIgnored } as const;
  return { ...ignoredReport(file), issues: [issue] };
}
