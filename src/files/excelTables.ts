/**
 * Planned tables -> ExcelJS tables: the column names taken from the header cells, and Excel's rules on table
 * names and headers checked first, because ExcelJS writes a table Excel then drops or repairs. Part of
 * writeWorkbook, which writes the table before the cells.
 */
import type { TableStyleProperties, Workbook, Worksheet } from "exceljs";
import { cellRef } from "../core/rawSheet";
import type { SheetPlan, TablePlan } from "../core/plans/sheetPlan";
import { internals } from "./excelInternals";
import { checkTableName, tableColumnNames } from "./tableRules";

/**
 * Excel tables as ExcelJS writes them, with two repairs avoided: a table with a header and no body row makes
 * Excel discard the table (exceljs#2678), so the body is at least one row; and a line break in a header must be
 * spelt `_x000a_` in the table part, as Excel itself writes it, or Excel repairs the file (exceljs#2134).
 */
export function renderTable(workbook: Workbook, sheet: Worksheet, table: TablePlan, rows: SheetPlan["rows"]): void {
  const taken = workbook.worksheets.flatMap((sheet) => Object.keys(internals(sheet).tables).map((name) => name.toLowerCase()));
  checkTableName(table.name, (name) => taken.includes(name));
  const { range } = table;
  const names = tableColumnNames(table, rows);
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
