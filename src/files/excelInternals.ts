/**
 * The ExcelJS members the writer needs that ExcelJS leaves out of its typings, reached through one typed cast so
 * the rest of the writer never casts a sheet itself. Shared by writeWorkbook (sheet order), excelValidations
 * (the validation store) and excelTables (table names in use).
 */
import type { DataValidation, Worksheet } from "exceljs";

/**
 * Members ExcelJS 4.4 has and uses but leaves out of its typings: a sheet's position (`workbook.worksheets` sorts
 * by it), the validation store (keyed by a cell or a whole range), and the tables by name.
 */
interface WorksheetInternals {
  orderNo: number;
  dataValidations: { model: Record<string, DataValidation | undefined>; add(address: string, validation: DataValidation): void };
  tables: Record<string, unknown>;
}

export function internals(sheet: Worksheet): WorksheetInternals {
  return sheet as unknown as WorksheetInternals;
}
