import { checkWorkbook, type CheckOptions, type WorkbookCheck } from "../core/checkWorkbook";
import { ignoredReport, reportFromCheck, unreadableReport, type FileReport } from "../core/fileReport";
import { looksLikeText, readFailureMessages } from "../messages/zhCN";
import { phaseClock } from "./phaseClock";
import { DEFAULT_READ_LIMITS, isIgnoredFileName, readWorkbook, type ReadFailure, type ReadLimits } from "./readWorkbook";

export interface CheckedFile {
  report: FileReport;
  /** Present when the file was read; the merge takes its submission from here. */
  check: WorkbookCheck | undefined;
}

/**
 * A returned file from bytes to report: the one pipeline behind `huizong validate`, the merge and the task pane
 * working on files. Bad bytes become an `unreadable` report with a specific Chinese message, never a throw.
 */
export function checkFile(
  bytes: Uint8Array,
  fileName: string,
  options: CheckOptions = {},
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): CheckedFile {
  if (isIgnoredFileName(fileName)) return { report: ignoredReport(fileName), check: undefined };
  const read = phaseClock.time("reading", () => readWorkbook(bytes, fileName, limits));
  if (!read.ok) {
    return { report: unreadableReport(fileName, read.code, readFailureMessage(read, limits)), check: undefined };
  }
  const check = phaseClock.time("checking", () => checkWorkbook(read.workbook, { fileName, ...options }));
  if (check.status !== "not-a-template" && check.submission.rows.length > limits.maxReturnRows) {
    // Pasted data, not a week's activities: refused whole, so a master is never flooded by one file.
    return { report: unreadableReport(fileName, "too-many-rows", readFailureMessages["too-many-rows"](limits.maxReturnRows)), check: undefined };
  }
  const messages = { notATemplate: readFailureMessages["not-a-template"], master: readFailureMessages["master-workbook"] };
  return { report: reportFromCheck(fileName, check, messages), check };
}

/** The clerk's sentence for a refused file: what went wrong, and what the unit should send instead. */
export function readFailureMessage(failure: ReadFailure, limits: ReadLimits = DEFAULT_READ_LIMITS): string {
  const what = looksLikeText[failure.looksLike ?? "other"];
  switch (failure.code) {
    case "too-large":
      return readFailureMessages["too-large"](Math.round(limits.maxFileBytes / 1024 / 1024));
    case "too-many-rows":
      return readFailureMessages["too-many-rows"](limits.maxReturnRows);
    case "not-a-spreadsheet":
      return readFailureMessages["not-a-spreadsheet"](what);
    case "unsupported-format":
      return readFailureMessages["unsupported-format"](what);
    default:
      return readFailureMessages[failure.code];
  }
}
