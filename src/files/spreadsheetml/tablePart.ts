/**
 * Planned tables -> xl/tables/tableN.xml, with Excel's rules on table names and column names checked first:
 * Excel drops or repairs a table that breaks them, and no reader tells.
 */
import type { CellRange } from "../../core/rawSheet";
import type { SheetPlan, TablePlan } from "../../core/plans/sheetPlan";
import { checkTableName, tableColumnNames } from "../tableRules";
import { escapeAttribute, escapeOoxmlSequences, NS, rangeRef, XML_DECLARATION } from "./xml";

/** A table ready to write: its range as written (at least one body row) and its column names. */
export interface CheckedTable {
  name: string;
  style: string;
  range: CellRange;
  columns: string[];
}

/**
 * The table of a sheet as it will be written. A header with no body row makes Excel discard the table
 * (exceljs#2678), so the body is at least one (empty) row. Each column name is its header cell's text exactly as
 * stored, neither trimmed nor converted, and unique ignoring case.
 *
 * @param taken table names already used in the workbook, lower-cased; the name is added.
 * @throws Error for a table name Excel refuses or one used twice, a header cell that is not text, or a repeated header.
 */
export function checkTable(table: TablePlan, rows: SheetPlan["rows"], taken: Set<string>): CheckedTable {
  checkTableName(table.name, (name) => taken.has(name));
  const { range } = table;
  const columns = tableColumnNames(table, rows);
  taken.add(table.name.toLowerCase());
  const endRow = Math.max(range.endRow, range.startRow + 1);
  return { name: table.name, style: table.style, range: { ...range, endRow }, columns };
}

/**
 * The table part. A column name is spelt like cell text (`_xHHHH_` escaped), and a line break in it as
 * `_x000a_`, as Excel itself writes it; a raw line break makes Excel repair the file (exceljs#2134).
 *
 * `headerRowCount="1"` and a `<filterColumn hiddenButton="0">` per column only restate the defaults, but ExcelJS,
 * which loads a master to merge into it, reads their absence as "no header row" and "button hidden", and would
 * write the table back broken.
 *
 * @param id unique among the package's tables.
 */
export function tablePart(table: CheckedTable, id: number): string {
  const ref = rangeRef(table.range);
  const columns = table.columns.map((name, i) => {
    const spelt = escapeOoxmlSequences(name).replace(/\r/g, "_x000d_").replace(/\n/g, "_x000a_");
    return `<tableColumn id="${i + 1}" name="${escapeAttribute(spelt)}"/>`;
  });
  const name = escapeAttribute(table.name);
  const filterColumns = table.columns.map((_, i) => `<filterColumn colId="${i}" hiddenButton="0"/>`).join("");
  return (
    `${XML_DECLARATION}<table xmlns="${NS.main}" id="${id}" name="${name}" displayName="${name}" ref="${ref}" headerRowCount="1" totalsRowShown="0">` +
    `<autoFilter ref="${ref}">${filterColumns}</autoFilter><tableColumns count="${columns.length}">${columns.join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttribute(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
