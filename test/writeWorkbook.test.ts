import * as XLSX from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { isoDateToSerial } from "../src/core/calendarDate";
import { templateLayout, templateWorkbookPlan } from "../src/core/plans/templatePlan";
import type { PlannedCell, SheetPlan, WorkbookPlan } from "../src/core/plans/sheetPlan";
import type { Cell, RawSheet } from "../src/core/rawSheet";
import { METADATA_SHEET_NAME, readTemplateMetadata } from "../src/core/templateMetadata";
import { cityTemplate } from "../src/core/templates/city";
import { districtTemplate } from "../src/core/templates/district";
import type { Template } from "../src/core/templates/templateSchema";
import { writeIntoWorkbook, writeWorkbook } from "../src/files/writeWorkbook";
import { convertWithLibreOffice, describeWithLibreOffice, exportSheetsAsCsv } from "./support/libreoffice";
import { ruleAllows } from "./support/validationRules";

// ---------------------------------------------------------------------------------------------------------------
// Plans under test

const templates: ReadonlyArray<[string, Template]> = [
  ["city", cityTemplate],
  ["district", districtTemplate],
];

function templatePlan(template: Template): WorkbookPlan {
  return templateWorkbookPlan(template, { campaign: DEFAULT_CAMPAIGN, unit: "上海海关" });
}

/** Strings a careless writer would turn into formulas or numbers. */
const FORMULA_LOOKING = ['=HYPERLINK("http://x","y")', "+8613812345678", "-1", "@SUM(A1)", "=1+1"];

function sheet(name: string, rows: PlannedCell[][], extra: Partial<SheetPlan> = {}): SheetPlan {
  return { name, visibility: "visible", rows, merges: [], columnWidths: [], dataValidations: [], conditionalFormats: [], ...extra };
}

function workbookOf(...sheets: SheetPlan[]): WorkbookPlan {
  return { sheets, properties: { title: "测试", creator: "汇总 Huizong" } };
}

/** Text under the text format in row 1, under no style at all in row 2: neither may become a formula. */
const formulaTextPlan = workbookOf(
  sheet("文本", [
    FORMULA_LOOKING.map((value) => ({ value, style: "bodyText" as const })),
    FORMULA_LOOKING.map((value) => ({ value })),
  ]),
);

/** Everything the templates do not use: conditional formats, a hidden column, a table with no body rows. */
const featurePlan = workbookOf(
  sheet(
    "功能",
    [
      ["序号", "名称", "合并\n键"].map((value) => ({ value, style: "header" as const })),
      [{ value: 1, style: "bodyNumber" }, { value: { date: "2024-04-22" }, style: "bodyDate" }, { value: { date: "2024-04-23" } }],
    ],
    {
      columnWidths: [8, 20, 12],
      hiddenColumns: [2],
      table: { name: "Features", range: { startRow: 0, startCol: 0, endRow: 0, endCol: 2 }, style: "TableStyleLight9" },
      conditionalFormats: [{ range: { startRow: 1, startCol: 0, endRow: 9, endCol: 2 }, formula: "LEN($B2)>0", style: "statusError" }],
      dataValidations: [
        {
          range: { startRow: 1, startCol: 1, endRow: 9, endCol: 1 },
          rule: { type: "list", items: ["通过", "有错误"] },
          errorStyle: "stop",
          prompt: { title: "状态", message: "从列表中选择" },
          error: { title: "请核对", message: "只能选列表中的值" },
        },
      ],
      freeze: { rows: 1, columns: 1 },
    },
  ),
);

/** The existing master comes from another writer (SheetJS), as a clerk's file would. */
function existingMaster(): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["手工备注"], ["共计", 42]]), "说明");
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["旧汇总"], ["旧行"]]), "汇总");
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["备用"]]), "备用");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

/** Replaces 汇总 of {@link existingMaster} and adds a metadata sheet. */
const mergePlan = workbookOf(sheet("汇总", [[{ value: "新汇总", style: "title" }], [{ value: "=1+1", style: "bodyText" }]]), {
  ...sheet(METADATA_SHEET_NAME, [[{ value: "huizong-template" }]]),
  visibility: "veryHidden",
});

