import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PLAN_CONTEXT } from "./support/sheets";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { emptyValues, type MasterRow } from "../src/core/merge/masterRow";
import type { RosterEntry } from "../src/core/merge/rosterStatus";
import { masterWorkbookPlan } from "../src/core/plans/masterPlan";
import type { PlannedCell, SheetPlan, WorkbookPlan } from "../src/core/plans/sheetPlan";
import { templateWorkbookPlan } from "../src/core/plans/templatePlan";
import { cityTemplate } from "../src/core/templates/city";
import { districtTemplate } from "../src/core/templates/district";
import { mergeIntoMasterFile, readMasterFile } from "../src/files/masterFile";
import { readWorkbook } from "../src/files/readWorkbook";
import { writePlanWorkbook } from "../src/files/spreadsheetml/writePlanWorkbook";
import { writeWorkbook } from "../src/files/writeWorkbook";
import { convertWithLibreOffice, describeWithLibreOffice, exportSheetsAsCsv } from "./support/libreoffice";
import { excelJsView, loadWithExcelJs, type SheetMembers } from "./support/excelJsView";
import { itWithSchemas, schemaProblems } from "./support/ooxmlSchema";

/**
 * The SpreadsheetML writer against the ExcelJS writer it is to replace: for the same plans, what our reader,
 * ExcelJS and LibreOffice read from the two files must be the same. Differences that are intended are named
 * where they are allowed (the timestamps, and the paper of sheets with no print setup).
 */

// ---------------------------------------------------------------------------------------------------------------
// Plans under test

function row(index: number, overrides: Partial<Omit<MasterRow, "values">> & { values?: Partial<MasterRow["values"]> } = {}): MasterRow {
  const values = { ...emptyValues(), host: "上海海关", name: `活动${index}`, time: "4月22日", place: "会议室", scale: "50", contact: "王斌 13812345678", ...overrides.values };
  return { unit: "上海海关", level: "市级", firstDay: "2024-04-22", problems: "", sourceFile: "上海海关.xlsx", key: "city|上海海关", order: index + 4, ...overrides, values };
}

/** Everything a master row can hold: numbers and decorated counts, no date, problems, hand-typed rows, clerk columns, awkward text. */
const masterRows: MasterRow[] = [
  row(0),
  row(1, { values: { scale: "约300人", content: "  前后有空格  " }, problems: "C5：活动时间不在宣传周内\n联系人缺少电话" }),
  row(2, { firstDay: null, values: { time: "待定", name: "=HYPERLINK(\"http://x\",\"y\")", coOrganiser: "+8613812345678" } }),
  row(3, { unit: "浦东新区知识产权局", level: "区级", key: "district|浦东新区知识产权局", sourceFile: "浦东.xls", extras: { 备注: "已电话核实", 审核意见: "同意" } }),
  row(4, { key: null, sourceFile: "", order: 12, values: { name: "手工补录的活动" }, extras: { 备注: "手工" } }),
  row(5, { values: { name: "字面 _x0041_ 与 <&>\"' 与 \u0007 与 😀𠀀", place: "第一行\r\n第二行\r第三行" } }),
  row(6, { values: { audience: "很长".repeat(20_000) } }),
  row(7, { values: { scale: "1234567" }, problems: "-1" }),
];

const roster: RosterEntry[] = [
  { unit: "上海海关", aliases: ["海关", "上海关"], status: "has-errors", rows: 7, rowsWithErrors: 2, file: "上海海关.xlsx" },
  { unit: "浦东新区知识产权局", aliases: [], status: "submitted", rows: 1, rowsWithErrors: 0, file: "浦东.xls" },
  { unit: "上海市教育委员会", aliases: ["市教委"], status: "missing", rows: 0, rowsWithErrors: 0, file: null },
  { unit: "不认识的单位", aliases: [], status: "not-on-roster", rows: 0, rowsWithErrors: 0, file: "x.csv" },
];

function sheet(name: string, rows: PlannedCell[][], extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name, visibility: "visible", rows, merges: [], columnWidths: [], dataValidations: [], conditionalFormats: [], ...extra };
}

