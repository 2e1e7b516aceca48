import type { ValidationIssue } from "../../src/core/issues";
import type { Submission } from "../../src/core/validate";

/**
 * A checked 附件1 return of `unit` (named on its 单位名称 line; null when it has none) with `rows` activities
 * numbered from `firstRow`, each carrying `issueAt(row)` when given: the merge's input without any file or check.
 */
export function submissionOf(
  unit: string | null,
  rows: number,
  { firstRow = 1, issueAt }: { firstRow?: number; issueAt?: (row: number) => ValidationIssue } = {},
): Submission {
  const rowNumbers = Array.from({ length: rows }, (_, i) => firstRow + i);
  return {
    kind: "city",
    unit,
    unitSource: unit === null ? null : "field",
    unitClues: { field: unit, title: null, fileName: null },
    fillDate: null,
    sheetName: "Sheet1",
    columns: { name: 1 },
    fieldCells: {},
    rows: rowNumbers.map((row, i) => ({
      row,
      cells: { name: { kind: "text", text: `${unit ?? "?"}的活动${i + 1}` } },
      firstDay: "2024-04-22",
      issues: issueAt ? [issueAt(row)] : [],
    })),
    skippedRows: [],
    issues: issueAt ? rowNumbers.map(issueAt) : [],
  };
}
