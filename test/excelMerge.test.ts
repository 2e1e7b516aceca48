/**
 * Merging into the live workbook has the command line's semantics and layout: the same master rows, roster and week
 * whichever front door wrote them, re-submissions replacing a unit's rows, rows typed by hand and other sheets kept,
 * text staying text. It is all or nothing under a failure at any sync, and a large merge keeps every request under
 * Excel on the web's 5 MB in a bounded number of syncs.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_CAMPAIGN, type CampaignSettings } from "../src/core/campaign";
import { checkWorkbook } from "../src/core/checkWorkbook";
import { reportFromCheck } from "../src/core/fileReport";
import { MASTER_SHEET_NAME, STATUS_SHEET_NAME } from "../src/core/merge/masterRow";
import { readMasterState } from "../src/core/merge/masterState";
import type { IncomingReturn } from "../src/core/merge/merge";
import type { MasterRow } from "../src/core/merge/masterRow";
import { masterWorkbookPlan } from "../src/core/plans/masterPlan";
import { cellText, type RawSheet } from "../src/core/rawSheet";
import { rosterFromRows, rosterRowsFromText } from "../src/core/roster";
import { SETTINGS_SHEET_NAME } from "../src/core/workbookSettings";
import { createExcelHost } from "../src/excel/excelHost";
import { runExcel } from "../src/excel/excelRun";
import { readSheets } from "../src/excel/readSheet";
import { incomingReturn } from "../src/core/merge/merge";
import { checkFile } from "../src/files/checkFile";
import { readWorkbook } from "../src/files/readWorkbook";
import { writeWorkbook } from "../src/files/writeWorkbook";
import { readFailureMessages } from "../src/messages/zhCN";
import { generatedReturns } from "./excelFake/benchmark";
import { FakeExcel } from "./excelFake/fakeExcel";
import { cellAt, sheetNamed, workbookSnapshot } from "./excelFake/inspect";
import { install, uninstall } from "./excelFake/install";
import { cellKey, cloneWorkbook, type WorkbookModel } from "./excelFake/model";
import { seedWorkbook, type SeedSheet } from "./excelFake/seed";
import { runCli } from "./support/cli";
import { citySheet, cityRow, PLAN_CONTEXT } from "./support/sheets";

afterEach(() => uninstall());

const examples = path.join(__dirname, "..", "examples");
const exampleFiles = readdirSync(path.join(examples, "returns")).sort();
const roster = rosterFromRows(rosterRowsFromText(readFileSync(path.join(examples, "roster.txt"), "utf8")));

/** The example returns as the pane hands them over: read and checked against the week, later files newer. */
function exampleReturns(files = exampleFiles, week: CampaignSettings = DEFAULT_CAMPAIGN): IncomingReturn[] {
  return files.map((file, index) => {
    const bytes = new Uint8Array(readFileSync(path.join(examples, "returns", file)));
    return incomingReturn(checkFile(bytes, file, { campaign: week, roster }), 1_713_000_000_000 + index);
  });
}

/** When the merges in these tests ran: the time PLAN_CONTEXT says, so the pane's master and a plan's compare equal. */
const MERGED_AT = new Date(2024, 3, 15, 10, 30);

/** Rows typed by hand are ordered by where they sit in the master, which a merge that sorts moves: compare the rest. */
function withoutHandOrder(rows: readonly MasterRow[]): unknown[] {
  return rows.map((row) => (row.key === null ? { ...row, order: undefined } : row));
}

function returnFrom(sheet: RawSheet, file: string, modifiedMs = 1_713_000_000_000): IncomingReturn {
  const check = checkWorkbook({ sheets: [sheet] });
  const report = reportFromCheck(file, check, { notATemplate: readFailureMessages["not-a-template"], master: readFailureMessages["master-workbook"] });
  return { report, submission: check.status === "not-a-template" ? undefined : check.submission, modifiedMs };
}