/** What the templates and the master do not use: a list validation, a header line break, a table without body, a date under no style. */
const featurePlan: WorkbookPlan = {
  properties: { title: "测试", creator: "汇总 Huizong" },
  sheets: [
    sheet("隐藏", [[{ value: "先于可见表" }]], { visibility: "hidden" }),
    sheet(
      "功能",
      [
        ["序号", "名称", "合并\n键"].map((value) => ({ value, style: "header" as const })),
        [{ value: 1, style: "bodyNumber" }, { value: { date: "2024-04-22" }, style: "bodyDate" }, { value: { date: "2024-04-23" } }],
      ],
      {
        columnWidths: [8, 20, 12],
        hiddenColumns: [2],
        table: { name: "Features", range: { startRow: 0, startCol: 0, endRow: 0, endCol: 2 }, style: "TableStyleMedium2" },
        conditionalFormats: [
          { range: { startRow: 1, startCol: 0, endRow: 9, endCol: 2 }, formula: "LEN($B2)>0", style: "statusError" },
          { range: { startRow: 1, startCol: 0, endRow: 9, endCol: 0 }, formula: "$A2>5", style: "statusWarning" },
        ],
        dataValidations: [
          {
            range: { startRow: 1, startCol: 1, endRow: 9, endCol: 1 },
            rule: { type: "list", items: ["通过", "有\"错\"误"] },
            errorStyle: "stop",
            prompt: { title: "状态", message: "从列表中选择" },
            error: { title: "请核对", message: "只能选列表中的值" },
          },
        ],
        freeze: { rows: 1, columns: 1 },
        rowHeights: { 4: 30 },
        print: { orientation: "portrait", paperSize: "A4", fitToWidth: false },
      },
    ),
  ],
};

const PLANS: Record<string, WorkbookPlan> = {
  master: masterWorkbookPlan(masterRows, roster, { campaign: DEFAULT_CAMPAIGN }, PLAN_CONTEXT),
  emptyMaster: masterWorkbookPlan([], undefined, { campaign: DEFAULT_CAMPAIGN }, PLAN_CONTEXT),
  city: templateWorkbookPlan(cityTemplate, { campaign: DEFAULT_CAMPAIGN, unit: "上海海关" }),
  district: templateWorkbookPlan(districtTemplate, { campaign: DEFAULT_CAMPAIGN }),
  features: featurePlan,
};
const NAMES = Object.keys(PLANS);

/** The same plan written by both writers. */
const written = new Map<string, { exceljs: Uint8Array; sml: Uint8Array }>();

beforeAll(async () => {
  for (const [name, plan] of Object.entries(PLANS)) written.set(name, { exceljs: await writeWorkbook(plan), sml: writePlanWorkbook(plan) });
}, 60_000);

function bytesOf(name: string): { exceljs: Uint8Array; sml: Uint8Array } {
  const both = written.get(name);
  if (!both) throw new Error(`nothing written for ${name}`);
  return both;
}

// ---------------------------------------------------------------------------------------------------------------
// The package itself

