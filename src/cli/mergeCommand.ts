import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_CAMPAIGN, type CampaignSettings } from "../core/campaign";
import { countIssues } from "../core/fileReport";
import { incomingReturn, mergeReturns, type IncomingReturn } from "../core/merge/merge";
import { readMasterState, type MasterState } from "../core/merge/masterState";
import { masterWorkbookPlan } from "../core/plans/masterPlan";
import type { Roster } from "../core/roster";
import { readFailureMessage } from "../files/checkFile";
import { readRoster } from "../files/readRoster";
import { readWorkbook } from "../files/readWorkbook";
import { writeIntoWorkbook, writeWorkbook } from "../files/writeWorkbook";
import { cliMessages as say } from "../messages/zhCN";
import { checkInputs } from "./checkPool";
import { EXIT, type CommandResult } from "./exitCodes";
import { listInputs } from "./inputFiles";
import { formatMergeReport } from "./mergeReport";
import { progressReporter } from "./progress";
import { writeFileAtomically } from "./writeOutput";

export interface MergeOptions {
  output: string;
  roster: string | undefined;
  campaign: CampaignSettings | undefined;
  json: boolean;
}

/** What is already in the master file, if there is one. */
interface ExistingMaster extends MasterState {
  bytes: Uint8Array | undefined;
}

class MergeRefused extends Error {
  override name = "MergeRefused";
}

/**
 * `huizong merge FILE... -o MASTER.xlsx`: the clerk's one click. Reads the existing master (its rows, its other
 * sheets, the roster it remembers), merges every readable return, writes the master back. One bad file never
 * stops the others; a master that cannot be read is never overwritten.
 */
export async function mergeCommand(args: readonly string[], options: MergeOptions): Promise<CommandResult> {
  try {
    if (!/\.xlsx$/i.test(options.output)) throw new MergeRefused(say.masterNotXlsx(options.output));
    const existing = await readExistingMaster(options.output);
    const roster = options.roster ? await loadRoster(options.roster) : existing.roster;
    // --start/--end win; else each template's own week; else the week the master was merged for; else the notice's.
    const incoming = await readReturns(args, options, existing.campaign);
    const result = mergeReturns(existing.rows, incoming, roster);
    const reports = result.files;
    // A superseded file's problems never reach the master: they do not make the merge "done with errors".
    const totals = countIssues(reports.filter((file) => file.action !== "superseded"));
    const anyReadable = reports.some((file) => file.status !== "unreadable" && file.status !== "ignored");
    if (!anyReadable) return done(options, { files: reports, ...totals, output: null }, say.noInput, EXIT.unusable);

    const plan = masterWorkbookPlan(result.rows, result.roster, { campaign: options.campaign ?? existing.campaign ?? DEFAULT_CAMPAIGN });
    const bytes = existing.bytes ? await updateMaster(options.output, existing.bytes, plan) : await writeWorkbook(plan);
    await writeFileAtomically(options.output, bytes).catch((error: Error) => {
      throw new MergeRefused(say.cannotWrite(options.output, error.message));
    });
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
    };
    return done(options, document, formatMergeReport(result, options.output), totals.errors > 0 ? EXIT.problemsFound : EXIT.clean);
  } catch (error) {
    if (!(error instanceof MergeRefused)) throw error;
    return done(options, { error: { code: "merge-refused", message: error.message } }, error.message, EXIT.unusable);
  }
}

/** The existing workbook with 活动汇总/报送情况 replaced; one ExcelJS cannot load is left untouched, with a message. */
async function updateMaster(file: string, bytes: Uint8Array, plan: ReturnType<typeof masterWorkbookPlan>): Promise<Uint8Array> {
  try {
    return await writeIntoWorkbook(bytes, plan);
  } catch (error) {
    throw new MergeRefused(say.masterNotUpdatable(file, (error as Error).message));
  }
}

function done(options: MergeOptions, document: object, text: string, exitCode: number): CommandResult {
  return { output: options.json ? JSON.stringify(document, null, 2) : text, exitCode };
}

async function readExistingMaster(file: string): Promise<ExistingMaster> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return { bytes: undefined, rows: [], roster: undefined, campaign: undefined };
  const bytes = new Uint8Array(await readFile(file));
  const read = readWorkbook(bytes, file);
  if (!read.ok) throw new MergeRefused(say.masterUnreadable(file, readFailureMessage(read)));
  return { bytes, ...readMasterState(read.workbook.sheets) };
}

async function loadRoster(file: string): Promise<Roster> {
  const bytes = await readFile(file).catch(() => {
    throw new MergeRefused(say.fileNotFound(file));
  });
  const read = readRoster(new Uint8Array(bytes), file);
  if (!read.ok) throw new MergeRefused(say.rosterUnreadable(file, readFailureMessage(read)));
  if (read.roster.length === 0) throw new MergeRefused(say.rosterEmpty(file));
  return read.roster;
}

/** Every input read and checked, in argument order; the master itself is never taken for a return. */
async function readReturns(
  args: readonly string[],
  options: MergeOptions,
  masterCampaign: CampaignSettings | undefined,
): Promise<IncomingReturn[]> {
  const output = path.resolve(options.output);
  const files = (await listInputs(args)).filter((file) => path.resolve(file) !== output);
  const checkOptions = { campaign: options.campaign, fallbackCampaign: masterCampaign };
  const checked = await checkInputs(files, checkOptions, progressReporter(files.length));
  return checked.map((file) => incomingReturn(file, file.modifiedMs));
}
