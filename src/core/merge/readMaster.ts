import { serialToIsoDate, parseIsoDate, toIsoDate, type IsoDate } from "../calendarDate";
import { cellText, type Cell, type RawSheet } from "../rawSheet";
import { normaliseHeader } from "../text";
import { emptyValues, MASTER_ACTIVITY_COLUMNS, MASTER_HEADERS, type MasterRow } from "./masterRow";

/** How far down the clerk may have pushed the header (a title typed above it). */
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads the 活动汇总 sheet of an existing master back into rows, by header text (the clerk may reorder or add
 * columns). Rows without 汇总标识 were typed by hand and come back with key null, so the merge keeps them.
 */
export function readMasterRows(sheet: RawSheet): MasterRow[] {
  const header = findHeader(sheet);
  if (!header) return [];
  const rows: MasterRow[] = [];
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (!cells.some((cell) => cellText(cell) !== "")) continue;
    rows.push(rowFrom(cells, header.columns, r));
  }
  return rows;
}

type Columns = Map<string, number>;

function findHeader(sheet: RawSheet): { row: number; columns: Columns } | undefined {
  for (let row = 0; row < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); row++) {
    const columns: Columns = new Map();
    (sheet.rows[row] ?? []).forEach((cell, col) => {
      const text = normaliseHeader(cellText(cell));
      if (text !== "" && !columns.has(text)) columns.set(text, col);
    });
    if (columns.has(normaliseHeader(MASTER_HEADERS.unit)) && columns.has(normaliseHeader(MASTER_HEADERS.sourceFile))) {
      return { row, columns };
    }
  }
  return undefined;
}

function rowFrom(cells: ReadonlyArray<Cell | null | undefined>, columns: Columns, row0: number): MasterRow {
  const cellOf = (header: string) => {
    const col = columns.get(normaliseHeader(header));
    return col === undefined ? undefined : (cells[col] ?? undefined);
  };
  const text = (header: string) => cellText(cellOf(header));
  const values = emptyValues();
  for (const column of MASTER_ACTIVITY_COLUMNS) values[column.key] = text(column.header);
  const key = text(MASTER_HEADERS.key);
  const level = text(MASTER_HEADERS.level);
  const sourceRow = Number(text(MASTER_HEADERS.sourceRow));
  return {
    unit: text(MASTER_HEADERS.unit),
    level: level === "市级" || level === "区级" ? level : "",
    firstDay: dayOf(cellOf(MASTER_HEADERS.firstDay)),
    values,
    problems: text(MASTER_HEADERS.problems),
    sourceFile: text(MASTER_HEADERS.sourceFile),
    key: key === "" ? null : key,
    // Rows typed by hand keep their place among equals by their row in the master.
    order: key !== "" && Number.isInteger(sourceRow) && sourceRow > 0 ? sourceRow : row0 + 1,
  };
}

/** 活动日期 as written by Huizong (a date cell) or typed by the clerk (2024-04-22, 2024/4/22). */
function dayOf(cell: Cell | undefined): IsoDate | null {
  if (!cell) return null;
  if (cell.kind === "date" || cell.kind === "number") return serialToIsoDate(cell.kind === "date" ? cell.serial : cell.value) ?? null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cellText(cell));
  if (!match) return null;
  const ymd = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return parseIsoDate(toIsoDate(ymd)) ? toIsoDate(ymd) : null;
}
