/**
 * The marks a check leaves on problem cells, and how they come off again without touching anything else.
 *
 * A mark is a conditional format, not a fill: a custom rule whose formula, `=N("huizong-mark:error")=0`, is always
 * true (N of a text is 0) and carries Huizong's tag in its text, with the error or warning colour. A conditional
 * format paints over the cell's own fill without changing it, so clearing is deleting the rules that carry the
 * tag: the cell's own fill, the template's rules and the clerk's own rules are never touched, and nothing about the
 * cell has to be remembered. Where the host has notes (ExcelApi 1.18), each marked cell also gets a note with its
 * messages, starting with a heading (excelText.noteHeading) by which clearing tells Huizong's notes from the
 * clerk's; a cell that already holds the clerk's note keeps it and gets the colour only.
 *
 * Telling the tagged rules apart takes two reads: the rules' types, then the formulas of the custom ones (reading a
 * custom rule's formula on another kind fails). Both ride on syncs the caller makes anyway.
 */
import { cellRef, type CellRange } from "../core/rawSheet";
import type { Severity } from "../core/issues";
import { excelText } from "../messages/zhCN";
import { parseArea, rangeAddress } from "./addresses";
import type { ConditionalFormatApi, ConditionalFormatCollectionApi, NoteApi, NoteCollectionApi, RangeApi, WorksheetApi } from "./officeApi";
import { jsonBytes, op, OPERATION_BYTES, type WriteOp } from "./payload";

export const MARK_TAG = "huizong-mark";

/** Excel's own "bad" and "neutral" fills: red-pink for errors, yellow for warnings. */
export const MARK_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C" };

export function markFormula(severity: Severity): string {
  return `=N("${MARK_TAG}:${severity}")=0`;
}

/** One cell to mark: where, how bad, and what to say. */
export interface MarkedCell {
  row: number;
  col: number;
  severity: Severity;
  messages: string[];
}

interface CustomFormat {
  format: ConditionalFormatApi;
  rule: { formula: string };
  range: RangeApi;
}

interface LocatedNote {
  note: NoteApi;
  location: RangeApi;
}

/** The marks on one sheet, read in two steps (see the module comment), then cleared and replaced. */
export class SheetMarks {
  private readonly formats: ConditionalFormatCollectionApi;
  private readonly notes: NoteCollectionApi | undefined;
  private custom: CustomFormat[] = [];
  private located: LocatedNote[] = [];

  /** Queues the first read; `withNotes` only where the host has notes. */
  constructor(
    private readonly sheet: WorksheetApi,
    private readonly withNotes: boolean,
  ) {
    this.formats = sheet.getRange().conditionalFormats;
    this.formats.load("items/type");
    if (withNotes) {
      this.notes = sheet.notes;
      this.notes.load("items/content");
    }
  }

  /** After the first sync: queues the formulas and ranges of the custom rules, and where each note sits. */
  queueDetails(): void {
    this.custom = this.formats.items
      .filter((format) => format.type === "Custom")
      .map((format) => {
        const rule = format.custom.rule;
        rule.load("formula");
        const range = format.getRangeOrNullObject();
        range.load("address");
        return { format, rule, range };
      });
    this.located = (this.notes?.items ?? []).map((note) => {
      const location = note.getLocation();
      location.load("address");
      return { note, location };
    });
  }

  /** After the second sync: the cells Huizong's marks cover now. */
  markedCells(): number {
    const cells = new Set<string>();
    for (const { range } of this.ourFormats()) {
      const area = range.isNullObject ? undefined : parseArea(range.address);
      if (area) for (const cell of cellsOf(area)) cells.add(cell);
    }
    for (const { location } of this.ourNotes()) cells.add(cellOf(location.address));
    return cells.size;
  }

  /** Operations deleting Huizong's rules and notes, and nothing else. */
  clearOps(): WriteOp[] {
    return [
      ...this.ourFormats().map(({ format }) => op(0, () => format.delete())),
      ...this.ourNotes().map(({ note }) => op(0, () => note.delete())),
    ];
  }

  /**
   * Operations marking the cells: one rule per run of neighbouring cells of a column with the same severity, and a
   * note per cell where notes are possible and the cell has no note of the clerk's.
   */
  markOps(cells: readonly MarkedCell[]): WriteOp[] {
    const userNotes = new Set(this.located.filter((entry) => !isOurs(entry.note.content)).map(({ location }) => cellOf(location.address)));
    const rules = runsOf(cells).map(({ range, severity }) => {
      const address = rangeAddress(range);
      return op(jsonBytes(address) + 3 * OPERATION_BYTES, () => {
        const format = this.sheet.getRange(address).conditionalFormats.add("Custom");
        format.custom.rule.formula = markFormula(severity);
        format.custom.format.fill.color = MARK_FILL[severity];
      });
    });
    const notes = this.withNotes
      ? cells
          .map((cell) => ({ address: cellRef(cell.row, cell.col), content: excelText.note(cell.messages) }))
          .filter(({ address }) => !userNotes.has(address))
          .map(({ address, content }) => op(jsonBytes([address, content]), () => this.sheet.notes.add(address, content)))
      : [];
    return [...rules, ...notes];
  }

  private ourFormats(): CustomFormat[] {
    return this.custom.filter(({ rule }) => rule.formula.includes(`"${MARK_TAG}`));
  }

  private ourNotes(): LocatedNote[] {
    return this.located.filter(({ note }) => isOurs(note.content));
  }
}

function isOurs(content: string): boolean {
  return content.startsWith(excelText.noteHeading);
}

/** Cells of one column, one severity and consecutive rows become one rectangle. */
function runsOf(cells: readonly MarkedCell[]): Array<{ range: CellRange; severity: Severity }> {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Array<{ range: CellRange; severity: Severity }> = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.severity === cell.severity && last.range.startCol === cell.col && last.range.endRow === cell.row - 1) {
      last.range.endRow = cell.row;
    } else {
      runs.push({ severity: cell.severity, range: { startRow: cell.row, startCol: cell.col, endRow: cell.row, endCol: cell.col } });
    }
  }
  return runs;
}

function cellsOf(area: CellRange): string[] {
  const cells: string[] = [];
  for (let row = area.startRow; row <= area.endRow; row++) {
    for (let col = area.startCol; col <= area.endCol; col++) cells.push(cellRef(row, col));
  }
  return cells;
}

/** "C7" for `'附件1 市级层面'!$C$7`. */
function cellOf(address: string): string {
  const area = parseArea(address);
  return area ? cellRef(area.startRow, area.startCol) : address;
}
