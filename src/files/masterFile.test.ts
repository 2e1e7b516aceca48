import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { CampaignSettings } from "../core/campaign";
import { incomingReturn, type IncomingReturn } from "../core/merge/merge";
import { readMasterState } from "../core/merge/masterState";
import { cellText, type RawSheet } from "../core/rawSheet";
import type { Roster } from "../core/roster";
import { runCli } from "../../test/support/cli";
import { checkFile } from "./checkFile";
import { masterFileProblems, mergeIntoMasterFile, readMasterFile } from "./masterFile";
import { unkeptContent } from "./masterPackage";
import { readWorkbook } from "./readWorkbook";

/**
 * The master as a file, as `huizong merge` and the pane in a browser both make it (src/files/masterFile.ts): a new
 * master, an update that keeps what the clerk added, a re-submission, and the masters it refuses.
 */
const returnsFolder = path.resolve(__dirname, "../../test/fixtures/returns");
const WEEK: CampaignSettings = { start: "2024-04-20", end: "2024-04-26" };
const CITY = "01-city-clean.xlsx";
const CITY_AGAIN = "02-city-clean-libreoffice.xlsx";
const DISTRICT = "03-district-clean-libreoffice.ods";
const MISTAKES = "07-city-typical-mistakes.xlsx";
const CITY_UNIT = "上海市市场监督管理局";
const ROSTER: Roster = [
  { name: CITY_UNIT, aliases: ["市市场监管局"] },
  { name: "浦东新区知识产权联席会议办公室", aliases: [] },
  { name: "上海市科学技术委员会", aliases: [] },
  { name: "上海市农业农村委员会", aliases: [] },
];

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(returnsFolder, name)));
}

function returned(name: string, modifiedMs = 1_700_000_000_000): IncomingReturn {
  return incomingReturn(checkFile(fixture(name), name, { campaign: WEEK }), modifiedMs);
}

function sheetsOf(bytes: Uint8Array): readonly RawSheet[] {
  const read = readWorkbook(bytes, "汇总表.xlsx");
  if (!read.ok) throw new Error(`the master does not read back: ${read.code}`);
  return read.workbook.sheets;
}

function texts(sheet: RawSheet | undefined): string[][] {
  return (sheet?.rows ?? []).map((row) => row.map((cell) => cellText(cell)));
}

