/**
 * Builds examples/returns/ (returned workbooks a new user can merge at once) and examples/roster.txt, from the real
 * key activities of the Zibo notice (淄博市知识产权联席会议办公室, 2024 宣传周) filled into the templates of the
 * Shanghai notice (沪知联办〔2024〕2号 附件1/附件2). Run with `npx tsx examples/build.ts`.
 *
 * Every return starts as a template written by `huizong template` itself (so it carries the template metadata),
 * is filled in with ExcelJS the way a unit types into it, and is saved as .xlsx; one is saved again by LibreOffice
 * as .xls and one as .ods. Some are clean, some carry the usual mistakes; 市市场监管局 returns twice (a corrected
 * second file with a later modification time), and an Excel lock file lies among them. At the end the script
 * checks every return with `huizong validate` against what it was built to contain, and prints what merging the
 * folder says.
 *
 * Deterministic and idempotent: the .xlsx files are byte for byte the same on every run (fixed document and zip
 * times), and so is the .xls; LibreOffice stamps its own times into the .ods, which nothing checks. Modification
 * times are set to the days the units "sent" them. Without LibreOffice the .xls and .ods are not rebuilt (warning);
 * the committed copies stay.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Workbook, type DataValidation, type Worksheet } from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { templateLayout } from "../src/core/plans/templatePlan";
import { templates } from "../src/core/templates/registry";
import type { IssueCode } from "../src/core/issues";
import type { TemplateKind } from "../src/core/templates/templateSchema";
import { convertWithLibreOffice, findSoffice } from "../test/support/libreoffice";

const ROOT = path.resolve(__dirname, "..");
const RETURNS = path.join(__dirname, "returns");
const ROSTER = path.join(__dirname, "roster.txt");

// ---- what the units send back -----------------------------------------------------------------------------------

/** One activity by the template's header text, as typed. */
type Activity = Record<string, string | number>;

interface Return {
  /** File name in examples/returns/. */
  file: string;
  kind: TemplateKind;
  /** 单位名称 pre-filled by the clerk (`huizong template --unit`), or typed by the unit itself (`typedUnit`). */
  unit?: string;
  typedUnit?: string;
  /** 填表时间 (附件2), as typed: a date or text. */
  fillDate?: Date | string;
  rows: Activity[];
  /** When the unit sent it (the file's modification time). */
  sent: string;
  /** What validation must find: [data row index (-1 for the table's own issues), column, code]. */
  mistakes: Array<[number, string, IssueCode]>;
  /** For a return whose 单位名称 is empty: the unit validate --roster must name, and where it read it from. */
  namedBy?: [string, string];
  /** Saved again by LibreOffice in this format (the .xlsx filled in is only an intermediate then). */
  libreOffice?: "xls" | "ods";
}

const 王斌 = "王斌 0533-3188608";
const 市监 = "淄博市市场监督管理局";

