import { columnLetters } from "../rawSheet";
import { MASTER_ACTIVITY_COLUMNS, MASTER_HEADERS, MASTER_SHEET_NAME, STATUS_SHEET_NAME, type MasterRow } from "../merge/masterRow";
import type { RosterEntry, RosterStatus } from "../merge/rosterStatus";
import { chaseMessages, masterText, weekText } from "../../messages/zhCN";
import type { ChaseEntry } from "../merge/chaseList";
import { chaseSheetPlan } from "./chasePlan";
import { SETTINGS_SHEET_NAME, settingsSheetPlan, type WorkbookSettings } from "../workbookSettings";
import { consolidatedSheetName, consolidatedSheetPlans } from "./consolidatedPlan";
import { headCountValue } from "./plannedValues";
import { tableRowHeights } from "./rowHeights";
import { tablePrint } from "./tablePrint";
import type { PlannedCell, PlannedValue, SheetPlan, StyleName, WorkbookPlan } from "./sheetPlan";

interface MasterColumn {
  header: string;
  width: number;
  style: StyleName;
  value: (row: MasterRow) => PlannedValue;
}

/** The columns of 活动汇总 in order; CONTRACTS.md fixes the names, provenance and the hidden key come last. */
const MASTER_COLUMNS: MasterColumn[] = [
  { header: MASTER_HEADERS.unit, width: 10, style: "bodyText", value: (row) => row.unit },
  { header: MASTER_HEADERS.level, width: 4, style: "bodyText", value: (row) => row.level },
  { header: MASTER_HEADERS.firstDay, width: 10, style: "bodyDate", value: (row) => (row.firstDay ? { date: row.firstDay } : null) },
  ...MASTER_ACTIVITY_COLUMNS.map(
    (column): MasterColumn =>
      column.key === "scale"
        ? { header: column.header, width: column.width, style: "body", value: (row) => headCountValue(row.values.scale) }
        : { header: column.header, width: column.width, style: "bodyText", value: (row) => row.values[column.key] },
  ),
  { header: MASTER_HEADERS.problems, width: 11, style: "bodyText", value: (row) => row.problems },
  { header: MASTER_HEADERS.sourceFile, width: 8, style: "bodyText", value: (row) => row.sourceFile },
  { header: MASTER_HEADERS.sourceRow, width: 4, style: "body", value: (row) => (row.key === null ? null : row.order) },
];

/** Hidden, and always last: 汇总标识 tells merged rows from rows typed by hand. */
const KEY_COLUMN: MasterColumn = { header: MASTER_HEADERS.key, width: 10, style: "bodyText", value: (row) => row.key };

/** Columns the clerk added to the master, in the order first seen, so a re-merge keeps them. */
function extraColumns(rows: readonly MasterRow[]): MasterColumn[] {
  const headers = new Set<string>();
  for (const row of rows) for (const header of Object.keys(row.extras ?? {})) headers.add(header);
  return [...headers].map((header) => ({ header, width: 16, style: "bodyText", value: (row) => row.extras?.[header] ?? "" }));
}


/** What a master plan needs besides the rows: when the merge ran, in the clerk's words (2024年4月15日 10:30). */
export interface MasterPlanContext {
  mergedAt: string;
  /** With a roster: the units to chase, for the 催报 sheet. */
  chase?: readonly ChaseEntry[] | undefined;
}

/**
 * The master as a workbook plan: 活动汇总; with a roster, 报送情况 and 催报 (who to chase, with copy-ready text);
 * the consolidated 附件1汇总/附件2汇总 ready to forward; and the settings the next merge reads back.
 */
export function masterWorkbookPlan(
  rows: readonly MasterRow[],
  roster: readonly RosterEntry[] | undefined,
  settings: WorkbookSettings,
  context: MasterPlanContext,
): WorkbookPlan {
  const consolidated = consolidatedSheetPlans(rows, {
    campaign: settings.campaign,
    unitOrder: roster?.map((entry) => entry.unit) ?? [],
    includeRowsWithProblems: false,
  });
  const status = roster ? [statusSheetPlan(roster, context)] : [];
  const week = weekText(settings.campaign.start, settings.campaign.end);
  const chase = context.chase ? [chaseSheetPlan(context.chase, week, context.mergedAt)] : [];
  return {
    sheets: [masterSheetPlan(rows, context), ...status, ...chase, ...consolidated, settingsSheetPlan(settings)],
    properties: { title: masterText.title, creator: masterText.creator },
  };
}

/** Every sheet a merge writes and so may replace: the ones above, whichever this merge has. */
export const MASTER_OWN_SHEETS: readonly string[] = [
  MASTER_SHEET_NAME,
  STATUS_SHEET_NAME,
  chaseMessages.sheetName,
  consolidatedSheetName("city"),
  consolidatedSheetName("district"),
  SETTINGS_SHEET_NAME,
];