// ---------------------------------------------------------------------------------------------------------------
// Reading back

function readXlsx(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: "array", cellNF: true, cellStyles: true });
}

function sheetOf(workbook: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const found = workbook.Sheets[name];
  if (!found) throw new Error(`no sheet ${name}; sheets: ${workbook.SheetNames.join(", ")}`);
  return found;
}

function rowsOf(worksheet: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(worksheet, { header: 1, raw: true, defval: null });
}

/** A RawSheet of text cells, enough for readTemplateMetadata (the real reader is tested elsewhere). */
function rawSheets(workbook: XLSX.WorkBook): RawSheet[] {
  return workbook.SheetNames.map((name) => ({
    name,
    hidden: false,
    rows: rowsOf(sheetOf(workbook, name)).map((row) => row.map((value): Cell | null => (value === null ? null : { kind: "text", text: String(value) }))),
    merges: [],
  }));
}

/**
 * Reads a file LibreOffice wrote. SheetJS logs "ODS number format may be incorrect" through console.error for
 * the conditional number formats LibreOffice puts in every ODS; that is noise here, anything else is not.
 */
function readConverted(bytes: Uint8Array): XLSX.WorkBook {
  const error = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith("ODS number format may be incorrect")) throw new Error(`SheetJS: ${args.map(String).join(" ")}`);
  });
  try {
    return XLSX.read(bytes, { type: "array" });
  } finally {
    error.mockRestore();
  }
}

/** Hidden state as SheetJS reports it for xlsx and xls: 0 visible, 1 hidden, 2 very hidden. */
function hiddenState(workbook: XLSX.WorkBook, name: string): number | undefined {
  return workbook.Workbook?.Sheets?.find((entry) => entry.name === name)?.Hidden;
}

function zipText(bytes: Uint8Array, entry: string): string {
  const data = unzipSync(bytes)[entry];
  if (!data) throw new Error(`no ${entry} in the zip`);
  return strFromU8(data);
}

/** The planned non-empty texts of a sheet, row by row: what any reader must show, in that order. */
function plannedTexts(plan: SheetPlan): string[] {
  return plan.rows.flatMap((row) => (row ?? []).map((cell) => cell.value)).filter((value): value is string => typeof value === "string" && value !== "");
}

// ---------------------------------------------------------------------------------------------------------------
// Flat ODS, read with regular expressions: LibreOffice's output is regular enough, and no XML library is a
// dependency of the project.

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Each sheet's XML by name. */
function odsTables(xml: string): Map<string, string> {
  const tables = new Map<string, string>();
  for (const match of xml.matchAll(/<table:table table:name="([^"]*)"[\s\S]*?<\/table:table>/g)) tables.set(decodeXml(match[1] ?? ""), match[0]);
  return tables;
}

function odsTable(xml: string, name: string): string {
  const table = odsTables(xml).get(name);
  if (!table) throw new Error(`no sheet ${name} in the ODS; sheets: ${[...odsTables(xml).keys()].join(", ")}`);
  return table;
}

/** The text of every non-empty cell, row by row, with spaces and line breaks restored. */
function odsCellTexts(tableXml: string): string[] {
  const texts: string[] = [];
  for (const cell of tableXml.matchAll(/<table:table-cell\b[^>]*>([\s\S]*?)<\/table:table-cell>/g)) {
    const paragraphs = [...(cell[1] ?? "").matchAll(/<text:p>([\s\S]*?)<\/text:p>/g)].map((p) =>
      decodeXml(
        (p[1] ?? "")
          .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => " ".repeat(Number(n)))
          .replace(/<text:s\/>/g, " ")
          .replace(/<text:line-break\/>/g, "\n")
          .replace(/<[^>]+>/g, ""),
      ),
    );
    if (paragraphs.length > 0) texts.push(paragraphs.join("\n"));
  }
  return texts;
}

