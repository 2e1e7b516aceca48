/** A1 references as Excel reads and writes them: cells, rectangles, whole columns (B:D) and whole rows (3:3). */
import type { CellRange } from "../../src/core/rawSheet";
import { MAX_COLUMNS, MAX_ROWS } from "./model";
import { fail } from "./officeError";

export function parseAddress(address: string): CellRange {
  const reference = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").trim().toUpperCase();
  const [first = "", second = first] = reference.split(":");
  const a = parsePart(first);
  const b = parsePart(second);
  if (!a || !b || (a.row === undefined) !== (b.row === undefined) || (a.col === undefined) !== (b.col === undefined)) {
    fail("InvalidArgument", `not an address: ${address}`);
  }
  const startRow = a.row ?? 0;
  const endRow = b.row ?? MAX_ROWS - 1;
  const startCol = a.col ?? 0;
  const endCol = b.col ?? MAX_COLUMNS - 1;
  return { startRow: Math.min(startRow, endRow), startCol: Math.min(startCol, endCol), endRow: Math.max(startRow, endRow), endCol: Math.max(startCol, endCol) };
}

function parsePart(part: string): { row: number | undefined; col: number | undefined } | undefined {
  const match = /^([A-Z]{0,3})(\d{0,7})$/.exec(part);
  if (!match || (match[1] === "" && match[2] === "")) return undefined;
  const col = match[1] ? letterIndex(match[1]) : undefined;
  const row = match[2] ? Number(match[2]) - 1 : undefined;
  if ((col !== undefined && col >= MAX_COLUMNS) || (row !== undefined && (row < 0 || row >= MAX_ROWS))) return undefined;
  return { row, col };
}

function letterIndex(letters: string): number {
  let index = 0;
  for (const char of letters) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

export function letters(col: number): string {
  let out = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function a1(range: CellRange): string {
  const start = `${letters(range.startCol)}${range.startRow + 1}`;
  const end = `${letters(range.endCol)}${range.endRow + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/** `Sheet1!A1:B2`, the sheet name quoted when it holds anything but letters, digits, underscores and CJK. */
export function qualified(sheetName: string, range: CellRange): string {
  const plain = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheetName);
  const name = plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${name}!${a1(range)}`;
}
