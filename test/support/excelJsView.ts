/**
 * What ExcelJS reads from a workbook, as plain data for comparing two files: each sheet's cells (value, type and
 * every part of the style), merges, column widths, row heights, tables, validations, conditional formats, views and
 * page setup, and the workbook's properties and views.
 */
import { Workbook, type Cell as ExcelCell, type Worksheet } from "exceljs";

export async function loadWithExcelJs(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

/** What ExcelJS sees of a cell: its value and type and every part of its style. */
function cellView(cell: ExcelCell): unknown {
  const { numFmt, font, fill, border, alignment, protection } = cell.style;
  return { address: cell.address, type: cell.type, value: cell.value, numFmt, font, fill, border, alignment, protection };
}

/** ExcelJS keeps a sheet's validations by cell or range, tables and conditional formats among its untyped members. */
export interface SheetMembers {
  conditionalFormattings: unknown[];
  dataValidations: { model: Record<string, unknown> };
  tables: Record<string, { table: Record<string, unknown> }>;
  model: { merges: string[] };
}

export function sheetView(worksheet: Worksheet): unknown {
  const members = worksheet as unknown as SheetMembers;
  const rows: unknown[] = [];
  worksheet.eachRow({ includeEmpty: true }, (excelRow, number) => {
    const cells: unknown[] = [];
    excelRow.eachCell({ includeEmpty: true }, (cell) => cells.push(cellView(cell)));
    rows.push({ number, height: excelRow.height, hidden: excelRow.hidden, cells });
  });
  const { orientation, paperSize, fitToPage, fitToWidth, fitToHeight, printTitlesRow, printTitlesColumn, margins } = worksheet.pageSetup;
  const tables = Object.values(members.tables).map(({ table }) => {
    const { name, displayName, tableRef, autoFilterRef, headerRow, totalsRow, style, columns } = table as Record<string, unknown>;
    return { name, displayName, tableRef, autoFilterRef, headerRow, totalsRow, style, columns: (columns as Array<{ name: string; filterButton?: boolean }>).map((c) => [c.name, c.filterButton]) };
  });
  return {
    name: worksheet.name,
    state: worksheet.state,
    views: worksheet.views,
    defaultRowHeight: worksheet.properties.defaultRowHeight,
    columns: (worksheet.columns ?? []).map((column) => ({ width: column.width, hidden: column.hidden })),
    merges: [...members.model.merges].sort(),
    rows,
    tables,
    dataValidations: members.dataValidations.model,
    conditionalFormats: members.conditionalFormattings,
    pageSetup: { orientation, paperSize, fitToPage, fitToWidth, fitToHeight, printTitlesRow, printTitlesColumn, margins },
  };
}

export async function excelJsView(bytes: Uint8Array): Promise<unknown> {
  const workbook = await loadWithExcelJs(bytes);
  const { title, subject, creator, lastModifiedBy } = workbook;
  return {
    // No subject and an empty one read alike (the ExcelJS writer wrote an empty one, the SpreadsheetML writer none).
    properties: { title, subject: subject ?? "", creator, lastModifiedBy },
    views: workbook.views,
    sheets: workbook.worksheets.map(sheetView),
  };
}
