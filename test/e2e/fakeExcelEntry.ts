/**
 * Runs in the page before the built task pane loads (paneInExcel.test.ts bundles it with esbuild into an IIFE for
 * page.addInitScript): installs the in-memory Excel as the `Excel` and `Office` globals, on a workbook holding one
 * returned 附件1 sheet with known problems and formatting of the clerk's own (fakeWorkbook.ts). The test reads the
 * workbook and plays the user's part in Excel (clicking a sheet tab, typing a fix) through `window.huizongE2E`.
 */
import { parseAddress } from "../excelFake/a1";
import { install } from "../excelFake/install";
import { cellKey, sheetByName } from "../excelFake/model";
import { seedWorkbook } from "../excelFake/seed";
import { returnedSheet, viewOf, type E2EApi, type E2EWindow } from "./fakeWorkbook";

const excel = install({ model: seedWorkbook([returnedSheet()]) });

function sheet(name: string) {
  const found = sheetByName(excel.model, name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

const api: E2EApi = {
  view: () => viewOf(excel.model),
  activate: (sheetName) => {
    excel.model.activeSheetId = sheet(sheetName).id;
  },
  type: (sheetName, address, text) => {
    const { startRow, startCol } = parseAddress(address);
    const cells = sheet(sheetName).cells;
    const key = cellKey(startRow, startCol);
    const before = cells.get(key) ?? { value: null, numberFormat: "General", format: {} };
    cells.set(key, { ...before, value: text });
  },
};

const target = window as unknown as E2EWindow;
target.fakeExcel = excel;
target.huizongE2E = api;