/** Sheets whose table style says `table:display="false"`: how ODS spells a hidden sheet. */
function odsHiddenSheets(xml: string): string[] {
  const hiddenStyles = new Set(
    [...xml.matchAll(/<style:style style:name="([^"]+)" style:family="table"[^>]*>\s*<style:table-properties table:display="false"/g)].map((m) => m[1]),
  );
  return [...xml.matchAll(/<table:table table:name="([^"]*)" table:style-name="([^"]*)"/g)].filter((m) => hiddenStyles.has(m[2])).map((m) => decodeXml(m[1] ?? ""));
}

// ---------------------------------------------------------------------------------------------------------------

describe("writeWorkbook", () => {
  describe.each(templates)("the %s template", (_kind, template) => {
    const plan = templatePlan(template);
    const layout = templateLayout(template);
    const [mainPlan] = plan.sheets;
    let bytes: Uint8Array;
    let workbook: XLSX.WorkBook;

    beforeAll(async () => {
      bytes = await writeWorkbook(plan);
      workbook = readXlsx(bytes);
    });

    it("reads back with SheetJS: title, 单位名称 line, header row and every text as written", () => {
      if (!mainPlan) throw new Error("the template plan has no sheet");
      const rows = rowsOf(sheetOf(workbook, mainPlan.name));
      expect(rows[layout.titleRow]?.[0]).toBe(template.title.replace("{year}", "2024"));
      expect(rows[layout.fieldRows.unit ?? -1]?.slice(0, 2)).toEqual(["单位名称：", "上海海关"]);
      expect(rows[layout.headerRow]).toEqual(template.columns.map((column) => column.header));
      const written = rows.flat().filter((value) => value !== null);
      expect(written).toEqual(plannedTexts(mainPlan));
      expect(workbook.SheetNames).toEqual(plan.sheets.map((planned) => planned.name));
    });

    it("keeps the planned styles on the table's header and body cells", () => {
      const worksheet = sheetOf(workbook, mainPlan?.name ?? "");
      const header = worksheet[XLSX.utils.encode_cell({ r: layout.headerRow, c: 0 })] as XLSX.CellObject;
      expect(header.s).toMatchObject({ patternType: "solid", fgColor: { rgb: "D9E1F2" } });
      const timeColumn = template.columns.findIndex((column) => column.rule === "activityTime");
      const unitInput = worksheet[XLSX.utils.encode_cell({ r: layout.fieldRows.unit ?? -1, c: 1 })] as XLSX.CellObject;
      expect(unitInput.z).toBe("@");
      // Empty body cells carry their format: SheetJS sees them as stubs only when asked.
      const stubs = XLSX.read(bytes, { type: "array", cellNF: true, sheetStubs: true }).Sheets[mainPlan?.name ?? ""];
      expect(stubs?.[XLSX.utils.encode_cell({ r: layout.firstBodyRow, c: timeColumn })]?.z).toBe("yyyy/m/d");
      expect(stubs?.[XLSX.utils.encode_cell({ r: layout.lastBodyRow, c: 0 })]?.z).toBe("@");
    });

    it("carries very hidden metadata that identifies the template and week", () => {
      expect(hiddenState(workbook, METADATA_SHEET_NAME)).toBe(2);
      expect(hiddenState(workbook, mainPlan?.name ?? "")).toBe(0);
      expect(readTemplateMetadata(rawSheets(workbook))).toMatchObject({
        kind: template.kind,
        templateVersion: template.version,
        campaignStart: DEFAULT_CAMPAIGN.start,
        campaignEnd: DEFAULT_CAMPAIGN.end,
        unit: "上海海关",
      });
    });

    it("writes the table, validations, merges, freeze and print setup into the package", () => {
      const sheetXml = zipText(bytes, "xl/worksheets/sheet1.xml");
      const tableXml = zipText(bytes, "xl/tables/table1.xml");
      const workbookXml = zipText(bytes, "xl/workbook.xml");
      const lastCol = XLSX.utils.encode_col(template.columns.length - 1);
      expect(tableXml).toContain(`ref="A${layout.headerRow + 1}:${lastCol}${layout.lastBodyRow + 1}"`);
      expect(tableXml).toContain('<tableStyleInfo name="TableStyleLight9"');
      for (const column of template.columns) expect(tableXml).toContain(`name="${column.header}"`);
      const time = XLSX.utils.encode_col(template.columns.findIndex((column) => column.rule === "activityTime"));
      const first = `${time}${layout.firstBodyRow + 1}`;
      // A custom rule, stored without "=" and relative to the range's first cell, as Excel stores one.
      expect(sheetXml).toContain(
        `<dataValidation type="custom" allowBlank="1" showInputMessage="1" promptTitle="活动时间" prompt="${mainPlan?.dataValidations.find((v) => v.prompt.title === "活动时间")?.prompt.message}" ` +
          `showErrorMessage="1" errorStyle="warning" errorTitle="请核对" error="这个日期不在宣传周（4月20日至26日）内。确需保留请点“是”，否则点“否”修改。" sqref="${first}:${time}${layout.lastBodyRow + 1}">` +
          `<formula1>IF(ISNUMBER(${first}),AND(${first}&gt;=DATE(2024,4,20),${first}&lt;DATE(2024,4,27)),ISTEXT(${first}))</formula1></dataValidation>`,
      );
      expect(sheetXml).not.toContain('type="date"');
      expect(sheetXml).toContain('type="textLength" operator="greaterThanOrEqual"');
      expect(sheetXml).toContain(`<mergeCell ref="A${layout.titleRow + 1}:${lastCol}${layout.titleRow + 1}"/>`);
      expect(tableXml).toContain(`name="${template.attachment}活动表" displayName="${template.attachment}活动表"`);
      // 宋体 and 黑体 by name, with the GB2312 character set and without the theme scheme that would replace them.
      const fonts = [...zipText(bytes, "xl/styles.xml").matchAll(/<font>.*?<\/font>/g)].map((m) => m[0]);
      const named = fonts.filter((font) => /<name val="(宋体|黑体)"\/>/.test(font));
      expect(named.map((font) => /<name val="(.+?)"/.exec(font)?.[1]).sort()).toEqual(expect.arrayContaining(["宋体", "黑体"]));
      for (const font of named) {
        expect(font).toContain('<charset val="134"/>');
        expect(font).not.toContain("<scheme");
      }
      expect(sheetXml).toContain(`<pane ySplit="${layout.headerRow + 1}" topLeftCell="A${layout.headerRow + 2}" activePane="bottomLeft" state="frozen"/>`);
      expect(sheetXml).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"\/>/);
      expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(workbookXml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${mainPlan?.name}&apos;!$${layout.headerRow + 1}:$${layout.headerRow + 1}</definedName>`);
      expect(workbookXml).toContain('activeTab="0"');
      expect(workbookXml).toContain(`name="${METADATA_SHEET_NAME}" state="veryHidden"`);
      expect(zipText(bytes, "docProps/core.xml")).toContain(`<dc:title>${plan.properties.title}</dc:title>`);
    });
  });

  it("writes formula-looking strings as text, never as formulas", async () => {
    const bytes = await writeWorkbook(formulaTextPlan);
    const worksheet = sheetOf(readXlsx(bytes), "文本");
    for (const row of [0, 1]) {
      FORMULA_LOOKING.forEach((text, col) => {
        const cell = worksheet[XLSX.utils.encode_cell({ r: row, c: col })] as XLSX.CellObject;
        expect({ t: cell.t, v: cell.v, f: cell.f }).toEqual({ t: "s", v: text, f: undefined });
      });
    }
    const sheetXml = zipText(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXml).not.toMatch(/<f[ >]/);
    expect(sheetXml.match(/t="s"/g)).toHaveLength(FORMULA_LOOKING.length * 2);
  });

  it("writes dates as date cells and numbers as numbers", async () => {
    const worksheet = sheetOf(readXlsx(await writeWorkbook(featurePlan)), "功能");
    expect(worksheet.A2).toMatchObject({ t: "n", v: 1, z: "0" });
    expect(worksheet.B2).toMatchObject({ t: "n", v: isoDateToSerial("2024-04-22"), z: "yyyy/m/d" });
    // A date under no style still shows as a date.
    expect(worksheet.C2).toMatchObject({ t: "n", v: isoDateToSerial("2024-04-23"), z: "yyyy/m/d" });
  });

  it("writes conditional formats, hidden columns, list validation and a table with no body rows", async () => {
    const bytes = await writeWorkbook(featurePlan);
    const sheetXml = zipText(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toMatch(/<conditionalFormatting sqref="A2:C10"><cfRule type="expression" dxfId="0" priority="1"><formula>LEN\(\$B2\)&gt;0<\/formula>/);
    expect(zipText(bytes, "xl/styles.xml")).toMatch(/<dxfs count="1"><dxf>.*FFFCE4D6.*<\/dxf><\/dxfs>/);
    expect(sheetXml).toMatch(/<col min="3" max="3" width="12"[^>]* hidden="1"/);
    expect(sheetXml).toContain('<dataValidation type="list" allowBlank="1"');
    expect(sheetXml).toContain('errorStyle="stop"');
    expect(sheetXml).toContain("<formula1>&quot;通过,有错误&quot;</formula1>");
    expect(sheetXml).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    // Excel discards a table of a header alone; the writer gives it one (empty) body row.
    const tableXml = zipText(bytes, "xl/tables/table1.xml");
    expect(tableXml).toContain('ref="A1:C2"');
    // A line break in a header is spelt as Excel spells it in the table part.
    expect(tableXml).toContain('<tableColumn id="3" name="合并_x000a_键"');
  });

  it("refuses plans that cannot make a valid file", async () => {
    const hidden = workbookOf(sheet("甲", [[{ value: "x" }]], { visibility: "hidden" }));
    await expect(writeWorkbook(hidden)).rejects.toThrow(/visible sheet/);
    const twice = workbookOf(
      sheet("甲", [[{ value: "名称" }, { value: "名称" }]], { table: { name: "T", range: { startRow: 0, startCol: 0, endRow: 1, endCol: 1 }, style: "TableStyleLight9" } }),
    );
    await expect(writeWorkbook(twice)).rejects.toThrow(/名称 appears twice/);
    await expect(writeWorkbook(workbookOf(sheet("甲", [[{ value: Number.NaN }]])))).rejects.toThrow(/A1/);
    const tableNamed = (sheetName: string, name: string) =>
      sheet(sheetName, [[{ value: "名称" }], [{ value: null }]], { table: { name, range: { startRow: 0, startCol: 0, endRow: 1, endCol: 0 }, style: "TableStyleLight9" } });
    await expect(writeWorkbook(workbookOf(tableNamed("甲", "AB12")))).rejects.toThrow(/not one Excel accepts/);
    await expect(writeWorkbook(workbookOf(tableNamed("甲", "Activities"), tableNamed("乙", "activities")))).rejects.toThrow(/already used/);
  });
});

describe("writeIntoWorkbook", () => {
  it("replaces the planned sheet in place and keeps every other sheet with its values", async () => {
    const bytes = await writeIntoWorkbook(existingMaster(), mergePlan);
    const workbook = readXlsx(bytes);
    expect(workbook.SheetNames).toEqual(["说明", "汇总", "备用", METADATA_SHEET_NAME]);
    expect(rowsOf(sheetOf(workbook, "说明"))).toEqual([["手工备注", null], ["共计", 42]]);
    expect(rowsOf(sheetOf(workbook, "汇总"))).toEqual([["新汇总"], ["=1+1"]]);
    expect(rowsOf(sheetOf(workbook, "备用"))).toEqual([["备用"]]);
    expect(hiddenState(workbook, METADATA_SHEET_NAME)).toBe(2);
    const selectedTabs = Object.entries(unzipSync(bytes)).filter(([name, data]) => name.startsWith("xl/worksheets/sheet") && strFromU8(data).includes('tabSelected="1"'));
    expect(selectedTabs).toHaveLength(1);
  });

  it("keeps a kept sheet's validations as the ranges they were, without overlaps", async () => {
    // ExcelJS alone would save the loaded C5:C24 back as C10:C24 plus C5:C24, which Excel repairs away.
    const city = await writeWorkbook(templatePlan(cityTemplate));
    const sqrefs = (bytes: Uint8Array) => [...zipText(bytes, "xl/worksheets/sheet1.xml").matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    const merged = await writeIntoWorkbook(city, workbookOf(sheet("新表", [[{ value: "x" }]])));
    expect(sqrefs(merged)).toEqual(sqrefs(city));
    expect(sqrefs(merged)).toHaveLength(templatePlan(cityTemplate).sheets[0]?.dataValidations.length ?? -1);
  });

  it("matches sheet names the way Excel does, ignoring case", async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([["old"]]), "Master");
    const existing = new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const workbook = readXlsx(await writeIntoWorkbook(existing, workbookOf(sheet("MASTER", [[{ value: "new" }]]))));
    expect(workbook.SheetNames).toEqual(["MASTER"]);
    expect(rowsOf(sheetOf(workbook, "MASTER"))).toEqual([["new"]]);
  });

  it("says so when the existing bytes are not an xlsx", async () => {
    await expect(writeIntoWorkbook(new TextEncoder().encode("not a workbook"), workbookOf(sheet("甲", [])))).rejects.toThrow(/could not be read as \.xlsx/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// LibreOffice: an independent application opens what we wrote and writes it out again.

describeWithLibreOffice("written workbooks in LibreOffice", () => {
  let dir: string;
  const fods = new Map<string, string>();
  const converted = new Map<string, string>();
  const LO_TIMEOUT = 180_000;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "huizong-write-"));
    const files: Record<string, WorkbookPlan> = { city: templatePlan(cityTemplate), district: templatePlan(districtTemplate), text: formulaTextPlan, features: featurePlan };
    for (const [name, plan] of Object.entries(files)) writeFileSync(path.join(dir, `${name}.xlsx`), await writeWorkbook(plan));
    writeFileSync(path.join(dir, "merged.xlsx"), await writeIntoWorkbook(existingMaster(), mergePlan));
    const xlsx = (name: string) => path.join(dir, `${name}.xlsx`);
    // One LibreOffice start per output format, each converting several files.
    for (const output of await convertWithLibreOffice([...Object.keys(files), "merged"].map(xlsx), "fods", path.join(dir, "fods"))) {
      fods.set(path.parse(output).name, readFileSync(output, "utf8"));
    }
    for (const format of ["xlsx", "xls", "ods"]) {
      const outDir = path.join(dir, `from-lo-${format}`);
      mkdirSync(outDir);
      for (const output of await convertWithLibreOffice([xlsx("city"), xlsx("district")], format, outDir)) {
        converted.set(`${path.parse(output).name}.${format}`, output);
      }
    }
  }, LO_TIMEOUT);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function fodsOf(name: string): string {
    const xml = fods.get(name);
    if (!xml) throw new Error(`LibreOffice wrote no ${name}.fods`);
    return xml;
  }

  describe.each(templates)("the %s template", (kind, template) => {
    const plan = templatePlan(template);
    const [mainPlan, metadataPlan] = plan.sheets;

    it("keeps every text, the merges, the table as a database range, and the validations", () => {
      if (!mainPlan || !metadataPlan) throw new Error("the template plan has two sheets");
      const xml = fodsOf(kind);
      const main = odsTable(xml, mainPlan.name);
      expect(odsCellTexts(main)).toEqual(plannedTexts(mainPlan));
      expect(odsCellTexts(odsTable(xml, METADATA_SHEET_NAME))).toEqual(plannedTexts(metadataPlan));

      const width = template.columns.length;
      expect(main).toContain(`table:number-columns-spanned="${width}"`);
      expect(main).toContain('table:number-columns-spanned="3"');
      expect(xml).toMatch(new RegExp(`<table:database-range table:name="${template.attachment}活动表" table:target-range-address="[^"]+"`));

      const validations = [...xml.matchAll(/<table:content-validation [\s\S]*?<\/table:content-validation>/g)].map((m) => m[0]);
      expect(validations).toHaveLength(mainPlan.dataValidations.length);
      // LibreOffice keeps the custom rule as a formula condition of its own.
      const timeRule = validations.find((v) => v.includes('table:title="活动时间"'));
      expect(timeRule).toMatch(/table:condition="of:is-true-formula\(IF\(ISNUMBER\(\[\.C\d+\]\);AND\(\[\.C\d+\]&gt;=DATE\(2024;4;20\);\[\.C\d+\]&lt;DATE\(2024;4;27\)\);ISTEXT\(\[\.C\d+\]\)\)\)"/);
      expect(timeRule).toContain('<table:help-message table:title="活动时间" table:display="true">');
      expect(timeRule).toContain('table:message-type="warning"');
      // The faces are kept by name (on Linux LibreOffice draws them with a substitute CJK font).
      expect(xml).toContain('style:font-name="宋体"');
      expect(xml).toContain('style:font-name="黑体"');
      expect(validations.some((v) => v.includes('table:message-type="information"'))).toBe(true);
      expect(odsHiddenSheets(xml)).toEqual([METADATA_SHEET_NAME]);
    });

    it.each(["xlsx", "xls", "ods"])("survives LibreOffice saving it as %s: metadata sheet hidden, header row intact", (format) => {
      const file = converted.get(`${kind}.${format}`);
      if (!file) throw new Error(`LibreOffice wrote no ${kind}.${format}`);
      const bytes = readFileSync(file);
      const workbook = readConverted(bytes);
      expect(workbook.SheetNames).toEqual([mainPlan?.name, METADATA_SHEET_NAME]);
      expect(readTemplateMetadata(rawSheets(workbook))).toMatchObject({ kind: template.kind, campaignStart: DEFAULT_CAMPAIGN.start });
      expect(rowsOf(sheetOf(workbook, mainPlan?.name ?? ""))[templateLayout(template).headerRow]).toEqual(template.columns.map((c) => c.header));
      if (format === "ods") {
        // SheetJS reports no sheet visibility for ODS; the package says it.
        expect(odsHiddenSheets(zipText(bytes, "content.xml"))).toEqual([METADATA_SHEET_NAME]);
      } else {
        // LibreOffice has no "very hidden": it saves the sheet as plain hidden (1), still out of the tab bar.
        expect(hiddenState(workbook, METADATA_SHEET_NAME)).toBe(1);
      }
    });
  });

  it("keeps formula-looking strings as text", () => {
    const table = odsTable(fodsOf("text"), "文本");
    expect(odsCellTexts(table)).toEqual([...FORMULA_LOOKING, ...FORMULA_LOOKING]);
    expect(table).not.toContain("table:formula");
    expect(table.match(/office:value-type="string"/g)).toHaveLength(FORMULA_LOOKING.length * 2);
  });

  it("opens a workbook written into an existing one, with the kept sheets' values", () => {
    const xml = fodsOf("merged");
    expect([...odsTables(xml).keys()]).toEqual(["说明", "汇总", "备用", METADATA_SHEET_NAME]);
    expect(odsCellTexts(odsTable(xml, "说明"))).toEqual(["手工备注", "共计", "42"]);
    expect(odsCellTexts(odsTable(xml, "汇总"))).toEqual(["新汇总", "=1+1"]);
    expect(odsHiddenSheets(xml)).toEqual([METADATA_SHEET_NAME]);
  });

  it("keeps the conditional format, the hidden column, the list validation and the one-row table", () => {
    const xml = fodsOf("features");
    const table = odsTable(xml, "功能");
    expect(table).toMatch(/<calcext:conditional-format calcext:target-range-address="[^"]*A2:[^"]*C10"/);
    expect(table).toMatch(/<calcext:condition calcext:apply-style-name="[^"]+" calcext:value="formula-is\(LEN\(\[\.\$B2\]\)&gt;0\)"/);
    expect(table).toContain('table:visibility="collapse"');
    expect(xml).toMatch(/table:condition="of:cell-content-is-in-list\(&quot;通过&quot;;&quot;有错误&quot;\)"/);
    expect(xml).toContain('table:message-type="stop"');
    expect(xml).toMatch(/<table:database-range table:name="Features" table:target-range-address="功能\.A1:功能\.C2"/);
  });
});

