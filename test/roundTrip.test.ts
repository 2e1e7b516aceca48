/**
 * The clerk's whole day, end to end, with LibreOffice as the unit's spreadsheet program and as the independent
 * reader of the master:
 *
 *   huizong template (附件1, 附件2) -> filled by a script (ExcelJS) -> saved by LibreOffice as .xlsx, .xls and .ods
 *   -> huizong validate --json -> huizong merge --roster --json -> the master read back by LibreOffice (CSV)
 *   -> merge again (nothing changes) -> the clerk types a row and adds a sheet -> a unit's corrected return.
 *
 * Everything runs through the real CLI (`node bin/huizong.js`), in a temp folder. LibreOffice starts four times:
 * three saves of every filled return, one CSV export of every master snapshot.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import type { IssueCode } from "../src/core/issues";
import { templateLayout } from "../src/core/plans/templatePlan";
import { templates } from "../src/core/templates/registry";
import type { TemplateKind } from "../src/core/templates/templateSchema";
import { csvRecords } from "./support/csv";
import { type Activity, fillTemplate, headerColumns } from "./support/fillTemplate";
import { convertWithLibreOffice, describeWithLibreOffice } from "./support/libreoffice";

const ROOT = path.resolve(__dirname, "..");
const HUIZONG = path.join(ROOT, "bin", "huizong.js");

// ---- the returns, as units fill them -----------------------------------------------------------------------------

/** A formula-looking text a unit typed into 活动地点: it must reach the master as this very text. */
const FORMULA_TEXT = '=HYPERLINK("http://x","看这里")';
/** A contact written with the country code and spaces: valid, and text all the way. */
const PLUS_CONTACT = "李晴 +86 138 1234 5678";

interface FilledReturn {
  /** File name without extension (LibreOffice keeps it when saving). */
  name: string;
  kind: TemplateKind;
  /** Template made with `--unit`; otherwise the filler types 单位名称. */
  presetUnit?: string;
  unit: string;
  fillDate?: Date;
  rows: Activity[];
  /** Issues validation must find: [data row index, column, code]. */
  issues: Array<[number, string, IssueCode]>;
}

