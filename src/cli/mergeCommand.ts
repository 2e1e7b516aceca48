import { realpathSync } from "node:fs";
import path from "node:path";
import type { CampaignSettings } from "../core/campaign";
import { countIssues, ignoredReport, type FileReport } from "../core/fileReport";
import { incomingReturn, mergeReturns, type IncomingReturn, type MergeResult } from "../core/merge/merge";
import type { Roster } from "../core/roster";
import { mergeIntoMasterFile } from "../files/masterFile";
import { phaseClock } from "../files/phaseClock";
import { chaseText, cliMessages as say, masterGuardMessages as guard, mergedAtText, weekText } from "../messages/zhCN";
import { checkInputs, UNWATCHED, type FileWatch } from "./checkInputs";
import { EXIT, type CommandResult } from "./exitCodes";
import { listInputs } from "./inputFiles";
import { checkBeforeWriting } from "./masterGuard";
import { LOCK_SUFFIX, type MasterLock } from "./masterLock";
import { lockMasterTarget, masterTarget, MergeRefused, readExistingMaster } from "./masterOutput";
import { fileSystemReason } from "./systemErrors";
import { formatMergeReport } from "./mergeReport";
import { readRosterFile } from "./rosterFile";
import { FileChangedError, isTemporaryName, writeFileAtomically } from "./writeOutput";

export interface MergeOptions {
  output: string;
  roster: string | undefined;
  campaign: CampaignSettings | undefined;
  json: boolean;
  /** The clerk confirms writing a master that checkBeforeWriting would otherwise refuse. */
  force?: boolean;
  /** --chase: where to write the copy-ready chase list (needs a roster, given or remembered). */
  chase?: string | undefined;
}

/**
 * An input file as listed, and what it is: a return to read; the master being written (left out, saying so); or a
 * lock or temporary file of a merge (this one's or another's, into a master in the same folder), never a return.
 */
interface Input {
  file: string;
  role: "return" | "output" | "work-file";
}

/**
 * `huizong merge FILE... -o MASTER.xlsx`: the clerk's one click. Locks the master against a second merge, reads
 * it (its rows, its other sheets, the roster it remembers), checks it may be written, merges every readable
 * return and writes it back, unless it changed meanwhile. One bad file never stops the others; a master that
 * cannot be read, or would be damaged unasked, is never overwritten.
 */
export async function mergeCommand(args: readonly string[], options: MergeOptions, watch: FileWatch = UNWATCHED): Promise<CommandResult> {
  // A mistyped path or an empty folder is a usage error, found before the master is even looked at.
  const files = await listInputs(args);
  try {
    const target = await masterTarget(options.output);
    const lock = await lockMasterTarget(options.output, target);
    try {
      return await mergeLocked(files, options, target, lock, watch);
    } finally {
      await lock.release();
    }
  } catch (error) {
    if (!(error instanceof MergeRefused)) throw error;
    const problems = error.problems.length > 0 ? { problems: error.problems } : {};
    const document = { error: { code: "merge-refused", reason: error.reason, message: error.message, ...problems } };
    return done(options, document, error.message, EXIT.unusable);
  }
}

