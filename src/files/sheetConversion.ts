/**
 * SheetJS sheets -> RawSheet cells, the shape the core checks: each cell's kind (text, number, date, boolean,
 * error) and the text the user sees, hidden sheets flagged, merges kept. The cell budget is checked before
 * anything is built, so a workbook over it is refused without the memory it would cost.
 */
import * as XLSX from "@e965/xlsx";
import type { Cell, CellRange, RawSheet, RawWorkbook } from "../core/rawSheet";
import { readFailure, type ReadFailure } from "./readErrors";

type LibraryCell = XLSX.CellObject;

/** 1904-system serials count from 1904-01-01; the same day in the 1900 system is 1462 days later. */
const DAYS_1900_TO_1904 = 1462;
/** Rows longer than this are walked by key: a row holding one value in column XFD is 16,384 slots long. */
const SPARSE_WALK_THRESHOLD = 1024;
/** Empty rows between cells share one frozen array: a stray value in row 1,048,576 costs pointers, not rows. */
const EMPTY_ROW: ReadonlyArray<Cell> = Object.freeze([]);
/**
 * Row slots (empty rows included) each cost a pointer; four per allowed cell is generous for real files (two
 * full-height sheets with a stray value at the bottom) and still bounds a workbook of thousands of such sheets.
 */
const ROW_SLOTS_PER_CELL = 4;

/**
 * The parsed workbook as RawSheets, or why not (no sheets, more than `maxCells` cells). `odsHidden` names the
 * hidden sheets of an OpenDocument file, where SheetJS does not report visibility; undefined for other formats.
 */
export function toRawWorkbook(workbook: XLSX.WorkBook, odsHidden: Set<string> | undefined, maxCells: number): RawWorkbook | ReadFailure {
  const sheetNames = workbook.SheetNames;
  if (sheetNames.length === 0) return readFailure("corrupt", "the file holds no sheets");
  const budget = checkCellBudget(sheetNames.map((name) => workbook.Sheets[name]), maxCells);
  if (budget) return budget;
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const hidden = sheetVisibility(workbook, odsHidden);
  const isDateFormat = dateFormatTester();
  const sheets = sheetNames.map((name, index) =>
    toRawSheet(name, workbook.Sheets[name], hidden[index] ?? false, (cell) => toCell(cell, date1904, isDateFormat)),
  );
  return { sheets };
}

function checkCellBudget(sheets: ReadonlyArray<XLSX.WorkSheet | undefined>, maxCells: number): ReadFailure | undefined {
  const declared = sheets.reduce((sum, sheet) => sum + refArea(sheet?.["!ref"]), 0);
  if (declared <= maxCells) return undefined;
  // The declared ranges are only an upper bound (one stray value at XFD1048576 declares 17 billion cells): count
  // what is actually there before building anything.
  let cells = 0;
  let rowSlots = 0;
  for (const sheet of sheets) {
    if (!sheet) continue;
    let lastRow = -1;
    forEachCell(sheet, (row) => {
      cells++;
      lastRow = Math.max(lastRow, row);
    });
    rowSlots += lastRow + 1;
  }
  if (cells > maxCells) return readFailure("too-many-cells", `${cells} cells, over the ${maxCells} limit`);
  if (rowSlots > maxCells * ROW_SLOTS_PER_CELL) {
    return readFailure("too-many-cells", `its sheets span ${rowSlots} rows, over the ${maxCells * ROW_SLOTS_PER_CELL} limit`);
  }
  return undefined;
}

function refArea(ref: string | undefined): number {
  if (!ref) return 0;
  const { s, e } = XLSX.utils.decode_range(ref);
  return Math.max(0, e.r - s.r + 1) * Math.max(0, e.c - s.c + 1);
}

/** Visits every cell present, dense or sparse, without walking the empty space of a huge `!ref`. */
function forEachCell(sheet: XLSX.WorkSheet, visit: (row: number, col: number, cell: LibraryCell) => void): void {
  const data = sheet["!data"];
  if (data) {
    forEachPresent(data, (cells, row) => forEachPresent(cells, (cell, col) => visit(row, col, cell)));
    return;
  }
  for (const address of Object.keys(sheet)) {
    if (address.startsWith("!")) continue;
    const { r, c } = XLSX.utils.decode_cell(address);
    visit(r, c, sheet[address] as LibraryCell);
  }
}