export function masterSheetPlan(rows: readonly MasterRow[], context: MasterPlanContext): SheetPlan {
  const columns = [...MASTER_COLUMNS, ...extraColumns(rows), KEY_COLUMN];
  const lastCol = columns.length - 1;
  const problemsCol = columns.findIndex((column) => column.header === MASTER_HEADERS.problems);
  const bodyRows = Math.max(rows.length, 1); // an Excel table needs a body row, even an empty one
  const body = { startRow: 1, startCol: 0, endRow: bodyRows, endCol: lastCol };
  const problems = `$${columnLetters(problemsCol)}2`;
  const warningMark = `"${masterText.warningMark}"`;
  const warningFirst = `LEFT(${problems},${masterText.warningMark.length})`;
  const planned: PlannedCell[][] = [
    columns.map((column) => ({ value: column.header, style: "header" as const })),
    ...rows.map((row) => columns.map((column) => ({ value: column.value(row), style: column.style }))),
  ];
  if (rows.length === 0) planned.push(columns.map((column) => ({ value: null, style: column.style })));
  const widths = columns.map((column) => column.width);
  // The hidden key column never shows, so it never makes a row taller.
  const visibleWidths = widths.map((width, col) => (col === lastCol ? Number.MAX_SAFE_INTEGER : width));
  return {
    name: MASTER_SHEET_NAME,
    visibility: "visible",
    rows: planned,
    merges: [],
    rowHeights: tableRowHeights(planned, visibleWidths, 0),
    columnWidths: widths,
    hiddenColumns: [lastCol],
    table: { name: "活动汇总表", range: { startRow: 0, startCol: 0, endRow: bodyRows, endCol: lastCol }, style: "TableStyleLight9" },
    dataValidations: [],
    // Coloured while 校验结果 holds text, by kind: errors (first in the cell) red, warnings alone yellow; the two
    // rules exclude each other, so no writer's rule priority matters. Clearing the cell after a fix clears the colour.
    conditionalFormats: [
      { range: body, formula: `AND(LEN(${problems})>0,${warningFirst}<>${warningMark})`, style: "statusError" },
      { range: body, formula: `${warningFirst}=${warningMark}`, style: "statusWarning" },
    ],
    freeze: { rows: 1, columns: 1 },
    print: tablePrint(0, masterText.pageHeader(context.mergedAt)),
  };
}

/** 报送情况's columns: the unit, its status, counts, file, a suggested roster name, aliases. */
const STATUS_WIDTHS = [26, 10, 8, 10, 28, 24, 24];

const statusStyle: Record<RosterStatus, StyleName> = {
  submitted: "statusOk",
  "has-errors": "statusChase",
  missing: "statusMissing",
  "not-on-roster": "statusWarning",
};

/**
 * 报送情况: when the merge ran and the counts on top, then every expected unit with its status in roster order (the
 * order the next merge reads the roster back in), then the units the roster does not know. The units to chase
 * (未报送, 有错误) carry the strongest colours.
 */
export function statusSheetPlan(roster: readonly RosterEntry[], context: MasterPlanContext): SheetPlan {
  const headers = masterText.statusHeaders;
  const lastCol = headers.length - 1;
  const counts = { submitted: 0, "has-errors": 0, missing: 0, "not-on-roster": 0 };
  for (const entry of roster) counts[entry.status]++;
  const expected = roster.length - counts["not-on-roster"];
  const top: PlannedCell[][] = [
    [{ value: masterText.statusTitle(context.mergedAt), style: "title" }],
    [{ value: masterText.statusCounts(counts, expected), style: "statusSummary" }],
  ];
  const headerRow = top.length;
  const body = roster.map((entry): PlannedCell[] => {
    const style = statusStyle[entry.status];
    return [
      { value: entry.unit, style },
      { value: masterText.statusLabel[entry.status], style },
      { value: entry.rows, style },
      { value: entry.rowsWithErrors, style },
      { value: entry.file ?? "", style },
      { value: entry.suggestion ? masterText.suggestion(entry.suggestion) : "", style },
      { value: entry.aliases.join("，"), style },
    ];
  });
  const bodyRows = Math.max(body.length, 1);
  if (body.length === 0) body.push(headers.map(() => ({ value: null })));
  const fullWidth = (row: number) => ({ startRow: row, startCol: 0, endRow: row, endCol: lastCol });
  return {
    name: STATUS_SHEET_NAME,
    visibility: "visible",
    rows: [...top, headers.map((header) => ({ value: header, style: "header" as const })), ...body],
    merges: [fullWidth(0), fullWidth(1)],
    columnWidths: STATUS_WIDTHS,
    rowHeights: { 0: 30, 1: 36, ...tableRowHeights([...top, [], ...body], STATUS_WIDTHS, headerRow + 1) },
    table: { name: "报送情况表", range: { startRow: headerRow, startCol: 0, endRow: headerRow + bodyRows, endCol: lastCol }, style: "TableStyleLight1" },
    dataValidations: [],
    conditionalFormats: [],
    freeze: { rows: headerRow + 1, columns: 0 },
    print: tablePrint(headerRow),
  };
}
