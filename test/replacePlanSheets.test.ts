import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PLAN_CONTEXT } from "./support/sheets";
import { tmpdir } from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { emptyValues, type MasterRow } from "../src/core/merge/masterRow";
import type { RosterEntry } from "../src/core/merge/rosterStatus";
import { consolidatedSheetName } from "../src/core/plans/consolidatedPlan";
import { masterWorkbookPlan } from "../src/core/plans/masterPlan";
import type { SheetPlan, WorkbookPlan } from "../src/core/plans/sheetPlan";
import type { RawSheet } from "../src/core/rawSheet";
import { readMasterFile } from "../src/files/masterFile";
import { readWorkbook } from "../src/files/readWorkbook";
import { replacePlanSheets } from "../src/files/spreadsheetml/replacePlanSheets";
import { writePlanWorkbook } from "../src/files/spreadsheetml/writePlanWorkbook";
import { writeIntoWorkbook } from "../src/files/writeWorkbook";
import { chartWorkbook, chartWorkbookParts } from "./support/chartWorkbook";
import { loadWithExcelJs, sheetView } from "./support/excelJsView";
import { convertWithLibreOffice, describeWithLibreOffice, exportSheetsAsCsv } from "./support/libreoffice";
import { itWithSchemas, schemaProblems, schemaToolsMissing } from "./support/ooxmlSchema";

/**
 * replacePlanSheets writes a plan's sheets into an existing package and must leave every other part byte for byte:
 * other sheets, charts, pictures, the shared strings. Checked on masters written by ExcelJS, by the SpreadsheetML
 * writer and by LibreOffice, and on a workbook with a chart, pictures, notes and a calculation chain (hand-made,
 * and as LibreOffice saves it). The plan's sheets must read as the same sheets written into a new workbook.
 */

function masterRow(index: number, unit: string, extra: Partial<MasterRow> = {}): MasterRow {
  const values = { ...emptyValues(), host: unit, name: `${unit}活动${index}`, time: "4月22日", place: "会议室", scale: String(10 + index), contact: "王斌 13812345678" };
  return { unit, level: "市级", firstDay: "2024-04-22", values, problems: "", sourceFile: `${unit}.xlsx`, key: `city|${unit}`, order: index + 4, ...extra };
}

const oldRows = [masterRow(0, "旧单位"), masterRow(1, "旧单位", { problems: "旧问题" })];
const newRows = [masterRow(0, "上海海关"), masterRow(1, "上海海关", { problems: "C5：活动时间不在宣传周内" }), masterRow(2, "浦东", { key: null, extras: { 备注: "手工" } })];
const roster: RosterEntry[] = [
  { unit: "上海海关", aliases: ["海关"], status: "has-errors", rows: 2, rowsWithErrors: 1, file: "上海海关.xlsx" },
  { unit: "市教委", aliases: [], status: "missing", rows: 0, rowsWithErrors: 0, file: null },
];
/**
 * The master's plans without the consolidated 附件N汇总 sheets: these tests are about how sheets replace sheets,
 * and count the parts that change; test/masterFile and test/excelMerge cover the whole master.
 */
const consolidated = new Set([consolidatedSheetName("city"), consolidatedSheetName("district")]);
const withoutConsolidated = (whole: WorkbookPlan): WorkbookPlan => ({ ...whole, sheets: whole.sheets.filter((sheet) => !consolidated.has(sheet.name)) });
const oldPlan = withoutConsolidated(masterWorkbookPlan(oldRows, undefined, { campaign: DEFAULT_CAMPAIGN }, PLAN_CONTEXT));
const plan = withoutConsolidated(masterWorkbookPlan(newRows, roster, { campaign: DEFAULT_CAMPAIGN }, PLAN_CONTEXT));
const planNames = new Set(plan.sheets.map((sheet) => sheet.name));

/** A clerk's workbook from another writer (SheetJS) holding notes of its own, as an existing master would. */
function clerkWorkbook(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["手工备注"], ["共计", 42]]), "说明");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

