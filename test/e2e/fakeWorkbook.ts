/**
 * What the page (fakeExcelEntry.ts) and the test in Node share: the seeded workbook, the API the page offers the
 * test on `window.huizongE2E`, and the workbook as plain JSON to read across the page boundary (page.evaluate
 * returns JSON only: the model's Maps and Sets would arrive empty). Addresses are A1, as the pane and Excel show
 * them. Plain TypeScript without side effects: the test imports it for its types and the seed's names.
 */
import { a1 } from "../excelFake/a1";
import type { FakeExcel } from "../excelFake/fakeExcel";
import { sheetText } from "../excelFake/inspect";
import { keyCol, keyRow, type CellValue, type Visibility, type WorkbookModel } from "../excelFake/model";
import type { SeedSheet } from "../excelFake/seed";
import { cityRow, citySheet } from "../support/sheets";

/** The returned sheet's name in the seeded workbook. */
export const RETURNED_SHEET = "上海海关报回";

/**
 * 附件1 from 上海海关: row 4 clean; C5 outside the week; E6 若干 and G6 a name without a phone. The clerk has
 * filled C5 blue, put a note on G6 and a rule of their own on the table: Huizong must leave all three alone.
 */
export function returnedSheet(): SeedSheet {
  const sheet = citySheet(
    [
      cityRow({ 重点活动名称: "2024年知识产权宣传周启动仪式暨知识产权保护高质量发展论坛" }),
      cityRow({ 重点活动名称: "专利巡回讲座", 活动时间: "4月27日" }),
      cityRow({ 重点活动名称: "商标品牌展", "活动规模（人数）": "若干", 联系人: "王斌" }),
    ],
    "上海海关",
  );
  return {
    ...sheet,
    name: RETURNED_SHEET,
    fills: [{ range: { startRow: 4, startCol: 2, endRow: 4, endCol: 2 }, color: "#00B0F0" }],
    notes: [{ row: 5, col: 6, content: "请核实电话" }],
    conditionalFormats: [{ range: { startRow: 3, startCol: 0, endRow: 9, endCol: 6 }, type: "CellValue", formula: "=0" }],
  };
}

export interface E2EApi {
  /** The workbook as JSON. */
  view(): WorkbookView;
  /** The user clicks a sheet's tab. */
  activate(sheetName: string): void;
  /** The user types text into a cell (its formats stay). */
  type(sheetName: string, address: string, text: string): void;
}

export interface E2EWindow {
  fakeExcel: FakeExcel;
  huizongE2E: E2EApi;
}

export interface CellView {
  value: CellValue;
  numberFormat: string;
  fill: string | null;
}

export interface SheetView {
  name: string;
  visibility: Visibility;
  /** Displayed text, row by row (0-based), as inspect.sheetText gives it. */
  text: string[][];
  /** Cells that hold a value or a format, by A1 address. */
  cells: Record<string, CellView>;
  validations: Array<{ address: string; rule: Record<string, unknown> | null; prompt: Record<string, unknown> | null; errorAlert: Record<string, unknown> | null }>;
  conditionalFormats: Array<{ address: string; type: string; formula: string; fill: string | null }>;
  notes: Array<{ address: string; content: string; author: string }>;
}

export interface WorkbookView {
  sheets: SheetView[];
  /** `bodyRows`: rows below the header. */
  tables: Array<{ name: string; sheet: string; address: string; bodyRows: number }>;
  active: string;
  selection: { sheet: string; address: string } | null;
}

export function viewOf(model: WorkbookModel): WorkbookView {
  const nameOf = (id: number) => model.sheets.find((sheet) => sheet.id === id)?.name ?? `#${id}`;
  return {
    sheets: model.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      text: sheetText(model, sheet.name),
      cells: Object.fromEntries(
        [...sheet.cells].map(([key, cell]) => [
          a1({ startRow: keyRow(key), startCol: keyCol(key), endRow: keyRow(key), endCol: keyCol(key) }),
          { value: cell.value, numberFormat: cell.numberFormat, fill: cell.format.fill ?? null },
        ]),
      ),
      validations: sheet.validations.map((validation) => ({
        address: a1(validation.range),
        rule: validation.rule,
        prompt: validation.prompt ?? null,
        errorAlert: validation.errorAlert ?? null,
      })),
      conditionalFormats: sheet.conditionalFormats.map((format) => ({ address: a1(format.range), type: format.type, formula: format.formula, fill: format.fill ?? null })),
      notes: sheet.notes.map((note) => ({ address: a1({ startRow: note.row, startCol: note.col, endRow: note.row, endCol: note.col }), content: note.content, author: note.author })),
    })),
    tables: model.tables.map((table) => ({ name: table.name, sheet: nameOf(table.sheetId), address: a1(table.range), bodyRows: table.range.endRow - table.range.startRow })),
    active: nameOf(model.activeSheetId),
    selection: model.selection ? { sheet: nameOf(model.selection.sheetId), address: a1(model.selection.range) } : null,
  };
}
