import { columnLetters } from "../rawSheet";
import { MASTER_ACTIVITY_COLUMNS, MASTER_HEADERS, MASTER_SHEET_NAME, STATUS_SHEET_NAME, type MasterRow } from "../merge/masterRow";
import type { RosterEntry, RosterStatus } from "../merge/rosterStatus";
import { masterText } from "../../messages/zhCN";
import { settingsSheetPlan, type WorkbookSettings } from "../workbookSettings";
import type { PlannedCell, PlannedValue, SheetPlan, StyleName, WorkbookPlan } from "./sheetPlan";

interface MasterColumn {
  header: string;
  width: number;
  style: StyleName;
  value: (row: MasterRow) => PlannedValue;
}

/** The columns of 活动汇总 in order; CONTRACTS.md fixes the names, provenance and the hidden key come last. */
const MASTER_COLUMNS: MasterColumn[] = [
  { header: MASTER_HEADERS.unit, width: 20, style: "bodyText", value: (row) => row.unit },
  { header: MASTER_HEADERS.level, width: 6, style: "bodyText", value: (row) => row.level },
  { header: MASTER_HEADERS.firstDay, width: 11, style: "bodyDate", value: (row) => (row.firstDay ? { date: row.firstDay } : null) },
  ...MASTER_ACTIVITY_COLUMNS.map(
    (column): MasterColumn =>
      column.key === "scale"
        ? { header: column.header, width: column.width, style: "body", value: (row) => headCountValue(row.values.scale) }
        : { header: column.header, width: column.width, style: "bodyText", value: (row) => row.values[column.key] },
  ),
  { header: MASTER_HEADERS.problems, width: 40, style: "bodyText", value: (row) => row.problems },
  { header: MASTER_HEADERS.sourceFile, width: 24, style: "bodyText", value: (row) => row.sourceFile },
  { header: MASTER_HEADERS.sourceRow, width: 7, style: "body", value: (row) => (row.key === null ? null : row.order) },
];

/** Hidden, and always last: 汇总标识 tells merged rows from rows typed by hand. */
const KEY_COLUMN: MasterColumn = { header: MASTER_HEADERS.key, width: 10, style: "bodyText", value: (row) => row.key };

/** Columns the clerk added to the master, in the order first seen, so a re-merge keeps them. */
function extraColumns(rows: readonly MasterRow[]): MasterColumn[] {
  const headers = new Set<string>();
  for (const row of rows) for (const header of Object.keys(row.extras ?? {})) headers.add(header);
  return [...headers].map((header) => ({ header, width: 16, style: "bodyText", value: (row) => row.extras?.[header] ?? "" }));
}

/** A plain count stays a number so the clerk can sum it; anything decorated (约300人) stays as written. */
function headCountValue(text: string): PlannedValue {
  return /^[1-9]\d{0,6}$/.test(text) ? Number(text) : text;
}

/** 活动汇总 (and 报送情况 with a roster) as a workbook plan, with the settings the next merge reads back. */
export function masterWorkbookPlan(
  rows: readonly MasterRow[],
  roster: readonly RosterEntry[] | undefined,
  settings: WorkbookSettings,
): WorkbookPlan {
  const visible = roster ? [masterSheetPlan(rows), statusSheetPlan(roster)] : [masterSheetPlan(rows)];
  return {
    sheets: [...visible, settingsSheetPlan(settings)],
    properties: { title: masterText.title, creator: masterText.creator },
  };
}

export function masterSheetPlan(rows: readonly MasterRow[]): SheetPlan {
  const columns = [...MASTER_COLUMNS, ...extraColumns(rows), KEY_COLUMN];
  const lastCol = columns.length - 1;
  const problemsCol = columns.findIndex((column) => column.header === MASTER_HEADERS.problems);
  const bodyRows = Math.max(rows.length, 1); // an Excel table needs a body row, even an empty one
  const planned: PlannedCell[][] = [
    columns.map((column) => ({ value: column.header, style: "header" as const })),
    ...rows.map((row) => columns.map((column) => ({ value: column.value(row), style: column.style }))),
  ];
  if (rows.length === 0) planned.push(columns.map((column) => ({ value: null, style: column.style })));
  return {
    name: MASTER_SHEET_NAME,
    visibility: "visible",
    rows: planned,
    merges: [],
    columnWidths: columns.map((column) => column.width),
    hiddenColumns: [lastCol],
    table: { name: "ActivitySchedule", range: { startRow: 0, startCol: 0, endRow: bodyRows, endCol: lastCol }, style: "TableStyleLight9" },
    dataValidations: [],
    // Highlighted while 校验结果 holds text: clearing it after a fix clears the colour too.
    conditionalFormats: [
      {
        range: { startRow: 1, startCol: 0, endRow: bodyRows, endCol: lastCol },
        formula: `LEN($${columnLetters(problemsCol)}2)>0`,
        style: "statusError",
      },
    ],
    freeze: { rows: 1, columns: 1 },
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: 0, last: 0 } },
  };
}

const statusStyle: Record<RosterStatus, StyleName> = {
  submitted: "statusOk",
  "has-errors": "statusError",
  missing: "statusMissing",
  "not-on-roster": "statusWarning",
};

/** 报送情况: every expected unit with its status, then the units the roster does not know. */
export function statusSheetPlan(roster: readonly RosterEntry[]): SheetPlan {
  const headers = masterText.statusHeaders;
  const body = roster.map((entry): PlannedCell[] => {
    const style = statusStyle[entry.status];
    return [
      { value: entry.unit, style },
      { value: masterText.statusLabel[entry.status], style },
      { value: entry.rows, style },
      { value: entry.rowsWithErrors, style },
      { value: entry.file ?? "", style },
      { value: entry.aliases.join("，"), style },
    ];
  });
  const bodyRows = Math.max(body.length, 1);
  if (body.length === 0) body.push(headers.map(() => ({ value: null })));
  return {
    name: STATUS_SHEET_NAME,
    visibility: "visible",
    rows: [headers.map((header) => ({ value: header, style: "header" as const })), ...body],
    merges: [],
    columnWidths: [28, 12, 10, 12, 30, 24],
    table: { name: "ReturnStatus", range: { startRow: 0, startCol: 0, endRow: bodyRows, endCol: headers.length - 1 }, style: "TableStyleLight1" },
    dataValidations: [],
    conditionalFormats: [],
    freeze: { rows: 1, columns: 0 },
    print: { orientation: "portrait", paperSize: "A4", fitToWidth: true, repeatRows: { first: 0, last: 0 } },
  };
}