/** 市市场监管局 (the joint-conference office): the notice's own key activities (一)-(九). */
function marketRegulationRows(corrected: boolean): Activity[] {
  return [
    {
      主办单位: 市监, 重点活动名称: "「知创淄博」知识产权助力创新发展服务行动启动暨上市后备企业知识产权服务中心揭牌仪式",
      活动时间: "2024年4月20日上午9:30", 活动地点: "淄博市知识产权保护中心", "活动规模（人数）": "约150人", 协办部门: "齐鲁股权交易中心", 联系人: 王斌,
    },
    {
      主办单位: 市监, 重点活动名称: "市知识产权保护中心分中心揭牌暨高新区知识产权运营服务平台启动仪式", 活动时间: "4月22日上午",
      活动地点: "高新区政务服务中心", "活动规模（人数）": 100, 协办部门: "高新区管委会", 联系人: 王斌,
    },
    {
      主办单位: 市监, 重点活动名称: "知识产权保护中心开放日", 活动时间: "4月23日", 活动地点: "淄博市知识产权保护中心", "活动规模（人数）": 50,
      协办部门: "", 联系人: 王斌,
    },
    {
      主办单位: "淄博市知识产权保护中心", 重点活动名称: "专利检索公益培训", 活动时间: corrected ? "4月25日上午9:00" : "4月下旬",
      活动地点: "淄博市知识产权保护中心", "活动规模（人数）": 80, 协办部门: "", 联系人: 王斌,
    },
    {
      主办单位: "市政协、市市场监管局", 重点活动名称: "聚氨酯产业链企业商业秘密保护培训", 活动时间: "4月24日14:30-17:00", 活动地点: "齐鲁化学工业区管委会",
      "活动规模（人数）": 120, 协办部门: "市检察院", 联系人: 王斌,
    },
    {
      主办单位: 市监, 重点活动名称: "全市知识产权行政保护与司法保护座谈会", 活动时间: "4月25日下午", 活动地点: "市市场监管局会议室", "活动规模（人数）": 30,
      协办部门: "市法院、市检察院、市公安局、市文化和旅游局", 联系人: 王斌,
    },
    {
      主办单位: 市监, 重点活动名称: "市场监管大讲堂知识产权培训", 活动时间: "4月26日上午", 活动地点: "淄博市知识产权保护中心", "活动规模（人数）": 60,
      协办部门: "千慧集团", 联系人: corrected ? 王斌 : "王斌",
    },
    {
      主办单位: 市监, 重点活动名称: "“淄博市知识产权保护发展状况”新闻发布会", 活动时间: "4月26日上午10:00", 活动地点: "市政府新闻发布厅",
      "活动规模（人数）": 80, 协办部门: "市法院、市检察院、市公安局、淄博海关", 联系人: 王斌,
    },
  ];
}

