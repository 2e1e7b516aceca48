import { skippedRowText, unitLabel, weekWithYearText } from "../messages/zhCN";
import { cliMessages as say } from "../messages/zhCN";
import type { FileReport } from "../core/fileReport";
import type { CampaignSettings } from "../core/campaign";

/** The Chinese report a clerk reads in a terminal: one block per file, then a summary line. */
export function formatValidationReport(
  reports: ReadonlyArray<{ report: FileReport; campaign: CampaignSettings | undefined }>,
  totals: { errors: number; warnings: number },
): string {
  const lines: string[] = [];
  for (const { report, campaign } of reports) {
    lines.push(say.fileHeading(report.file, say.statusLabel[report.status]));
    if (report.kind) {
      const detail = say.fileDetail(say.kindLabel[report.kind], unitLabel(report) ?? say.unknownUnit, report.sheet ?? "", report.rows);
      lines.push(campaign ? `${detail} · ${say.week(weekWithYearText(campaign.start, campaign.end))}` : detail);
    }
    for (const skipped of report.skippedRows) lines.push(`  ${say.skippedLabel}  ${skippedRowText(skipped)}`);
    for (const issue of report.issues) lines.push(`  ${say.severityLabel[issue.severity]}  ${issue.message}`);
  }
  const ok = reports.filter(({ report }) => report.status === "ok").length;
  lines.push("", say.summary(reports.length, ok, totals.errors, totals.warnings));
  return lines.join("\n");
}