async function newMaster(returns: IncomingReturn[], roster: Roster | undefined = ROSTER, campaign: CampaignSettings | undefined = WEEK) {
  const outcome = await mergeIntoMasterFile(undefined, returns, { roster, campaign });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

/** The master as the clerk keeps working on it: a row typed by hand under the merged ones, and a sheet of notes. */
async function editedByClerk(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = new Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const master = workbook.getWorksheet("活动汇总");
  if (!master) throw new Error("no 活动汇总");
  const header = (master.getRow(1).values as unknown[]).map((value) => String(value ?? ""));
  const row = master.getRow(master.actualRowCount + 1);
  row.getCell(header.indexOf("报送单位")).value = "联席办（手工补录）";
  row.getCell(header.indexOf("重点活动名称")).value = "手工补录的活动";
  row.commit();
  workbook.addWorksheet("备注").getCell("A1").value = "请勿删除";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("mergeIntoMasterFile", () => {
  it("writes a new master: 活动汇总, 报送情况 and the week, and says how many rows were there before (none)", async () => {
    const outcome = await newMaster([returned(CITY), returned(DISTRICT), returned(MISTAKES)]);
    expect(outcome).toMatchObject({ rowsBefore: 0, campaign: WEEK });
    expect(outcome.result.files.map((file) => file.action)).toEqual(["added", "added", "added"]);

    const sheets = sheetsOf(outcome.bytes);
    expect(sheets.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name)).toEqual(["活动汇总", "报送情况", "催报", "附件1汇总", "附件2汇总"]);
    const state = readMasterState(sheets);
    expect(state.rows).toHaveLength(3 + 3 + 16);
    expect(state.rows.map((row) => row.unit)).toContain(CITY_UNIT);
    expect(state.roster?.map((unit) => unit.name)).toEqual(ROSTER.map((unit) => unit.name));
    expect(state.campaign).toEqual(WEEK);
    const status = texts(sheets.find((sheet) => sheet.name === "报送情况"));
    expect(status.find((row) => row[0] === "上海市农业农村委员会")?.[1]).toBe("未报送");
  });

  it("updates a master: keeps rows typed by hand and the clerk's own sheets, and a unit's new return replaces its rows", async () => {
    const first = await newMaster([returned(CITY), returned(DISTRICT)]);
    const edited = await editedByClerk(first.bytes);

    const outcome = await mergeIntoMasterFile({ bytes: edited, fileName: "汇总表.xlsx" }, [returned(CITY_AGAIN, 1_800_000_000_000)], { roster: undefined, campaign: undefined });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.rowsBefore).toBe(3 + 3 + 1);
    expect(outcome.result).toMatchObject({ rowsReplaced: 3, rowsWritten: 3, rowsKept: 4 });
    expect(outcome.result.files).toMatchObject([{ action: "replaced", unit: CITY_UNIT, rowsWritten: 3 }]);
    // Neither roster nor week given: the ones the master remembers.
    expect(outcome.campaign).toEqual(WEEK);
    expect(outcome.result.roster?.map((entry) => entry.unit)).toEqual(ROSTER.map((unit) => unit.name));

    const sheets = sheetsOf(outcome.bytes);
    // The consolidated sheets are new to this workbook: they follow 报送情况, before the clerk's own sheets.
    expect(sheets.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name)).toEqual(["活动汇总", "报送情况", "催报", "附件1汇总", "附件2汇总", "备注"]);
    expect(texts(sheets.find((sheet) => sheet.name === "备注"))).toEqual([["请勿删除"]]);
    const rows = readMasterState(sheets).rows;
    expect(rows).toHaveLength(3 + 3 + 1);
    expect(rows.filter((row) => row.key === null).map((row) => row.values.name)).toEqual(["手工补录的活动"]);
    expect(rows.filter((row) => row.unit === CITY_UNIT).map((row) => row.sourceFile)).toEqual([CITY_AGAIN, CITY_AGAIN, CITY_AGAIN]);
  });

  it("merges the same return twice without changing the master's rows", async () => {
    const first = await newMaster([returned(CITY)]);
    const again = await mergeIntoMasterFile({ bytes: first.bytes, fileName: "汇总表.xlsx" }, [returned(CITY)], { roster: undefined, campaign: undefined });
    if (!again.ok) throw new Error(again.message);
    expect(again.result).toMatchObject({ rowsReplaced: 3, rowsWritten: 3, rowsKept: 0 });
    expect(texts(sheetsOf(again.bytes)[0])).toEqual(texts(sheetsOf(first.bytes)[0]));
  });

  it("stores the week given, and a later merge without one keeps it", async () => {
    const week2025 = { start: "2025-04-19", end: "2025-04-25" };
    const first = await newMaster([returned(CITY)], undefined, week2025);
    expect(readMasterState(sheetsOf(first.bytes)).campaign).toEqual(week2025);
    const again = await mergeIntoMasterFile({ bytes: first.bytes, fileName: "汇总表.xlsx" }, [returned(DISTRICT)], { roster: undefined, campaign: undefined });
    expect(again).toMatchObject({ ok: true, campaign: week2025 });
  });

  it("takes the notice's week for a new master when none is given", async () => {
    const outcome = await newMaster([returned(CITY)], undefined, undefined);
    expect(outcome.campaign).toEqual(WEEK);
  });

  it("refuses a master no reader can open, with the command line's message naming the file", async () => {
    const bytes = new TextEncoder().encode("not a workbook");
    const outcome = await mergeIntoMasterFile({ bytes, fileName: "上次的汇总表.xlsx" }, [returned(CITY)], { roster: ROSTER, campaign: WEEK });
    expect(outcome).toMatchObject({ ok: false, code: "master-unreadable" });
    expect(!outcome.ok && outcome.message).toMatch(/^汇总表 上次的汇总表\.xlsx 无法读取，未做任何改动：/);
  });

  it("refuses a master it can read but cannot write into (an .ods), with the command line's message", async () => {
    const outcome = await mergeIntoMasterFile({ bytes: fixture(DISTRICT), fileName: "汇总表.ods" }, [returned(CITY)], { roster: undefined, campaign: undefined });
    expect(outcome).toMatchObject({ ok: false, code: "master-not-updatable" });
    expect(!outcome.ok && outcome.message).toContain("汇总表 汇总表.ods 无法更新，未做任何改动（");
    expect(!outcome.ok && outcome.message).toContain("请用 Excel 打开后另存为 .xlsx 再合并");
  });

  // The command line asks first (masterFileProblems, then --force); this function leaves the choice to its caller.
  it("replaces a 活动汇总 that is not a master, keeping the other sheets", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("活动汇总").addRows([["姓名", "电话"], ["张三", "13800000000"]]);
    workbook.addWorksheet("备注").getCell("A1").value = "请勿删除";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const outcome = await mergeIntoMasterFile({ bytes, fileName: "汇总表.xlsx" }, [returned(CITY)], { roster: undefined, campaign: WEEK });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.rowsBefore).toBe(0);
    const sheets = sheetsOf(outcome.bytes);
    expect(sheets.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name)).toEqual(["活动汇总", "备注", "附件1汇总"]);
    expect(readMasterState(sheets).rows).toHaveLength(3);
    expect(texts(sheets[0]).flat()).not.toContain("张三");
  });

  it("writes the master even when no return could be read, leaving the choice to the caller", async () => {
    const outcome = await newMaster([returned("15-corrupt-truncated.xlsx")]);
    expect(outcome.result.files).toMatchObject([{ status: "unreadable", action: "rejected" }]);
    expect(readMasterState(sheetsOf(outcome.bytes)).rows).toEqual([]);
  });
});