// ---------------------------------------------------------------------------------------------------------------
// Comparing packages

type PartStatus = "same" | "changed" | "dropped" | "added";

function partStatuses(before: Uint8Array, after: Uint8Array): Record<string, PartStatus> {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const statuses: Record<string, PartStatus> = {};
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[name];
    const y = b[name];
    statuses[name] = !x ? "added" : !y ? "dropped" : Buffer.from(x).equals(Buffer.from(y)) ? "same" : "changed";
  }
  return statuses;
}

function withStatus(statuses: Record<string, PartStatus>, status: PartStatus): string[] {
  return Object.entries(statuses)
    .filter(([, s]) => s === status)
    .map(([name]) => name)
    .sort();
}

function rawSheets(bytes: Uint8Array): readonly RawSheet[] {
  const read = readWorkbook(bytes, "book.xlsx");
  if (!read.ok) throw new Error(read.detail);
  return read.workbook.sheets;
}

function sheetNamed(sheets: readonly RawSheet[], name: string): RawSheet | undefined {
  return sheets.find((sheet) => sheet.name === name);
}

/** Every table's id and name in the package: ids and names must each be unique. */
function tablesOf(bytes: Uint8Array): Array<{ id: string; name: string }> {
  return Object.entries(unzipSync(bytes))
    .filter(([name]) => /^xl\/tables\/[^/]+\.xml$/.test(name))
    .map(([, data]) => {
      const xml = strFromU8(data);
      return { id: /\bid="(\d+)"/.exec(xml)?.[1] ?? "", name: /\bname="([^"]+)"/.exec(xml)?.[1] ?? "" };
    });
}

/**
 * What any replacement must give: the plan's sheets read (by our reader and ExcelJS) as in a new workbook, the
 * kept sheets as before, in the old order with new sheets after; the master state as a new master's; unique tables.
 */
async function expectPlanSheetsAndKeptSheets(before: Uint8Array, after: Uint8Array, workbookPlan: WorkbookPlan): Promise<void> {
  const fresh = writePlanWorkbook(workbookPlan);
  const beforeSheets = rawSheets(before);
  const afterSheets = rawSheets(after);
  const freshSheets = rawSheets(fresh);
  const replaced = (name: string) => workbookPlan.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  const expectedOrder = [
    ...beforeSheets.map((sheet) => workbookPlan.sheets.find((planned) => planned.name.toLowerCase() === sheet.name.toLowerCase())?.name ?? sheet.name),
    ...workbookPlan.sheets.filter((planned) => !beforeSheets.some((sheet) => sheet.name.toLowerCase() === planned.name.toLowerCase())).map((planned) => planned.name),
  ];
  expect(afterSheets.map((sheet) => sheet.name)).toEqual(expectedOrder);
  for (const sheet of afterSheets) {
    expect(sheet).toEqual(replaced(sheet.name) ? sheetNamed(freshSheets, sheet.name) : sheetNamed(beforeSheets, sheet.name));
  }
  const excel = await loadWithExcelJs(after);
  const excelFresh = await loadWithExcelJs(fresh);
  for (const planned of workbookPlan.sheets) {
    const written = excel.worksheets.find((sheet) => sheet.name === planned.name);
    const expected = excelFresh.worksheets.find((sheet) => sheet.name === planned.name);
    if (!written || !expected) throw new Error(`ExcelJS sees no sheet ${planned.name}`);
    // The tab selected follows the existing workbook's, which ExcelJS reports with the views.
    const view = (sheet: typeof written) => ({ ...(sheetView(sheet) as Record<string, unknown>), views: undefined });
    expect(view(written)).toEqual(view(expected));
  }
  const tables = tablesOf(after);
  expect(new Set(tables.map((table) => table.id)).size).toBe(tables.length);
  expect(new Set(tables.map((table) => table.name.toLowerCase())).size).toBe(tables.length);
}

