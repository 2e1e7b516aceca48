/**
 * Planned rows -> `<sheetData>`, streamed row by row: each value converted (text always as text, dates as serials
 * under a date format, numbers as numbers) and each cell given its palette style's format index. The cells a merge
 * covers take the style of its top-left cell, as Excel (and ExcelJS) draw a merged area: borders run all round.
 */
import { isoDateToSerial } from "../../core/calendarDate";
import { storableText } from "../../core/plans/storableText";
import { cellRef, columnLetters, type CellRange } from "../../core/rawSheet";
import type { PlannedCell, SheetPlan } from "../../core/plans/sheetPlan";
import type { CellTextWriter } from "./cellText";
import type { StyleRegistry } from "./styleRegistry";
import { escapeOoxmlSequences } from "./xml";
import { asciiBytes } from "./partWriter";
import type { PartStream } from "./zipPackage";

/** The extent of what a sheet writes: the rows and columns of its cells and merges (0-based, inclusive). */
export function usedRange(plan: SheetPlan): CellRange | undefined {
  let endRow = -1;
  let endCol = -1;
  plan.rows.forEach((row, r) => {
    if (row && row.length > 0) {
      endRow = r;
      endCol = Math.max(endCol, row.length - 1);
    }
  });
  for (const merge of plan.merges) {
    endRow = Math.max(endRow, merge.endRow);
    endCol = Math.max(endCol, merge.endCol);
  }
  return endRow < 0 ? undefined : { startRow: 0, startCol: 0, endRow, endCol };
}

const ROW_OPEN = asciiBytes('<row r="');
const HEIGHT = asciiBytes(' ht="');
const CUSTOM_HEIGHT = asciiBytes('" customHeight="1"');
const CLOSE = asciiBytes(">");
const ROW_CLOSE = asciiBytes("</row>");
const CELL_OPEN = asciiBytes('<c r="');
const STYLE = asciiBytes('" s="');
const QUOTE = asciiBytes('"');
const SELF_CLOSE = asciiBytes("/>");
const VALUE_OPEN = asciiBytes("><v>");
const VALUE_CLOSE = asciiBytes("</v></c>");

/**
 * `<sheetData>`, row by row, straight into the part's bytes (see PartWriter: this is the writer's hot path). A row
 * with neither cells nor a height is left out; a cell that would be empty and unstyled is too.
 */
export function writeSheetData(out: PartStream, plan: SheetPlan, styles: StyleRegistry, text: CellTextWriter): void {
  const extent = usedRange(plan);
  const letters = Array.from({ length: (extent?.endCol ?? 0) + 1 }, (_, col) => asciiBytes(columnLetters(col)));
  const merged = mergedCellStyles(plan, styles);
  const heights = plan.rowHeights ?? {};
  const lastRow = Math.max(extent?.endRow ?? -1, ...Object.keys(heights).map(Number));
  // Each cell's format index (-1: written as nothing) and what it holds (nothing inside a merge), known before
  // the row's tag is opened.
  const cellStyles: number[] = [];
  const contents: Array<PlannedCell | undefined> = [];
  out.write("<sheetData>");
  for (let r = 0; r <= lastRow; r++) {
    const number = r + 1;
    const cells = plan.rows[r] ?? [];
    const covered = merged.get(r);
    const width = covered ? Math.max(cells.length, ...covered.map((span) => span.endCol + 1)) : cells.length;
    let anyCell = false;
    for (let c = 0; c < width; c++) {
      const span = covered?.find((candidate) => candidate.startCol <= c && c <= candidate.endCol && !(candidate.row === r && candidate.startCol === c));
      const style = span ? (span.style === 0 ? -1 : span.style) : writtenStyle(cells[c], styles);
      cellStyles[c] = style;
      contents[c] = span ? undefined : cells[c];
      if (style >= 0) anyCell = true;
    }
    const height = heights[r];
    if (!anyCell && height === undefined) continue;
    out.bytes(ROW_OPEN);
    out.number(number);
    out.bytes(QUOTE);
    if (height !== undefined) {
      out.bytes(HEIGHT);
      out.number(height);
      out.bytes(CUSTOM_HEIGHT);
    }
    if (!anyCell) {
      out.bytes(SELF_CLOSE);
      continue;
    }
    out.bytes(CLOSE);
    for (let c = 0; c < width; c++) {
      const style = cellStyles[c] ?? -1;
      if (style < 0) continue;
      out.bytes(CELL_OPEN);
      out.bytes(letters[c] ?? asciiBytes(columnLetters(c)));
      out.number(number);
      if (style > 0) {
        out.bytes(STYLE);
        out.number(style);
      }
      out.bytes(QUOTE);
      writeCellContent(out, contents[c], text, r, c);
    }
    out.bytes(ROW_CLOSE);
  }
  out.write("</sheetData>");
}

