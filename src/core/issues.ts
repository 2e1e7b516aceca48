/** What validation finds: data, never a throw. Row is 1-based as Excel shows it; null for sheet-level issues. */
export type Severity = "error" | "warning";

export interface ValidationIssue {
  severity: Severity;
  row: number | null;
  /** The template's canonical header text or header field (单位名称, 填表时间); null when no column applies. */
  column: string | null;
  code: IssueCode;
  message: string;
}

/** Stable kebab-case identifiers: the CLI's JSON and the task pane key on these, never on the message. */
import type { ReadFailureCode } from "./fileReport";

export type IssueCode =
  | ReadFailureCode
  | "not-a-template"
  | "required-missing"
  | "column-missing"
  | "unit-missing"
  | "fill-date-missing"
  | "fill-date-invalid"
  | "no-rows"
  | "date-empty"
  | "date-no-day"
  | "date-deadline"
  | "date-impossible"
  | "date-unrecognised"
  | "date-outside-campaign"
  | "date-wrong-year"
  | "contact-empty"
  | "contact-no-name"
  | "contact-no-phone"
  | "contact-phone-malformed"
  | "contact-phone-placeholder"
  | "head-count-empty"
  | "head-count-invalid"
  | "head-count-not-positive"
  | "formula-error"
  | "cell-too-long"
  | "kind-ambiguous"
  | "extra-table-ignored"
  /** merge: the input is the master being written (-o), left out of the returns. */
  | "output-master"
  /** A folder's file that is not a spreadsheet (the notice, a PDF, a photo): listed as ignored, never read. */
  | "not-a-spreadsheet-ignored"
  /** validate: the file is a master Huizong merged, not a return; ignored, since merging updates it anyway. */
  | "master-ignored"
  /** --start/--end name a year other than the template's own week: every date of the return would be outside. */
  | "week-year-differs"
  /** merge with a roster: the return's unit is not on it (a close roster name, if any, is suggested). */
  | "unit-not-on-roster";
