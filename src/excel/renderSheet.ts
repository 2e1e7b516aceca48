/**
 * Sheet plans -> Office.js calls: the live-workbook twin of src/files/writeWorkbook, rendering the same plans into
 * the same sheets. A thin translator: what a sheet holds is decided by the plan; this file knows how Office.js
 * spells it, and how to keep the calls few and each request small.
 *
 * - Values go in one 2-D write per row slab (a slab's JSON stays near SLAB_BYTES, so a 20,000-row master is a few
 *   writes, each well inside Excel on the web's 5 MB request limit).
 * - Text stays text. A string written to `values` that starts with `=`, `+` or `-` is taken as a formula ("If the
 *   returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a
 *   formula": the `Range.values` reference, https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member),
 *   and a digit string such as a phone number becomes a number. So every cell that receives a string gets the
 *   text format "@" in the same batch, before its value; numbers and dates get their style's format.
 * - Styles and number formats are set per rectangle of equal cells (cellBlocks), not per cell.
 *
 * Data validations and conditional formats are spelt in renderRules. Sheet-level settings are queued separately:
 * frozen panes (queueViewSettings) when the transaction commits, print setup (queuePrintSetup) after it.
 */
import { isoDateToSerial } from "../core/calendarDate";
import type { CellRange } from "../core/rawSheet";
import { palette, type CellStyle, type PlannedCell, type PlannedValue, type SheetPlan } from "../core/plans/sheetPlan";
import { storableText } from "../core/plans/storableText";
import { columnsAddress, rangeAddress, rowsAddress } from "./addresses";
import { rectanglesByKey } from "./cellBlocks";
import { isApiSupported } from "./excelRun";
import type { BorderIndex, RangeApi, TableApi, WorksheetApi } from "./officeApi";
import { jsonBytes, op, OPERATION_BYTES, type WriteOp } from "./payload";
import { conditionalFormatOp, validationOp } from "./renderRules";

/** Values and formats of one slab: two slabs share a sync, within the 4 MB batch. */
export const SLAB_BYTES = 1_900_000;

/** For a date under a style without a date format: the notices' own spelling, as writeWorkbook uses. */
const DEFAULT_DATE_FORMAT = "yyyy/m/d";

/** Where a plan is rendered: the sheet (added by an earlier operation of the same stream) and its table's name. */
export interface SheetTarget {
  sheet(): WorksheetApi;
  /** The name the plan's table gets while it is written (unique in the workbook). */
  tableName: string;
  /** Receives the added table, so the transaction can give it its final name. */
  onTable(table: TableApi): void;
}

/**
 * The plan's cells, styles, table and rules as write operations, in the order they must run: column widths and
 * row heights, the slab holding the table's header row, the table, the styles, the remaining slabs, then merges,
 * data validations and conditional formats over the written cells.
 */
export function sheetWriteOps(plan: SheetPlan, target: SheetTarget): WriteOp[] {
  const width = plan.rows.reduce((widest, row) => Math.max(widest, row?.length ?? 0), 0);
  const slabs = slabsOf(plan, width);
  const slabOps = slabs.map((slab) => slabOp(plan, slab, width, target));
  const headerRow = plan.table?.range.startRow ?? 0;
  const headerSlab = Math.max(0, slabs.findIndex((slab) => slab.firstRow <= headerRow && headerRow <= slab.lastRow));

  return [
    ...layoutOps(plan, target),
    ...slabOps.slice(0, headerSlab + 1),
    ...(plan.table ? [tableOp(plan, target)] : []),
    ...styleOps(plan, width, target),
    ...slabOps.slice(headerSlab + 1),
    ...plan.merges.map((merge) => op(jsonBytes(rangeAddress(merge)), () => target.sheet().getRange(rangeAddress(merge)).merge(false))),
    ...plan.dataValidations.map((validation) => validationOp(validation, target)),
    ...plan.conditionalFormats.map((format) => conditionalFormatOp(format, target)),
  ];
}

/** Frozen panes, queued once the sheet is visible. */
export function queueViewSettings(sheet: WorksheetApi, plan: SheetPlan): void {
  const freeze = plan.freeze;
  if (freeze && freeze.rows > 0 && freeze.columns > 0) {
    sheet.freezePanes.freezeAt(rangeAddress({ startRow: 0, startCol: 0, endRow: freeze.rows - 1, endCol: freeze.columns - 1 }));
  } else if (freeze && freeze.rows > 0) {
    sheet.freezePanes.freezeRows(freeze.rows);
  } else if (freeze && freeze.columns > 0) {
    sheet.freezePanes.freezeColumns(freeze.columns);
  }
}