const RETURNS_SENT: Return[] = [
  {
    file: "市市场监管局.xlsx", kind: "city", unit: "市市场监管局", sent: "2024-04-11T16:20:00+08:00", rows: marketRegulationRows(false),
    mistakes: [[3, "活动时间", "date-no-day"], [6, "联系人", "contact-no-phone"]],
  },
  {
    // The same unit again, corrected; later, so it replaces the first file.
    file: "市市场监管局（更正）.xlsx", kind: "city", unit: "市市场监管局", sent: "2024-04-15T09:05:00+08:00", rows: marketRegulationRows(true),
    mistakes: [],
  },
  {
    file: "市检察院.xls", kind: "city", unit: "市检察院", sent: "2024-04-12T10:30:00+08:00", libreOffice: "xls",
    rows: [
      {
        主办单位: "淄博市人民检察院", 重点活动名称: "依托新媒体平台开展知识产权普法教育、以案释法", 活动时间: "4月20日-26日",
        活动地点: "线上（“淄博检察”微信公众号）", "活动规模（人数）": "若干", 协办部门: "", 联系人: "孙静 0533-3170512",
      },
      {
        主办单位: "淄博市人民检察院", 重点活动名称: "走访企业开展商业秘密法律责任警示教育", 活动时间: "4月24日", 活动地点: "齐鲁化学工业区聚氨酯产业链企业",
        "活动规模（人数）": 40, 协办部门: "市市场监管局", 联系人: "孙静 0533-3170512",
      },
    ],
    mistakes: [[0, "活动规模（人数）", "head-count-invalid"]],
  },
  {
    // Activities grouped under section headings (skipped and listed, not checked); a deadline where a day belongs.
    file: "市公安局.xlsx", kind: "city", unit: "市公安局", sent: "2024-04-12T15:45:00+08:00",
    rows: [
      { 主办单位: "一、线下活动" },
      {
        主办单位: "淄博市公安局", 重点活动名称: "知识产权进校园", 活动时间: "4月23日15:00", 活动地点: "山东理工大学", "活动规模（人数）": "约200人",
        协办部门: "省知识产权保护中心、山东理工大学、市市场监管局", 联系人: "刘洋 13905330118",
      },
      { 主办单位: "二、线上活动" },
      {
        主办单位: "淄博市公安局", 重点活动名称: "发布打击侵犯知识产权犯罪典型案例", 活动时间: "4月26日前", 活动地点: "线上（“淄博公安”微信公众号）",
        "活动规模（人数）": 500, 协办部门: "", 联系人: "刘洋",
      },
    ],
    mistakes: [[3, "活动时间", "date-deadline"], [3, "联系人", "contact-no-phone"]],
  },
  {
    file: "淄博海关.ods", kind: "city", unit: "淄博海关", sent: "2024-04-10T11:00:00+08:00", libreOffice: "ods",
    rows: [
      {
        主办单位: "淄博海关", 重点活动名称: "新媒体发布：著作权的种类及如何申请海关保护", 活动时间: "2024/4/26", 活动地点: "线上（“淄博海关”微信公众号）",
        "活动规模（人数）": 300, 协办部门: "", 联系人: "赵磊 0533-3586020",
      },
    ],
    mistakes: [],
  },
  {
    file: "市教育局.xlsx", kind: "city", unit: "市教育局", sent: "2024-04-12T17:10:00+08:00",
    rows: [
      {
        主办单位: "淄博市教育局", 重点活动名称: "知识产权保护校园讲座", 活动时间: "4月28日", 活动地点: "世纪花园小学", "活动规模（人数）": "约400人",
        协办部门: "市市场监管局", 联系人: "陈静 0533-286903",
      },
    ],
    // 0533 takes a 7- or 8-digit number: one digit is missing.
    mistakes: [[0, "活动时间", "date-outside-campaign"], [0, "联系人", "contact-phone-malformed"]],
  },
  {
    // A blank 附件1 whose 单位名称 was left empty: still an error for the unit, but the file name names it, and the
    // roster knows 市农业农村局 as 淄博市农业农村局, so validate and merge both put the rows under that unit.
    file: "附件1-市农业农村局重点活动安排表（修订）.xlsx", kind: "city", sent: "2024-04-13T10:20:00+08:00",
    rows: [
      {
        主办单位: "淄博市农业农村局", 重点活动名称: "保护种业知识产权现场宣传", 活动时间: "4月22日-24日", 活动地点: "种子企业、种子经营门店和种子生产基地",
        "活动规模（人数）": "约150人", 协办部门: "", 联系人: "孟凡 05333183526",
      },
    ],
    mistakes: [[-1, "单位名称", "unit-missing"]],
    namedBy: ["淄博市农业农村局", "file-name"],
  },
  {
    file: "张店区.xlsx", kind: "district", unit: "张店区知识产权联席会议办公室", fillDate: new Date(Date.UTC(2024, 3, 10)), sent: "2024-04-10T16:00:00+08:00",
    rows: [
      {
        主办单位: "张店区市场监管局", 重点活动名称: "知识产权“五进”街头宣传", 活动时间: "4月20日上午", 活动地点: "张店区人民公园",
        活动内容: "街头路演，发放知识产权宣传资料，现场咨询", 出席范围: "区知识产权联席会议成员单位", "活动规模（参与人数）": "约300人",
        联系人: "李娜 0533-2286417",
      },
      {
        主办单位: "张店区市场监管局", 重点活动名称: "高校与企业融合发展座谈会", 活动时间: "4月24日下午", 活动地点: "张店区科技创新中心",
        活动内容: "专利转化供需对接，待转化项目路演", 出席范围: "山东理工大学、区内企业代表", "活动规模（参与人数）": 60, 联系人: "李娜 0533-2286417",
      },
    ],
    mistakes: [],
  },
  {
    // A blank 附件2: the unit types its short name (an alias on the roster) and 填表时间 as text.
    file: "高新区.xlsx", kind: "district", typedUnit: "高新区", fillDate: "2024年4月12日", sent: "2024-04-12T09:40:00+08:00",
    rows: [
      {
        主办单位: "高新区市场监管局", 重点活动名称: "知识产权服务平台上线发布", 活动时间: "4月22日", 活动地点: "高新区政务服务中心",
        活动内容: "服务平台上线，发布知识产权侵权关联案件复合处理机制文件", 出席范围: "高新区管委会、企业代表", "活动规模（参与人数）": 100,
        联系人: "周强 13853360725",
      },
      {
        主办单位: "高新区市场监管局", 重点活动名称: "知识产权保护和地理标志宣传片拍摄", 活动时间: "4月23日-25日", 活动地点: "高新区辖区企业",
        活动内容: "拍摄知识产权保护和地理标志宣传片", 出席范围: "区融媒体中心", "活动规模（参与人数）": 20, 联系人: "周强 13853360725",
      },
    ],
    mistakes: [],
  },
];