/** The master's sheets as the adapter reads them from the live workbook. */
function readLive(...names: string[]): Promise<RawSheet[]> {
  return runExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load(["items/name", "items/visibility"]);
    await context.sync();
    const present = worksheets.items.filter((sheet) => names.includes(sheet.name));
    return readSheets(context, present.map((sheet) => ({ name: sheet.name, hidden: sheet.visibility !== "Visible", sheet })));
  });
}

function texts(sheet: RawSheet | undefined): string[][] {
  return (sheet?.rows ?? []).map((row) => Array.from(row, (cell) => cellText(cell))).map((row) => {
    while (row.length > 0 && row[row.length - 1] === "") row.pop();
    return row;
  });
}

const campaign = DEFAULT_CAMPAIGN;

describe("mergeIntoWorkbook", () => {
  it("writes the master the command line writes, as the first and active sheet", async () => {
    const excel = install({ model: seedWorkbook([{ name: "说明", rows: [["clerk's notes"]] }]) });
    const { result, rowsBefore } = await createExcelHost().mergeIntoWorkbook(exampleReturns(), { roster, campaign, mergedAt: MERGED_AT });

    expect(rowsBefore).toBe(0);
    expect(result.rows).toHaveLength(19);
    expect(result.roster?.map((entry) => entry.status)).toEqual(expect.arrayContaining(["submitted", "has-errors", "missing"]));
    expect(excel.model.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      [MASTER_SHEET_NAME, "Visible"],
      [STATUS_SHEET_NAME, "Visible"],
      ["催报", "Visible"],
      ["附件1汇总", "Visible"],
      ["附件2汇总", "Visible"],
      ["说明", "Visible"],
      [SETTINGS_SHEET_NAME, "VeryHidden"],
    ]);
    expect(excel.model.activeSheetId).toBe(sheetNamed(excel.model, MASTER_SHEET_NAME).id);
    expect(excel.model.tables.map((table) => table.name).sort()).toEqual(["报送情况表", "活动汇总表"].sort());
    expect(excel.model.title).toBe(masterWorkbookPlan([], undefined, { campaign }, PLAN_CONTEXT).properties.title);
    const master = sheetNamed(excel.model, MASTER_SHEET_NAME);
    expect(master.freeze).toEqual({ rows: 1, columns: 1 });
    expect(master.hiddenColumns.size).toBe(1);
    // Errors red, warnings alone yellow; the rules exclude each other, so their priority order does not matter.
    expect(master.conditionalFormats).toHaveLength(2);
    expect(master.conditionalFormats).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "Custom", formula: '=AND(LEN($M2)>0,LEFT($M2,3)<>"提醒：")', fill: "#FCE4D6" }),
        expect.objectContaining({ type: "Custom", formula: '=LEFT($M2,3)="提醒："', fill: "#FFF2CC" }),
      ]),
    );

    // Cell for cell the sheets ExcelJS writes from the same plan, as each reader sees them.
    const plan = masterWorkbookPlan(result.rows, result.roster, { campaign }, PLAN_CONTEXT);
    const file = readWorkbook(await writeWorkbook(plan), "汇总表.xlsx");
    if (!file.ok) throw new Error(file.detail);
    const live = await readLive(MASTER_SHEET_NAME, STATUS_SHEET_NAME, SETTINGS_SHEET_NAME);
    for (const name of [MASTER_SHEET_NAME, STATUS_SHEET_NAME, SETTINGS_SHEET_NAME]) {
      expect(texts(live.find((sheet) => sheet.name === name))).toEqual(texts(file.workbook.sheets.find((sheet) => sheet.name === name)));
    }
    // And the command line's reading of it gives back the rows, the roster and the week.
    const state = readMasterState(live);
    expect(state.rows).toEqual(result.rows);
    expect(state.roster?.map((unit) => unit.name)).toEqual(roster.map((unit) => unit.name));
    expect(state.campaign).toEqual(campaign);
  });

  it("keeps text as text: formula-looking values arrive exactly as typed", async () => {
    const excel = install();
    // 活动规模 sits in a General column (a plain count stays a number there): "+300" needs its cell's own "@".
    const typed = { 重点活动名称: "-abc", 活动地点: '=HYPERLINK("x")', 协办部门: "+8613812345678", "活动规模（人数）": "+300" };
    const sheet = citySheet([cityRow(typed), cityRow({ "活动规模（人数）": "300" })], "上海海关");
    await createExcelHost().mergeIntoWorkbook([returnFrom(sheet, "上海海关.xlsx")], { roster: undefined, campaign });

    const master = sheetNamed(excel.model, MASTER_SHEET_NAME);
    const values = [...master.cells.values()].filter((cell) => Object.values(typed).includes(String(cell.value)));
    expect(values).toHaveLength(4);
    for (const cell of values) {
      expect(cell.formula).toBeUndefined();
      expect(cell.numberFormat).toBe("@");
    }
    expect([...master.cells.values()].some((cell) => cell.formula !== undefined)).toBe(false);
    const [live] = await readLive(MASTER_SHEET_NAME);
    expect(readMasterState(live ? [live] : []).rows.map((row) => row.values)).toEqual([
      expect.objectContaining({ name: "-abc", place: '=HYPERLINK("x")', coOrganiser: "+8613812345678", scale: "+300" }),
      expect.objectContaining({ scale: "300" }),
    ]);
    // The plain count is a number, under its column's General format.
    expect([...master.cells.values()].find((cell) => cell.value === 300)?.numberFormat).toBe("General");
  });

  it("replaces a unit's rows when it returns again, and keeps rows typed by hand and other sheets", async () => {
    const first = exampleFiles.filter((file) => !file.includes("更正"));
    const excel = install({ model: seedWorkbook([{ name: "Sheet1", rows: [] }]) });
    const host = createExcelHost();
    const merged = await host.mergeIntoWorkbook(exampleReturns(first), { roster, campaign });
    const before = merged.result.rows.filter((row) => row.unit === "淄博市市场监督管理局");
    expect(before.length).toBeGreaterThan(0);

    // The clerk types a row under the table and keeps notes of their own on another sheet.
    const master = sheetNamed(excel.model, MASTER_SHEET_NAME);
    const lastRow = merged.result.rows.length + 1;
    for (const [col, value] of [[0, "手工录入单位"], [2, "2024-04-23"], [4, "手工补录的活动"]] as const) {
      master.cells.set(cellKey(lastRow, col), { value, numberFormat: "@", format: {} });
    }
    excel.model.sheets.push({ ...seedWorkbook([{ name: "备注", rows: [["待办", "=SUM(1,2)"]], fills: [{ range: { startRow: 0, startCol: 0, endRow: 0, endCol: 0 }, color: "#FFFF00" }] }]).sheets[0]!, id: 999 });
    const notesBefore = structuredClone(sheetNamed(excel.model, "备注"));

    const again = await host.mergeIntoWorkbook(exampleReturns(["市市场监管局（更正）.xlsx"]), { roster: undefined, campaign });
    expect(again.rowsBefore).toBe(merged.result.rows.length + 1);
    expect(again.result.files[0]).toMatchObject({ action: "replaced" });
    expect(again.result.rowsReplaced).toBe(before.length);
    const live = readMasterState(await readLive(MASTER_SHEET_NAME, STATUS_SHEET_NAME, SETTINGS_SHEET_NAME));
    expect(withoutHandOrder(live.rows)).toEqual(withoutHandOrder(again.result.rows));
    expect(live.rows.filter((row) => row.key === null)).toEqual([expect.objectContaining({ unit: "手工录入单位", firstDay: "2024-04-23" })]);
    expect(live.rows.filter((row) => row.unit === "淄博市市场监督管理局").every((row) => row.sourceFile === "市市场监管局（更正）.xlsx")).toBe(true);
    // The roster remembered in 报送情况 was used: every unit of it is listed again.
    expect(again.result.roster?.length).toBeGreaterThanOrEqual(roster.length);
    expect(sheetNamed(excel.model, "备注")).toEqual(notesBefore);
    expect(excel.model.sheets.map((sheet) => sheet.name)).toEqual([MASTER_SHEET_NAME, STATUS_SHEET_NAME, "催报", "附件1汇总", "附件2汇总", "Sheet1", SETTINGS_SHEET_NAME, "备注"]);
    expect(excel.model.tables.map((table) => table.name).sort()).toEqual(["报送情况表", "活动汇总表"].sort());
  });

  it("refuses a 活动汇总 that is not a Huizong master, changing nothing", async () => {
    const excel = install({ model: seedWorkbook([{ name: MASTER_SHEET_NAME, rows: [["科室", "经费"], ["综合处", 1000]] }]) });
    const before = workbookSnapshot(excel.model);
    await expect(createExcelHost().mergeIntoWorkbook(exampleReturns(), { roster, campaign })).rejects.toMatchObject({ name: "HostError", code: "master-not-updatable" });
    expect(workbookSnapshot(excel.model)).toEqual(before);
  });

  it("leaves the workbook as it was when no return could be read", async () => {
    const excel = install();
    const before = workbookSnapshot(excel.model);
    const unreadable = incomingReturn(checkFile(new Uint8Array([1, 2, 3]), "坏文件.xlsx"), 0);
    const { result } = await createExcelHost().mergeIntoWorkbook([unreadable], { roster: undefined, campaign });
    expect(result.files[0]).toMatchObject({ status: "unreadable", action: "rejected" });
    expect(workbookSnapshot(excel.model)).toEqual(before);
  });
});