function expectMasterState(after: Uint8Array): void {
  const read = readMasterFile({ bytes: after, fileName: "汇总表.xlsx" });
  const fresh = readMasterFile({ bytes: writePlanWorkbook(plan), fileName: "汇总表.xlsx" });
  if (!read.ok || !fresh.ok) throw new Error("a master did not read");
  expect(read.state).toEqual(fresh.state);
  expect(read.state.rows).toHaveLength(newRows.length);
}

/** The parts replacePlanSheets wrote are valid; the parts it kept are the input's, byte for byte. */
function expectWrittenPartsValid(statuses: Record<string, PartStatus>, after: Uint8Array): void {
  const { problems } = schemaProblems(after);
  const ours = problems.filter((problem) => statuses[problem.part] !== "same");
  expect(ours).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------------

describe("replacePlanSheets", () => {
  describe("into a master ExcelJS wrote, with a clerk's sheet of its own", () => {
    let before: Uint8Array;
    let after: Uint8Array;
    beforeAll(async () => {
      before = await writeIntoWorkbook(clerkWorkbook(), oldPlan);
      after = replacePlanSheets(before, plan, { now: new Date("2030-01-02T03:04:05Z") });
    });

    it("changes only the workbook, its styles, properties and content types and the replaced sheets; drops their old tables", () => {
      const statuses = partStatuses(before, after);
      expect(strFromU8(unzipSync(after)["docProps/core.xml"] ?? new Uint8Array())).toContain("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2030-01-02T03:04:05Z</dcterms:modified>");
      expect(withStatus(statuses, "changed")).toEqual(
        ["[Content_Types].xml", "docProps/core.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/_rels/sheet2.xml.rels", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"].sort(),
      );
      expect(withStatus(statuses, "dropped")).toEqual(["xl/tables/table1.xml"]);
      expect(withStatus(statuses, "added")).toEqual(["xl/tables/table2.xml", "xl/tables/table3.xml", "xl/worksheets/_rels/sheet4.xml.rels", "xl/worksheets/sheet4.xml"]);
      // The clerk's sheet, the shared strings, the theme and the application properties are the same bytes.
      expect(statuses["xl/worksheets/sheet1.xml"]).toBe("same");
      expect(statuses["xl/sharedStrings.xml"]).toBe("same");
    });

    it("reads as the plan's sheets in a new workbook, with the clerk's sheet as it was", async () => {
      await expectPlanSheetsAndKeptSheets(before, after, plan);
      expectMasterState(after);
    });

    itWithSchemas("writes parts that validate against the ECMA-376 schemas", () => {
      expectWrittenPartsValid(partStatuses(before, after), after);
    });

    it("appends styles without renumbering the existing ones", () => {
      const stylesBefore = strFromU8(unzipSync(before)["xl/styles.xml"] ?? new Uint8Array());
      const stylesAfter = strFromU8(unzipSync(after)["xl/styles.xml"] ?? new Uint8Array());
      const records = (xml: string, list: string, record: string) => new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)?.[1]?.match(new RegExp(`<${record}[ >/][\\s\\S]*?(?:/>|</${record}>)`, "g")) ?? [];
      for (const [list, record] of [["fonts", "font"], ["fills", "fill"], ["borders", "border"], ["cellXfs", "xf"]]) {
        const old = records(stylesBefore, list ?? "", record ?? "");
        expect(records(stylesAfter, list ?? "", record ?? "").slice(0, old.length)).toEqual(old);
      }
      expect(stylesAfter).toMatch(/<cellXfs count="(\d+)"/);
      const count = Number(/<cellXfs count="(\d+)"/.exec(stylesAfter)?.[1]);
      expect(records(stylesAfter, "cellXfs", "xf")).toHaveLength(count);
    });

    it("records the plan's title and its author as last modifier, keeping the original author", () => {
      const core = strFromU8(unzipSync(replacePlanSheets(before, { ...plan, properties: { title: "新标题", creator: "另一人" } }))["docProps/core.xml"] ?? new Uint8Array());
      expect(core).toContain("<dc:title>新标题</dc:title>");
      expect(core).toContain("<cp:lastModifiedBy>另一人</cp:lastModifiedBy>");
      expect(core).toContain("<dc:creator>汇总 Huizong</dc:creator>");
    });

    it("takes its own output again, keeping what it kept", () => {
      const again = replacePlanSheets(after, oldPlan);
      const statuses = partStatuses(after, again);
      expect(statuses["xl/worksheets/sheet1.xml"]).toBe("same");
      expect(statuses["xl/sharedStrings.xml"]).toBe("same");
      expect(rawSheets(again).map((sheet) => sheet.name)).toEqual(["说明", "活动汇总", "_huizong_settings", "报送情况"]);
      // 报送情况 stays where the previous merge put it: nothing removes a sheet the new plan does not name.
      expect(readMasterFile({ bytes: again, fileName: "x.xlsx" }).ok).toBe(true);
    });
  });

  describe("into a master the SpreadsheetML writer wrote", () => {
    it("replaces every sheet and reads as a new master", async () => {
      const before = writePlanWorkbook(oldPlan);
      const after = replacePlanSheets(before, plan);
      await expectPlanSheetsAndKeptSheets(before, after, plan);
      expectMasterState(after);
      const statuses = partStatuses(before, after);
      expect(withStatus(statuses, "same")).toEqual(expect.arrayContaining(["xl/sharedStrings.xml", "xl/theme/theme1.xml", "docProps/app.xml", "_rels/.rels"]));
    });
  });

  describe("into a workbook with a chart, pictures, notes, a link and a calculation chain", () => {
    const before = chartWorkbook();
    let after: Uint8Array;
    beforeAll(() => {
      after = replacePlanSheets(before, plan);
    });

    it("keeps the other sheets, the chart, its drawing and the shared picture byte for byte", () => {
      const statuses = partStatuses(before, after);
      for (const kept of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml", "xl/media/image1.png", "xl/tables/table2.xml", "_rels/.rels"]) {
        expect([kept, statuses[kept]]).toEqual([kept, "same"]);
      }
    });

    it("drops what only the replaced sheet used (its table, note, picture drawing, link) and the calculation chain", () => {
      const statuses = partStatuses(before, after);
      expect(withStatus(statuses, "dropped")).toEqual(
        ["xl/calcChain.xml", "xl/comments1.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/drawings/drawing2.xml", "xl/drawings/vmlDrawing1.vml", "xl/tables/table1.xml"].sort(),
      );
      // The sheet's relationships now name its new table only; the workbook's lose the calculation chain.
      expect(withStatus(statuses, "changed")).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/_rels/sheet2.xml.rels", "xl/worksheets/sheet2.xml"]);
      expect(strFromU8(unzipSync(after)["xl/worksheets/_rels/sheet2.xml.rels"] ?? new Uint8Array())).not.toMatch(/comments|vmlDrawing|drawing2|example\.com/);
      const contentTypes = strFromU8(unzipSync(after)["[Content_Types].xml"] ?? new Uint8Array());
      for (const gone of ["calcChain", "comments1", "drawing2", "table1.xml"]) expect(contentTypes).not.toContain(gone);
      expect(strFromU8(unzipSync(after)["xl/_rels/workbook.xml.rels"] ?? new Uint8Array())).not.toContain("calcChain");
    });

    it("gives new tables ids and names no kept table has", () => {
      expect(tablesOf(after).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
        { id: "4", name: "Notes" },
        { id: "6", name: "报送情况表" },
        { id: "5", name: "活动汇总表" },
      ]);
    });

    it("drops the replaced sheet's built-in names, keeps the others, adds print titles, keeps the tab it opened on", () => {
      const workbook = strFromU8(unzipSync(after)["xl/workbook.xml"] ?? new Uint8Array());
      expect(workbook).not.toContain('localSheetId="1" hidden="1"');
      expect(workbook).not.toContain("'活动汇总'!$A$1:$B$3");
      expect(workbook).toContain(`<definedName name="合计">'数据'!$B$5</definedName>`);
      expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="2">'数据'!$A$1:$B$5</definedName>`);
      expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;活动汇总&apos;!$1:$1</definedName>`);
      expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="3">&apos;报送情况&apos;!$3:$3</definedName>`);
      expect(workbook).toContain('<workbookView activeTab="1"/>');
      expect(workbook).toMatch(/<sheet sheetId="8" name="报送情况" r:id="rId6"\/><sheet sheetId="9" name="_huizong_settings" state="veryHidden" r:id="rId7"\/>/);
    });

    it("reads as the plan's sheets in a new workbook, with 说明 and 数据 as they were", async () => {
      await expectPlanSheetsAndKeptSheets(before, after, plan);
      expectMasterState(after);
    });

    itWithSchemas("writes parts that validate against the ECMA-376 schemas", () => {
      expectWrittenPartsValid(partStatuses(before, after), after);
    });

    it("refuses a planned table whose name a kept table has", () => {
      const notes: SheetPlan = { ...(plan.sheets[1] as SheetPlan), name: "新表", table: { ...(plan.sheets[1]?.table as NonNullable<SheetPlan["table"]>), name: "notes" } };
      expect(() => replacePlanSheets(before, { ...plan, sheets: [notes] })).toThrow(/notes is already used/);
    });
  });

  it("writes into a package whose workbook and styles spell SpreadsheetML with a prefix, in that spelling", async () => {
    const parts = unzipSync(writePlanWorkbook(oldPlan));
    for (const name of ["xl/workbook.xml", "xl/styles.xml"]) {
      const xml = strFromU8(parts[name] ?? new Uint8Array());
      parts[name] = strToU8(xml.replace(/<(\/?)(?![?!])([A-Za-z])/g, "<$1x:$2").replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'));
    }
    const before = zipSync(parts);
    const after = replacePlanSheets(before, plan);
    const written = unzipSync(after);
    const workbook = strFromU8(written["xl/workbook.xml"] ?? new Uint8Array());
    expect(workbook).toMatch(/<x:sheet sheetId="3" name="报送情况" r:id="rId\d+"\/>/);
    expect(workbook).toContain(`<x:definedName name="_xlnm.Print_Titles" localSheetId="2">&apos;报送情况&apos;!$3:$3</x:definedName>`);
    expect(strFromU8(written["xl/styles.xml"] ?? new Uint8Array())).not.toMatch(/<(font|fill|border|xf|dxf)[ >]/);
    expect(rawSheets(after).map((sheet) => sheet.name)).toEqual(["活动汇总", "_huizong_settings", "报送情况"]);
    expectMasterState(after);
    if (!schemaToolsMissing()) expect(schemaProblems(after).problems).toEqual([]);
  });

  it("replaces a chart sheet of the plan's name with a worksheet, dropping the chart sheet's parts", async () => {
    const parts = chartWorkbookParts();
    const text = (name: string) => strFromU8(parts[name] ?? new Uint8Array());
    const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    parts["xl/chartsheets/sheet1.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><drawing r:id="rId1"/></chartsheet>`);
    parts["xl/chartsheets/_rels/sheet1.xml.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing3.xml"/></Relationships>`);
    parts["xl/drawings/drawing3.xml"] = strToU8(text("xl/drawings/drawing1.xml").replace(/<xdr:oneCellAnchor>[\s\S]*<\/xdr:oneCellAnchor>/, ""));
    parts["xl/drawings/_rels/drawing3.xml.rels"] = strToU8(text("xl/drawings/_rels/drawing1.xml.rels").replace("chart1.xml", "chart2.xml").replace(/<Relationship Id="rId2"[^>]*\/>/, ""));
    parts["xl/charts/chart2.xml"] = parts["xl/charts/chart1.xml"] ?? new Uint8Array();
    parts["xl/workbook.xml"] = strToU8(text("xl/workbook.xml").replace("</sheets>", '<sheet name="报送情况" sheetId="8" r:id="rId9"/></sheets>'));
    parts["xl/_rels/workbook.xml.rels"] = strToU8(text("xl/_rels/workbook.xml.rels").replace("</Relationships>", `<Relationship Id="rId9" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`));
    const type = (part: string, contentType: string) => `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.${contentType}"/>`;
    parts["[Content_Types].xml"] = strToU8(
      text("[Content_Types].xml").replace("</Types>", `${type("/xl/chartsheets/sheet1.xml", "spreadsheetml.chartsheet+xml")}${type("/xl/drawings/drawing3.xml", "drawing+xml")}${type("/xl/charts/chart2.xml", "drawingml.chart+xml")}</Types>`),
    );
    const before = zipSync(parts);
    const after = replacePlanSheets(before, plan);
    const statuses = partStatuses(before, after);
    expect(withStatus(statuses, "dropped")).toEqual(expect.arrayContaining(["xl/chartsheets/sheet1.xml", "xl/chartsheets/_rels/sheet1.xml.rels", "xl/drawings/drawing3.xml", "xl/drawings/_rels/drawing3.xml.rels", "xl/charts/chart2.xml"]));
    expect(statuses["xl/charts/chart1.xml"]).toBe("same");
    const rels = strFromU8(unzipSync(after)["xl/_rels/workbook.xml.rels"] ?? new Uint8Array());
    expect(rels).toMatch(new RegExp(`<Relationship Id="rId9" Type="${REL}/worksheet" Target="worksheets/sheet\\d+.xml"/>`));
    expect(strFromU8(unzipSync(after)["[Content_Types].xml"] ?? new Uint8Array())).not.toMatch(/chartsheet|drawing3|chart2/);
    expect(rawSheets(after).map((sheet) => sheet.name)).toEqual(["说明", "活动汇总", "数据", "报送情况", "_huizong_settings"]);
    expectMasterState(after);
    if (!schemaToolsMissing()) expect(schemaProblems(after).problems).toEqual([]);
  });

  it("matches sheet names the way Excel does, ignoring case", () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["old"]]), "Master");
    const existing = new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const sheet: SheetPlan = { name: "MASTER", visibility: "visible", rows: [[{ value: "new", style: "bodyText" }]], merges: [], columnWidths: [], dataValidations: [], conditionalFormats: [] };
    const sheets = rawSheets(replacePlanSheets(existing, { properties: { title: "t", creator: "c" }, sheets: [sheet] }));
    expect(sheets.map((one) => [one.name, one.rows[0]?.[0]?.text])).toEqual([["MASTER", "new"]]);
  });

  it("says so when the existing bytes are not an xlsx", () => {
    expect(() => replacePlanSheets(new TextEncoder().encode("not a workbook"), plan)).toThrow(/could not be read as \.xlsx/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// LibreOffice: masters and a chart workbook it saved, and whether it opens what replacePlanSheets makes of them.

describeWithLibreOffice("replacePlanSheets and LibreOffice", () => {
  let dir: string;
  const inputs = new Map<string, Uint8Array>();
  const outputs = new Map<string, Uint8Array>();
  const csv = new Map<string, Map<string, string>>();
  const fods = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "huizong-replace-"));
    const source = path.join(dir, "source");
    mkdirSync(source);
    writeFileSync(path.join(source, "exceljs-master.xlsx"), await writeIntoWorkbook(clerkWorkbook(), oldPlan));
    writeFileSync(path.join(source, "chart.xlsx"), chartWorkbook());
    // LibreOffice's own saving of both: its styles, its shared strings, its chart and drawing parts.
    const saved = await convertWithLibreOffice([path.join(source, "exceljs-master.xlsx"), path.join(source, "chart.xlsx")], "xlsx", path.join(dir, "lo"), 240_000);
    inputs.set("lo-master", readFileSync(saved[0] ?? ""));
    inputs.set("lo-chart", readFileSync(saved[1] ?? ""));
    inputs.set("chart", chartWorkbook());
    const files: string[] = [];
    for (const [name, bytes] of inputs) {
      const replaced = replacePlanSheets(bytes, plan);
      outputs.set(name, replaced);
      for (const [kind, data] of [["before", bytes], ["after", replaced]] as const) {
        const file = path.join(dir, `${name}-${kind}.xlsx`);
        writeFileSync(file, data);
        files.push(file);
      }
    }
    const freshFile = path.join(dir, "fresh.xlsx");
    writeFileSync(freshFile, writePlanWorkbook(plan));
    files.push(freshFile);
    for (const [input, sheets] of await exportSheetsAsCsv(files, path.join(dir, "csv"), 240_000)) {
      csv.set(path.parse(input).name, new Map([...sheets].map(([sheetName, file]) => [sheetName, readFileSync(file, "utf8")])));
    }
    const afterFiles = files.filter((file) => file.endsWith("-after.xlsx") || file.endsWith("-before.xlsx"));
    for (const output of await convertWithLibreOffice(afterFiles, "fods", path.join(dir, "fods"), 240_000)) fods.set(path.parse(output).name, readFileSync(output, "utf8"));
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(["lo-master", "lo-chart"])("%s: keeps every part but the workbook's, the styles, the properties and the replaced sheets' byte for byte", (name) => {
    const before = inputs.get(name) ?? new Uint8Array();
    const statuses = partStatuses(before, outputs.get(name) ?? new Uint8Array());
    const mayChange = /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|docProps\/core\.xml|xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?)$/;
    expect(withStatus(statuses, "changed").filter((part) => !mayChange.test(part))).toEqual([]);
    // What goes is only what the old 活动汇总 used: its table (and, in the chart workbook, its note and picture).
    expect(withStatus(statuses, "dropped").filter((part) => !/^xl\/(tables\/|comments|drawings\/(vmlDrawing|drawing|_rels\/drawing))/.test(part))).toEqual([]);
    if (name === "lo-chart") {
      const kept = withStatus(statuses, "same");
      expect(kept).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/media/image1.png", "xl/sharedStrings.xml"]));
    }
  });

  it.each(["lo-master", "lo-chart"])("%s: the plan's sheets read as in a new workbook, the kept sheets as before", async (name) => {
    await expectPlanSheetsAndKeptSheets(inputs.get(name) ?? new Uint8Array(), outputs.get(name) ?? new Uint8Array(), plan);
    expectMasterState(outputs.get(name) ?? new Uint8Array());
  });

  it.each(["lo-master", "lo-chart", "chart"])("%s: LibreOffice shows the plan's sheets as a new workbook's and the kept sheets as before", (name) => {
    const before = csv.get(`${name}-before`);
    const after = csv.get(`${name}-after`);
    const fresh = csv.get("fresh");
    if (!before || !after || !fresh) throw new Error(`no CSV for ${name}`);
    // The old order, then the plan's sheets the workbook did not have.
    expect([...after.keys()]).toEqual([...before.keys(), ...[...planNames].filter((sheet) => !before.has(sheet))]);
    for (const [sheet, text] of after) expect([sheet, text]).toEqual([sheet, planNames.has(sheet) ? fresh.get(sheet) : before.get(sheet)]);
  });

  it.each(["lo-chart", "chart"])("%s: LibreOffice still draws the chart and the picture on 数据; 活动汇总 has no old note", (name) => {
    const sheetXml = (xml: string, sheet: string) => new RegExp(`<table:table table:name="${sheet}"[\\s\\S]*?</table:table>`).exec(xml)?.[0] ?? "";
    const before = fods.get(`${name}-before`) ?? "";
    const after = fods.get(`${name}-after`) ?? "";
    const frames = (xml: string) => [...sheetXml(xml, "数据").matchAll(/<draw:frame [^>]*draw:name="([^"]+)"/g)].map((m) => m[1]);
    expect(frames(after)).toEqual(frames(before));
    expect(frames(after)).toEqual(expect.arrayContaining(["图表 1"]));
    expect(sheetXml(after, "数据")).toContain("<draw:object");
    expect(sheetXml(before, "活动汇总")).toContain("office:annotation");
    expect(sheetXml(after, "活动汇总")).not.toContain("office:annotation");
    expect(sheetXml(after, "活动汇总")).not.toContain("<draw:frame");
  });
});
