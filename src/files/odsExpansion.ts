/**
 * What an OpenDocument spreadsheet asks its reader to expand, measured before SheetJS expands it. ODF compresses
 * repetition (`table:number-rows-repeated`, `table:number-columns-repeated`) and spells number formats as digit
 * counts (`number:decimal-places`); SheetJS builds every repeated row and cell and every digit, so a 10 KB file that
 * repeats one row 2,147,483,647 times, or asks for 1e308 decimal places, keeps it busy until the time limit. The
 * same budgets as for every other format apply here, to what the file declares.
 */
import { readFailure, type ReadFailure } from "./readErrors";

/** Excel's grid: no spreadsheet program writes a cell with a value beyond it. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;
/** Excel allows 30 decimal places; LibreOffice fewer. Anything far beyond is not a format anyone chose. */
const MAX_STYLE_DIGITS = 50;

const DIGIT_ATTRIBUTES = /\bnumber:(?:min-)?(?:decimal-places|integer-digits|exponent-digits|numerator-digits|denominator-digits)\s*=\s*["']([^"']*)["']/g;
const ROW = /<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g;
const CELL = /<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g;

/**
 * Why the parts (content.xml and styles.xml, or a flat .fods) would cost more than a returned file may, or
 * undefined. `maxCells` is the reader's cell budget, applied to the cells with a value that the repeats imply.
 */
export function odsExpansionProblem(parts: readonly string[], maxCells: number): ReadFailure | undefined {
  for (const xml of parts) {
    for (const [, value = ""] of xml.matchAll(DIGIT_ATTRIBUTES)) {
      const digits = Number(value);
      if (!Number.isInteger(digits) || digits < 0 || digits > MAX_STYLE_DIGITS) {
        return readFailure("corrupt", `a number style asks for ${value.slice(0, 20)} digits`);
      }
    }
  }
  let cells = 0;
  let rows = 0;
  for (const xml of parts) {
    for (const [, rowAttributes = "", body = ""] of xml.matchAll(ROW)) {
      const filled = filledCells(body);
      if (filled === 0) continue;
      if (filled > EXCEL_COLUMNS) return readFailure("corrupt", `a row's values repeat beyond Excel's grid (${filled} columns)`);
      const repeat = repeated(rowAttributes, "table:number-rows-repeated");
      rows += repeat;
      cells += repeat * filled;
      if (rows > EXCEL_ROWS) return readFailure("corrupt", `rows with values repeat beyond Excel's grid (${rows} rows and more)`);
      if (cells > maxCells) return readFailure("too-many-cells", `its repeated rows and cells hold over ${maxCells} values`);
    }
  }
  return undefined;
}

/** Cells with a value in one row, each counted as often as it repeats across the row. */
function filledCells(rowBody: string): number {
  let filled = 0;
  for (const [, attributes = "", body = ""] of rowBody.matchAll(CELL)) {
    if (/office:value-type\s*=/.test(attributes) || /<text:p\b[^>]*>[^<]/.test(body)) filled += repeated(attributes, "table:number-columns-repeated");
  }
  return filled;
}

function repeated(attributes: string, name: string): number {
  const match = new RegExp(`${name}\\s*=\\s*["'](\\d+)["']`).exec(attributes);
  return match ? Math.max(1, Number(match[1])) : 1;
}
