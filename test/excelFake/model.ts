/**
 * The workbook the fake Excel holds: plain data that tests read and compare directly. Rows and columns are 0-based
 * as in the core; addresses are A1 as in Excel. Plain TypeScript (no Node, no jest): the same fake runs as the
 * host of the built task pane in a browser.
 */
import type { CellRange } from "../../src/core/rawSheet";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** What a cell holds: empty, text, a number, a boolean, or a formula error such as #NAME?. */
export type CellValue = string | number | boolean | null | { error: string };

export interface BorderLine {
  style?: string;
  weight?: string;
}

export interface CellFormat {
  fontName?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders?: { top?: BorderLine; bottom?: BorderLine; left?: BorderLine; right?: BorderLine };
}

export interface FakeCell {
  value: CellValue;
  /** Set when the cell holds a formula (then `value` is what it shows). */
  formula?: string;
  numberFormat: string;
  format: CellFormat;
}

export interface FakeValidation {
  range: CellRange;
  rule: Record<string, unknown> | null;
  errorAlert?: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export interface FakeConditionalFormat {
  id: string;
  range: CellRange;
  type: string;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeNote {
  row: number;
  col: number;
  content: string;
  author: string;
}

export interface FakeSheet {
  id: number;
  name: string;
  visibility: Visibility;
  /** Cells by row * MAX_COLUMNS + column. */
  cells: Map<number, FakeCell>;
  merges: CellRange[];
  /** Points, by column. */
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  freeze: { rows: number; columns: number } | null;
  pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: Record<string, unknown>;
    printTitleRows?: string;
    centerHeader?: string;
    centerFooter?: string;
  };
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  notes: FakeNote[];
  /** A protected sheet refuses cell changes with AccessDenied. */
  protected: boolean;
}

export interface FakeTable {
  id: number;
  name: string;
  sheetId: number;
  range: CellRange;
  style: string;
  showBandedRows: boolean;
}

export interface WorkbookModel {
  /** In tab order. */
  sheets: FakeSheet[];
  tables: FakeTable[];
  activeSheetId: number;
  selection: { sheetId: number; range: CellRange } | null;
  title: string;
  nextId: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function keyCol(key: number): number {
  return key % MAX_COLUMNS;
}

export function emptyWorkbook(): WorkbookModel {
  const model: WorkbookModel = { sheets: [], tables: [], activeSheetId: 0, selection: null, title: "", nextId: 1 };
  const first = newSheet(model, "Sheet1");
  model.sheets.push(first);
  model.activeSheetId = first.id;
  return model;
}

export function newSheet(model: WorkbookModel, name: string): FakeSheet {
  return {
    id: model.nextId++,
    name,
    visibility: "Visible",
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    freeze: null,
    pageLayout: {},
    validations: [],
    conditionalFormats: [],
    notes: [],
    protected: false,
  };
}

export function sheetByName(model: WorkbookModel, name: string): FakeSheet | undefined {
  return model.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.startRow <= b.endRow && b.startRow <= a.endRow && a.startCol <= b.endCol && b.startCol <= a.endCol;
}

export function sameRange(a: CellRange, b: CellRange): boolean {
  return a.startRow === b.startRow && a.startCol === b.startCol && a.endRow === b.endRow && a.endCol === b.endCol;
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return outer.startRow <= inner.startRow && inner.endRow <= outer.endRow && outer.startCol <= inner.startCol && inner.endCol <= outer.endCol;
}

/** A deep copy, for snapshots taken before an operation a test wants to prove harmless. */
export function cloneWorkbook(model: WorkbookModel): WorkbookModel {
  return {
    ...model,
    sheets: model.sheets.map((sheet) => ({
      ...sheet,
      cells: new Map([...sheet.cells].map(([key, cell]) => [key, cloneCell(cell)])),
      merges: sheet.merges.map((merge) => ({ ...merge })),
      columnWidths: new Map(sheet.columnWidths),
      hiddenColumns: new Set(sheet.hiddenColumns),
      rowHeights: new Map(sheet.rowHeights),
      freeze: sheet.freeze ? { ...sheet.freeze } : null,
      pageLayout: JSON.parse(JSON.stringify(sheet.pageLayout)) as FakeSheet["pageLayout"],
      validations: JSON.parse(JSON.stringify(sheet.validations)) as FakeValidation[],
      conditionalFormats: sheet.conditionalFormats.map((format) => ({ ...format, range: { ...format.range } })),
      notes: sheet.notes.map((note) => ({ ...note })),
    })),
    tables: model.tables.map((table) => ({ ...table, range: { ...table.range } })),
    selection: model.selection ? { ...model.selection, range: { ...model.selection.range } } : null,
  };
}

function cloneCell(cell: FakeCell): FakeCell {
  return { ...cell, value: typeof cell.value === "object" && cell.value !== null ? { ...cell.value } : cell.value, format: JSON.parse(JSON.stringify(cell.format)) as CellFormat };
}
