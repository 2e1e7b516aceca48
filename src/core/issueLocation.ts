import type { ValidationIssue } from "./issues";
import { cellRef } from "./rawSheet";
import { templates } from "./templates/registry";
import type { Submission } from "./validate";

/** A cell of the checked sheet, 0-based, with the A1 reference Excel shows. */
export interface IssueCell {
  row: number;
  col: number;
  address: string;
}

/**
 * The cell an issue is about, so a host can mark it and jump to it: a row issue sits on its column's cell, a
 * header-field issue (单位名称, 填表时间) on the field's value cell. Undefined for table-level issues with no cell
 * (a missing column, no rows) and for fields the unit never wrote.
 */
export function issueCell(submission: Submission, issue: ValidationIssue): IssueCell | undefined {
  if (issue.column === null) return undefined;
  const template = templates[submission.kind];
  const column = template.columns.find((candidate) => candidate.header === issue.column);
  if (column) {
    const col = submission.columns[column.key];
    return issue.row === null || col === undefined ? undefined : at(issue.row - 1, col);
  }
  const field = template.headerFields.find((candidate) => candidate.label === issue.column);
  const found = field ? submission.fieldCells[field.key] : undefined;
  return found ? at(found.row, found.col) : undefined;
}

function at(row: number, col: number): IssueCell {
  return { row, col, address: cellRef(row, col) };
}
