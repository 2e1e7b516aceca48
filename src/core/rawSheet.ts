/**
 * RawSheet: the common currency of reading. Both readers (file bytes, the live Excel sheet) produce it and the
 * core never knows which one did.
 */

/** One cell as the spreadsheet holds it. `text` is what the user sees in the cell (the formatted value). */
export type Cell =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; text: string }
  /** A number formatted as a date. `serial` is in the 1900 date system (readers convert 1904 workbooks). */
  | { kind: "date"; serial: number; text: string }
  | { kind: "boolean"; value: boolean; text: string }
  /** A formula error such as #N/A or #REF!. */
  | { kind: "error"; text: string };

/** A rectangle of cells, 0-based and inclusive on both ends. */
export interface CellRange {
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
}

export interface RawSheet {
  name: string;
  /** Hidden and very hidden sheets are still read: template metadata lives on one. */
  hidden: boolean;
  /** rows[r][c], 0-based; a missing or null entry is an empty cell. Rows may be ragged. */
  rows: ReadonlyArray<ReadonlyArray<Cell | null | undefined>>;
  merges: ReadonlyArray<CellRange>;
}

/** A whole workbook as read: its sheets in workbook order. */
export interface RawWorkbook {
  sheets: ReadonlyArray<RawSheet>;
}

/** The text of a cell, trimmed; "" for an empty cell. */
export function cellText(cell: Cell | null | undefined): string {
  return cell ? cell.text.trim() : "";
}

/** "A1"-style reference of a 0-based cell, as Excel shows it. */
export function cellRef(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
