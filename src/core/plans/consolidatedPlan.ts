/**
 * 附件1汇总 and 附件2汇总: what the office finally forwards. Not the working master but the notice's own tables,
 * filled with every unit's activities: the notice's title, a 序号 column, exactly the 附件's columns in its order,
 * the rows grouped by unit under a numbered heading (一、上海海关), units in roster order, and no internal columns.
 * Rows with problems are left out unless the clerk asks for them, and the count left out is said under the table.
 */
import { campaignYear, type CampaignSettings } from "../campaign";
import { MASTER_HEADERS, type MasterRow } from "../merge/masterRow";
import { toChineseNumeral } from "../parse/chineseNumerals";
import { templates } from "../templates/registry";
import { templateTitle, type Template, type TemplateKind } from "../templates/templateSchema";
import { consolidatedText } from "../../messages/zhCN";
import type { PlannedCell, PlannedValue, SheetPlan } from "./sheetPlan";
import { headCountValue } from "./plannedValues";
import { tableRowHeights } from "./rowHeights";
import { tablePrint } from "./tablePrint";

export interface ConsolidatedOptions {
  campaign: CampaignSettings;
  /** Units in the order the roster lists them; units it does not know follow in Chinese collation order. */
  unitOrder: readonly string[];
  /** Also list rows whose 校验结果 is not empty (marked as such). */
  includeRowsWithProblems: boolean;
}

/** The consolidated sheets' names, by template kind: 附件1汇总, 附件2汇总. */
export function consolidatedSheetName(kind: TemplateKind): string {
  return `${templates[kind].attachment}汇总`;
}

/** One 附件N汇总 sheet per template kind that has rows in the master, 附件1 first. */
export function consolidatedSheetPlans(rows: readonly MasterRow[], options: ConsolidatedOptions): SheetPlan[] {
  return (["city", "district"] as const).flatMap((kind) => {
    const template = templates[kind];
    const ofKind = rows.filter((row) => row.level === template.level && row.unit !== "");
    return ofKind.length > 0 ? [consolidatedSheetPlan(template, ofKind, options)] : [];
  });
}

const collator = new Intl.Collator("zh-CN");

/** Units in roster order, then the others by name; each unit's rows by day and their order in its return. */
function groupByUnit(rows: readonly MasterRow[], unitOrder: readonly string[]): Array<[string, MasterRow[]]> {
  const byUnit = new Map<string, MasterRow[]>();
  for (const row of rows) {
    const list = byUnit.get(row.unit) ?? [];
    list.push(row);
    byUnit.set(row.unit, list);
  }
  const rank = (unit: string) => {
    const index = unitOrder.indexOf(unit);
    return index < 0 ? unitOrder.length : index;
  };
  const units = [...byUnit.keys()].sort((a, b) => rank(a) - rank(b) || collator.compare(a, b));
  return units.map((unit) => [unit, (byUnit.get(unit) ?? []).sort(byDayThenOrder)]);
}

function byDayThenOrder(a: MasterRow, b: MasterRow): number {
  const day = (a.firstDay ?? "9999") < (b.firstDay ?? "9999") ? -1 : (a.firstDay ?? "9999") > (b.firstDay ?? "9999") ? 1 : 0;
  return day || a.order - b.order;
}

function consolidatedSheetPlan(template: Template, rows: readonly MasterRow[], options: ConsolidatedOptions): SheetPlan {
  const width = template.columns.length + 1; // 序号 first
  const lastCol = width - 1;
  const fullWidth = (row: number) => ({ startRow: row, startCol: 0, endRow: row, endCol: lastCol });
  const shown = options.includeRowsWithProblems ? rows : rows.filter((row) => row.problems === "");
  const leftOut = rows.length - shown.length;

  const planned: PlannedCell[][] = [
    [{ value: template.attachment, style: "attachmentLabel" }],
    [{ value: templateTitle(template, campaignYear(options.campaign)), style: "title" }],
    [{ value: consolidatedText.headers.number, style: "header" }, ...template.columns.map((column) => ({ value: column.header, style: "header" as const }))],
  ];
  const headerRow = planned.length - 1;
  const merges = [fullWidth(1)];
  let number = 0;
  groupByUnit(shown, options.unitOrder).forEach(([unit, unitRows], group) => {
    merges.push(fullWidth(planned.length));
    planned.push([{ value: consolidatedText.unitHeading(toChineseNumeral(group + 1), unit, unitRows.length), style: "groupHeading" }]);
    for (const row of unitRows) {
      number++;
      const values: PlannedCell[] = template.columns.map((column) => ({
        value: valueOf(row, column.key),
        style: column.key === "scale" ? "bodyNumber" : "bodyText",
      }));
      planned.push([{ value: number, style: "bodyNumber" }, ...values]);
    }
  });
  if (shown.length === 0) planned.push([{ value: consolidatedText.noRows, style: "tableNote" }]);
  const notes = [
    consolidatedText.count(number, groupByUnit(shown, options.unitOrder).length),
    ...(leftOut > 0 ? [consolidatedText.leftOut(leftOut, MASTER_HEADERS.problems)] : []),
    ...(options.includeRowsWithProblems && rows.some((row) => row.problems !== "") ? [consolidatedText.problemsIncluded] : []),
  ];
  for (const note of notes) {
    merges.push(fullWidth(planned.length));
    planned.push([{ value: note, style: "tableNote" }]);
  }

  const widths = [5, ...template.columns.map((column) => PRINT_WIDTHS[column.key])];
  const mergedRows = new Set(merges.map((merge) => merge.startRow));
  return {
    name: consolidatedSheetName(template.kind),
    visibility: "visible",
    rows: planned,
    merges,
    columnWidths: widths,
    rowHeights: { ...tableRowHeights(planned, widths, headerRow, mergedRows), 1: 40 },
    dataValidations: [],
    conditionalFormats: [],
    freeze: { rows: headerRow + 1, columns: 0 },
    print: tablePrint(headerRow),
  };
}

/** Widths that fit the widest 附件 (附件2, eight columns and 序号) on A4 landscape at full size. */
const PRINT_WIDTHS: Record<Template["columns"][number]["key"], number> = {
  host: 12,
  name: 18,
  time: 12,
  place: 14,
  content: 20,
  audience: 14,
  scale: 8,
  coOrganiser: 12,
  contact: 14,
};

function valueOf(row: MasterRow, key: Template["columns"][number]["key"]): PlannedValue {
  const text = row.values[key];
  return key === "scale" ? headCountValue(text) : text;
}
