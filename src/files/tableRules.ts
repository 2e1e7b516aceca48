/**
 * Excel's rules for a table, shared by both writers (ExcelJS for templates, the SpreadsheetML writer for the
 * master): both write a table Excel would drop or repair without a word, so each checks the plan first.
 */
import { storableText } from "../core/plans/storableText";
import { cellRef } from "../core/rawSheet";
import type { SheetPlan, TablePlan } from "../core/plans/sheetPlan";

/**
 * A table name: a letter (of any script: 附件1活动表) or underscore, then letters, digits and underscores; not a
 * cell reference such as `AB12` or `R1C1`; unique in the workbook, ignoring case.
 *
 * @throws Error for a name Excel refuses, or one `isTaken` says the workbook already has.
 */
export function checkTableName(name: string, isTaken: (lowerCaseName: string) => boolean): void {
  const valid = /^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$|^[Rr]\d*[Cc]\d*$/.test(name);
  if (!valid || name.length > 255) throw new Error(`table name ${name} is not one Excel accepts: a letter or underscore, then letters, digits and underscores, not a cell reference`);
  if (isTaken(name.toLowerCase())) throw new Error(`table name ${name} is already used in this workbook`);
}

/**
 * The column names of a table: each header cell's text exactly as stored, neither trimmed nor converted, since a
 * column name must equal its header cell.
 *
 * @throws Error for a header cell that is not text, or a name that appears twice ignoring case.
 */
export function tableColumnNames(table: TablePlan, rows: SheetPlan["rows"]): string[] {
  const { range } = table;
  const headerCells = rows[range.startRow] ?? [];
  const names: string[] = [];
  for (let col = range.startCol; col <= range.endCol; col++) {
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
  return names;
}
