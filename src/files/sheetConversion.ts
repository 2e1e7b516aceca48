/**
 * SheetJS sheets -> RawSheet cells, the shape the core checks: each cell's kind (text, number, date, boolean,
 * error) and the text the user sees, hidden sheets flagged, merges kept. The cell budget is checked before
 * anything is built, so a workbook over it is refused without the memory it would cost.
 */
import * as XLSX from "@e965/xlsx";
import type { Cell, CellRange, RawSheet, RawWorkbook } from "../core/rawSheet";
import { readFailure, type ReadFailure } from "./readErrors";
import type { ReadLimits } from "./readLimits";

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
/** Excel's grid (.xls's is smaller still): a cell outside it was not written by a spreadsheet program. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/**
 * The parsed workbook as RawSheets, or why not (no sheets, over the cell or merged-cell budget). `odsHidden` names the
 * hidden sheets of an OpenDocument file, where SheetJS does not report visibility; undefined for other formats.
 */
export function toRawWorkbook(
  workbook: XLSX.WorkBook,
  odsHidden: Set<string> | undefined,
  limits: Pick<ReadLimits, "maxCells" | "maxMergedCells">,
): RawWorkbook | ReadFailure {
  const sheetNames = workbook.SheetNames;
  if (sheetNames.length === 0) return readFailure("corrupt", "the file holds no sheets");
  const librarySheets = sheetNames.map((name) => workbook.Sheets[name]);
  // SheetJS skips a sheet whose XML it cannot parse (a dangling shared-string index, say) and lists it anyway: the
  // file is damaged, and reading on would call it "not a template" and send the unit to the wrong fix.
  const skipped = sheetNames.filter((_, index) => !librarySheets[index]);
  if (skipped.length > 0) return readFailure("corrupt", `sheet ${skipped.map((name) => `"${name}"`).join(", ")} could not be parsed`);
  const budget = checkCellBudget(librarySheets, limits.maxCells) ?? checkMergeBudget(librarySheets, limits.maxMergedCells);
  if (budget) return budget;
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const hidden = sheetVisibility(workbook, odsHidden);
  const isDateFormat = dateFormatTester();
  const sheets = sheetNames.map((name, index) =>
    toRawSheet(name, workbook.Sheets[name], hidden[index] ?? false, (cell) => toCell(cell, date1904, isDateFormat)),
  );
  return { sheets };
}

/**
 * Measures what the sheets really hold before anything is built. Declared ranges lie both ways: one stray value
 * at XFD1048576 declares 17 billion cells, and a cell far below a file's `<dimension>` is not in it at all (a 2 KB
 * file with a cell at A99999999 once cost 40 s and gigabytes here). So the extent comes from the cells present:
 * outside Excel's grid the file was not written by a spreadsheet program; beyond the row-slot budget it is refused;
 * and the cells are counted one by one only when the extent alone could hold more than the budget.
 */
function checkCellBudget(sheets: ReadonlyArray<XLSX.WorkSheet | undefined>, maxCells: number): ReadFailure | undefined {
  let rowSlots = 0;
  let upperBound = 0;
  for (const sheet of sheets) {
    if (!sheet) continue;
    const { rows, columns } = extentOf(sheet);
    if (rows > EXCEL_ROWS || columns > EXCEL_COLUMNS) {
      return readFailure("corrupt", `a cell lies outside Excel's grid (${rows} rows, ${columns} columns)`);
    }
    rowSlots += rows;
    upperBound += rows * columns;
  }
  if (rowSlots > maxCells * ROW_SLOTS_PER_CELL) {
    return readFailure("too-many-cells", `its sheets span ${rowSlots} rows, over the ${maxCells * ROW_SLOTS_PER_CELL} limit`);
  }
  if (upperBound <= maxCells) return undefined;
  let cells = 0;
  for (const sheet of sheets) if (sheet) forEachCell(sheet, () => cells++);
  return cells > maxCells ? readFailure("too-many-cells", `${cells} cells, over the ${maxCells} limit`) : undefined;
}

/** Merged ranges by the cells they cover, so thousands of overlapping ranges are refused before the checker maps them. */
function checkMergeBudget(sheets: ReadonlyArray<XLSX.WorkSheet | undefined>, maxMergedCells: number): ReadFailure | undefined {
  let covered = 0;
  let ranges = 0;
  for (const sheet of sheets) {
    for (const { s, e } of sheet?.["!merges"] ?? []) {
      covered += Math.max(0, e.r - s.r + 1) * Math.max(0, e.c - s.c + 1);
      ranges++;
    }
  }
  return covered > maxMergedCells ? readFailure("too-many-cells", `${ranges} merged ranges cover ${covered} cells, over the ${maxMergedCells} limit`) : undefined;
}

/** Rows up to the last one holding a cell, and columns up to the rightmost cell. */
function extentOf(sheet: XLSX.WorkSheet): { rows: number; columns: number } {
  const data = sheet["!data"];
  let rows = 0;
  let columns = 0;
  if (data) {
    // Dense rows: the array's length is the last row holding a cell; each row's length its last column.
    forEachPresent(data, (cells, row) => {
      if (cells.length === 0) return;
      rows = Math.max(rows, row + 1);
      columns = Math.max(columns, cells.length);
    });
    return { rows, columns };
  }
  forEachCell(sheet, (row, col) => {
    rows = Math.max(rows, row + 1);
    columns = Math.max(columns, col + 1);
  });
  return { rows, columns };
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
    // A cell written without a row number (`<c r="A">`) lands at -1: it is no place in the sheet.
    if (Number.isInteger(index) && index >= 0 && item != null) visit(item, index);
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
  const text = normaliseLineBreaks(cell.w ?? displayText(type, value, cell.z, date1904));
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

/**
 * The text a cell shows, for cells the library did not format (readWorkbook asks it not to): numbers through
 * their number format, as the library itself would; booleans as spreadsheets show them.
 */
function displayText(type: LibraryCell["t"], value: unknown, format: unknown, date1904: boolean): string {
  if (type === "b") return value ? "TRUE" : "FALSE";
  if (type !== "n" || typeof value !== "number") return String(value);
  const numberFormat = typeof format === "string" || typeof format === "number" ? format : "General";
  const digits = wholeNumberText(numberFormat, value);
  if (digits !== undefined) return digits;
  try {
    return XLSX.SSF.format(numberFormat, value, { date1904 });
  } catch {
    return String(value);
  }
}

/**
 * What SSF shows for a whole number under "General" or "0" (built-in formats 0 and 1), without SSF: its digits.
 * These are most number cells (序号, 人数, the master's own columns), and SSF's formatter takes a microsecond per
 * cell for "0", a tenth of a second in a 60,000-row master read back. General turns to E+ notation from 12 digits,
 * so that case is left to SSF. Undefined whenever SSF must decide.
 */
export function wholeNumberText(format: string | number, value: number): string | undefined {
  if (!Number.isSafeInteger(value)) return undefined;
  if (format === "0" || format === 1) return String(value);
  if ((format === "General" || format === 0) && Math.abs(value) < 1e11) return String(value);
  return undefined;
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
