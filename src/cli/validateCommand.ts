import type { CampaignSettings } from "../core/campaign";
import { countIssues, ignoredReport, type FileReport } from "../core/fileReport";
import type { CheckedFile } from "../files/checkFile";
import { cliMessages as say } from "../messages/zhCN";
import { checkInputs, UNWATCHED, type FileWatch } from "./checkInputs";
import { formatValidationReport } from "./humanReport";
import { listInputs } from "./inputFiles";
import { readRosterFile } from "./rosterFile";
import { EXIT, type CommandResult } from "./exitCodes";

export interface ValidateOptions {
  json: boolean;
  /** Set only when --start/--end were given: it then wins over each template's own metadata. */
  campaign: CampaignSettings | undefined;
  /** --roster: units are reported by their roster names. */
  roster?: string | undefined;
}

/**
 * `huizong validate FILE...`: every file ends in a report; exit 0 clean, 1 errors found, 2 nothing readable.
 * `watch` is the supervisor's (supervisor.ts) when run by the command line; nothing watches when called in-process.
 */
export async function validateCommand(args: readonly string[], options: ValidateOptions, watch: FileWatch = UNWATCHED): Promise<CommandResult> {
  const roster = options.roster === undefined ? undefined : await readRosterFile(options.roster);
  if (roster && !roster.ok) {
    const document = { error: { code: "roster-unreadable", message: roster.message } };
    return { output: options.json ? JSON.stringify(document, null, 2) : roster.message, exitCode: EXIT.unusable };
  }
  const files = await listInputs(args);
  const checkOptions = { campaign: options.campaign, roster: roster?.roster };
  const checked = await checkInputs(files, checkOptions, watch);
  const results = checked.map(({ report, check }) => ({
    report: isMaster(check) ? masterReport(report.file) : report,
    campaign: check && check.status !== "not-a-template" ? check.campaign : undefined,
  }));
  const reports = results.map(({ report }) => report);
  const totals = countIssues(reports);
  const output = options.json
    ? JSON.stringify({ files: reports, ...totals }, null, 2)
    : formatValidationReport(results, totals);
  return { output, exitCode: exitCodeFor(reports, totals.errors) };
}

function isMaster(check: CheckedFile["check"]): boolean {
  return check?.status === "not-a-template" && check.isMaster;
}

/**
 * A master merged by Huizong, named among the returns (clerks keep it in the same folder): nothing is wrong with
 * it, and merging updates it, so it is set aside with a word rather than failed as "not a template".
 */
function masterReport(file: string): FileReport {
  const issue = { severity: "warning", row: null, column: null, code: "master-ignored", message: say.masterIgnored } as const;
  return { ...ignoredReport(file), issues: [issue] };
}

/** 2 when nothing could be read; a master set aside was read, and is no failure. */
function exitCodeFor(reports: FileReport[], errors: number): number {
  const read = reports.some(
    (report) => (report.status !== "unreadable" && report.status !== "ignored") || report.issues.some((issue) => issue.code === "master-ignored"),
  );
  if (!read) return EXIT.unusable;
  return errors > 0 ? EXIT.problemsFound : EXIT.clean;
}
