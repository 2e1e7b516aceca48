/**
 * A1 addresses between the core's 0-based rectangles and what Office.js takes and returns. Office.js returns
 * addresses with the sheet name in front (`Sheet1!A1:B2`, `'附件1 市级层面'!C7`, areas joined by ", "); the
 * parsers below drop the sheet part, whatever characters the name holds.
 */
import { cellRef, columnLetters, type CellRange } from "../core/rawSheet";

export function rangeAddress(range: CellRange): string {
  const start = cellRef(range.startRow, range.startCol);
  const end = cellRef(range.endRow, range.endCol);
  return start === end ? start : `${start}:${end}`;
}

/** Whole columns, e.g. "B:D". */
export function columnsAddress(firstCol: number, lastCol: number): string {
  return `${columnLetters(firstCol)}:${columnLetters(lastCol)}`;
}

/** Whole rows (0-based in, 1-based out), e.g. "3:3"; absolute, as print titles want them. */
export function rowsAddress(firstRow: number, lastRow: number, absolute = false): string {
  const mark = absolute ? "$" : "";
  return `${mark}${firstRow + 1}:${mark}${lastRow + 1}`;
}

/** One reference after its sheet prefix: A1, $A$1, A1:B2. */
const REFERENCE = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;

/** The rectangles of an address such as `'a, b'!A1:B2, 'a, b'!D5`; areas that cannot be read are skipped. */
export function parseAreas(address: string): CellRange[] {
  return splitAreas(address).flatMap((area) => {
    const range = parseArea(area);
    return range ? [range] : [];
  });
}

/** A single rectangle, e.g. `Sheet1!C7` or `C7:D9`; undefined when it is not one. */
export function parseArea(area: string): CellRange | undefined {
  // A reference holds no "!", so the last one ends the sheet name, however the name is spelt.
  const match = REFERENCE.exec(area.slice(area.lastIndexOf("!") + 1).trim());
  if (!match?.[1] || !match[2]) return undefined;
  const startCol = columnIndex(match[1]);
  const startRow = Number(match[2]) - 1;
  const endCol = match[3] ? columnIndex(match[3]) : startCol;
  const endRow = match[4] ? Number(match[4]) - 1 : startRow;
  return { startRow: Math.min(startRow, endRow), startCol: Math.min(startCol, endCol), endRow: Math.max(startRow, endRow), endCol: Math.max(startCol, endCol) };
}

/** Splits at the commas between areas, never at a comma inside a quoted sheet name. */
function splitAreas(address: string): string[] {
  const areas: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of address) {
    if (char === "'") quoted = !quoted; // a doubled quote inside a name toggles twice: still quoted
    if (char === "," && !quoted) {
      areas.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  areas.push(current);
  return areas.map((area) => area.trim()).filter((area) => area !== "");
}

function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}