describe("a master shared with the command line", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), "huizong-excel-"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("reads and updates a master the command line wrote, and writes one the command line reads the same", async () => {
    const output = path.join(tmp, "汇总表.xlsx");
    const week = { start: "2024-04-19", end: "2024-04-27" };
    const run = await runCli(["merge", path.join(examples, "returns"), "-o", output, "--roster", path.join(examples, "roster.txt"), "--start", week.start, "--end", week.end, "--json"]);
    expect([0, 1]).toContain(run.code);
    const read = readWorkbook(new Uint8Array(readFileSync(output)), output);
    if (!read.ok) throw new Error(read.detail);
    const cli = readMasterState(read.workbook.sheets);

    // The command line's master, opened in Excel: the pane finds its week and roster...
    const seeded: SeedSheet[] = read.workbook.sheets.map((sheet) => ({ ...sheet, visibility: sheet.name === SETTINGS_SHEET_NAME ? "VeryHidden" : sheet.hidden ? "Hidden" : "Visible" }));
    const excel = install({ model: seedWorkbook(seeded) });
    const host = createExcelHost();
    await expect(host.loadSettings()).resolves.toEqual({ campaign: week, roster: cli.roster });
    // ...and merging the same returns again changes no row (as `merge` run twice does).
    const again = await host.mergeIntoWorkbook(exampleReturns(exampleFiles, week), { roster: undefined, campaign: week });
    expect(again.result.rows).toEqual(cli.rows);
    expect(again.result.files.filter((file) => file.action === "replaced").length).toBeGreaterThan(0);
    const live = readMasterState(await readLive(MASTER_SHEET_NAME, STATUS_SHEET_NAME, SETTINGS_SHEET_NAME));
    expect(live).toEqual(cli);
    expect(sheetNamed(excel.model, SETTINGS_SHEET_NAME).visibility).toBe("VeryHidden");

    // A master the pane wrote into a fresh workbook reads, on the command line's path, as the command line's own.
    uninstall();
    install();
    await createExcelHost().mergeIntoWorkbook(exampleReturns(exampleFiles, week), { roster, campaign: week });
    expect(readMasterState(await readLive(MASTER_SHEET_NAME, STATUS_SHEET_NAME, SETTINGS_SHEET_NAME))).toEqual(cli);
  });
});

