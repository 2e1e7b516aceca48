/**
 * Row heights for wrapped text. A writer must set them: neither Excel nor LibreOffice grows a row to its wrapped
 * text when it opens a file, so a long 重点活动名称 would print as its first line only. Estimated from the text and
 * the column's width (in widths of the digit 0; a Chinese character takes about two), generously, since a row a
 * little too tall costs nothing and one too short cuts text.
 */

/** Points per line of 11-point text (宋体 and its CJK stand-ins run about 1.3 × the size), and a cell's padding. */
const LINE_HEIGHT = 15;
const PADDING = 4;
/** Excel's largest row height, in points. */
const MAX_ROW_HEIGHT = 409;

/** Lines a text takes in a column of `width` characters, its own line breaks included. */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, width - 1); // wrapping breaks before a character that would not fit
  // Most cells are short: one that would fit even if every character were wide is one line (a master measures
  // every cell of every row).
  if (text.length * 2 <= perLine && !text.includes("\n")) return 1;
  let lines = 0;
  let units = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : LINE_FEED;
    if (code === LINE_FEED) {
      lines += Math.max(1, Math.ceil(units / perLine));
      units = 0;
    } else if (code < 0xdc00 || code > 0xdfff) {
      // A character outside the BMP counts once, by its first half: wide.
      units += code < 0x80 ? 1 : 2;
    }
  }
  return Math.max(1, lines);
}

const LINE_FEED = 10;

/** The height of a row whose cells hold these texts in columns of these widths; undefined for one line. */
export function rowHeightFor(cells: ReadonlyArray<{ text: string; width: number }>): number | undefined {
  return heightOf(cells.reduce((most, cell) => Math.max(most, cell.text === "" ? 1 : wrappedLines(cell.text, cell.width)), 1));
}

function heightOf(lines: number): number | undefined {
  return lines <= 1 ? undefined : Math.min(MAX_ROW_HEIGHT, Math.round(lines * LINE_HEIGHT + PADDING));
}

/**
 * Heights for the rows of a planned table from row `from` on, each tall enough for its longest wrapped cell. Cells
 * merged across the table (a heading, a note) are given as `merged` rows and measured against the table's width.
 */
export function tableRowHeights(
  rows: ReadonlyArray<ReadonlyArray<{ value: unknown }>>,
  widths: readonly number[],
  from: number,
  merged: ReadonlySet<number> = new Set(),
): Record<number, number> {
  const heights: Record<number, number> = {};
  const tableWidth = widths.reduce((sum, width) => sum + width, 0);
  // A loop rather than rowHeightFor on mapped cells: a master measures every cell of 60,000 rows and more.
  for (let row = from; row < rows.length; row++) {
    const cells = rows[row] ?? [];
    let lines = 1;
    if (merged.has(row)) lines = linesOf(cells[0]?.value, tableWidth);
    else for (let col = 0; col < cells.length; col++) lines = Math.max(lines, linesOf(cells[col]?.value, widths[col] ?? 10));
    const height = heightOf(lines);
    if (height !== undefined) heights[row] = height;
  }
  return heights;
}

function linesOf(value: unknown, width: number): number {
  if (typeof value === "string") return value === "" ? 1 : wrappedLines(value, width);
  if (typeof value === "number") return wrappedLines(String(value), width);
  return 1;
}
