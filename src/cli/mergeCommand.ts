import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { CampaignSettings } from "../core/campaign";
import { countIssues } from "../core/fileReport";
import { incomingReturn, mergeReturns, type IncomingReturn } from "../core/merge/merge";
import type { MasterState } from "../core/merge/masterState";
import type { Roster } from "../core/roster";
import { readFailureMessage } from "../files/checkFile";
import { mergeIntoMasterFile, readMasterFile, type MasterFileInput } from "../files/masterFile";
import { readRoster } from "../files/readRoster";
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
  file: MasterFileInput | undefined;
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
    // With nothing readable the master is left as it is: the report alone, without writing a workbook.
    const anyReadable = incoming.some(({ report }) => report.status !== "unreadable" && report.status !== "ignored");
    if (!anyReadable) {
      const reports = mergeReturns(existing.rows, incoming, roster).files;
      const totals = countIssues(reports.filter((file) => file.action !== "superseded"));
      return done(options, { files: reports, ...totals, output: null }, say.noInput, EXIT.unusable);
    }

    const merged = await mergeIntoMasterFile(existing.file, incoming, { roster, campaign: options.campaign });
    if (!merged.ok) throw new MergeRefused(merged.message);
    const { bytes, result } = merged;
    const reports = result.files;
    // A superseded file's problems never reach the master: they do not make the merge "done with errors".
    const totals = countIssues(reports.filter((file) => file.action !== "superseded"));
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

function done(options: MergeOptions, document: object, text: string, exitCode: number): CommandResult {
  return { output: options.json ? JSON.stringify(document, null, 2) : text, exitCode };
}

/** Read once here for its week and roster; mergeIntoMasterFile then reuses this read of the same bytes. */
async function readExistingMaster(fileName: string): Promise<ExistingMaster> {
  const info = await stat(fileName).catch(() => undefined);
  if (!info) return { file: undefined, rows: [], roster: undefined, campaign: undefined };
  const file = { bytes: new Uint8Array(await readFile(fileName)), fileName };
  const read = readMasterFile(file);
  if (!read.ok) throw new MergeRefused(read.message);
  return { file, ...read.state };
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