describe("settings", () => {
  it("defaults to the notice's week and no roster", async () => {
    install();
    await expect(createExcelHost().loadSettings()).resolves.toEqual({ campaign: DEFAULT_CAMPAIGN, roster: [] });
  });

  it("stores the week on the very hidden settings sheet and the roster in 报送情况, read back by both front doors", async () => {
    const excel = install();
    const host = createExcelHost();
    await host.mergeIntoWorkbook(exampleReturns(), { roster: undefined, campaign });
    const week = { start: "2025-04-19", end: "2025-04-25" };
    await host.saveSettings({ campaign: week, roster });

    await expect(host.loadSettings()).resolves.toEqual({ campaign: week, roster });
    expect(sheetNamed(excel.model, SETTINGS_SHEET_NAME).visibility).toBe("VeryHidden");
    expect(cellAt(excel.model, SETTINGS_SHEET_NAME, "B2")).toMatchObject({ value: "2025-04-19", numberFormat: "@" });
    const state = readMasterState(await readLive(MASTER_SHEET_NAME, STATUS_SHEET_NAME, SETTINGS_SHEET_NAME));
    expect(state.campaign).toEqual(week);
    expect(state.roster).toEqual(roster);
    // 报送情况 lists the master's current rows against the roster, right after 活动汇总.
    expect(excel.model.sheets.map((sheet) => sheet.name)).toEqual([MASTER_SHEET_NAME, STATUS_SHEET_NAME, "附件1汇总", "附件2汇总", "Sheet1", SETTINGS_SHEET_NAME]);

    // Clearing the roster sticks.
    await host.saveSettings({ campaign: week, roster: [] });
    await expect(host.loadSettings()).resolves.toEqual({ campaign: week, roster: [] });
  });
});

