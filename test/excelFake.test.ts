/**
 * The in-memory Excel behaves like Excel where the adapter's correctness depends on it: reads need load + sync,
 * writes wait for sync and a failing sync keeps what ran before it, text written to a non-text cell turns into a
 * formula or a number, requests over 5 MB are refused, and APIs newer than the host are missing.
 */
import { FakeExcel } from "./excelFake/fakeExcel";
import { cellAt } from "./excelFake/inspect";
import { install, uninstall } from "./excelFake/install";
import { seedWorkbook } from "./excelFake/seed";

afterEach(() => uninstall());

function fakeWith(apiVersion = "1.18"): FakeExcel {
  return new FakeExcel({ apiVersion, model: seedWorkbook([{ name: "Sheet1", rows: [["a", 1]] }]) });
}

describe("the fake Excel", () => {
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
     these tests make the classic mistakes on purpose, to show the fake throws where Excel throws. */
  it("throws on reading a property before load and sync, like PropertyNotLoaded", async () => {
    const excel = fakeWith();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["a", 1]]);
      expect(() => range.text).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("queues writes until sync, and keeps the operations before a failing one", async () => {
    const excel = fakeWith();
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A2").values = [["first"]];
        expect(cellAt(excel.model, "Sheet1", "A2")).toBeUndefined();
        context.workbook.worksheets.getItem("no such sheet").getRange("A1").values = [["x"]];
        sheet.getRange("A3").values = [["never"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
    expect(cellAt(excel.model, "Sheet1", "A2")?.value).toBe("first");
    expect(cellAt(excel.model, "Sheet1", "A3")).toBeUndefined();
  });

  it("turns text written to a non-text cell into a formula or a number, and keeps it under @", async () => {
    const excel = fakeWith();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A5:D5").values = [['=HYPERLINK("x")', "+8613812345678", "-abc", "13812345678"]];
      const text = sheet.getRange("A6:D6");
      (text as unknown as { numberFormat: string }).numberFormat = "@";
      text.values = [['=HYPERLINK("x")', "+8613812345678", "-abc", "13812345678"]];
      await context.sync();
    });
    expect(cellAt(excel.model, "Sheet1", "A5")).toMatchObject({ formula: '=HYPERLINK("x")', value: { error: "#NAME?" } });
    expect(cellAt(excel.model, "Sheet1", "B5")).toMatchObject({ formula: "=+8613812345678", value: 8613812345678 });
    expect(cellAt(excel.model, "Sheet1", "C5")).toMatchObject({ formula: "=-abc" });
    expect(cellAt(excel.model, "Sheet1", "D5")?.value).toBe(13812345678);
    for (const [address, text] of [["A6", '=HYPERLINK("x")'], ["B6", "+8613812345678"], ["C6", "-abc"], ["D6", "13812345678"]]) {
      expect(cellAt(excel.model, "Sheet1", address as string)).toEqual({ value: text, numberFormat: "@", format: {} });
    }
  });

  it("refuses a request over 5 MB before applying any of it, and counts each sync's payload", async () => {
    const excel = fakeWith();
    const big = Array.from({ length: 60_000 }, (_, i) => [`第${i}行：${"知识产权宣传周".repeat(4)}`]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${big.length}`).values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.syncs[0]?.requestBytes).toBeGreaterThan(5_000_000);
    expect(cellAt(excel.model, "Sheet1", "A1")?.value).toBe("a");
  });

  it("fails at an injected sync after applying part of it", async () => {
    const excel = fakeWith();
    excel.failure = { atSync: 1, applied: 1, code: "GeneralException" };
    await expect(
      excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A2").values = [["applied"]];
        sheet.getRange("A3").values = [["not applied"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(cellAt(excel.model, "Sheet1", "A2")?.value).toBe("applied");
    expect(cellAt(excel.model, "Sheet1", "A3")).toBeUndefined();
  });

  it("gives *OrNullObject results an isNullObject after sync", async () => {
    const excel = fakeWith();
    await excel.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("missing");
      const present = context.workbook.worksheets.getItemOrNullObject("Sheet1");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */

  it("lacks the APIs of newer requirement sets, and says so through Office.context.requirements", async () => {
    const excel = install(fakeWith("1.8"));
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").notes.load("items/content");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("fails a batch while the user edits a cell, unless the run waits for the edit to end", async () => {
    const excel = fakeWith();
    excel.userEditingCell = true;
    const batch = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      await context.sync();
    };
    install(excel);
    await expect(Excel.run(batch)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    await expect(Excel.run({ delayForCellEdit: true }, batch)).resolves.toBeUndefined();
  });

  it("finds tables, notes and conditional formats by key, or gives a null object", async () => {
    const model = seedWorkbook([
      {
        name: "Sheet1",
        rows: [["a"], ["b"]],
        tables: [{ name: "Things", range: { startRow: 0, startCol: 0, endRow: 1, endCol: 0 } }],
        notes: [{ row: 1, col: 0, content: "用户的批注" }],
        conditionalFormats: [{ range: { startRow: 0, startCol: 0, endRow: 1, endCol: 0 }, type: "Custom", formula: "=TRUE" }],
      },
    ]);
    const excel = new FakeExcel({ model });
    const id = model.sheets[0]?.conditionalFormats[0]?.id ?? "";
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const table = sheet.tables.getItem("things");
      table.load("name");
      const noTable = sheet.tables.getItemOrNullObject("Nothing");
      const note = sheet.notes.getItem("A2");
      note.load("content");
      const noNote = sheet.notes.getItemOrNullObject("A1");
      const format = sheet.getRange().conditionalFormats.getItem(id);
      format.load("type");
      await context.sync();
      expect([table.name, noTable.isNullObject, note.content, noNote.isNullObject, format.type]).toEqual(["Things", true, "用户的批注", true, "Custom"]);
    });
  });

  it("records the workbooks opened with Excel.createWorkbook", async () => {
    const excel = install(fakeWith());
    await Excel.createWorkbook("UEsDBA==");
    expect(excel.createdWorkbooks).toEqual(["UEsDBA=="]);
  });
});
