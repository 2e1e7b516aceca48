/**
 * Checking the open sheet: the same findings as checking the file, each problem cell marked in place (a tagged
 * conditional format, and a note where the host has notes), marks that follow the user's fixes, and clearing that
 * removes Huizong's marks and nothing of the user's.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { cellKey } from "./excelFake/model";
import { createExcelHost } from "../src/excel/excelHost";
import { MARK_FILL, MARK_TAG } from "../src/excel/marks";
import { checkFile } from "../src/files/checkFile";
import { readWorkbook } from "../src/files/readWorkbook";
import { excelText } from "../src/messages/zhCN";
import type { FakeExcel } from "./excelFake/fakeExcel";
import { cellAt, sheetNamed } from "./excelFake/inspect";
import { install, uninstall } from "./excelFake/install";
import { seedWorkbook, type SeedSheet } from "./excelFake/seed";
import { citySheet, cityRow } from "./support/sheets";

afterEach(() => uninstall());

/** 附件1 with three mistakes: C5 outside the week, E6 若干, G6 a name without a phone. */
function returnedSheet(): SeedSheet {
  const sheet = citySheet([cityRow(), cityRow({ 活动时间: "4月27日" }), cityRow({ "活动规模（人数）": "若干", 联系人: "王斌" })], "上海海关");
  return {
    ...sheet,
    name: "上海海关报回",
    // The user's own fill, note and rule, which Huizong must never touch.
    fills: [{ range: { startRow: 4, startCol: 2, endRow: 4, endCol: 2 }, color: "#00B0F0" }],
    notes: [{ row: 5, col: 6, content: "请核实电话" }],
    conditionalFormats: [{ range: { startRow: 3, startCol: 0, endRow: 9, endCol: 6 }, type: "CellValue", formula: "=0" }],
  };
}

function marksOn(excel: FakeExcel, sheetName: string) {
  const sheet = sheetNamed(excel.model, sheetName);
  const ours = sheet.conditionalFormats.filter((format) => format.formula.includes(MARK_TAG));
  return {
    rules: ours.map((format) => ({ range: format.range, fill: format.fill })),
    notes: sheet.notes.filter((note) => note.content.startsWith(excelText.noteHeading)).map((note) => [note.row, note.col]),
    others: { rules: sheet.conditionalFormats.filter((format) => !ours.includes(format)), notes: sheet.notes.filter((note) => !note.content.startsWith(excelText.noteHeading)) },
  };
}

const cell = (row: number, col: number) => ({ startRow: row, startCol: col, endRow: row, endCol: col });

