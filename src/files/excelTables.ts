/**
 * Planned tables -> ExcelJS tables: the column names taken from the header cells, and Excel's rules on table
 * names and headers checked first, because ExcelJS writes a table Excel then drops or repairs. Part of
 * writeWorkbook, which writes the table before the cells.
 */
import type { TableStyleProperties, Workbook, Worksheet } from "exceljs";
import { storableText } from "../core/plans/storableText";
import { cellRef } from "../core/rawSheet";
import type { SheetPlan, TablePlan } from "../core/plans/sheetPlan";
import { internals } from "./excelInternals";

/**
 * Excel tables as ExcelJS writes them, with two repairs avoided: a table with a header and no body row makes
 * Excel discard the table (exceljs#2678), so the body is at least one row; and a line break in a header must be
 * spelt `_x000a_` in the table part, as Excel itself writes it, or Excel repairs the file (exceljs#2134).
 */
export function renderTable(workbook: Workbook, sheet: Worksheet, table: TablePlan, rows: SheetPlan["rows"]): void {
  checkTableName(workbook, table.name);
  const { range } = table;
  const headerCells = rows[range.startRow] ?? [];
  const names: string[] = [];
  for (let col = range.startCol; col <= range.endCol; col++) {
    // The column name must equal the header cell's text exactly as stored, so it is neither trimmed nor converted.
    const header = headerCells[col]?.value;
    const name = typeof header === "string" ? storableText(header) : header;
    if (typeof name !== "string" || name.trim() === "") {
      throw new Error(`table ${table.name}: header cell ${cellRef(range.startRow, col)} must hold text; every table column needs a name`);
    }
    if (names.some((other) => other.toLowerCase() === name.toLowerCase())) {
      throw new Error(`table ${table.name}: header ${name} appears twice; Excel needs unique column names`);
    }
    names.push(name);
  }
  const bodyRows = Math.max(1, range.endRow - range.startRow);
  sheet.addTable({
    name: table.name,
    ref: cellRef(range.startRow, range.startCol),
    headerRow: true,
    totalsRow: false,
    // The plan names one of Excel's built-in table styles, which ExcelJS types as a union of names.
    style: { theme: table.style as TableStyleProperties["theme"], showRowStripes: true },
    columns: names.map((name) => ({ name: name.replace(/\r/g, "_x000d_").replace(/\n/g, "_x000a_"), filterButton: true })),
    rows: Array.from({ length: bodyRows }, () => names.map(() => null)),
  });
}

/**
 * Excel's rules for a table name: a letter (of any script: 附件1活动表) or underscore, then letters, digits and
 * underscores; not a cell reference such as `AB12` or `R1C1`; unique in the workbook, ignoring case. A broken rule
 * makes Excel drop the table.
 */
function checkTableName(workbook: Workbook, name: string): void {
  const valid = /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$|^[Rr]\d*[Cc]\d*$/.test(name);
  if (!valid || name.length > 255) throw new Error(`table name ${name} is not one Excel accepts: a letter or underscore, then letters, digits and underscores, not a cell reference`);
  const taken = workbook.worksheets.flatMap((sheet) => Object.keys(internals(sheet).tables));
  if (taken.some((other) => other.toLowerCase() === name.toLowerCase())) throw new Error(`table name ${name} is already used in this workbook`);
}