describe("the SpreadsheetML writer's package", () => {
  describe.each(NAMES)("%s", (name) => {
    itWithSchemas("validates part by part against the ECMA-376 schemas", () => {
      const { checked, problems } = schemaProblems(bytesOf(name).sml);
      expect(problems).toEqual([]);
      // Every kind of part was checked, not only the ones that happen to pass.
      expect(checked.filter((part) => part.check === "sml").map((part) => part.part)).toEqual(
        expect.arrayContaining(["xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]),
      );
      expect(checked.some((part) => part.check === "dml")).toBe(true);
    }, 60_000);
  });

  itWithSchemas("(the schema check itself catches an element out of order)", () => {
    const parts = unzipSync(bytesOf("city").sml);
    const sheetXml = strFromU8(parts["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    const merges = /<mergeCells[\s\S]*?<\/mergeCells>/.exec(sheetXml)?.[0] ?? "";
    const validations = /<dataValidations[\s\S]*?<\/dataValidations>/.exec(sheetXml)?.[0] ?? "";
    const swapped = sheetXml.replace(merges, "").replace(validations, `${validations}${merges}`);
    const { problems } = schemaProblems(zipSync({ ...parts, "xl/worksheets/sheet1.xml": strToU8(swapped) }));
    expect(problems.map((problem) => problem.part)).toEqual(["xl/worksheets/sheet1.xml"]);
    expect(problems[0]?.output).toMatch(/mergeCells'?: This element is not expected/);
  });

  it("writes text as text cells and never a formula", () => {
    const parts = unzipSync(bytesOf("master").sml);
    const sheetXml = strFromU8(parts["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(sheetXml).not.toMatch(/<f[ >]/);
    expect(strFromU8(parts["xl/sharedStrings.xml"] ?? new Uint8Array())).toContain('<t>=HYPERLINK("http://x","y")</t>');
  });

  it("writes 宋体 and 黑体 by name, with the GB2312 character set and without the theme scheme that would replace them", () => {
    const parts = unzipSync(bytesOf("master").sml);
    const fonts = [...strFromU8(parts["xl/styles.xml"] ?? new Uint8Array()).matchAll(/<font>.*?<\/font>/g)].map((m) => m[0]);
    expect(fonts).toContain('<font><b/><sz val="11"/><name val="黑体"/><family val="3"/><charset val="134"/></font>');
    expect(fonts).toContain('<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>');
    // The default font (index 0) stays Calibri with the minor scheme: cells without a palette style keep the workbook's look.
    expect(fonts[0]).toContain("<scheme");
  });

  it("writes a custom validation rule as a formula relative to the range's first cell", () => {
    const parts = unzipSync(bytesOf("city").sml);
    const sheetXml = strFromU8(parts["xl/worksheets/sheet1.xml"] ?? new Uint8Array());
    expect(sheetXml).toMatch(/<dataValidation type="custom" allowBlank="1"[^>]* sqref="C6:C25"><formula1>IF\(ISNUMBER\(C6\),AND\(C6&gt;=DATE\(2024,4,20\),C6&lt;DATE\(2024,4,27\)\),ISTEXT\(C6\)\)<\/formula1><\/dataValidation>/);
  });

  it("spells a literal _xHHHH_ so that readers give it back, in cells and in table column names", () => {
    const plan: WorkbookPlan = {
      properties: { title: "t", creator: "c" },
      sheets: [sheet("甲", [[{ value: "列_x0041_" }, { value: "B" }], [{ value: "_X0042_" }]], { table: { name: "Literal", range: { startRow: 0, startCol: 0, endRow: 1, endCol: 1 }, style: "TableStyleLight9" } })],
    };
    const parts = unzipSync(writePlanWorkbook(plan));
    expect(strFromU8(parts["xl/tables/table1.xml"] ?? new Uint8Array())).toContain('name="列_x005F_x0041_"');
    const read = readWorkbook(writePlanWorkbook(plan), "t.xlsx");
    if (!read.ok) throw new Error(read.detail);
    expect(read.workbook.sheets[0]?.rows.map((cells) => cells.map((cell) => cell?.text ?? null))).toEqual([["列_x0041_", "B"], ["_X0042_"]]);
  });

  it("opens on the first visible sheet, the only one selected", () => {
    const parts = unzipSync(bytesOf("features").sml);
    expect(strFromU8(parts["xl/workbook.xml"] ?? new Uint8Array())).toContain('activeTab="1"');
    const selected = Object.entries(parts).filter(([part, data]) => part.startsWith("xl/worksheets/sheet") && strFromU8(data).includes('tabSelected="1"'));
    expect(selected.map(([part]) => part)).toEqual(["xl/worksheets/sheet2.xml"]);
  });

  it("refuses plans that cannot make a valid file, as the ExcelJS writer does", () => {
    const one = (sheetPlan: SheetPlan, ...more: SheetPlan[]): WorkbookPlan => ({ properties: { title: "t", creator: "c" }, sheets: [sheetPlan, ...more] });
    expect(() => writePlanWorkbook(one(sheet("甲", [[{ value: "x" }]], { visibility: "hidden" })))).toThrow(/visible sheet/);
    const table = (name: string) => ({ name, range: { startRow: 0, startCol: 0, endRow: 1, endCol: 1 }, style: "TableStyleLight9" });
    expect(() => writePlanWorkbook(one(sheet("甲", [[{ value: "名称" }, { value: "名称" }]], { table: table("T") })))).toThrow(/名称 appears twice/);
    expect(() => writePlanWorkbook(one(sheet("甲", [[{ value: "名称" }, { value: 3 }]], { table: table("T") })))).toThrow(/B1 must hold text/);
    expect(() => writePlanWorkbook(one(sheet("甲", [[{ value: Number.NaN }]])))).toThrow(/A1/);
    expect(() => writePlanWorkbook(one(sheet("甲", [[{ value: "a" }, { value: "b" }]], { table: table("AB12") })))).toThrow(/not one Excel accepts/);
    const named = (sheetName: string, tableName: string) => sheet(sheetName, [[{ value: "a" }, { value: "b" }]], { table: table(tableName) });
    expect(() => writePlanWorkbook(one(named("甲", "Activities"), named("乙", "activities")))).toThrow(/already used/);
    expect(() => writePlanWorkbook(one(sheet("甲", []), sheet("甲", [])))).toThrow(/used twice/);
    expect(() => writePlanWorkbook(one(sheet("a/b", [])))).toThrow(/not one Excel accepts/);
    const list = { range: { startRow: 0, startCol: 0, endRow: 0, endCol: 0 }, errorStyle: "stop" as const, prompt: { title: "", message: "" }, error: { title: "", message: "" } };
    expect(() => writePlanWorkbook(one(sheet("甲", [], { dataValidations: [{ ...list, rule: { type: "list", items: ["a,b"] } }] })))).toThrow(/comma/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Our own reader and the merge's read-back

describe("read back by Huizong's reader", () => {
  it.each(NAMES)("%s: the same workbook from both writers", (name) => {
    const { exceljs, sml } = bytesOf(name);
    const fromExcelJs = readWorkbook(exceljs, `${name}.xlsx`);
    const fromSml = readWorkbook(sml, `${name}.xlsx`);
    if (!fromExcelJs.ok || !fromSml.ok) throw new Error("a written workbook did not read");
    expect(fromSml).toEqual(fromExcelJs);
  });

  it.each(["master", "emptyMaster"])("%s: the same master state (rows, roster, week) for the next merge", (name) => {
    const { exceljs, sml } = bytesOf(name);
    const fromExcelJs = readMasterFile({ bytes: exceljs, fileName: "汇总表.xlsx" });
    const fromSml = readMasterFile({ bytes: sml, fileName: "汇总表.xlsx" });
    if (!fromSml.ok) throw new Error(fromSml.message);
    expect(fromSml).toEqual(fromExcelJs);
    if (name === "master") expect(fromSml.state.rows).toHaveLength(masterRows.length);
  });

  it("takes the next merge, whether the master was first written by ExcelJS or by this writer, with the same result", async () => {
    const mergeInto = async (bytes: Uint8Array) => {
      const merged = await mergeIntoMasterFile({ bytes, fileName: "汇总表.xlsx" }, [], { roster: undefined, campaign: undefined });
      if (!merged.ok) throw new Error(merged.message);
      return merged;
    };
    const merged = await mergeInto(bytesOf("master").sml);
    const mergedBefore = await mergeInto(bytesOf("master").exceljs);
    expect(merged.result).toEqual(mergedBefore.result);
    expect(merged.result.rows).toHaveLength(masterRows.length);
    expect(readMasterFile({ bytes: merged.bytes, fileName: "汇总表.xlsx" })).toEqual(readMasterFile({ bytes: mergedBefore.bytes, fileName: "汇总表.xlsx" }));
    // Every table the update wrote still has its header row and filter buttons.
    const tables = Object.entries(unzipSync(merged.bytes)).filter(([name]) => /^xl\/tables\/.+\.xml$/.test(name));
    expect(tables.length).toBeGreaterThan(0);
    for (const [, table] of tables) {
      expect(strFromU8(table)).toContain('headerRowCount="1"');
      expect(strFromU8(table)).not.toContain('hiddenButton="1"');
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// ExcelJS

/** Sheets without a print plan: ExcelJS gave them a default page setup of its own, the new writer none. */
function withoutDefaultPageSetup(view: unknown, plan: WorkbookPlan): unknown {
  const unprinted = new Set(plan.sheets.filter((planned) => !planned.print).map((planned) => planned.name));
  const workbook = view as { sheets: Array<{ name: string; pageSetup: Record<string, unknown> }> };
  return {
    ...workbook,
    sheets: workbook.sheets.map((one) => (unprinted.has(one.name) ? { ...one, pageSetup: { margins: one.pageSetup.margins } } : one)),
  };
}

describe("read back by ExcelJS", () => {
  it.each(NAMES)("%s: the same values, formats, merges, widths, tables, validations, conditional formats, panes and sheet states", async (name) => {
    const { exceljs, sml } = bytesOf(name);
    const plan = PLANS[name] as WorkbookPlan;
    const expected = withoutDefaultPageSetup(await excelJsView(exceljs), plan);
    const actual = withoutDefaultPageSetup(await excelJsView(sml), plan);
    expect(actual).toEqual(expected);
  });

  it("keeps a line break in a validation prompt, which the ExcelJS writer turned into a space", async () => {
    const plan: WorkbookPlan = {
      ...featurePlan,
      sheets: featurePlan.sheets.map((one) => ({ ...one, dataValidations: one.dataValidations.map((v) => ({ ...v, prompt: { title: "状态", message: "第一行\n第二行" } })) })),
    };
    const validations = Object.values(((await loadWithExcelJs(writePlanWorkbook(plan))).worksheets[1] as unknown as SheetMembers).dataValidations.model);
    expect(validations[0]).toMatchObject({ prompt: "第一行\n第二行" });
  });

  it("sees the print setup of the sheets that have one", async () => {
    const workbook = await loadWithExcelJs(bytesOf("city").sml);
    expect(workbook.worksheets[0]?.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "5:5" });
    expect(workbook.worksheets[1]?.state).toBe("veryHidden");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// LibreOffice

/**
 * A flat ODS LibreOffice wrote, as far as it depends on the input: the document's metadata (dates, and the order
 * it lists them in) left out, and each sheet's page layout written into its master page by value rather than by
 * the name LibreOffice numbered it with. For sheets without a print plan the paper size is left out too:
 * ExcelJS wrote a page setup without paper (which LibreOffice reads as Letter), the new writer writes none.
 */
function comparableFods(xml: string, unprinted: ReadonlySet<string>): string {
  const layouts = new Map<string, string>();
  for (const match of xml.matchAll(/<style:page-layout style:name="([^"]+)">([\s\S]*?)<\/style:page-layout>/g)) layouts.set(match[1] ?? "", match[2] ?? "");
  const masterPages = [...xml.matchAll(/<style:master-page style:name="[^"]*" style:display-name="PageStyle_([^"]*)" style:page-layout-name="([^"]+)"/g)]
    .map(([, sheetName = "", layout = ""]) => {
      const properties = layouts.get(layout) ?? "";
      return `${sheetName}: ${unprinted.has(sheetName) ? properties.replace(/ fo:page-(width|height)="[^"]*"/g, "") : properties}`;
    })
    .sort();
  // The page headers' text styles (T1, T2…) are numbered in the order LibreOffice met them, which varies: compared
  // as a sorted list, and the spans that use them by their properties rather than their numbers.
  const textStyles = new Map<string, string>();
  for (const match of xml.matchAll(/<style:style style:name="(T\d+)" style:family="text">([\s\S]*?)<\/style:style>/g)) textStyles.set(match[1] ?? "", match[2] ?? "");
  const body = xml
    .replace(/<style:style style:name="T\d+" style:family="text">[\s\S]*?<\/style:style>/g, "")
    .replace(/text:style-name="(T\d+)"/g, (_, name: string) => `text:style="${textStyles.get(name) ?? name}"`)
    .replace(/<office:meta>[\s\S]*?<\/office:meta>/, "")
    .replace(/<style:page-layout style:name="[^"]+">[\s\S]*?<\/style:page-layout>/g, "")
    .replace(/<style:master-page [\s\S]*?<\/style:master-page>/g, "")
    .replace(/(<table:content-validation [^>]*table:base-cell-address=")[^"]*\.([A-Z]+\d+")/g, "$1$2");
  return `${masterPages.join("\n")}\n${[...textStyles.values()].sort().join("\n")}\n${body}`;
}

describeWithLibreOffice("read back by LibreOffice", () => {
  let dir: string;
  const fods = new Map<string, string>();
  const csv = new Map<string, Map<string, string>>();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "huizong-sml-"));
    const files: string[] = [];
    for (const name of NAMES) {
      for (const [writer, bytes] of Object.entries(bytesOf(name))) {
        const file = path.join(dir, `${name}-${writer}.xlsx`);
        writeFileSync(file, bytes);
        files.push(file);
      }
    }
    for (const output of await convertWithLibreOffice(files, "fods", path.join(dir, "fods"), 240_000)) fods.set(path.parse(output).name, readFileSync(output, "utf8"));
    for (const [input, sheets] of await exportSheetsAsCsv(files, path.join(dir, "csv"), 240_000)) {
      csv.set(path.parse(input).name, new Map([...sheets].map(([sheetName, file]) => [sheetName, readFileSync(file, "utf8")])));
    }
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(NAMES)("%s: every sheet exports to the same CSV", (name) => {
    const expected = csv.get(`${name}-exceljs`);
    expect(expected?.size).toBe(PLANS[name]?.sheets.length);
    expect(csv.get(`${name}-sml`)).toEqual(expected);
  });

  it.each(NAMES)("%s: the same document: cells, styles, merges, database ranges, validations, conditional formats, views", (name) => {
    const plan = PLANS[name] as WorkbookPlan;
    const unprinted = new Set(plan.sheets.filter((planned) => !planned.print).map((planned) => planned.name));
    const expected = fods.get(`${name}-exceljs`);
    const actual = fods.get(`${name}-sml`);
    if (!expected || !actual) throw new Error(`LibreOffice wrote no ${name}.fods`);
    expect(comparableFods(actual, unprinted)).toEqual(comparableFods(expected, unprinted));
  });
});