/** Excel's owner file beside an open workbook: skipped by validate and merge. */
const LOCK_FILE = "~$市市场监管局.xlsx";

/** Expected units with their aliases; 淄川区 never returns. */
const ROSTER_LINES = [
  "淄博市市场监督管理局,市市场监管局",
  "淄博市人民检察院,市检察院",
  "淄博市公安局,市公安局",
  "淄博海关",
  "淄博市教育局,市教育局",
  "淄博市农业农村局,市农业农村局",
  "张店区知识产权联席会议办公室,张店区",
  "高新区知识产权联席会议办公室,高新区,淄博高新区",
  "淄川区知识产权联席会议办公室,淄川区",
];

// ---- building -----------------------------------------------------------------------------------------------------

/** Document times of every .xlsx written here (09:00 Beijing time), so the bytes never change between runs. */
const DOCUMENT_TIME = new Date("2024-04-12T09:00:00+08:00");
/** Zip entry times are local wall-clock fields: built from local fields, they are the same in every time zone. */
const ZIP_TIME = new Date(2024, 3, 12, 9, 0, 0);

function huizong(args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "src/cli/main.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** `huizong template`, once per template and unit. */
function makeTemplate(work: string, sent: Return, made: Map<string, string>): string {
  const key = `${sent.kind}-${sent.unit ?? "空白"}`;
  const existing = made.get(key);
  if (existing) return existing;
  const output = path.join(work, `模板-${key}.xlsx`);
  const run = huizong(["template", "--kind", sent.kind, ...(sent.unit ? ["--unit", sent.unit] : []), "-o", output]);
  if (run.status !== 0) throw new Error(`huizong template failed (${run.status}):\n${run.stdout}${run.stderr}`);
  made.set(key, output);
  return output;
}

/**
 * ExcelJS loads each validated range as one entry per cell and writes them back as overlapping ranges (A10:A24
 * and A5:A24), which Excel "repairs" away on opening. Put them back as one range per column run.
 */
function compactValidations(sheet: Worksheet): void {
  const store = (sheet as unknown as { dataValidations: { model: Record<string, DataValidation | undefined> } }).dataValidations;
  const compacted: Record<string, DataValidation> = {};
  const cells: Array<{ col: string; row: number; validation: DataValidation; same: string }> = [];
  for (const [address, validation] of Object.entries(store.model)) {
    if (!validation) continue;
    const cell = /^([A-Z]+)(\d+)$/.exec(address);
    if (cell?.[1] && cell[2]) cells.push({ col: cell[1], row: Number(cell[2]), validation, same: JSON.stringify(validation) });
    else compacted[address] = validation;
  }
  cells.sort((a, b) => a.col.localeCompare(b.col) || a.row - b.row);
  for (let start = 0; start < cells.length; ) {
    let end = start;
    while (cells[end + 1]?.col === cells[start]?.col && cells[end + 1]?.row === (cells[end]?.row ?? 0) + 1 && cells[end + 1]?.same === cells[start]?.same) end++;
    const first = cells[start];
    const last = cells[end];
    if (first && last) compacted[first.row === last.row ? `${first.col}${first.row}` : `${first.col}${first.row}:${last.col}${last.row}`] = first.validation;
    start = end + 1;
  }
  store.model = compacted;
}

/** Same entries, same order, fixed times: a zip whose bytes depend on its contents only. */
function stableZip(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, [data, { mtime: ZIP_TIME }]])), { level: 6 });
}