const host = "淄博市市场监督管理局";
const RETURNS: FilledReturn[] = [
  {
    name: "市市场监管局",
    kind: "city",
    presetUnit: "市市场监管局",
    unit: "市市场监管局",
    rows: [
      {
        主办单位: host, 重点活动名称: "「知创淄博」知识产权助力创新发展服务行动启动暨上市后备企业知识产权服务中心揭牌仪式",
        活动时间: "2024年4月20日上午9:30", 活动地点: "淄博市知识产权保护中心", "活动规模（人数）": "约200人",
        协办部门: "齐鲁股权交易中心", 联系人: "王斌 0533-3188608",
      },
      { 主办单位: host, 重点活动名称: "知识产权保护中心开放日", 活动时间: "4月23日", 活动地点: FORMULA_TEXT, "活动规模（人数）": 80, 协办部门: "-", 联系人: PLUS_CONTACT },
      {
        主办单位: host, 重点活动名称: "聚氨酯产业链企业商业秘密保护培训", 活动时间: "4月23日14:00-16:30", 活动地点: "淄博市知识产权保护中心",
        "活动规模（人数）": 100, 协办部门: "市政协、市检察院", 联系人: "王斌 0533-3188608",
      },
    ],
    issues: [],
  },
  {
    name: "市检察院",
    kind: "city",
    presetUnit: "市检察院",
    unit: "市检察院",
    rows: [
      { 主办单位: "淄博市人民检察院", 重点活动名称: "依托新媒体平台开展知识产权普法宣传", 活动时间: "4月22日", 活动地点: "线上（微信公众号）", "活动规模（人数）": "若干", 联系人: "张敏 13953312345" },
      {
        主办单位: "淄博市人民检察院", 重点活动名称: "“淄博市知识产权保护发展状况”新闻发布会", 活动时间: "4月27日", 活动地点: "市政府新闻发布厅",
        "活动规模（人数）": 60, 协办部门: "市法院、市公安局、淄博海关", 联系人: "张敏",
      },
    ],
    issues: [
      [0, "活动规模（人数）", "head-count-invalid"],
      [1, "活动时间", "date-outside-campaign"],
      [1, "联系人", "contact-no-phone"],
    ],
  },
  {
    name: "市检察院-更正",
    kind: "city",
    presetUnit: "市检察院",
    unit: "市检察院",
    rows: [
      { 主办单位: "淄博市人民检察院", 重点活动名称: "依托新媒体平台开展知识产权普法宣传", 活动时间: "4月22日", 活动地点: "线上（微信公众号）", "活动规模（人数）": "约500人", 联系人: "张敏 13953312345" },
      {
        主办单位: "淄博市人民检察院", 重点活动名称: "“淄博市知识产权保护发展状况”新闻发布会", 活动时间: "4月24日上午10:00", 活动地点: "市政府新闻发布厅",
        "活动规模（人数）": 60, 协办部门: "市法院、市公安局、淄博海关", 联系人: "张敏 13953312345",
      },
    ],
    issues: [],
  },
  {
    name: "张店区",
    kind: "district",
    unit: "张店区知识产权联席会议办公室",
    fillDate: new Date(Date.UTC(2024, 3, 10)),
    rows: [
      {
        主办单位: "张店区市场监管局", 重点活动名称: "知识产权进校园", 活动时间: "4月23日上午", 活动地点: "世纪花园小学", 活动内容: "知识产权保护校园讲座",
        出席范围: "区教育局相关负责同志、师生代表", "活动规模（参与人数）": "约300人", 联系人: "陈刚 0533-2181234",
      },
      {
        主办单位: "张店区市场监管局", 重点活动名称: "知识产权专题培训", 活动时间: "4月下旬", 活动地点: "张店区政务服务中心", 活动内容: "专利转化运用专题培训",
        出席范围: "企业代表", "活动规模（参与人数）": 100, 联系人: "陈刚 0533-2181234",
      },
    ],
    issues: [[1, "活动时间", "date-no-day"]],
  },
  {
    name: "高新区",
    kind: "district",
    unit: "高新区知识产权联席会议办公室",
    fillDate: new Date(Date.UTC(2024, 3, 11)),
    rows: [
      {
        主办单位: "高新区知识产权局", 重点活动名称: "市知识产权保护中心分中心揭牌暨高新区知识产权运营服务平台启动仪式", 活动时间: "4月21日",
        活动地点: "高新区科技大厦", 活动内容: "分中心揭牌，运营服务平台上线", 出席范围: "市市场监管局、高新区管委会负责同志",
        "活动规模（参与人数）": 120, 联系人: "刘洋 13605331234",
      },
    ],
    issues: [],
  },
];

const ROSTER = ["淄博市市场监督管理局,市市场监管局", "淄博市人民检察院,市检察院", "张店区知识产权联席会议办公室,张店区", "淄博海关"].join("\n");

/** Which saved format of each return goes into the returns folder. */
const MERGED_FIRST = ["市市场监管局.xlsx", "市检察院.xls", "张店区.ods", "高新区.xlsx"];
const LOCK_FILE = "~$市市场监管局.xlsx";
const CORRECTED = "市检察院-更正.xlsx";

/** The row the clerk types into the master by hand before the last merge. */
const HAND_ROW = {
  报送单位: "市知识产权联席会议办公室",
  层级: "市级",
  活动日期: new Date(Date.UTC(2024, 3, 26)),
  主办单位: "淄博市知识产权联席会议办公室",
  重点活动名称: "知识产权宣传周工作总结会（手工补录）",
  活动时间: "4月26日下午",
  活动地点: "市市场监管局会议室",
  活动规模: 30,
  联系人: "王斌 0533-3188608",
};