/** A snapshot with every sheet's print setup left out. */
function withoutPrintSetup(snapshot: ReturnType<typeof workbookSnapshot>): unknown {
  return JSON.parse(JSON.stringify(snapshot, (key, value: unknown) => (key === "pageLayout" ? undefined : value)));
}

describe("all or nothing", () => {
  /** A workbook with a master, its roster, a sheet of the clerk's and a template, and the returns of a second merge. */
  async function scenario(): Promise<{ model: WorkbookModel; returns: IncomingReturn[] }> {
    const excel = install({ model: seedWorkbook([{ name: "说明", rows: [["见附件"]], tables: [{ name: "Notes", range: { startRow: 0, startCol: 0, endRow: 1, endCol: 0 } }] }]) });
    await createExcelHost().mergeIntoWorkbook(exampleReturns(exampleFiles.filter((file) => !file.includes("更正"))), { roster, campaign });
    uninstall();
    const model = cloneWorkbook(excel.model);
    model.title = "2024年宣传周工作台账";
    return { model, returns: exampleReturns(["市市场监管局（更正）.xlsx", "市教育局.xlsx"]) };
  }

  it("leaves the workbook exactly as it was, or as after a clean merge, whichever sync fails and however much of it ran", async () => {
    const { model, returns } = await scenario();
    const clean = install(new FakeExcel({ model: cloneWorkbook(model) }));
    await createExcelHost().mergeIntoWorkbook(returns, { roster: undefined, campaign });
    const after = workbookSnapshot(clean.model);
    const syncs = clean.syncs.length;
    uninstall();
    const before = workbookSnapshot(model);
    expect(after).not.toEqual(before);

    const outcomes: string[] = [];
    for (let atSync = 1; atSync <= syncs; atSync++) {
      for (const applied of [0, undefined, 1_000_000]) {
        const excel = install(new FakeExcel({ model: cloneWorkbook(model) }));
        excel.failure = { atSync, applied, code: "GeneralException" };
        const outcome = await createExcelHost()
          .mergeIntoWorkbook(returns, { roster: undefined, campaign })
          .then(
            () => "merged",
            (error: { name: string; code: string }) => `${error.name}:${error.code}`,
          );
        const state = workbookSnapshot(excel.model);
        // The last sync, print setup, is best effort: a host that refuses it keeps the merge, without print setup.
        if (outcome === "merged" && atSync === syncs) expect(withoutPrintSetup(state)).toEqual(withoutPrintSetup(after));
        else if (outcome === "merged") expect(state).toEqual(after);
        else expect(state).toEqual(before);
        outcomes.push(outcome);
        uninstall();
      }
    }
    // Failures up to the commit undo the merge; a failed clean-up of the set-aside sheets is finished instead.
    expect(outcomes.filter((outcome) => outcome === "HostError:unknown").length).toBeGreaterThan(0);
    expect(outcomes.every((outcome) => outcome === "merged" || outcome === "HostError:unknown")).toBe(true);
    expect(outcomes.slice(-3)).toEqual(["merged", "merged", "merged"]);
  });

  it("says which Office error stopped it", async () => {
    const { model, returns } = await scenario();
    for (const [code, expected] of [
      ["InvalidOperationInCellEditMode", "busy-editing"],
      ["RequestPayloadSizeLimitExceeded", "payload-too-large"],
      ["AccessDenied", "sheet-protected"],
      ["ApiNotFound", "api-unsupported"],
      ["ItemNotFound", "not-found"],
    ]) {
      const excel = install(new FakeExcel({ model: cloneWorkbook(model) }));
      excel.failure = { atSync: 4, code };
      await expect(createExcelHost().mergeIntoWorkbook(returns, { roster: undefined, campaign })).rejects.toMatchObject({ name: "HostError", code: expected });
      expect(workbookSnapshot(excel.model)).toEqual(workbookSnapshot(model));
      uninstall();
    }
  });
});

