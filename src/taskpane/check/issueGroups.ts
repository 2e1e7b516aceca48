import { cellText } from "../../core/rawSheet";
import type { Submission } from "../../core/validate";
import type { SheetCheckResult, SheetIssue } from "../../host/workbookHost";

export interface IssueGroup {
  /** Sheet row (1-based) of an activity, or null for the issues about the whole table and the lines above it. */
  row: number | null;
  /** 重点活动名称 of that row as written, "" when empty or for the table. */
  activity: string;
  issues: SheetIssue[];
}

/**
 * The checked sheet's issues by activity row, in sheet order, after the issues about the table as a whole. A
 * header field's issue (填表时间 above the table) carries its own row but belongs with the table, not an activity.
 */
export function groupIssues(result: SheetCheckResult): IssueGroup[] {
  const check = result.check;
  return check.status === "not-a-template" ? [] : groupSubmissionIssues(check.submission, result.issues);
}

/** The same grouping for any read submission, e.g. a returned file checked in a browser. */
export function groupSubmissionIssues(submission: Submission, issues: readonly SheetIssue[]): IssueGroup[] {
  const activityOf = new Map(submission.rows.map((row) => [row.row, cellText(row.cells.name)]));
  const table: IssueGroup = { row: null, activity: "", issues: [] };
  const rows = new Map<number, IssueGroup>();
  for (const issue of issues) {
    const activity = issue.row === null ? undefined : activityOf.get(issue.row);
    if (issue.row === null || activity === undefined) {
      table.issues.push(issue);
      continue;
    }
    const group = rows.get(issue.row) ?? { row: issue.row, activity, issues: [] };
    group.issues.push(issue);
    rows.set(issue.row, group);
  }
  const byRow = [...rows.values()].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return table.issues.length > 0 ? [table, ...byRow] : byRow;
}

/** Activity rows with at least one issue, for the summary line. */
export function rowsWithIssues(groups: readonly IssueGroup[]): number {
  return groups.filter((group) => group.row !== null).length;
}