/** The bytes with parts added to their zip package, as Excel writes them for content ExcelJS cannot keep. */
function withParts(bytes: Uint8Array, parts: Record<string, string>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files);
}

describe("masterFileProblems", () => {
  it("finds nothing in a master as merged, nor in one with a picture and notes (which the writer keeps)", async () => {
    const master = await newMaster([returned(CITY)]);
    expect(masterFileProblems({ bytes: master.bytes, fileName: "汇总表.xlsx" })).toEqual([]);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(master.bytes).buffer);
    const notes = workbook.addWorksheet("备注");
    notes.getCell("A1").note = "电话催报";
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    notes.addImage(workbook.addImage({ base64: png, extension: "png" }), "B2:C3");
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(masterFileProblems({ bytes, fileName: "汇总表.xlsx" })).toEqual([]);
  });

  it("names content on the sheets a merge rewrites, by sheet, and asks for confirmation", async () => {
    const master = await newMaster([returned(CITY)]);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(master.bytes).buffer);
    const schedule = workbook.getWorksheet("活动汇总");
    if (!schedule) throw new Error("no 活动汇总");
    schedule.getCell("P2").note = "核对过";
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    schedule.addImage(workbook.addImage({ base64: png, extension: "png" }), "R2:S3");
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(unkeptContent(bytes, ["活动汇总", "报送情况"])).toEqual([{ sheet: "活动汇总", kinds: ["drawings", "notes"] }]);
    const problems = masterFileProblems({ bytes, fileName: "四月汇总.xlsx" });
    expect(problems).toEqual([{ code: "content-not-kept", needsConfirmation: true, message: expect.stringContaining("四月汇总.xlsx") }]);
    expect(problems[0]?.message).toContain("“活动汇总”表上有图表、图片或形状、批注");
  });

  it("keeps charts, pivot tables and macros on other sheets without asking: the writer leaves those parts as they are", async () => {
    const master = await newMaster([returned(CITY)]);
    const bytes = withParts(master.bytes, { "xl/charts/chart1.xml": "<c:chartSpace/>", "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>", "xl/vbaProject.bin": "VBA" });
    expect(masterFileProblems({ bytes, fileName: "汇总表.xlsx" })).toEqual([]);
    const merged = await mergeIntoMasterFile({ bytes, fileName: "汇总表.xlsx" }, [returned(DISTRICT)], { roster: undefined, campaign: undefined });
    if (!merged.ok) throw new Error(merged.message);
    const parts = unzipSync(merged.bytes);
    expect(strFromU8(parts["xl/charts/chart1.xml"] ?? new Uint8Array())).toBe("<c:chartSpace/>");
    expect(strFromU8(parts["xl/vbaProject.bin"] ?? new Uint8Array())).toBe("VBA");
  });

  it("names a 活动汇总 of the clerk's own, and a workbook that is no master, for confirmation", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("活动汇总").addRows([["姓名", "电话"], ["张三", "13800000000"]]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(masterFileProblems({ bytes, fileName: "汇总表.xlsx" })).toEqual([
      { code: "not-a-master", needsConfirmation: true, message: expect.stringContaining("不是 Huizong 汇总表") },
      { code: "foreign-sheet", needsConfirmation: true, message: expect.stringContaining("“活动汇总”") },
    ]);
    expect(masterFileProblems({ bytes: fixture(CITY), fileName: CITY })).toMatchObject([{ code: "not-a-master", needsConfirmation: true }]);
  });

  it("notes, without asking, a master whose 汇总标识 column was deleted; and the merge does not double its rows", async () => {
    const first = await newMaster([returned(CITY)]);
    const workbook = new Workbook();
    await workbook.xlsx.load(new Uint8Array(first.bytes).buffer);
    const schedule = workbook.getWorksheet("活动汇总");
    if (!schedule) throw new Error("no 活动汇总");
    // The clerk's deletion, as a plain sheet without the column (ExcelJS cannot delete a column from a table).
    const rows = (schedule.getSheetValues() as unknown[][]).slice(1).map((values) => values.slice(1, -1));
    workbook.removeWorksheet(schedule.id);
    workbook.addWorksheet("活动汇总").addRows(rows);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    expect(masterFileProblems({ bytes, fileName: "汇总表.xlsx" })).toEqual([
      { code: "key-column-missing", needsConfirmation: false, message: expect.stringContaining("汇总标识") },
    ]);
    const again = await mergeIntoMasterFile({ bytes, fileName: "汇总表.xlsx" }, [returned(CITY)], { roster: undefined, campaign: undefined });
    if (!again.ok) throw new Error(again.message);
    expect(again.result).toMatchObject({ rowsReplaced: 3, rowsWritten: 3, rowsKept: 0 });
    expect(readMasterState(sheetsOf(again.bytes)).rows.map((row) => row.key)).toEqual(Array(3).fill(`city|${CITY_UNIT}`));
  });

  it("finds nothing to say about bytes no reader opens (readMasterFile refuses them)", () => {
    expect(masterFileProblems({ bytes: new TextEncoder().encode("not a workbook"), fileName: "x.xlsx" })).toEqual([]);
  });
});

