/**
 * Reading the fake workbook in tests: a cell by address, a sheet's values as rows, and a canonical snapshot (no
 * internal ids, maps as sorted lists) that two workbooks can be compared by.
 */
import { a1, parseAddress } from "./a1";
import { textOf } from "./cellValues";
import { cellKey, keyCol, keyRow, sheetByName, type FakeCell, type FakeSheet, type WorkbookModel } from "./model";

export function sheetNamed(model: WorkbookModel, name: string): FakeSheet {
  const sheet = sheetByName(model, name);
  if (!sheet) throw new Error(`no sheet ${name}; the workbook has ${model.sheets.map((candidate) => candidate.name).join(", ")}`);
  return sheet;
}

export function cellAt(model: WorkbookModel, sheetName: string, address: string): FakeCell | undefined {
  const { startRow, startCol } = parseAddress(address);
  return sheetNamed(model, sheetName).cells.get(cellKey(startRow, startCol));
}

/** The sheet's cells as displayed text, row by row up to the last cell with a value. */
export function sheetText(model: WorkbookModel, sheetName: string): string[][] {
  const sheet = sheetNamed(model, sheetName);
  const rows: string[][] = [];
  for (const [key, cell] of sheet.cells) {
    if (cell.value === null) continue;
    const row = (rows[keyRow(key)] ??= []);
    row[keyCol(key)] = textOf(cell);
  }
  return Array.from(rows, (row) => Array.from(row ?? [], (text) => text ?? ""));
}

/** Everything a user could see or rely on, in a form `toEqual` compares. */
export function workbookSnapshot(model: WorkbookModel): unknown {
  const nameOf = (id: number) => model.sheets.find((sheet) => sheet.id === id)?.name;
  return {
    sheets: model.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      cells: [...sheet.cells]
        .sort(([a], [b]) => a - b)
        .map(([key, cell]) => [a1({ startRow: keyRow(key), startCol: keyCol(key), endRow: keyRow(key), endCol: keyCol(key) }), cell]),
      merges: sheet.merges,
      columnWidths: [...sheet.columnWidths].sort(([a], [b]) => a - b),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
      rowHeights: [...sheet.rowHeights].sort(([a], [b]) => a - b),
      freeze: sheet.freeze,
      pageLayout: sheet.pageLayout,
      validations: sheet.validations,
      conditionalFormats: sheet.conditionalFormats.map(({ id: _id, ...format }) => format),
      notes: sheet.notes,
      protected: sheet.protected,
    })),
    tables: model.tables
      .map((table) => ({ name: table.name, sheet: nameOf(table.sheetId), range: table.range, style: table.style, showBandedRows: table.showBandedRows }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    active: nameOf(model.activeSheetId),
    selection: model.selection ? { sheet: nameOf(model.selection.sheetId), range: model.selection.range } : null,
    title: model.title,
  };
}
