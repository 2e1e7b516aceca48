/**
 * The template's data-validation rules against the checker: an entry `huizong validate` accepts never raises
 * Excel's alert, and the rules still catch the dates and counts the checker refuses. Each entry is typed into a
 * template plan read back as a sheet, checked by checkWorkbook, and held against the rule's meaning (evaluated by
 * test/support/validationRules, the same way Excel reads the formula).
 */
import { isoDateToSerial } from "../calendarDate";
import { checkWorkbook } from "../checkWorkbook";
import type { Cell, RawSheet } from "../rawSheet";
import { cityTemplate } from "../templates/city";
import { districtTemplate } from "../templates/district";
import type { ColumnKey, HeaderFieldKey, Template } from "../templates/templateSchema";
import { templateLayout, templateWorkbookPlan } from "./templatePlan";
import { asRawSheet, date } from "../../../test/support/sheets";
import { ruleAllows, type ExcelValue } from "../../../test/support/validationRules";

const campaign = { start: "2024-04-20", end: "2024-04-26" };
const serial = (iso: string) => isoDateToSerial(iso);
const text = (value: string): Cell => ({ kind: "text", text: value });
const number = (value: number): Cell => ({ kind: "number", value, text: String(value) });

/** A row the checker passes, by column key; each case replaces one cell of it. */
const CLEAN: Record<ColumnKey, Cell> = {
  host: text("上海市市场监督管理局"),
  name: text("知识产权保护中心开放日"),
  time: text("4月22日上午9:30"),
  place: text("上海市知识产权保护中心"),
  content: text("展示保护中心的快速维权服务"),
  audience: text("企业代表"),
  scale: number(300),
  coOrganiser: text("上海市知识产权局"),
  contact: text("王斌 13812345678"),
};

/** Entries units write that the checker accepts, by column (from the parsers' own tables and the notices). */
const ACCEPTED: Partial<Record<ColumnKey, Cell[]>> = {
  time: [
    text("4月22日上午9:30"),
    date(serial("2024-04-22"), "2024/4/22"),
    date(serial("2024-04-26") + 0.625, "2024/4/26 15:00"),
    date(serial("2024-04-20"), "2024/4/20"),
    number(serial("2024-04-23")),
    text("2024/4/22"),
    text("4月20日-22日"),
    text("2024年4月24日14:00-16:00"),
    text("4月23日、25日"),
    text(String(serial("2024-04-23"))),
  ],
  scale: [text("约300人"), number(300), number(1), text("100-200"), text("300人"), text("300余人"), text("300")],
  contact: [
    text("王斌 13812345678"),
    text("王斌3188608"),
    text("郑益枫 23110863；李晴 23110861"),
    text("联 系 人：王  斌\n联系电话：0533-3188608"),
    text("Li Qing 13812345678"),
  ],
  host: [text("上海海关"), text("1")],
  name: [text("“4·26”知识产权宣传周启动仪式")],
};

/** Entries the checker refuses that the rules catch too: the rules are not merely switched off. */
const REFUSED: Partial<Record<ColumnKey, Cell[]>> = {
  time: [date(serial("2024-04-27"), "2024/4/27"), date(serial("2024-04-19") + 0.9, "2024/4/19 21:36"), number(serial("2023-04-22")), { kind: "boolean", value: true, text: "TRUE" }],
  scale: [number(0), number(-5), number(2.5)],
};

const FIELD_ACCEPTED: Record<HeaderFieldKey, Cell[]> = {
  unit: [text("上海海关"), text("浦东新区知识产权局"), text("某")],
  fillDate: [date(serial("2024-04-10"), "2024/4/10"), text("4月10日"), text("2024年4月10日"), date(serial("2023-12-29"), "2023/12/29")],
};

/** What Excel's functions see in a cell. */
function excelValue(cell: Cell): ExcelValue {
  switch (cell.kind) {
    case "text":
    case "error":
      return cell.text;
    case "number":
      return cell.value;
    case "date":
      return cell.serial;
    case "boolean":
      return cell.value;
  }
}

interface Typed {
  sheet: RawSheet;
  metadata: RawSheet;
  row: number;
  col: number;
}

/** The template with a clean first row and `cell` typed at (row, col). */
function typeInto(template: Template, row: number, col: number, cell: Cell): Typed {
  const [mainPlan, metadataPlan] = templateWorkbookPlan(template, { campaign, unit: "上海市市场监督管理局" }).sheets;
  if (!mainPlan || !metadataPlan) throw new Error("the template plan has two sheets");
  const layout = templateLayout(template);
  const raw = asRawSheet(mainPlan);
  const rows = raw.rows.map((cells) => [...cells]);
  rows[layout.firstBodyRow] = template.columns.map((column) => CLEAN[column.key]);
  const target = rows[row] ?? [];
  target[col] = cell;
  rows[row] = target;
  return { sheet: { ...raw, rows }, metadata: { ...asRawSheet(metadataPlan), hidden: true }, row, col };
}

function checkerIssues(typed: Typed, column: string) {
  const result = checkWorkbook({ sheets: [typed.sheet, typed.metadata] }, { campaign });
  if (result.status === "not-a-template") throw new Error("the filled template was not recognised");
  return result.submission.issues.filter((issue) => issue.column === column && (issue.row === null || issue.row === typed.row + 1));
}

function ruleAt(template: Template, row: number, col: number) {
  const [mainPlan] = templateWorkbookPlan(template, { campaign }).sheets;
  const rules = (mainPlan?.dataValidations ?? []).filter(
    (validation) => validation.range.startRow <= row && row <= validation.range.endRow && validation.range.startCol <= col && col <= validation.range.endCol,
  );
  expect(rules).toHaveLength(1);
  const [rule] = rules;
  if (!rule) throw new Error("no rule");
  return rule;
}

const cases = (entries: Partial<Record<ColumnKey, Cell[]>>, template: Template) =>
  template.columns.flatMap((column, col) => (entries[column.key] ?? []).map((cell) => [column.header, cell.text, col, cell] as const));

describe.each([
  ["附件1", cityTemplate],
  ["附件2", districtTemplate],
])("the %s template's validation rules", (_name, template) => {
  const layout = templateLayout(template);
  // The last body row: a relative formula written for the first row must hold there too.
  const rows = [layout.firstBodyRow, layout.lastBodyRow];

  it.each(cases(ACCEPTED, template))("never warn on an accepted %s: %s", (header, _text, col, cell) => {
    for (const row of rows) {
      const typed = typeInto(template, row, col, cell);
      expect(checkerIssues(typed, header)).toEqual([]);
      expect(ruleAllows(ruleAt(template, row, col), excelValue(cell), row, col)).toBe(true);
    }
  });

  it.each(cases(REFUSED, template))("warn on a refused %s: %s", (header, _text, col, cell) => {
    const row = layout.lastBodyRow;
    expect(checkerIssues(typeInto(template, row, col, cell), header).some((issue) => issue.severity === "error")).toBe(true);
    expect(ruleAllows(ruleAt(template, row, col), excelValue(cell), row, col)).toBe(false);
  });

  it.each(template.headerFields.flatMap((field) => FIELD_ACCEPTED[field.key].map((cell) => [field.label, cell.text, field.key, cell] as const)))(
    "never warn on an accepted %s: %s",
    (label, _text, key, cell) => {
      const row = layout.fieldRows[key] ?? -1;
      const typed = typeInto(template, row, 1, cell);
      expect(checkerIssues(typed, label)).toEqual([]);
      expect(ruleAllows(ruleAt(template, row, 1), excelValue(cell), row, 1)).toBe(true);
    },
  );
});