describe("readMasterFile", () => {
  it("reads a master's rows, roster and week", async () => {
    const master = await newMaster([returned(CITY), returned(DISTRICT)]);
    const read = readMasterFile({ bytes: master.bytes, fileName: "汇总表.xlsx" });
    if (!read.ok) throw new Error(read.message);
    expect(read.state.rows).toHaveLength(6);
    expect(read.state.roster).toEqual(ROSTER);
    expect(read.state.campaign).toEqual(WEEK);
  });

  it("reads a workbook that is no master as an empty one", () => {
    expect(readMasterFile({ bytes: fixture(CITY), fileName: CITY })).toEqual({ ok: true, state: { rows: [], roster: undefined, campaign: undefined } });
  });

  it("refuses bytes no reader can open, naming the file as each caller names it", () => {
    const bytes = new TextEncoder().encode("not a workbook");
    const first = readMasterFile({ bytes, fileName: "a.xlsx" });
    const second = readMasterFile({ bytes, fileName: "b.xlsx" });
    expect(first).toMatchObject({ ok: false, code: "master-unreadable" });
    expect(!first.ok && first.message).toMatch(/^汇总表 a\.xlsx 无法读取/);
    expect(!second.ok && second.message).toMatch(/^汇总表 b\.xlsx 无法读取/);
  });
});

describe("huizong merge and mergeIntoMasterFile", () => {
  it("give the same master from the same returns", async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), "huizong-master-file-"));
    const rosterFile = path.join(tmp, "名单.txt");
    writeFileSync(rosterFile, ROSTER.map((unit) => [unit.name, ...unit.aliases].join(",")).join("\n"));
    const output = path.join(tmp, "汇总表.xlsx");
    const names = [CITY, DISTRICT, MISTAKES];
    const run = await runCli(["merge", ...names.map((name) => path.join(returnsFolder, name)), "-o", output, "--roster", rosterFile, "--start", WEEK.start, "--json"]);
    expect(run.code).toBe(1);

    // The CLI names each return by its path; so does the pane by what it was given.
    const returns = names.map((name) => incomingReturn(checkFile(fixture(name), path.join(returnsFolder, name), { campaign: WEEK }), 0));
    const outcome = await newMaster(returns);
    const cli = sheetsOf(new Uint8Array(readFileSync(output)));
    const files = sheetsOf(outcome.bytes);
    expect(files.map((sheet) => [sheet.name, sheet.hidden])).toEqual(cli.map((sheet) => [sheet.name, sheet.hidden]));
    for (const [index, sheet] of files.entries()) expect(texts(sheet)).toEqual(texts(cli[index]));
  });
});