// ---- helpers ----------------------------------------------------------------------------------------------------

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [HUIZONG, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function cliJson<T>(args: string[]): Promise<{ code: number; json: T }> {
  const result = await cli([...args, "--json"]);
  try {
    return { code: result.code, json: JSON.parse(result.stdout) as T };
  } catch {
    throw new Error(`huizong ${args.join(" ")} printed no JSON (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
  }
}

/** The XML of a named worksheet inside an .xlsx. */
function worksheetXml(xlsx: Uint8Array, sheetName: string): string {
  const zip = unzipSync(xlsx);
  const text = (name: string) => strFromU8(zip[name] ?? new Uint8Array());
  const sheet = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(text("xl/workbook.xml"));
  const target = sheet && new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"));
  if (!target?.[1]) throw new Error(`no sheet ${sheetName}`);
  return text(path.posix.join("xl", target[1].replace(/^\/?xl\//, "")));
}

// ---- the day ----------------------------------------------------------------------------------------------------

interface FileJson {
  file: string;
  status: string;
  kind: string | null;
  unit: string | null;
  rows: number;
  action?: string;
  issues: Array<{ severity: string; row: number | null; column: string | null; code: string }>;
}
interface ValidateJson {
  files: FileJson[];
  errors: number;
  warnings: number;
}
interface MergeJson extends ValidateJson {
  output: string;
  rowsIn: number;
  rowsWritten: number;
  rowsReplaced: number;
  rowsKept: number;
  masterRows: number;
  roster: Array<{ unit: string; status: string; rows: number }>;
}

interface Day {
  templates: CliResult[];
  validate: { code: number; json: ValidateJson };
  merges: Array<{ code: number; json: MergeJson }>;
  /** The master after each merge, as bytes, and its first sheet as LibreOffice exports it. */
  masters: Array<{ bytes: Uint8Array; records: Array<Record<string, string>> }>;
  /** Sheet names of the final master, and what the hand-added sheet holds. */
  finalSheets: string[];
  extraSheetText: string;
}

const SAVED_FORMATS = ["xlsx", "xls", "ods"] as const;
type IssueSummary = { severity: string; row: number | null; column: string | null; code: string };
const sortIssues = (issues: IssueSummary[]) =>
  [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.column ?? "").localeCompare(b.column ?? "") || a.code.localeCompare(b.code));
const byName = (files: FileJson[]) => new Map(files.map((file) => [path.basename(file.file), file]));

describeWithLibreOffice("the whole day through LibreOffice: template, fill, save, validate, merge, re-merge, correct", () => {
  let work = "";
  const dir = (...parts: string[]) => {
    const full = path.join(work, ...parts);
    mkdirSync(full, { recursive: true });
    return full;
  };
  let day: Day;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "huizong-roundtrip-"));
    // 1. The clerk makes the templates with the product itself.
    const templateFile = (filled: FilledReturn) => path.join(dir("templates"), `${filled.kind}-${filled.presetUnit ?? "blank"}.xlsx`);
    const wanted = new Map(RETURNS.map((filled) => [templateFile(filled), filled]));
    const templateRuns: CliResult[] = [];
    for (const [file, filled] of wanted) {
      templateRuns.push(await cli(["template", "--kind", filled.kind, ...(filled.presetUnit ? ["--unit", filled.presetUnit] : []), "-o", file]));
    }

    // 2. Units fill them in, and LibreOffice saves each one as .xlsx, .xls and .ods.
    const filledFiles: string[] = [];
    for (const filled of RETURNS) {
      const output = path.join(dir("filled"), `${filled.name}.xlsx`);
      const filling = { kind: filled.kind, unit: filled.presetUnit ? undefined : filled.unit, fillDate: filled.fillDate, rows: filled.rows };
      writeFileSync(output, await fillTemplate(readFileSync(templateFile(filled)), filling, templateFile(filled)));
      filledFiles.push(output);
    }
    const saved: string[] = [];
    for (const format of SAVED_FORMATS) saved.push(...(await convertWithLibreOffice(filledFiles, format, dir("saved", format))));

    // 3. The clerk checks every saved file.
    const validate = await cliJson<ValidateJson>(["validate", ...saved]);

    // 4. The returns folder: one format per unit, an Excel lock file, all with the same modification time.
    const returns = dir("returns");
    const sent = new Date("2024-04-12T09:00:00Z");
    for (const file of MERGED_FIRST) {
      copyFileSync(path.join(work, "saved", path.extname(file).slice(1), file), path.join(returns, file));
      utimesSync(path.join(returns, file), sent, sent);
    }
    const owner = new Uint8Array(165).fill(0x20);
    owner[0] = 5;
    owner.set(new TextEncoder().encode("clerk"), 1);
    writeFileSync(path.join(returns, LOCK_FILE), owner);
    const roster = path.join(work, "roster.txt");
    writeFileSync(roster, `${ROSTER}\n`);
    const master = path.join(work, "master.xlsx");
    const snapshots = dir("masters");
    const merges: Day["merges"] = [];
    const snapshot = (name: string) => copyFileSync(master, path.join(snapshots, `${name}.xlsx`));

    // 5. Merge, then merge the same folder again.
    merges.push(await cliJson<MergeJson>(["merge", returns, "-o", master, "--roster", roster]));
    snapshot("1-first");
    merges.push(await cliJson<MergeJson>(["merge", returns, "-o", master, "--roster", roster]));
    snapshot("2-again");

    // 6. The clerk types a row into the master (no 汇总标识) and adds a sheet of notes.
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(master) as unknown as ArrayBuffer);
    const schedule = workbook.getWorksheet("活动汇总");
    if (!schedule) throw new Error("master has no 活动汇总");
    const columns = headerColumns(schedule, 1);
    const handRow = schedule.actualRowCount + 1;
    for (const [header, value] of Object.entries(HAND_ROW)) schedule.getCell(handRow, columns.get(header) ?? 0).value = value;
    // With a sheet view, as Excel and WPS write every sheet (see the last test for a sheet without one).
    workbook.addWorksheet("备注", { views: [{ state: "normal" }] }).getCell("A1").value = "4月26日前电话催报淄博海关";
    writeFileSync(master, new Uint8Array(await workbook.xlsx.writeBuffer()));

    // 7. 市检察院 sends a corrected return, newer than its first one; the clerk merges both of its files.
    const corrected = path.join(returns, CORRECTED);
    copyFileSync(path.join(work, "saved", "xlsx", CORRECTED), corrected);
    const later = new Date(sent.getTime() + 3600_000);
    utimesSync(corrected, later, later);
    merges.push(await cliJson<MergeJson>(["merge", path.join(returns, "市检察院.xls"), corrected, "-o", master, "--roster", roster]));
    snapshot("3-corrected");

    // 8. LibreOffice reads every master snapshot (its first sheet, 活动汇总) as CSV.
    const names = ["1-first", "2-again", "3-corrected"];
    const csvs = await convertWithLibreOffice(names.map((name) => path.join(snapshots, `${name}.xlsx`)), "csv:Text - txt - csv (StarCalc):44,34,76,1", dir("csv"));
    const finalBook = new Workbook();
    await finalBook.xlsx.load(readFileSync(master) as unknown as ArrayBuffer);
    day = {
      templates: templateRuns,
      validate,
      merges,
      masters: names.map((name, i) => ({
        bytes: new Uint8Array(readFileSync(path.join(snapshots, `${name}.xlsx`))),
        records: csvRecords(readFileSync(csvs[i] ?? "", "utf8")),
      })),
      finalSheets: finalBook.worksheets.map((sheet) => (sheet.state === "visible" ? sheet.name : `${sheet.name} (${sheet.state})`)),
      extraSheetText: String(finalBook.getWorksheet("备注")?.getCell("A1").value ?? ""),
    };
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("writes the templates", () => {
    expect(day.templates.map((run) => run.code)).toEqual([0, 0, 0]); // 附件1 for two units, a blank 附件2
  });

  it("validates every return as LibreOffice saved it, in each format alike", () => {
    const files = byName(day.validate.json.files);
    expect(files.size).toBe(RETURNS.length * SAVED_FORMATS.length);
    for (const filled of RETURNS) {
      const layout = templateLayout(templates[filled.kind]);
      const expectedIssues = sortIssues(filled.issues.map(([index, column, code]) => ({ severity: "error", row: layout.firstBodyRow + 1 + index, column, code })));
      for (const format of SAVED_FORMATS) {
        const name = `${filled.name}.${format}`;
        const file = files.get(name);
        const found = file && { status: file.status, kind: file.kind, unit: file.unit, rows: file.rows, issues: sortIssues(file.issues.map(({ severity, row, column, code }) => ({ severity, row, column, code }))) };
        const status = filled.issues.length > 0 ? "invalid" : "ok";
        expect({ name, ...found }).toEqual({ name, status, kind: filled.kind, unit: filled.unit, rows: filled.rows.length, issues: expectedIssues });
      }
    }
    const errors = RETURNS.reduce((sum, filled) => sum + filled.issues.length, 0) * SAVED_FORMATS.length;
    expect(day.validate.json).toMatchObject({ errors, warnings: 0 });
    expect(day.validate.code).toBe(1);
  });

  it("merges the returns folder: actions, row counts and the roster", () => {
    const [{ code, json }] = day.merges as [Day["merges"][number]];
    expect(code).toBe(1); // merged, with validation errors
    expect(Object.fromEntries([...byName(json.files)].map(([name, file]) => [name, [file.action, file.status, file.unit, file.rows]]))).toEqual({
      "市市场监管局.xlsx": ["added", "ok", "淄博市市场监督管理局", 3],
      "市检察院.xls": ["added", "invalid", "淄博市人民检察院", 2],
      "张店区.ods": ["added", "invalid", "张店区知识产权联席会议办公室", 2],
      "高新区.xlsx": ["added", "ok", "高新区知识产权联席会议办公室", 1],
      [LOCK_FILE]: ["ignored", "ignored", null, 0],
    });
    expect(json).toMatchObject({ rowsIn: 8, rowsWritten: 8, rowsReplaced: 0, rowsKept: 0, masterRows: 8 });
    expect(json.roster.map(({ unit, status, rows }) => [unit, status, rows])).toEqual([
      ["淄博市市场监督管理局", "submitted", 3],
      ["淄博市人民检察院", "has-errors", 2],
      ["张店区知识产权联席会议办公室", "has-errors", 2],
      ["淄博海关", "missing", 0],
      ["高新区知识产权联席会议办公室", "not-on-roster", 1],
    ]);
  });

  it("writes a master that LibreOffice reads with the rows in order, provenance, and text exactly as typed", () => {
    const records = day.masters[0]?.records ?? [];
    const columns = ["报送单位", "层级", "活动日期", "重点活动名称", "活动时间", "活动地点", "活动规模", "联系人", "来源文件"];
    expect(records.map((record) => columns.map((column) => record[column]))).toEqual([
      ["淄博市市场监督管理局", "市级", "2024/4/20", "「知创淄博」知识产权助力创新发展服务行动启动暨上市后备企业知识产权服务中心揭牌仪式", "2024年4月20日上午9:30", "淄博市知识产权保护中心", "约200人", "王斌 0533-3188608", "市市场监管局.xlsx"],
      ["高新区知识产权联席会议办公室", "区级", "2024/4/21", "市知识产权保护中心分中心揭牌暨高新区知识产权运营服务平台启动仪式", "4月21日", "高新区科技大厦", "120", "刘洋 13605331234", "高新区.xlsx"],
      ["淄博市人民检察院", "市级", "2024/4/22", "依托新媒体平台开展知识产权普法宣传", "4月22日", "线上（微信公众号）", "若干", "张敏 13953312345", "市检察院.xls"],
      ["张店区知识产权联席会议办公室", "区级", "2024/4/23", "知识产权进校园", "4月23日上午", "世纪花园小学", "约300人", "陈刚 0533-2181234", "张店区.ods"],
      ["淄博市市场监督管理局", "市级", "2024/4/23", "知识产权保护中心开放日", "4月23日", FORMULA_TEXT, "80", PLUS_CONTACT, "市市场监管局.xlsx"],
      ["淄博市市场监督管理局", "市级", "2024/4/23", "聚氨酯产业链企业商业秘密保护培训", "4月23日14:00-16:30", "淄博市知识产权保护中心", "100", "王斌 0533-3188608", "市市场监管局.xlsx"],
      ["淄博市人民检察院", "市级", "2024/4/27", "“淄博市知识产权保护发展状况”新闻发布会", "4月27日", "市政府新闻发布厅", "60", "张敏", "市检察院.xls"],
      ["张店区知识产权联席会议办公室", "区级", "", "知识产权专题培训", "4月下旬", "张店区政务服务中心", "100", "陈刚 0533-2181234", "张店区.ods"],
    ]);
    // 校验结果 is filled exactly on the rows with mistakes, and names them.
    expect(records.map((record) => record["校验结果"] !== "")).toEqual([false, false, true, false, false, false, true, true]);
    expect(records[2]?.["校验结果"]).toContain("若干");
    expect(records[6]?.["校验结果"]).toMatch(/4月27日[\s\S]*\n[\s\S]*张敏/);
    expect(records[7]?.["校验结果"]).toContain("4月下旬");
    expect(records[4]?.["协办部门"]).toBe("-");
    // District-only columns arrive too.
    expect(records[3]).toMatchObject({ 活动内容: "知识产权保护校园讲座", 出席范围: "区教育局相关负责同志、师生代表" });
  });

  it("stores formula-looking text as text, and highlights rows with problems by a conditional format", () => {
    const xml = worksheetXml(day.masters[0]?.bytes ?? new Uint8Array(), "活动汇总");
    expect(xml).not.toMatch(/<f>[^<]*HYPERLINK/);
    expect(xml).not.toMatch(/<f>[^<]*86 138/);
    const rule = /<conditionalFormatting sqref="A2:([A-Z]+)(\d+)">\s*<cfRule type="expression"[^>]*dxfId="\d+"[^>]*>\s*<formula>AND\(LEN\(\$([A-Z]+)2\)&gt;0,/.exec(xml);
    expect(rule).not.toBeNull();
    const header = (day.masters[0]?.records[0] && Object.keys(day.masters[0].records[0])) ?? [];
    expect(rule?.[2]).toBe("9"); // the header and 8 rows
    expect(rule?.[3]).toBe(String.fromCharCode(65 + header.indexOf("校验结果")));
  });

  it("changes nothing when the same files are merged again", () => {
    const [, again] = day.merges;
    expect(again?.code).toBe(1);
    expect(again?.json).toMatchObject({ rowsIn: 8, rowsWritten: 8, rowsReplaced: 8, rowsKept: 0, masterRows: 8 });
    expect(again?.json.files.filter((file) => file.action !== "ignored").every((file) => file.action === "replaced")).toBe(true);
    expect(day.masters[1]?.records).toEqual(day.masters[0]?.records);
  });

  it("replaces a unit's rows with its corrected return, keeping other rows, the hand-typed row and the extra sheet", () => {
    const [, , last] = day.merges;
    // The superseded first return had errors, but none reach the master: the merge is done without errors.
    expect(last?.code).toBe(0);
    expect(last?.json.errors).toBe(0);
    expect(Object.fromEntries([...byName(last?.json.files ?? [])].map(([name, file]) => [name, file.action]))).toEqual({
      "市检察院.xls": "superseded",
      [CORRECTED]: "replaced",
    });
    expect(last?.json).toMatchObject({ rowsIn: 4, rowsWritten: 2, rowsReplaced: 2, rowsKept: 7, masterRows: 9 });
    expect(last?.json.roster.map(({ unit, status }) => [unit, status])).toEqual([
      ["淄博市市场监督管理局", "submitted"],
      ["淄博市人民检察院", "submitted"],
      ["张店区知识产权联席会议办公室", "has-errors"],
      ["淄博海关", "missing"],
      ["高新区知识产权联席会议办公室", "not-on-roster"],
    ]);

    const before = day.masters[1]?.records ?? [];
    const after = day.masters[2]?.records ?? [];
    const summary = (records: Array<Record<string, string>>) =>
      records.map((record) => [record["活动日期"], record["报送单位"], record["重点活动名称"], record["来源文件"], record["校验结果"] !== ""]);
    expect(summary(after)).toEqual([
      ["2024/4/20", "淄博市市场监督管理局", "「知创淄博」知识产权助力创新发展服务行动启动暨上市后备企业知识产权服务中心揭牌仪式", "市市场监管局.xlsx", false],
      ["2024/4/21", "高新区知识产权联席会议办公室", "市知识产权保护中心分中心揭牌暨高新区知识产权运营服务平台启动仪式", "高新区.xlsx", false],
      ["2024/4/22", "淄博市人民检察院", "依托新媒体平台开展知识产权普法宣传", CORRECTED, false],
      ["2024/4/23", "张店区知识产权联席会议办公室", "知识产权进校园", "张店区.ods", false],
      ["2024/4/23", "淄博市市场监督管理局", "知识产权保护中心开放日", "市市场监管局.xlsx", false],
      ["2024/4/23", "淄博市市场监督管理局", "聚氨酯产业链企业商业秘密保护培训", "市市场监管局.xlsx", false],
      ["2024/4/24", "淄博市人民检察院", "“淄博市知识产权保护发展状况”新闻发布会", CORRECTED, false],
      ["2024/4/26", HAND_ROW.报送单位, HAND_ROW.重点活动名称, "", false],
      ["", "张店区知识产权联席会议办公室", "知识产权专题培训", "张店区.ods", true],
    ]);
    // The other units' rows are kept as they were, cell for cell.
    const others = (records: Array<Record<string, string>>) => records.filter((record) => record["报送单位"] !== "淄博市人民检察院" && record["来源文件"] !== "");
    expect(others(after)).toEqual(others(before));
    expect(after.find((record) => record["重点活动名称"] === HAND_ROW.重点活动名称)).toMatchObject({
      层级: "市级", 活动时间: HAND_ROW.活动时间, 活动地点: HAND_ROW.活动地点, 活动规模: "30", 联系人: HAND_ROW.联系人,
    });
    expect(after.find((record) => record["来源文件"] === CORRECTED && (record["活动时间"] ?? "").startsWith("4月22日"))?.["活动规模"]).toBe("约500人");
    // The table and its highlight now span the 9 rows, the hand-typed one included.
    const xml = worksheetXml(day.masters[2]?.bytes ?? new Uint8Array(), "活动汇总");
    expect(xml).toMatch(/<conditionalFormatting sqref="A2:[A-Z]+10">/);
    // The week the master was merged for stays with it, on a very hidden sheet the next merge reads.
    expect(day.finalSheets).toEqual(["活动汇总", "报送情况", "催报", "附件1汇总", "附件2汇总", "_huizong_settings (veryHidden)", "备注"]);
    expect(day.extraSheetText).toBe("4月26日前电话催报淄博海关");
  });

  // Product bug: writeIntoWorkbook reads `sheet.views.length`, and ExcelJS loads a sheet without <sheetViews>
  // (optional in the schema; ExcelJS itself writes sheets so) with views null: merge crashes, prints no JSON.
  it("merges into a master whose hand-added sheet has no <sheetViews>", async () => {
    const master = path.join(work, "master-no-views.xlsx");
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(path.join(work, "masters", "3-corrected.xlsx")) as unknown as ArrayBuffer);
    workbook.addWorksheet("附表").getCell("A1").value = "手工添加";
    writeFileSync(master, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const { code, json } = await cliJson<MergeJson>(["merge", path.join(work, "returns", CORRECTED), "-o", master]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ rowsWritten: 2, rowsReplaced: 2, rowsKept: 7, masterRows: 9 });
  });
});