/** A4, orientation, fit to width and print titles (ExcelApi 1.9); false when there is nothing to set. */
export function queuePrintSetup(sheet: WorksheetApi, plan: SheetPlan): boolean {
  const print = plan.print;
  if (!print || !isApiSupported("1.9")) return false;
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.paperSize = print.paperSize;
  // One page wide, as many pages tall as the rows need (0: automatic, as in the file format's fitToHeight).
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.repeatRows) layout.setPrintTitleRows(rowsAddress(print.repeatRows.first, print.repeatRows.last, true));
  // Office.js takes each section apart; the plan's texts are centre sections (&C…).
  const pages = layout.headersFooters.defaultForAllPages;
  if (print.header) pages.centerHeader = centreSection(print.header);
  if (print.footer) pages.centerFooter = centreSection(print.footer);
  return true;
}

function centreSection(codes: string): string {
  return codes.startsWith("&C") ? codes.slice(2) : codes;
}

// ---------------------------------------------------------------------------------------------------------------
// Columns and rows

/** Excel's column width unit is the width of a digit (7 px in the default font) plus 5 px of padding. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function layoutOps(plan: SheetPlan, target: SheetTarget): WriteOp[] {
  const ops: WriteOp[] = [];
  let start = 0;
  plan.columnWidths.forEach((width, col) => {
    if (plan.columnWidths[col + 1] === width) return;
    const address = columnsAddress(start, col);
    ops.push(op(jsonBytes(address), () => (target.sheet().getRange(address).format.columnWidth = columnWidthPoints(width))));
    start = col + 1;
  });
  for (const col of plan.hiddenColumns ?? []) {
    ops.push(op(0, () => (target.sheet().getRange(columnsAddress(col, col)).columnHidden = true)));
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    ops.push(op(0, () => (target.sheet().getRange(rowsAddress(Number(row), Number(row))).format.rowHeight = height)));
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------------------------
// Values and number formats, one slab of rows at a time

interface Slab {
  firstRow: number;
  lastRow: number;
}

/** Consecutive rows whose values and formats stay within SLAB_BYTES of JSON (at least one row each). */
function slabsOf(plan: SheetPlan, width: number): Slab[] {
  const slabs: Slab[] = [];
  let firstRow = 0;
  let size = 0;
  for (let row = 0; row < plan.rows.length; row++) {
    const cells = plan.rows[row] ?? [];
    const rowBytes = jsonBytes(rowValues(cells, width, row)) + jsonBytes(rowFormats(cells, width));
    if (row > firstRow && size + rowBytes > SLAB_BYTES) {
      slabs.push({ firstRow, lastRow: row - 1 });
      firstRow = row;
      size = 0;
    }
    size += rowBytes;
  }
  if (plan.rows.length > 0) slabs.push({ firstRow, lastRow: plan.rows.length - 1 });
  return slabs;
}

/** Formats first, then values, in one operation: the format of a cell is set before its value, in the same batch. */
function slabOp(plan: SheetPlan, slab: Slab, width: number, target: SheetTarget): WriteOp {
  const rowCount = slab.lastRow - slab.firstRow + 1;
  const values: Array<Array<string | number | null>> = [];
  const formats: Array<Array<string | null>> = [];
  for (let row = slab.firstRow; row <= slab.lastRow; row++) {
    const cells = plan.rows[row] ?? [];
    values.push(rowValues(cells, width, row));
    formats.push(rowFormats(cells, width));
  }
  const rectangles = rectanglesByKey(rowCount, width, (row, col) => formats[row]?.[col] ?? undefined);
  const rectangleBytes = rectangles.reduce((sum, { key, range }) => sum + OPERATION_BYTES + jsonBytes(key) + jsonBytes(rangeAddress(range)), 0);
  const gridBytes = jsonBytes(formats);
  const byRectangles = rectangleBytes <= gridBytes;
  const writeCells = (): void => {
    const sheet = target.sheet();
    if (width === 0) return;
    if (byRectangles) {
      for (const { key, range } of rectangles) {
        setEveryCell(sheet.getRange(rangeAddress(shift(range, slab.firstRow))), key);
      }
    } else {
      sheet.getRangeByIndexes(slab.firstRow, 0, rowCount, width).numberFormat = formats;
    }
    sheet.getRangeByIndexes(slab.firstRow, 0, rowCount, width).values = values;
  };
  return op(jsonBytes(values) + Math.min(rectangleBytes, gridBytes), writeCells);
}

function shift(range: CellRange, rows: number): CellRange {
  return { ...range, startRow: range.startRow + rows, endRow: range.endRow + rows };
}

/**
 * One number format on every cell of a range. Office.js applies a single value given for a 2-D property to each
 * cell of the range (the performance guidance, "Update all cells in a range": "set the corresponding property on
 * the range object to the desired (single) value"); its typings declare only the 2-D form, hence the cast.
 */
function setEveryCell(range: RangeApi, numberFormat: string): void {
  (range as unknown as { numberFormat: string }).numberFormat = numberFormat;
}