describe("checkActiveSheet", () => {
  it("finds the problems, marks their cells, and leaves the user's fill, note and rules alone", async () => {
    const excel = install({ model: seedWorkbook([returnedSheet()]) });
    const result = await createExcelHost().checkActiveSheet(DEFAULT_CAMPAIGN);

    expect(result).toMatchObject({ sheetName: "上海海关报回", markedCells: 3, notesSupported: true, check: { status: "invalid", errors: 3 } });
    expect(result.issues.map((issue) => [issue.address, issue.code])).toEqual([
      ["C5", "date-outside-campaign"],
      ["E6", "head-count-invalid"],
      ["G6", "contact-no-phone"],
    ]);
    const marks = marksOn(excel, "上海海关报回");
    expect(marks.rules).toEqual(
      expect.arrayContaining([
        { range: cell(4, 2), fill: MARK_FILL.error.toUpperCase() },
        { range: cell(5, 4), fill: MARK_FILL.error.toUpperCase() },
        { range: cell(5, 6), fill: MARK_FILL.error.toUpperCase() },
      ]),
    );
    expect(marks.rules).toHaveLength(3);
    // G6 keeps the user's note and gets the colour only.
    expect(marks.notes.sort()).toEqual([
      [4, 2],
      [5, 4],
    ]);
    const note = sheetNamed(excel.model, "上海海关报回").notes.find((candidate) => candidate.row === 4 && candidate.col === 2);
    expect(note?.content).toBe(excelText.note([result.issues[0]?.message ?? ""]));
    expect(marks.others.notes).toEqual([{ row: 5, col: 6, content: "请核实电话", author: "用户" }]);
    expect(marks.others.rules).toEqual([expect.objectContaining({ type: "CellValue", formula: "=0" })]);
    expect(cellAt(excel.model, "上海海关报回", "C5")?.format.fill).toBe("#00B0F0");
    // The sheet and marks, the used range and the marks' details, the cells, the new marks.
    expect(excel.syncs).toHaveLength(4);
  });

  it("follows the user's fixes: checking again clears the old marks first", async () => {
    const excel = install({ model: seedWorkbook([returnedSheet()]) });
    const host = createExcelHost();
    await host.checkActiveSheet(DEFAULT_CAMPAIGN);
    // The user fixes C5 and G6 by typing.
    const sheet = sheetNamed(excel.model, "上海海关报回");
    sheet.cells.set(cellKey(4, 2), { ...(sheet.cells.get(cellKey(4, 2)) ?? { numberFormat: "General", format: {} }), value: "4月22日" });
    sheet.cells.set(cellKey(5, 6), { value: "王斌 13812345678", numberFormat: "General", format: {} });

    const again = await host.checkActiveSheet(DEFAULT_CAMPAIGN);
    expect(again.issues.map((issue) => issue.address)).toEqual(["E6"]);
    expect(again.markedCells).toBe(1);
    const marks = marksOn(excel, "上海海关报回");
    expect(marks.rules).toEqual([{ range: cell(5, 4), fill: MARK_FILL.error.toUpperCase() }]);
    expect(marks.notes).toEqual([[5, 4]]);
    expect(marks.others.notes).toHaveLength(1);
    expect(marks.others.rules).toHaveLength(1);
  });

  it("clears exactly Huizong's marks", async () => {
    const excel = install({ model: seedWorkbook([returnedSheet()]) });
    const before = structuredClone(sheetNamed(excel.model, "上海海关报回"));
    const host = createExcelHost();
    await host.checkActiveSheet(DEFAULT_CAMPAIGN);
    await expect(host.clearMarks("上海海关报回")).resolves.toBe(3);
    expect(sheetNamed(excel.model, "上海海关报回")).toEqual(before);
    await expect(host.clearMarks("上海海关报回")).resolves.toBe(0);
  });

  it("clears the active sheet's marks when no sheet is named (marks from an earlier session)", async () => {
    const excel = install({ model: seedWorkbook([returnedSheet()]) });
    await createExcelHost().checkActiveSheet(DEFAULT_CAMPAIGN);
    await expect(createExcelHost().clearMarks()).resolves.toBe(3);
    expect(marksOn(excel, "上海海关报回").rules).toHaveLength(0);
  });

  it("marks with colour only where the host has no notes (before ExcelApi 1.18)", async () => {
    const excel = install({ apiVersion: "1.17", model: seedWorkbook([returnedSheet()]) });
    const result = await createExcelHost().checkActiveSheet(DEFAULT_CAMPAIGN);
    expect(result).toMatchObject({ notesSupported: false, markedCells: 3 });
    expect(marksOn(excel, "上海海关报回")).toMatchObject({ rules: expect.any(Array), notes: [] });
    expect(marksOn(excel, "上海海关报回").rules).toHaveLength(3);
    await expect(createExcelHost().clearMarks("上海海关报回")).resolves.toBe(3);
    expect(marksOn(excel, "上海海关报回").rules).toHaveLength(0);
  });

  it("finds in a returned file opened in Excel what checking the file finds", async () => {
    for (const name of ["06-city-date-forms.xlsx", "07-city-typical-mistakes.xlsx", "08-district-footer-and-blank-rows.xlsx"]) {
      const bytes = new Uint8Array(readFileSync(path.join(__dirname, "fixtures", "returns", name)));
      const read = readWorkbook(bytes, name);
      if (!read.ok) throw new Error(read.detail);
      const fromFile = checkFile(bytes, name).report.issues.map(({ severity, row, column, code }) => ({ severity, row, column, code }));
      install({ model: seedWorkbook(read.workbook.sheets) });
      const live = await createExcelHost().checkActiveSheet(DEFAULT_CAMPAIGN);
      expect(live.issues.map(({ severity, row, column, code }) => ({ severity, row, column, code }))).toEqual(fromFile);
      uninstall();
    }
  });

  it("takes the template's kind from _huizong, unless the sheet's own title says it is the other template", async () => {
    const metadata: SeedSheet = { name: "_huizong", visibility: "VeryHidden", rows: [["huizong-template", "1"], ["kind", "district"], ["templateVersion", "1"], ["campaignStart", "2024-04-20"], ["campaignEnd", "2024-04-26"]] };
    install({ model: seedWorkbook([returnedSheet(), metadata]) });
    const result = await createExcelHost().checkActiveSheet(DEFAULT_CAMPAIGN);
    expect(result.check.status !== "not-a-template" && result.check.submission.kind).toBe("city");
    expect(result.check.metadata).toBeUndefined();
  });

  it("says a protected sheet cannot be marked", async () => {
    const excel = install({ model: seedWorkbook([returnedSheet()]) });
    sheetNamed(excel.model, "上海海关报回").protected = true;
    await expect(createExcelHost().checkActiveSheet(DEFAULT_CAMPAIGN)).rejects.toMatchObject({ name: "HostError", code: "sheet-protected" });
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell", async () => {
    const excel = install({ model: seedWorkbook([{ name: "甲", rows: [["a"]] }, returnedSheet()]) });
    await createExcelHost().selectCell("上海海关报回", "G6");
    expect(excel.model.activeSheetId).toBe(sheetNamed(excel.model, "上海海关报回").id);
    expect(excel.model.selection).toEqual({ sheetId: sheetNamed(excel.model, "上海海关报回").id, range: cell(5, 6) });
  });

  it("reports a sheet that is gone as not-found", async () => {
    install();
    await expect(createExcelHost().selectCell("已删除", "A1")).rejects.toMatchObject({ name: "HostError", code: "not-found" });
  });
});
