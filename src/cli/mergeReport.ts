import type { MergeResult } from "../core/merge/merge";
import { cliMessages as say, masterGuardMessages as guard, mergeReportText as text, unitLabel } from "../messages/zhCN";

/**
 * The Chinese summary of a merge: what was found about the master before writing, each file's fate, the row
 * accounting, and who is missing.
 */
export function formatMergeReport(result: MergeResult, output: string, masterWarnings: readonly string[] = []): string {
  const lines = [text.heading(output), ...masterWarnings.map((warning) => guard.warning(warning))];
  for (const file of result.files) {
    const unit = file.unit ? ` ${unitLabel(file)}` : "";
    const rows = file.rows > 0 ? text.rows(file.rows) : "";
    // Only rows that reach the master carry their problems into 校验结果; a superseded file's do not.
    const written = file.action === "added" || file.action === "replaced";
    const errors = written ? file.issues.filter((issue) => issue.severity === "error").length : 0;
    lines.push(`${say.fileHeading(file.file, text.action[file.action])}${unit}${rows}${errors > 0 ? text.errors(errors) : ""}`);
    // Why a file was turned away or left out (not a template, the master itself…).
    if (file.action === "rejected" || file.action === "ignored") for (const issue of file.issues) lines.push(`  ${issue.message}`);
  }
  const count = (action: keyof typeof text.action) => result.files.filter((file) => file.action === action).length;
  const problemRows = result.rows.filter((row) => row.problems !== "").length;
  lines.push(
    "",
    text.fileSummary(result.files.length, count("added"), count("replaced"), count("superseded"), count("rejected"), count("ignored")),
    text.rowSummary(result.rowsIn, result.rowsWritten, result.rowsReplaced, result.rowsKept, result.rows.length, problemRows),
  );
  if (result.roster) {
    const of = (status: string) => result.roster?.filter((entry) => entry.status === status).map((entry) => entry.unit) ?? [];
    const expected = result.roster.length - of("not-on-roster").length;
    lines.push(text.rosterSummary(expected, of("submitted").length, of("has-errors"), of("missing"), of("not-on-roster")));
  }
  return lines.join("\n");
}