function rowValues(cells: readonly PlannedCell[], width: number, row: number): Array<string | number | null> {
  const values = new Array<string | number | null>(width).fill(null);
  cells.forEach((cell, col) => {
    values[col] = cell ? excelValue(cell.value, row, col) : null;
  });
  return values;
}

function rowFormats(cells: readonly PlannedCell[], width: number): Array<string | null> {
  const formats = new Array<string | null>(width).fill(null);
  cells.forEach((cell, col) => {
    formats[col] = cell ? (cellFormat(cell) ?? null) : null;
  });
  return formats;
}

/** Strings as themselves ("" empties the cell), dates as their serial, numbers as numbers. */
function excelValue(value: PlannedValue, row: number, col: number): string | number | null {
  if (value === null) return null;
  // Excel refuses a text over its cell limit: the same storable text as in files, cut with a mark.
  if (typeof value === "string") return storableText(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`row ${row + 1}, column ${col + 1}: ${value} is not a number Excel can store`);
    return value;
  }
  return isoDateToSerial(value.date);
}

/**
 * The number format a cell gets: text for every string (so nothing typed turns into a formula or a number), the
 * style's format for numbers and dates (a date under a text or missing format gets yyyy/m/d, as in writeWorkbook),
 * and for an empty cell its style's format, so that what a unit types later is kept as the template means it.
 */
function cellFormat(cell: PlannedCell): string | undefined {
  const styleFormat = cell.style ? palette[cell.style].numberFormat : undefined;
  const value = cell.value;
  if (typeof value === "string" && value !== "") return "@";
  if (typeof value === "number") return styleFormat !== "@" ? styleFormat : undefined;
  if (value !== null && typeof value === "object") return styleFormat === undefined || styleFormat === "@" ? DEFAULT_DATE_FORMAT : styleFormat;
  return styleFormat;
}

// ---------------------------------------------------------------------------------------------------------------
// The table and the styles

function tableOp(plan: SheetPlan, target: SheetTarget): WriteOp {
  const table = plan.table;
  if (!table) throw new Error("tableOp needs a table");
  return op(jsonBytes(target.tableName) + jsonBytes(table.style) + 2 * OPERATION_BYTES, () => {
    const added = target.sheet().tables.add(rangeAddress(table.range), true);
    added.name = target.tableName;
    added.style = table.style;
    added.showBandedRows = true;
    target.onTable(added);
  });
}

/** One operation per rectangle of one style; each sets only what the palette says for that style. */
function styleOps(plan: SheetPlan, width: number, target: SheetTarget): WriteOp[] {
  const rectangles = rectanglesByKey(plan.rows.length, width, (row, col) => plan.rows[row]?.[col]?.style);
  // The face most rectangles use (宋体) is set once on the whole written area, so that only the others (黑体
  // headings) cost a call each: a master has thousands of rectangles, and every call counts against the request.
  const baseFont = commonFontName(rectangles.map(({ key }) => palette[key].fontName));
  const base: WriteOp[] =
    baseFont === undefined || plan.rows.length === 0 || width === 0
      ? []
      : [
          op(jsonBytes(baseFont) + OPERATION_BYTES, () => {
            target.sheet().getRangeByIndexes(0, 0, plan.rows.length, width).format.font.name = baseFont;
          }),
        ];
  return [
    ...base,
    ...rectangles.map(({ key, range }) => {
      const style = palette[key];
      const address = rangeAddress(range);
      const own = style.fontName === baseFont ? { ...style, fontName: undefined } : style;
      return op(jsonBytes(address) + styleCalls(own, range) * OPERATION_BYTES, () => queueStyle(target.sheet().getRange(address), own, range));
    }),
  ];
}

/** The font name given most often, if any. */
function commonFontName(names: ReadonlyArray<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  let best: string | undefined;
  for (const [name, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = name;
  return best;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function queueStyle(range: RangeApi, style: CellStyle, area: CellRange): void {
  const format = range.format;
  if (style.fontName !== undefined) format.font.name = style.fontName;
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor) format.font.color = `#${style.fontColor}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap) format.wrapText = true;
  if (style.border) {
    for (const edge of bordersOf(area)) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
    }
  }
}

/** Thin lines round every cell: the outer edges, and the inside lines where the rectangle has any. */
function bordersOf(area: CellRange): BorderIndex[] {
  const edges: BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (area.endRow > area.startRow) edges.push("InsideHorizontal");
  if (area.endCol > area.startCol) edges.push("InsideVertical");
  return edges;
}

function styleCalls(style: CellStyle, area: CellRange): number {
  const flags = [style.fontName !== undefined, style.bold, style.italic, style.fontSize !== undefined, style.fontColor, style.fill, style.horizontal, style.vertical, style.wrap];
  return flags.filter(Boolean).length + (style.border ? 2 * bordersOf(area).length : 0);
}