/**
 * The templates' custom validation formulas computed by a real spreadsheet engine: each formula, pointed at a cell
 * holding a typical entry, must give what test/support/validationRules says it gives (the meaning the template
 * tests rely on). Text must pass: with OR(ISTEXT(…),AND(…,INT(…))) LibreOffice, like Excel, gives #VALUE! for text.
 */
describeWithLibreOffice("the templates' validation formulas in LibreOffice", () => {
  // TRUE/FALSE are left out: LibreOffice stores them as the numbers 1 and 0 (ISNUMBER(TRUE) is true there, not in Excel).
  const ENTRIES: ReadonlyArray<string | number> = [
    "4月22日上午9:30",
    "约300人",
    "45405",
    isoDateToSerial("2024-04-22"),
    isoDateToSerial("2024-04-26") + 0.625,
    isoDateToSerial("2024-04-27"),
    isoDateToSerial("2024-04-19") + 0.9,
    300,
    1,
    0,
    2.5,
  ];
  const rules = templates.flatMap(([kind, template]) =>
    (templatePlan(template).sheets[0]?.dataValidations ?? [])
      .filter((validation) => validation.rule.type === "custom")
      .map((validation) => ({ label: `${kind} ${validation.prompt.title}`, validation })),
  );
  let computed: string[][] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "huizong-rules-"));
    try {
      const aoa: XLSX.CellObject[][] = [];
      for (const { validation } of rules) {
        if (validation.rule.type !== "custom") continue;
        const topLeft = XLSX.utils.encode_cell({ r: validation.range.startRow, c: validation.range.startCol });
        for (const entry of ENTRIES) {
          const row = aoa.length + 1;
          const formula = validation.rule.formula.replace(new RegExp(`\\b${topLeft}\\b`, "g"), `A${row}`);
          aoa.push([typeof entry === "string" ? { t: "s", v: entry } : { t: "n", v: entry }, { t: "b", v: false, f: formula }]);
        }
      }
      const sheet = XLSX.utils.aoa_to_sheet([]);
      aoa.forEach((cells, r) => cells.forEach((cell, c) => (sheet[XLSX.utils.encode_cell({ r, c })] = cell)));
      sheet["!ref"] = `A1:B${aoa.length}`;
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, sheet, "rules");
      const input = path.join(dir, "rules.xlsx");
      writeFileSync(input, XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer);
      const csv = (await exportSheetsAsCsv([input], path.join(dir, "csv"))).get(input)?.get("rules");
      if (!csv) throw new Error("LibreOffice wrote no CSV");
      computed = readFileSync(csv, "utf8").trim().split("\n").map((line) => line.split(","));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it("computes every rule as the evaluator does, letting text through", () => {
    expect(rules.map((rule) => rule.label)).toEqual(expect.arrayContaining(["city 活动时间", "city 活动规模（人数）", "district 填表时间"]));
    const expected = rules.flatMap(({ validation }) =>
      ENTRIES.map((entry) => (ruleAllows(validation, entry) ? "TRUE" : "FALSE")),
    );
    expect(computed.map((row) => row[1])).toEqual(expected);
    // And the point of it all: text never fails a rule.
    const texts = rules.flatMap(() => ENTRIES.map((entry) => typeof entry === "string"));
    expect(computed.filter((_, i) => texts[i]).every((row) => row[1] === "TRUE")).toBe(true);
  });
});
