import type { CampaignSettings } from "../core/campaign";
import { countIssues, type FileReport } from "../core/fileReport";
import { checkFile } from "../files/checkFile";
import { DEFAULT_READ_LIMITS } from "../files/readWorkbook";
import { formatValidationReport } from "./humanReport";
import { listInputs, readInput } from "./inputFiles";
import { progressReporter } from "./progress";
import { EXIT, type CommandResult } from "./exitCodes";

export interface ValidateOptions {
  json: boolean;
  /** Set only when --start/--end were given: it then wins over each template's own metadata. */
  campaign: CampaignSettings | undefined;
}

/** `huizong validate FILE...`: every file ends in a report; exit 0 clean, 1 errors found, 2 nothing readable. */
export async function validateCommand(args: readonly string[], options: ValidateOptions): Promise<CommandResult> {
  const files = await listInputs(args);
  const results: Array<{ report: FileReport; campaign: CampaignSettings | undefined }> = [];
  const progress = progressReporter(files.length);
  for (const file of files) {
    const input = await readInput(file, DEFAULT_READ_LIMITS);
    if (!input.ok) {
      results.push({ report: input.report, campaign: undefined });
    } else {
      const { report, check } = checkFile(input.bytes, file, { campaign: options.campaign });
      results.push({ report, campaign: check && check.status !== "not-a-template" ? check.campaign : undefined });
    }
    progress(results.length);
  }
  const reports = results.map(({ report }) => report);
  const totals = countIssues(reports);
  const output = options.json
    ? JSON.stringify({ files: reports, ...totals }, null, 2)
    : formatValidationReport(results, totals);
  return { output, exitCode: exitCodeFor(reports, totals.errors) };
}

function exitCodeFor(reports: FileReport[], errors: number): number {
  const readable = reports.some((report) => report.status !== "unreadable" && report.status !== "ignored");
  if (!readable) return EXIT.unusable;
  return errors > 0 ? EXIT.problemsFound : EXIT.clean;
}