/** A merge, row by row, with the format index of its top-left cell; `row` is the merge's first row. */
interface MergeSpan {
  row: number;
  startCol: number;
  endCol: number;
  style: number;
}

/**
 * The merges crossing each row. Every cell of a merge but its top-left one is written empty under the top-left
 * cell's style, whatever the plan put there: a merged area shows only its top-left cell.
 */
function mergedCellStyles(plan: SheetPlan, styles: StyleRegistry): Map<number, MergeSpan[]> {
  const byRow = new Map<number, MergeSpan[]>();
  for (const merge of plan.merges) {
    const topLeft = plan.rows[merge.startRow]?.[merge.startCol];
    const style = topLeft ? cellStyleOf(topLeft, styles) : 0;
    for (let r = merge.startRow; r <= merge.endRow; r++) {
      const spans = byRow.get(r) ?? [];
      spans.push({ row: merge.startRow, startCol: merge.startCol, endCol: merge.endCol, style });
      byRow.set(r, spans);
    }
  }
  return byRow;
}

/**
 * Every format a sheet's cells and conditional formats use, registered before anything is written: a package
 * being updated may hold its styles part before the sheets, and styles must be final when it is written.
 */
export function registerSheetStyles(plan: SheetPlan, styles: StyleRegistry): void {
  for (const row of plan.rows) for (const cell of row ?? []) if (cell) cellStyleOf(cell, styles);
  mergedCellStyles(plan, styles);
  for (const format of plan.conditionalFormats) styles.differentialStyle(format.style);
}

function cellStyleOf(planned: PlannedCell, styles: StyleRegistry): number {
  const holdsDate = typeof planned.value === "object" && planned.value !== null;
  return planned.style === undefined && !holdsDate ? 0 : styles.cellStyle(planned.style, holdsDate);
}

/**
 * The format index a planned cell is written with, or -1 when it is written as nothing. An empty string is an
 * empty cell: a cell holding "" is not blank to ISBLANK, COUNTA or "allow blank" in data validation, and some
 * readers take it for a zero under a date format. An empty cell with a style is still written, so a typed entry
 * takes the column's format.
 */
function writtenStyle(planned: PlannedCell | undefined, styles: StyleRegistry): number {
  if (!planned) return -1;
  const style = cellStyleOf(planned, styles);
  return style === 0 && (planned.value === null || planned.value === "") ? -1 : style;
}

/** What follows a cell's `r` and `s`: its type and value, through `</c>`; `/>` for an empty cell. */
function writeCellContent(out: PartStream, planned: PlannedCell | undefined, text: CellTextWriter, row: number, col: number): void {
  const value = planned?.value ?? null;
  if (value === null || value === "") return out.bytes(SELF_CLOSE);
  // Whatever a return held, the cell gets text a workbook can store (cut with a mark when too long).
  if (typeof value === "string") return text.writeCell(out, escapeOoxmlSequences(storableText(value)));
  // NaN and Infinity have no spelling in the file format; Excel would repair the file.
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`cell ${cellRef(row, col)}: ${value} is not a number Excel can store`);
  out.bytes(VALUE_OPEN);
  // A date cell is its serial number under a date format; the core owns the one serial conversion.
  out.number(typeof value === "number" ? value : isoDateToSerial(value.date));
  out.bytes(VALUE_CLOSE);
}
