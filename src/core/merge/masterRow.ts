import type { IsoDate } from "../calendarDate";
import { cellText } from "../rawSheet";
import { normaliseUnitName } from "../roster";
import type { ColumnKey, Template, TemplateKind } from "../templates/templateSchema";
import type { CheckedRow } from "../validate";
import { masterText } from "../../messages/zhCN";

/**
 * The activity columns of the master, in the master's order (CONTRACTS.md names them exactly). Widths are chosen
 * so all fifteen columns of 活动汇总 fit A4 landscape at 83% or more (test/printLayout measures it through LibreOffice):
 * 11 pt text never prints below 9 pt; long texts wrap into taller rows.
 */
export const MASTER_ACTIVITY_COLUMNS: ReadonlyArray<{ key: ColumnKey; header: string; width: number }> = [
  { key: "host", header: "主办单位", width: 10 },
  { key: "name", header: "重点活动名称", width: 13 },
  { key: "time", header: "活动时间", width: 10 },
  { key: "place", header: "活动地点", width: 10 },
  { key: "content", header: "活动内容", width: 10 },
  { key: "audience", header: "出席范围", width: 8 },
  { key: "scale", header: "活动规模", width: 6 },
  { key: "coOrganiser", header: "协办部门", width: 8 },
  { key: "contact", header: "联系人", width: 12 },
];

/** Every column of 活动汇总, in order. 汇总标识 is hidden: it tells merged rows from rows typed by hand. */
export const MASTER_HEADERS = {
  unit: "报送单位",
  level: "层级",
  firstDay: "活动日期",
  problems: "校验结果",
  sourceFile: "来源文件",
  sourceRow: "来源行",
  key: "汇总标识",
} as const;

export const MASTER_SHEET_NAME = "活动汇总";
export const STATUS_SHEET_NAME = "报送情况";

export type ActivityValues = Record<ColumnKey, string>;

/** One row of the master schedule. */
export interface MasterRow {
  /** 报送单位: the reporting unit (its roster name when a roster knows it). */
  unit: string;
  level: "市级" | "区级" | "";
  /** 活动日期: the first day the activity names; null when 活动时间 could not be read. */
  firstDay: IsoDate | null;
  values: ActivityValues;
  /** 校验结果: empty when the row is valid, else the problems in Chinese. */
  problems: string;
  sourceFile: string;
  /** 汇总标识: the submission this row came from (template kind and unit); null for rows typed by hand. */
  key: string | null;
  /** Row number in the returned sheet (or in the master, for rows typed by hand): the last sort key. */
  order: number;
  /** Columns the clerk added to the master (备注, 审核意见…), by header: kept as long as the row is. */
  extras?: Readonly<Record<string, string>>;
}

/**
 * 汇总标识 of a submission: template kind and unit, or the file name when the return names no unit. One spelling
 * for the merge that writes it and for reading a master whose 汇总标识 column was deleted.
 */
export function submissionKey(kind: TemplateKind, by: { unit: string } | { fileName: string }): string {
  return "unit" in by ? `${kind}|${normaliseUnitName(by.unit)}` : `${kind}|file:${by.fileName}`;
}

export function emptyValues(): ActivityValues {
  return { host: "", name: "", time: "", place: "", content: "", audience: "", scale: "", coOrganiser: "", contact: "" };
}

/**
 * A returned activity as a master row: the text as the unit wrote it, its problems joined in one cell. Errors come
 * first, then the table's warnings marked 提醒：, so the first line tells a row to fix from a row to glance at; a
 * cell named at the start of a message is in the unit's file (原表 G6), not in the master.
 */
export function masterRowFrom(
  row: CheckedRow,
  context: { unit: string; template: Template; sourceFile: string; key: string; tableProblems: string[]; tableWarnings?: string[] },
): MasterRow {
  const values = emptyValues();
  for (const column of MASTER_ACTIVITY_COLUMNS) values[column.key] = cellText(row.cells[column.key]);
  const errors = [...context.tableProblems, ...row.issues.filter((issue) => issue.severity === "error").map((issue) => issue.message)];
  const warnings = (context.tableWarnings ?? []).map(masterText.warningLine);
  const problems = [...errors.map(masterText.inReturnedFile), ...warnings];
  return {
    unit: context.unit,
    level: context.template.level,
    firstDay: row.firstDay ?? null,
    values,
    problems: problems.join("\n"),
    sourceFile: context.sourceFile,
    key: context.key,
    order: row.row,
  };
}

/** Whether a row's 校验结果 holds an error (a line that is not a 提醒); warnings alone do not make a row wrong. */
export function hasErrors(row: Pick<MasterRow, "problems">): boolean {
  return row.problems !== "" && !row.problems.startsWith(masterText.warningMark);
}

const collator = new Intl.Collator("zh-CN");

/** CONTRACTS.md order: 活动日期 (rows without a date last), then 报送单位, then order in the returned sheet. */
export function compareMasterRows(a: MasterRow, b: MasterRow): number {
  if (a.firstDay !== b.firstDay) {
    if (a.firstDay === null) return 1;
    if (b.firstDay === null) return -1;
    return a.firstDay < b.firstDay ? -1 : 1;
  }
  return (
    collator.compare(a.unit, b.unit) ||
    a.order - b.order ||
    collator.compare(a.sourceFile, b.sourceFile) ||
    collator.compare(a.key ?? "", b.key ?? "")
  );
}
