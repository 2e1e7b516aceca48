/**
 * The master as a file: merging returns into an existing master's bytes (or into a new master) and handing back the
 * new .xlsx bytes. One path for both front doors that work on files: `huizong merge` writes the bytes to disk, the
 * pane opened in a plain browser offers them as a download, so the two give the same workbook from the same inputs.
 *
 * Browser-safe (no Node APIs). Written by this project's own SpreadsheetML writer (src/files/spreadsheetml/).
 */
import { DEFAULT_CAMPAIGN, type CampaignSettings } from "../core/campaign";
import { mergeReturns, type IncomingReturn, type MergeResult } from "../core/merge/merge";
import { masterSheetProblems, type MasterSheetProblem } from "../core/merge/masterCheck";
import { readMasterState, type MasterState } from "../core/merge/masterState";
import { MASTER_OWN_SHEETS, masterWorkbookPlan } from "../core/plans/masterPlan";
import type { WorkbookPlan } from "../core/plans/sheetPlan";
import type { Roster } from "../core/roster";
import { cliMessages as say, masterGuardMessages as guard, mergedAtText } from "../messages/zhCN";
import { readFailureMessage } from "./checkFile";
import { unkeptContent } from "./masterPackage";
import { phaseClock } from "./phaseClock";
import { readWorkbook } from "./readWorkbook";
import { replacePlanSheets } from "./spreadsheetml/replacePlanSheets";
import { writePlanWorkbook } from "./spreadsheetml/writePlanWorkbook";

/** A master file as picked or found on disk: its bytes, and the name messages call it by. */
export interface MasterFileInput {
  bytes: Uint8Array;
  fileName: string;
}

export type MasterFileOutcome =
  | { ok: true; bytes: Uint8Array; result: MergeResult; rowsBefore: number; campaign: CampaignSettings }
  | { ok: false; code: "master-unreadable" | "master-not-updatable"; message: string };

export type MasterFileRead = { ok: true; state: MasterState } | { ok: false; code: "master-unreadable"; message: string };

/**
 * The last reads, by the very byte array read: the command line (and the pane) read the master once to choose the
 * week the returns are checked against, then merge into the same bytes, and a large master is not parsed twice.
 * Callers never change the bytes they hand in, so the same array is the same master. A failure keeps its reason
 * alone: the message names the file as the caller names it.
 */
const reads = new WeakMap<Uint8Array, MasterRead>();
type MasterRead = { ok: true; state: MasterState; problems: MasterSheetProblem[] } | { ok: false; reason: string };

/** The one parse of the bytes that readMasterFile and masterFileProblems share. */
function readOnce(existing: MasterFileInput): MasterRead {
  let read = reads.get(existing.bytes);
  if (!read) {
    const workbook = readWorkbook(existing.bytes, existing.fileName);
    read = workbook.ok
      ? { ok: true, state: readMasterState(workbook.workbook.sheets), problems: masterSheetProblems(workbook.workbook.sheets) }
      : { ok: false, reason: readFailureMessage(workbook) };
    reads.set(existing.bytes, read);
  }
  return read;
}

/**
 * The existing master's state (rows, roster, week) for choosing the week before returns are checked.
 * A file no reader can open is refused with the message the command line prints.
 */
export function readMasterFile(existing: MasterFileInput): MasterFileRead {
  const read = readOnce(existing);
  if (!read.ok) return { ok: false, code: "master-unreadable", message: say.masterUnreadable(existing.fileName, read.reason) };
  // A caller's change to the rows it gets never reaches the next reader of the same bytes.
  return { ok: true, state: { ...read.state, rows: [...read.state.rows] } };
}

/** Something about an existing master that a merge into it should tell the clerk before writing. */
export interface MasterFileProblem {
  code: "not-a-master" | "foreign-sheet" | "content-not-kept" | "key-column-missing";
  /** Writing would lose or overwrite something the clerk may want: ask first (the command line wants --force). */
  needsConfirmation: boolean;
  message: string;
}

