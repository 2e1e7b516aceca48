/**
 * Planned rows -> `<sheetData>`, streamed row by row: each value converted (text always as text, dates as serials
 * under a date format, numbers as numbers) and each cell given its palette style's format index. The cells a merge
 * covers take the style of its top-left cell, as Excel (and ExcelJS) draw a merged area: borders run all round.
 */
import { isoDateToSerial } from "../../core/calendarDate";
import { storableText } from "../../core/plans/storableText";
import { columnLetters, type CellRange } from "../../core/rawSheet";
import type { PlannedCell, SheetPlan } from "../../core/plans/sheetPlan";
import type { CellTextWriter } from "./cellText";
import type { StyleRegistry } from "./styleRegistry";
import { escapeOoxmlSequences } from "./xml";
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

export function writeSheetData(out: PartStream, plan: SheetPlan, styles: StyleRegistry, text: CellTextWriter): void {
  const extent = usedRange(plan);
  const letters = Array.from({ length: (extent?.endCol ?? 0) + 1 }, (_, col) => columnLetters(col));
  const merged = mergedCellStyles(plan, styles);
  const heights = plan.rowHeights ?? {};
  const lastRow = Math.max(extent?.endRow ?? -1, ...Object.keys(heights).map(Number));
  out.write("<sheetData>");
  for (let r = 0; r <= lastRow; r++) {
    const number = r + 1;
    const cells = plan.rows[r] ?? [];
    const covered = merged.get(r);
    const width = covered ? Math.max(cells.length, ...covered.map((span) => span.endCol + 1)) : cells.length;
    let xml = "";
    for (let c = 0; c < width; c++) {
      const ref = `${letters[c]}${number}`;
      const span = covered?.find((candidate) => candidate.startCol <= c && c <= candidate.endCol && !(candidate.row === r && candidate.startCol === c));
      xml += span ? emptyCell(ref, span.style) : cellXml(cells[c], ref, styles, text);
    }
    const height = heights[r];
    if (xml === "" && height === undefined) continue;
    const rowAttributes = height === undefined ? "" : ` ht="${height}" customHeight="1"`;
    out.write(xml === "" ? `<row r="${number}"${rowAttributes}/>` : `<row r="${number}"${rowAttributes}>${xml}</row>`);
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

function emptyCell(ref: string, style: number): string {
  return style === 0 ? "" : `<c r="${ref}" s="${style}"/>`;
}

function cellStyleOf(planned: PlannedCell, styles: StyleRegistry): number {
  const holdsDate = typeof planned.value === "object" && planned.value !== null;
  return planned.style === undefined && !holdsDate ? 0 : styles.cellStyle(planned.style, holdsDate);
}

/**
 * One planned cell. An empty string is an empty cell: a cell holding "" is not blank to ISBLANK, COUNTA or "allow
 * blank" in data validation, and some readers take it for a zero under a date format. An empty cell with a style
 * is still written, so a typed entry takes the column's format.
 */
function cellXml(planned: PlannedCell | undefined, ref: string, styles: StyleRegistry, text: CellTextWriter): string {
  if (!planned) return "";
  const style = cellStyleOf(planned, styles);
  const attributes = style === 0 ? ` r="${ref}"` : ` r="${ref}" s="${style}"`;
  const { value } = planned;
  if (value === null || value === "") return style === 0 ? "" : `<c${attributes}/>`;
  // Whatever a return held, the cell gets text a workbook can store (cut with a mark when too long).
  if (typeof value === "string") return text.cell(attributes, escapeOoxmlSequences(storableText(value)));
  if (typeof value === "number") {
    // NaN and Infinity have no spelling in the file format; Excel would repair the file.
    if (!Number.isFinite(value)) throw new Error(`cell ${ref}: ${value} is not a number Excel can store`);
    return `<c${attributes}><v>${value}</v></c>`;
  }
  // A date cell is its serial number under a date format; the core owns the one serial conversion.
  return `<c${attributes}><v>${isoDateToSerial(value.date)}</v></c>`;
}