describe("a large merge", () => {
  it("keeps every request under 5 MB in a bounded number of syncs", async () => {
    const returns = generatedReturns(300);
    const excel = install();
    const host = createExcelHost();
    const first = await host.mergeIntoWorkbook(returns, { roster: undefined, campaign });
    const newSyncs = [...excel.syncs];
    const mark = excel.syncs.length;
    const second = await host.mergeIntoWorkbook(returns, { roster: undefined, campaign });
    const updateSyncs = excel.syncsSince(mark);

    expect(first.result.rows.length).toBeGreaterThanOrEqual(1_900);
    expect(second.result.rows).toEqual(first.result.rows);
    const report = (syncs: typeof newSyncs) => syncs.map((sync) => `${sync.operations} ops ${Math.round(sync.requestBytes / 1024)} KB up ${Math.round(sync.responseBytes / 1024)} KB down`);
    console.log(`merge of ${returns.length} returns, ${first.result.rows.length} rows\n new master:\n  ${report(newSyncs).join("\n  ")}\n update:\n  ${report(updateSyncs).join("\n  ")}`);
    for (const sync of excel.syncs) {
      expect(sync.requestBytes).toBeLessThan(5_000_000);
      expect(sync.responseBytes).toBeLessThan(5_000_000);
    }
    // State, the write batches (the rows go to 活动汇总 and again to 附件N汇总), the commit; updating adds the used
    // ranges, the cells read and the clean-up.
    expect(newSyncs.length).toBeLessThanOrEqual(5);
    expect(updateSyncs.length).toBeLessThanOrEqual(8);
  });

  it("splits a master too large for one request into several writes", async () => {
    const returns = generatedReturns(3_200);
    const excel = install();
    const { result } = await createExcelHost().mergeIntoWorkbook(returns, { roster: undefined, campaign });
    const bytes = excel.syncs.reduce((sum, sync) => sum + sync.requestBytes, 0);
    console.log(`merge of ${returns.length} returns, ${result.rows.length} rows: ${excel.syncs.length} syncs, ${Math.round(bytes / 1024)} KB in all, largest ${Math.round(Math.max(...excel.syncs.map((sync) => sync.requestBytes)) / 1024)} KB`);
    expect(Math.max(...excel.syncs.map((sync) => sync.requestBytes))).toBeLessThan(5_000_000);
    // A constant few, plus one per 2 MB measured: batches are packed by estimated size (4 MB), which runs ahead of
    // the measured bytes on sheets of many small operations such as the consolidated sheets' group headings.
    expect(excel.syncs.length).toBeLessThanOrEqual(4 + Math.ceil(bytes / 2_000_000));
    expect(sheetNamed(excel.model, MASTER_SHEET_NAME).cells.get(cellKey(result.rows.length, 0))?.value).toBe(result.rows[result.rows.length - 1]?.unit);
  });
});