/**
 * What writing the merge into this existing master would do that the clerk did not ask for: a workbook that is
 * no master at all, sheets of the clerk's own the merge would replace, content ExcelJS cannot write back, a
 * deleted 汇总标识 column. Pure: the caller decides (the command line refuses without --force; the pane may ask).
 * Bytes no reader opens give none: {@link readMasterFile} refuses them.
 */
export function masterFileProblems(existing: MasterFileInput): MasterFileProblem[] {
  const read = readOnce(existing);
  if (!read.ok) return [];
  const file = existing.fileName;
  const problems = read.problems.map((problem): MasterFileProblem => {
    switch (problem.code) {
      case "not-a-master":
        return { code: problem.code, needsConfirmation: true, message: guard.notAMaster(file) };
      case "foreign-sheet":
        return { code: problem.code, needsConfirmation: true, message: guard.foreignSheet(file, problem.sheet) };
      case "key-column-missing":
        return { code: problem.code, needsConfirmation: false, message: guard.keyColumnMissing(file) };
    }
  });
  for (const { sheet, kinds } of unkeptContent(existing.bytes, MASTER_OWN_SHEETS)) {
    const named = kinds.map((kind) => guard.contentKinds[kind]).join("、");
    problems.push({ code: "content-not-kept", needsConfirmation: true, message: guard.contentNotKept(file, sheet, named) });
  }
  return problems;
}


/**
 * `huizong merge`'s merge, on bytes: the existing master's rows, roster and week are read back, the returns merged
 * (a unit that returns again has its rows replaced; rows typed by hand stay), and the master plan written into the
 * existing workbook (every other sheet kept) or, without one, into a new workbook.
 *
 * - roster: the one to report against; undefined keeps the one the master's 报送情况 remembers.
 * - campaign: the week stored with the master; undefined keeps the master's own, else the notice's.
 *
 * A sheet called 活动汇总 that is not a Huizong master is replaced by the master (its rows are not read back: it
 * has no 报送单位/来源文件 header); callers that must not do so unasked check {@link masterFileProblems} first. The
 * bytes are written even when no return could be read; callers that then leave the master alone check
 * `result.files`.
 *
 * Refuses, with the command line's messages: "master-unreadable" when no reader can open the existing file;
 * "master-not-updatable" when it reads but is not an .xlsx package the writer can update (e.g. .xls, .ods, Strict
 * Open XML).
 */
export async function mergeIntoMasterFile(
  existing: MasterFileInput | undefined,
  returns: readonly IncomingReturn[],
  options: { roster: Roster | undefined; campaign: CampaignSettings | undefined; mergedAt?: Date | undefined },
): Promise<MasterFileOutcome> {
  let state: MasterState = { rows: [], roster: undefined, campaign: undefined };
  if (existing) {
    const read = phaseClock.time("merging", () => readMasterFile(existing));
    if (!read.ok) return read;
    state = read.state;
  }
  const result = phaseClock.time("merging", () => mergeReturns(state.rows, returns, options.roster ?? state.roster));
  const campaign = options.campaign ?? state.campaign ?? DEFAULT_CAMPAIGN;
  const written = phaseClock.time("writing", () => {
    const plan = masterWorkbookPlan(result.rows, result.roster, { campaign }, { mergedAt: mergedAtText(options.mergedAt ?? new Date()), chase: result.chase });
    // Only the master's own sheets are written into an existing one; every other part stays as it was.
    return existing ? updatedMaster(existing, plan) : { ok: true as const, bytes: writePlanWorkbook(plan) };
  });
  if (!written.ok) return written;
  return { ok: true, bytes: written.bytes, result, rowsBefore: state.rows.length, campaign };
}

/** The plan's sheets written into the existing master, or why its package cannot take them. */
function updatedMaster(existing: MasterFileInput, plan: WorkbookPlan): { ok: true; bytes: Uint8Array } | Extract<MasterFileOutcome, { ok: false }> {
  try {
    return { ok: true, bytes: replacePlanSheets(existing.bytes, plan) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, code: "master-not-updatable", message: say.masterNotUpdatable(existing.fileName, reason) };
  }
}
