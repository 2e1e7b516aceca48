import { isoDateToSerial } from "../../src/core/calendarDate";
import type { PlannedValue, SheetPlan } from "../../src/core/plans/sheetPlan";
import type { Cell, CellRange, RawSheet } from "../../src/core/rawSheet";

export type CellInput = string | number | boolean | null | Cell;

/** A cell from shorthand: strings are text, numbers are numbers, `date(serial)` makes a date cell. */
export function toCell(input: CellInput): Cell | null {
  if (input === null || input === "") return null;
  if (typeof input === "string") return { kind: "text", text: input };
  if (typeof input === "number") return { kind: "number", value: input, text: String(input) };
  if (typeof input === "boolean") return { kind: "boolean", value: input, text: input ? "TRUE" : "FALSE" };
  return input;
}

export function date(serial: number, text = String(serial)): Cell {
  return { kind: "date", serial, text };
}

/** A RawSheet from rows of shorthand cells, for core tests that need no file. */
export function sheetOf(rows: CellInput[][], options: { name?: string; merges?: CellRange[]; hidden?: boolean } = {}): RawSheet {
  return {
    name: options.name ?? "Sheet1",
    hidden: options.hidden ?? false,
    rows: rows.map((row) => row.map(toCell)),
    merges: options.merges ?? [],
  };
}

export const CITY_TITLE = "2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）";
export const DISTRICT_TITLE = "2024年区知识产权联席会议重点活动安排表（区级层面）";
export const CITY_HEADER = ["主办单位", "重点活动名称", "活动时间", "活动地点", "活动规模（人数）", "协办部门", "联系人"];
export const DISTRICT_HEADER = ["主办单位", "重点活动名称", "活动时间", "活动地点", "活动内容", "出席范围", "活动规模（参与人数）", "联系人"];

/** A clean 附件1 row. */
export function cityRow(overrides: Partial<Record<string, CellInput>> = {}): CellInput[] {
  const row: Record<string, CellInput> = {
    主办单位: "上海市市场监督管理局",
    重点活动名称: "知识产权保护中心开放日",
    活动时间: "4月22日上午9:30",
    活动地点: "上海市知识产权保护中心",
    "活动规模（人数）": "约100人",
    协办部门: "",
    联系人: "王斌 13812345678",
    ...overrides,
  };
  return CITY_HEADER.map((header) => row[header] ?? null);
}

export function citySheet(rows: CellInput[][], unit = "上海市市场监督管理局"): RawSheet {
  return sheetOf([[CITY_TITLE], [`单位名称：${unit}`], CITY_HEADER, ...rows], {
    merges: [{ startRow: 0, startCol: 0, endRow: 0, endCol: 6 }],
  });
}

/** What a reader gives back for a written plan: the cells as values, the way SheetJS or Office.js would. */
export function asRawSheet(plan: SheetPlan): RawSheet {
  const cell = (value: PlannedValue): Cell | null => {
    if (value === null || value === "") return null;
    if (typeof value === "string") return { kind: "text", text: value };
    if (typeof value === "number") return { kind: "number", value, text: String(value) };
    return { kind: "date", serial: isoDateToSerial(value.date), text: value.date };
  };
  return { name: plan.name, hidden: false, merges: [], rows: plan.rows.map((row) => row.map((planned) => cell(planned.value))) };
}

/** A fixed merge time for master plans built in tests, so their sheets compare equal from run to run. */
export const PLAN_CONTEXT = { mergedAt: "2024年4月15日 10:30" } as const;