async function mergeLocked(files: readonly string[], options: MergeOptions, target: string, lock: MasterLock, watch: FileWatch): Promise<CommandResult> {
  const existing = await readExistingMaster(options.output, target);
  const inputs = markOutput(files, target);
  const outputAmongInputs = inputs.some((input) => input.role === "output");
  const warnings = await checkBeforeWriting({ existing, output: options.output, target, outputAmongInputs, force: options.force === true });
  const roster = options.roster ? await loadRoster(options.roster) : existing.roster;
  // Who to chase is only known against a roster: refused before anything is read or written.
  if (options.chase !== undefined && !roster) throw new MergeRefused(say.chaseNeedsRoster(options.chase), "roster-unreadable");
  // --start/--end win; else each template's own week; else the week the master was merged for; else the notice's.
  const incoming = await readReturns(inputs, options, existing.campaign, roster, watch);
  // With nothing readable the master is left as it is: the report alone, without writing a workbook.
  const anyReadable = incoming.some(({ report }) => report.status !== "unreadable" && report.status !== "ignored");
  if (!anyReadable) {
    const reports = mergeReturns(existing.rows, incoming, roster).files;
    const totals = countIssues(reports.filter((file) => file.action !== "superseded"));
    return done(options, { files: reports, ...totals, output: null }, say.noInput, EXIT.unusable);
  }

  const mergedAt = new Date();
  const merged = await mergeIntoMasterFile(existing.file, incoming, { roster, campaign: options.campaign, mergedAt });
  if (!merged.ok) throw new MergeRefused(merged.message, merged.code);
  const { bytes, result } = merged;
  const reports = result.files;
  // A superseded file's problems never reach the master: they do not make the merge "done with errors".
  const totals = countIssues(reports.filter((file) => file.action !== "superseded"));
  await phaseClock.timeAsync("writing", () => writeFileAtomically(target, bytes, {
    unchangedSince: existing.snapshot,
    // Our lock taken over as stale means another run may be writing this master too: its write must win whole.
    beforeReplace: async () => {
      if (!(await lock.stillHeld())) throw new FileChangedError(`${lock.file} was taken over`);
    },
  }).catch((error: unknown) => {
    if (error instanceof FileChangedError) throw new MergeRefused(guard.changedMeanwhile(options.output), "master-changed");
    throw new MergeRefused(say.cannotWrite(options.output, fileSystemReason(error)), "cannot-write");
  }));
  const document = {
    files: reports,
    ...totals,
    output: options.output,
    rowsIn: result.rowsIn,
    rowsWritten: result.rowsWritten,
    rowsReplaced: result.rowsReplaced,
    rowsKept: result.rowsKept,
    masterRows: result.rows.length,
    roster: result.roster?.map(({ unit, status, rows, file }) => ({ unit, status, rows, file })) ?? [],
    masterWarnings: warnings,
  };
  const chased = options.chase === undefined ? [] : [await writeChaseList(options.chase, result, merged.campaign, mergedAt)];
  const text = [formatMergeReport(result, options.output, warnings.map((warning) => warning.message)), ...chased].join("\n");
  return done(options, { ...document, chase: options.chase ?? null }, text, totals.errors > 0 ? EXIT.problemsFound : EXIT.clean);
}

/**
 * The chase list as a text file the clerk copies from into e-mail or WeChat (UTF-8 with a byte-order mark and
 * Windows line ends, so Notepad shows it right); the sentence saying where it went.
 */
async function writeChaseList(file: string, result: MergeResult, campaign: CampaignSettings, mergedAt: Date): Promise<string> {
  const entries = result.chase ?? [];
  const text = chaseText(entries, weekText(campaign.start, campaign.end), mergedAtText(mergedAt));
  try {
    await writeFileAtomically(file, new TextEncoder().encode(`\uFEFF${text.replace(/\n/g, "\r\n")}\r\n`));
  } catch (error) {
    // The master is written by now: say the list could not be, rather than call the merge refused.
    return say.cannotWrite(file, fileSystemReason(error));
  }
  return say.chaseWritten(file, entries.length);
}

function done(options: MergeOptions, document: object, text: string, exitCode: number): CommandResult {
  return { output: options.json ? JSON.stringify(document, null, 2) : text, exitCode };
}

async function loadRoster(file: string): Promise<Roster> {
  const read = await readRosterFile(file);
  if (!read.ok) throw new MergeRefused(read.message, "roster-unreadable");
  return read.roster;
}

/**
 * Which inputs are the master itself, however named (a link, another spelling of the path, inside a folder given).
 * The system's realpath, one file after another: for a folder of 3,000 returns, three times faster than Node's
 * promise-per-file.
 */
function markOutput(files: readonly string[], target: string): Input[] {
  return files.map((file): Input => {
    if (file.endsWith(LOCK_SUFFIX) || isTemporaryName(file)) return { file, role: "work-file" };
    const real = realPathOf(file);
    return { file, role: real === target || path.resolve(file) === target ? "output" : "return" };
  });
}

function realPathOf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/** Every input read and checked, in argument order; the master itself is never taken for a return, and says so. */
async function readReturns(
  inputs: readonly Input[],
  options: MergeOptions,
  masterCampaign: CampaignSettings | undefined,
  roster: Roster | undefined,
  watch: FileWatch,
): Promise<IncomingReturn[]> {
  const files = inputs.filter((input) => input.role === "return").map((input) => input.file);
  const checkOptions = { campaign: options.campaign, fallbackCampaign: masterCampaign, roster };
  const checked = (await checkInputs(files, checkOptions, watch)).map((file) => incomingReturn(file, file.modifiedMs));
  let next = 0;
  return inputs.map((input) => {
    if (input.role === "return") return checked[next++]!;
    const report = input.role === "output" ? outputReport(input.file) : ignoredReport(input.file);
    return incomingReturn({ report, check: undefined }, 0);
  });
}

function outputReport(file: string): FileReport {
  const issue = { severity: "warning", row: null, column: null, code: "output-master", message: guard.outputSkipped } as const;
  return { ...ignoredReport(file), issues: [issue] };
}