/** A template filled in as the unit would: 单位名称 (if blank), 填表时间, then the activities under the header. */
async function fill(templateFile: string, sent: Return): Promise<Uint8Array> {
  const workbook = new Workbook();
  await workbook.xlsx.load(readFileSync(templateFile) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${templateFile}: no sheet`);
  const layout = templateLayout(templates[sent.kind]);
  const field = (key: string) => sheet.getCell((layout.fieldRows[key] ?? 0) + 1, 2);
  if (sent.typedUnit) field("unit").value = sent.typedUnit;
  if (sent.fillDate) field("fillDate").value = sent.fillDate;
  const columns = new Map<string, number>();
  sheet.getRow(layout.headerRow + 1).eachCell((cell, col) => columns.set(String(cell.value), col));
  if (sent.rows.length > layout.lastBodyRow - layout.firstBodyRow + 1) throw new Error(`${sent.file}: more rows than the template has`);
  sent.rows.forEach((activity, i) => {
    for (const [header, value] of Object.entries(activity)) {
      const col = columns.get(header);
      if (col === undefined) throw new Error(`${sent.file}: the template has no column ${header}`);
      if (value !== "") sheet.getCell(layout.firstBodyRow + 1 + i, col).value = value;
    }
  });
  compactValidations(sheet);
  workbook.created = DOCUMENT_TIME;
  workbook.modified = DOCUMENT_TIME;
  workbook.lastModifiedBy = sent.typedUnit ?? sent.unit ?? "";
  return stableZip(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Excel's owner file: a length byte and the user's name, padded to 165 bytes. */
function lockFileBytes(user: string): Uint8Array {
  const bytes = new Uint8Array(165).fill(0x20);
  const name = new TextEncoder().encode(user);
  bytes[0] = name.length;
  bytes.set(name, 1);
  return bytes;
}

/**
 * Sets each return's modification time to the day its unit sent it: a merge takes the newer of two returns of one
 * unit by that time, and git does not keep it. Also used by scripts/readmeExamples.ts before it runs the examples.
 */
export function stampSentTimes(): void {
  for (const sent of RETURNS_SENT) {
    const file = path.join(RETURNS, sent.file);
    if (existsSync(file)) utimesSync(file, new Date(sent.sent), new Date(sent.sent));
  }
  const lockFile = path.join(RETURNS, LOCK_FILE);
  const lockTime = new Date("2024-04-15T09:30:00+08:00");
  if (existsSync(lockFile)) utimesSync(lockFile, lockTime, lockTime);
}

async function build(): Promise<void> {
  mkdirSync(RETURNS, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), "huizong-examples-"));
  const soffice = findSoffice();
  try {
    const templatesMade = new Map<string, string>();
    const viaLibreOffice = new Map<"xls" | "ods", string[]>();
    for (const sent of RETURNS_SENT) {
      const bytes = await fill(makeTemplate(work, sent, templatesMade), sent);
      if (!sent.libreOffice) {
        writeFileSync(path.join(RETURNS, sent.file), bytes);
        continue;
      }
      const filled = path.join(work, `${path.parse(sent.file).name}.xlsx`);
      writeFileSync(filled, bytes);
      viaLibreOffice.set(sent.libreOffice, [...(viaLibreOffice.get(sent.libreOffice) ?? []), filled]);
    }
    for (const [format, inputs] of viaLibreOffice) {
      const names = inputs.map((input) => `${path.parse(input).name}.${format}`);
      if (!soffice) {
        console.warn(`*** LibreOffice (soffice) not found: NOT rebuilding ${names.join(", ")}; the committed copies stay. ***`);
        continue;
      }
      const outDir = path.join(work, format);
      mkdirSync(outDir);
      const outputs = await convertWithLibreOffice(inputs, format, outDir);
      outputs.forEach((output, i) => copyFileSync(output, path.join(RETURNS, names[i] ?? "")));
    }
    writeFileSync(path.join(RETURNS, LOCK_FILE), lockFileBytes("wangbin"));

    // Only the files built here; modification times as the units sent them (the corrected return is the newest).
    const wanted = new Set([...RETURNS_SENT.map((sent) => sent.file), LOCK_FILE]);
    for (const file of readdirSync(RETURNS)) if (!wanted.has(file)) rmSync(path.join(RETURNS, file), { recursive: true });
    stampSentTimes();
    writeFileSync(ROSTER, `${ROSTER_LINES.join("\n")}\n`);

    check(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---- checking what was built --------------------------------------------------------------------------------------

interface ValidateJson {
  files: Array<{
    file: string;
    status: string;
    unit: string | null;
    unitSource: string | null;
    issues: Array<{ severity: string; row: number | null; column: string | null; code: string }>;
  }>;
}

/** Each return must validate exactly as it was built; then show what merging the folder says. */
function check(work: string): void {
  const run = huizong(["validate", RETURNS, "--roster", ROSTER, "--json"]);
  const found = new Map((JSON.parse(run.stdout) as ValidateJson).files.map((file) => [path.basename(file.file), file]));
  const problems: string[] = [];
  for (const sent of RETURNS_SENT) {
    const file = found.get(sent.file);
    const layout = templateLayout(templates[sent.kind]);
    const wanted = sent.mistakes.map(([i, column, code]) => `${i < 0 ? "-" : layout.firstBodyRow + 1 + i} ${column} ${code}`).sort();
    const got = (file?.issues ?? []).map((issue) => `${issue.row ?? "-"} ${issue.column ?? "-"} ${issue.code}`).sort();
    const status = sent.mistakes.length > 0 ? "invalid" : "ok";
    if (file?.status !== status || JSON.stringify(got) !== JSON.stringify(wanted)) {
      problems.push(`${sent.file}: expected ${status} [${wanted.join("; ")}], got ${file?.status ?? "nothing"} [${got.join("; ")}]`);
    }
  }
  for (const sent of RETURNS_SENT) {
    const file = found.get(sent.file);
    if (sent.namedBy && (file?.unit !== sent.namedBy[0] || file.unitSource !== sent.namedBy[1])) {
      problems.push(`${sent.file}: expected unit ${sent.namedBy.join(" from ")}, got ${file?.unit ?? "none"} from ${file?.unitSource ?? "nowhere"}`);
    }
  }
  if (found.get(LOCK_FILE)?.status !== "ignored") problems.push(`${LOCK_FILE}: expected ignored`);
  // As the README has the user run it, from the repository root; only the master goes elsewhere.
  const merge = huizong(["merge", path.relative(ROOT, RETURNS), "-o", path.join(work, "汇总表.xlsx"), "--roster", path.relative(ROOT, ROSTER)]);
  console.log(`wrote ${RETURNS_SENT.length + 1} files to ${path.relative(ROOT, RETURNS)} and ${path.relative(ROOT, ROSTER)}\n`);
  console.log(merge.stdout.replace(path.join(work, "汇总表.xlsx"), "汇总表.xlsx").trimEnd());
  if (problems.length > 0) {
    console.error(`\nthe examples do not validate as built:\n${problems.join("\n")}`);
    process.exitCode = 1;
  }
}

// Run as a script only: scripts/readmeExamples.ts imports stampSentTimes.
if (require.main === module) {
  build().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
