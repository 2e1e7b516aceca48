import type { WorkbookCheck } from "./checkWorkbook";
import type { ValidationIssue } from "./issues";
import type { SkippedRow } from "./locateTable";
import type { TemplateKind } from "./templates/templateSchema";
import type { UnitSource } from "./unitIdentity";

/** A file's outcome as CONTRACTS.md fixes it for `validate --json` (and, with an action, for `merge --json`). */
export type FileStatus = "ok" | "invalid" | "unreadable" | "not-a-template" | "ignored";

export interface FileReport {
  file: string;
  status: FileStatus;
  kind: TemplateKind | null;
  unit: string | null;
  /** Where `unit` was read from: the 单位名称 line, the title line or the file name. */
  unitSource: UnitSource | null;
  sheet: string | null;
  rows: number;
  /** Rows of the table that are not activities (section headings, examples, subtotals, the header again). */
  skippedRows: SkippedRow[];
  issues: ValidationIssue[];
}

/** Why a file could not be read at all. The reader decides; the core only names them. */
export type ReadFailureCode =
  | "file-not-found"
  | "empty-file"
  | "too-large"
  | "unpacked-too-large"
  | "too-many-cells"
  | "too-many-rows"
  | "encrypted"
  | "corrupt"
  | "read-timeout"
  | "not-a-spreadsheet"
  | "unsupported-format";

/** The sentences for a workbook with no activity table: an ordinary one, and a Huizong master. */
export interface NotATemplateMessages {
  notATemplate: string;
  master: string;
}

export function reportFromCheck(file: string, check: WorkbookCheck, messages: NotATemplateMessages): FileReport {
  if (check.status === "not-a-template") {
    const message = check.isMaster ? messages.master : messages.notATemplate;
    return {
      ...emptyReport(file, "not-a-template"),
      issues: [{ severity: "error", row: null, column: null, code: "not-a-template", message }],
    };
  }
  const { submission } = check;
  return {
    file,
    status: check.status,
    kind: submission.kind,
    unit: submission.unit,
    unitSource: submission.unitSource,
    sheet: submission.sheetName,
    rows: submission.rows.length,
    skippedRows: submission.skippedRows,
    issues: submission.issues,
  };
}

export function unreadableReport(file: string, code: ReadFailureCode, message: string): FileReport {
  return { ...emptyReport(file, "unreadable"), issues: [{ severity: "error", row: null, column: null, code, message }] };
}

export function ignoredReport(file: string): FileReport {
  return emptyReport(file, "ignored");
}

function emptyReport(file: string, status: FileStatus): FileReport {
  return { file, status, kind: null, unit: null, unitSource: null, sheet: null, rows: 0, skippedRows: [], issues: [] };
}

/** Error and warning counts over many files, as the JSON's top-level `errors` and `warnings`. */
export function countIssues(reports: ReadonlyArray<FileReport>): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const issue of report.issues) {
      if (issue.severity === "error") errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}
