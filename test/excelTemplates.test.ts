/**
 * Templates through the Excel adapter: inserted into the live workbook they are the core's plan cell for cell (values,
 * number formats, styles, merges, widths, table, validation, frozen panes, print setup, hidden metadata); opened as a
 * workbook of their own they are the very .xlsx the command line writes.
 */
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { checkWorkbook } from "../src/core/checkWorkbook";
import { metadataSheetPlan, templateLayout, templateSheetPlan } from "../src/core/plans/templatePlan";
import { palette } from "../src/core/plans/sheetPlan";
import { cellRef } from "../src/core/rawSheet";
import { readTemplateMetadata } from "../src/core/templateMetadata";
import { templates } from "../src/core/templates/registry";
import { createExcelHost } from "../src/excel/excelHost";
import { columnWidthPoints } from "../src/excel/renderSheet";
import { readWorkbook } from "../src/files/readWorkbook";
import { cellAt, sheetNamed, sheetText } from "./excelFake/inspect";
import { install, uninstall } from "./excelFake/install";
import { seedWorkbook } from "./excelFake/seed";

afterEach(() => uninstall());

const campaign = { start: "2025-04-19", end: "2025-04-25" };
const city = templates.city;

describe("insertTemplate", () => {
  it("renders the template plan into a new, active sheet", async () => {
    const excel = install({ model: seedWorkbook([{ name: "我的表", rows: [["clerk's own"]] }]) });
    const { sheetName } = await createExcelHost().insertTemplate({ kind: "city", campaign, unit: "上海海关" });

    const plan = templateSheetPlan(city, { campaign, unit: "上海海关" });
    const layout = templateLayout(city);
    expect(sheetName).toBe("附件1 市级层面");
    expect(excel.model.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      ["我的表", "Visible"],
      ["附件1 市级层面", "Visible"],
      ["_huizong", "VeryHidden"],
    ]);
    expect(excel.model.activeSheetId).toBe(sheetNamed(excel.model, sheetName).id);

    // Every planned value, as text under "@"; empty body cells carry their column's format for what units type.
    plan.rows.forEach((cells, row) =>
      cells.forEach((planned, col) => {
        const cell = cellAt(excel.model, sheetName, cellRef(row, col));
        if (typeof planned.value === "string" && planned.value !== "") {
          expect(cell).toMatchObject({ value: planned.value, numberFormat: "@" });
          expect(cell?.formula).toBeUndefined();
        } else {
          expect(cell?.value ?? null).toBeNull();
        }
        const style = planned.style ? palette[planned.style] : undefined;
        if (planned.value === null && style?.numberFormat) expect(cell?.numberFormat).toBe(style.numberFormat);
        if (style?.fontName) expect(cell?.format.fontName).toBe(style.fontName);
        if (style?.bold) expect(cell?.format.bold).toBe(true);
        if (style?.fill) expect(cell?.format.fill).toBe(`#${style.fill}`);
        if (style?.border) {
          for (const side of ["top", "bottom", "left", "right"] as const) expect(cell?.format.borders?.[side]).toEqual({ style: "Continuous", weight: "Thin" });
        }
      }),
    );
    expect(cellAt(excel.model, sheetName, cellRef(layout.fieldRows.unit ?? 0, 1))?.value).toBe("上海海关");
    expect(sheetText(excel.model, sheetName)[layout.headerRow]).toEqual(city.columns.map((column) => column.header));

    const sheet = sheetNamed(excel.model, sheetName);
    expect(sheet.merges).toEqual(plan.merges);
    expect([...sheet.columnWidths].sort(([a], [b]) => a - b)).toEqual(plan.columnWidths.map((width, col) => [col, columnWidthPoints(width)]));
    expect(Object.fromEntries(sheet.rowHeights)).toEqual(plan.rowHeights);
    expect(sheet.freeze).toEqual({ rows: layout.headerRow + 1, columns: 0 });
    expect(sheet.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: `$${layout.headerRow + 1}:$${layout.headerRow + 1}`,
    });
    expect(excel.model.tables).toEqual([
      expect.objectContaining({ name: "附件1活动表", sheetId: sheet.id, range: plan.table?.range, style: "TableStyleLight9", showBandedRows: true }),
    ]);

    // The same validations as the plan, with the prompt and the alert style.
    expect(sheet.validations).toHaveLength(plan.dataValidations.length);
    for (const planned of plan.dataValidations) {
      const validation = sheet.validations.find((candidate) => JSON.stringify(candidate.range) === JSON.stringify(planned.range));
      expect(validation).toMatchObject({
        prompt: { title: planned.prompt.title, showPrompt: true },
        errorAlert: { style: { stop: "Stop", warning: "Warning", information: "Information" }[planned.errorStyle], showAlert: true },
        ignoreBlanks: true,
      });
      expect(Object.keys(validation?.rule ?? {})).toEqual([
        { dateBetween: "date", wholeNumberAtLeast: "wholeNumber", textLengthAtLeast: "textLength", list: "list", custom: "custom" }[planned.rule.type],
      ]);
    }
    // 活动时间: text passes, a date must fall in the week; the formula is relative to the range's first cell.
    const first = `C${layout.firstBodyRow + 1}`;
    expect(sheet.validations.find((validation) => validation.range.startCol === 2 && validation.range.startRow === layout.firstBodyRow)?.rule).toEqual({
      custom: { formula: `=IF(ISNUMBER(${first}),AND(${first}>=DATE(2025,4,19),${first}<DATE(2025,4,26)),ISTEXT(${first}))` },
    });
    // The faces: 黑体 for the 附件 label, the title and the header row, 宋体 for what units type.
    expect(cellAt(excel.model, sheetName, cellRef(layout.labelRow, 0))?.format.fontName).toBe("黑体");
    expect(cellAt(excel.model, sheetName, cellRef(layout.titleRow, 0))?.format).toMatchObject({ fontName: "黑体", bold: true });
    expect(cellAt(excel.model, sheetName, cellRef(layout.headerRow, 0))?.format.fontName).toBe("黑体");
    expect(cellAt(excel.model, sheetName, cellRef(layout.firstBodyRow, 0))?.format.fontName).toBe("宋体");
    // The 单位名称 box is bordered to its last merged cell.
    expect(cellAt(excel.model, sheetName, cellRef(layout.fieldRows.unit ?? 0, 3))?.format.borders?.right).toEqual({ style: "Continuous", weight: "Thin" });

    // The metadata sheet reads back as this template and week.
    const metadata = sheetText(excel.model, "_huizong");
    expect(metadata).toEqual(metadataSheetPlan(city, { campaign, unit: "上海海关" }).rows.map((row) => row.map((cell) => String(cell.value))));
    expect(cellAt(excel.model, "_huizong", "B3")?.numberFormat).toBe("@");
    // The clerk's own sheet is untouched.
    expect(sheetText(excel.model, "我的表")).toEqual([["clerk's own"]]);
    // State, one write, the commit, print setup.
    expect(excel.syncs).toHaveLength(4);
  });

  it("gives a second insert its own sheet and table names, and replaces the metadata", async () => {
    const excel = install();
    const host = createExcelHost();
    await host.insertTemplate({ kind: "city", campaign: DEFAULT_CAMPAIGN });
    const second = await host.insertTemplate({ kind: "city", campaign: DEFAULT_CAMPAIGN });
    const district = await host.insertTemplate({ kind: "district", campaign: DEFAULT_CAMPAIGN });

    expect(second.sheetName).toBe("附件1 市级层面 (2)");
    expect(district.sheetName).toBe("附件2 区级层面");
    // The metadata sheet is replaced where it was; new template sheets go last.
    expect(excel.model.sheets.map((sheet) => sheet.name)).toEqual(["Sheet1", "附件1 市级层面", "_huizong", "附件1 市级层面 (2)", "附件2 区级层面"]);
    expect(excel.model.tables.map((table) => table.name)).toEqual(["附件1活动表", "附件1活动表2", "附件2活动表"]);
    expect(sheetNamed(excel.model, "_huizong").visibility).toBe("VeryHidden");
    expect(sheetText(excel.model, "_huizong")[1]).toEqual(["kind", "district"]);
    expect(excel.model.activeSheetId).toBe(sheetNamed(excel.model, "附件2 区级层面").id);
  });

  it("works on a host without page layout (ExcelApi 1.8), leaving print setup out", async () => {
    const excel = install({ apiVersion: "1.8" });
    const { sheetName } = await createExcelHost().insertTemplate({ kind: "district", campaign: DEFAULT_CAMPAIGN });
    expect(sheetNamed(excel.model, sheetName).pageLayout).toEqual({});
    expect(sheetNamed(excel.model, sheetName).validations.length).toBeGreaterThan(0);
    expect(excel.suspended.screenUpdating).toBe(0);
    expect(excel.suspended.calculation).toBeGreaterThan(0);
  });

  it("waits for the user to finish editing a cell rather than failing", async () => {
    const excel = install();
    excel.userEditingCell = true;
    await expect(createExcelHost().insertTemplate({ kind: "city", campaign: DEFAULT_CAMPAIGN })).resolves.toEqual({ sheetName: "附件1 市级层面" });
  });

  it("names the table apart from a table of the same name elsewhere in the workbook", async () => {
    const excel = install({ model: seedWorkbook([{ name: "旧表", rows: [["x"], ["y"]], tables: [{ name: "附件1活动表", range: { startRow: 0, startCol: 0, endRow: 1, endCol: 0 } }] }]) });
    await createExcelHost().insertTemplate({ kind: "city", campaign: DEFAULT_CAMPAIGN });
    expect(excel.model.tables.map((table) => table.name)).toEqual(["附件1活动表", "附件1活动表2"]);
  });

  it("refuses on a host older than ExcelApi 1.8", async () => {
    const excel = install({ apiVersion: "1.7" });
    await expect(createExcelHost().insertTemplate({ kind: "city", campaign: DEFAULT_CAMPAIGN })).rejects.toMatchObject({ name: "HostError", code: "api-unsupported" });
    expect(excel.syncs).toHaveLength(0);
  });
});

describe("openTemplateWorkbook", () => {
  it("opens the .xlsx the command line writes as a new workbook", async () => {
    const excel = install();
    await createExcelHost().openTemplateWorkbook({ kind: "district", campaign, unit: "浦东新区知识产权局" });

    expect(excel.createdWorkbooks).toHaveLength(1);
    const bytes = new Uint8Array(Buffer.from(excel.createdWorkbooks[0] ?? "", "base64"));
    const read = readWorkbook(bytes, "附件2.xlsx");
    if (!read.ok) throw new Error(read.detail);
    expect(read.workbook.sheets.map((sheet) => sheet.name)).toEqual(["附件2 区级层面", "_huizong"]);
    expect(readTemplateMetadata(read.workbook.sheets)).toMatchObject({ kind: "district", campaignStart: campaign.start, unit: "浦东新区知识产权局" });
    const check = checkWorkbook(read.workbook);
    expect(check.status).not.toBe("not-a-template");
    if (check.status !== "not-a-template") expect(check.submission).toMatchObject({ kind: "district", unit: "浦东新区知识产权局", rows: [] });
    // Nothing was written into the open workbook.
    expect(excel.syncs).toHaveLength(0);
  });
});