function forEachPresent<T>(items: ReadonlyArray<T | undefined | null>, visit: (item: T, index: number) => void): void {
  if (items.length <= SPARSE_WALK_THRESHOLD) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item != null) visit(item, i);
    }
    return;
  }
  for (const key of Object.keys(items)) {
    const index = Number(key);
    const item = items[index];
    if (Number.isInteger(index) && item != null) visit(item, index);
  }
}

function sheetVisibility(workbook: XLSX.WorkBook, odsHidden: Set<string> | undefined): boolean[] {
  if (odsHidden) return workbook.SheetNames.map((name) => odsHidden.has(name));
  const props = workbook.Workbook?.Sheets ?? [];
  const byName = new Map(props.filter((p) => p.name !== undefined).map((p) => [p.name, p]));
  // Hidden is 1 (hidden) or 2 (very hidden, only VBA can show it); both are read and flagged.
  return workbook.SheetNames.map((name, index) => Boolean((byName.get(name) ?? props[index])?.Hidden));
}

function toRawSheet(
  name: string,
  sheet: XLSX.WorkSheet | undefined,
  hidden: boolean,
  convert: (cell: LibraryCell) => Cell | undefined,
): RawSheet {
  const rows: Array<Array<Cell | undefined> | ReadonlyArray<Cell>> = [];
  if (sheet) {
    forEachCell(sheet, (row, col, libraryCell) => {
      const cell = convert(libraryCell);
      if (cell) ((rows[row] ??= []) as Array<Cell | undefined>)[col] = cell;
    });
  }
  for (let row = 0; row < rows.length; row++) rows[row] ??= EMPTY_ROW;
  const merges: CellRange[] = (sheet?.["!merges"] ?? []).map(({ s, e }) => ({ startRow: s.r, startCol: s.c, endRow: e.r, endCol: e.c }));
  return { name, hidden, rows, merges };
}

function toCell(cell: LibraryCell, date1904: boolean, isDateFormat: (format: unknown) => boolean): Cell | undefined {
  const { t: type, v: value } = cell;
  if (value === undefined || value === null) return undefined;
  const text = normaliseLineBreaks(cell.w ?? String(value));
  switch (type) {
    case "s":
      return { kind: "text", text };
    case "n":
      if (typeof value !== "number") return { kind: "text", text };
      return isDateFormat(cell.z)
        ? { kind: "date", serial: date1904 ? value + DAYS_1900_TO_1904 : value, text }
        : { kind: "number", value, text };
    case "b":
      return { kind: "boolean", value: Boolean(value), text };
    case "e":
      return { kind: "error", text: cell.w ?? errorText(value) };
    case "d":
      // Only with cellDates, which we do not set; kept so an unexpected Date never becomes "Mon Apr 22 2024 ...".
      return value instanceof Date ? { kind: "date", serial: localDateToSerial(value), text } : { kind: "text", text };
    default:
      return undefined; // "z": a stub, an empty cell that only has a style
  }
}

function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

const ERROR_TEXTS: Record<number, string> = {
  0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA",
};

function errorText(value: unknown): string {
  return (typeof value === "number" ? ERROR_TEXTS[value] : undefined) ?? "#ERROR!";
}

/** SheetJS builds Date cells from local calendar fields, so read them back the same way. */
function localDateToSerial(date: Date): number {
  const day = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  const time = (date.getHours() * 3600 + date.getMinutes() * 60 + date.getSeconds()) / 86_400;
  return (day - Date.UTC(1899, 11, 30)) / 86_400_000 + time;
}

/** SSF's date test per format string, memoised for one workbook (workbooks repeat a handful of formats). */
function dateFormatTester(): (format: unknown) => boolean {
  const cache = new Map<string, boolean>();
  return (format) => {
    if (typeof format !== "string") return false;
    let isDate = cache.get(format);
    if (isDate === undefined) {
      isDate = Boolean(XLSX.SSF.is_date(format));
      cache.set(format, isDate);
    }
    return isDate;
  };
}
