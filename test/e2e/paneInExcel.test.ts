/**
 * The production build of the task pane (dist/) in Chromium, driven through its real UI by accessible roles and
 * names: inside "Excel" (the in-memory fake installed before the pane loads, as Office.js would be) for the
 * clerk's whole day (insert a template, check a returned sheet, jump to a problem, clear the marks, fix and check
 * again, merge returned files and a corrected resubmission, save the roster), by keyboard alone, and in a plain
 * browser. Every request leaving 127.0.0.1 is refused, and the page must log no error.
 *
 * Screenshots of each step land in test-output/screenshots/; UPDATE_DOCS_SCREENSHOTS=1 also refreshes the five in
 * docs/screenshots/.
 */
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Locator, Page } from "playwright-core";
import { DEFAULT_CAMPAIGN } from "../../src/core/campaign";
import { MASTER_SHEET_NAME, STATUS_SHEET_NAME } from "../../src/core/merge/masterRow";
import { templateSheetPlan } from "../../src/core/plans/templatePlan";
import { METADATA_SHEET_NAME } from "../../src/core/templateMetadata";
import { templates } from "../../src/core/templates/registry";
import { SETTINGS_SHEET_NAME } from "../../src/core/workbookSettings";
import { MARK_FILL, MARK_TAG } from "../../src/excel/marks";
import { excelText } from "../../src/messages/zhCN";
import { a1 } from "../excelFake/a1";
import { root } from "../support/dist";
import {
  bundleFakeExcel,
  describeWithChromium,
  expectNamedControls,
  focused,
  OFFICE_JS_CDN,
  paneInChromium,
  shoot,
  tabTo,
  waitForSelectedTab,
  type PaneSession,
} from "./browser";
import { RETURNED_SHEET, type E2EWindow, type SheetView, type WorkbookView } from "./fakeWorkbook";

/** Generous for a loaded two-core machine; each step waits on what the user would see, never on a fixed sleep. */
const STEP_MS = 30_000;
jest.setTimeout(180_000);

const fixtures = path.join(root, "test", "fixtures", "returns");
const examples = path.join(root, "examples", "returns");
const TEMPLATE_SHEET = "附件2 区级层面";

describeWithChromium("the built task pane in Chromium", () => {
  const pane = paneInChromium();
  let fakeExcel: string;
  let session: PaneSession | undefined;

  // Runs after paneInChromium's own beforeAll (hooks run in order), which has built or found dist/.
  beforeAll(async () => {
    fakeExcel = await bundleFakeExcel();
    // The fake stands in for office.js, so the build must load office.js from the CDN (not OFFICE_JS=local).
    if (!readFileSync(path.join(root, "dist", "taskpane.html"), "utf8").includes(OFFICE_JS_CDN)) {
      throw new Error(`dist/taskpane.html does not load ${OFFICE_JS_CDN}: rebuild with \`npm run build\` (without OFFICE_JS=local)`);
    }
  });

  /** A fresh page on the pane, with the fake Excel or without. */
  async function openPane(withExcel: boolean): Promise<Page> {
    const opened = await pane.open(withExcel ? fakeExcel : undefined);
    session = opened;
    await opened.page.goto(`${pane.origin()}/taskpane.html`, { timeout: STEP_MS });
    return opened.page;
  }

  /** Nothing went wrong in the page, and it asked nothing of the network but office.js (answered with nothing). */
  function expectCleanRun(): void {
    expect(session?.problems).toEqual([]);
    expect(session?.blocked).toEqual([]);
    expect(session?.officeJsRequests).toBe(1);
  }

  it("does the clerk's day in the fake Excel: template, check, jump, clear, fix, merge, resubmission, roster", async () => {
    const page = await openPane(true);
    const tabs = page.getByRole("tablist", { name: "功能" });
    await tabs.waitFor({ timeout: STEP_MS });
    const status = page.getByRole("status", { name: "提示" });

    // 模板: insert 附件2 into the workbook.
    await expect(page.getByRole("tab", { name: "模板" }).getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByRole("radio", { name: "附件2 区级层面" }).check();
    await page.getByRole("button", { name: "插入到当前工作簿" }).click();
    await status.getByText(`已插入 附件2 模板（工作表“${TEMPLATE_SHEET}”）`).waitFor({ timeout: STEP_MS });
    await shoot(page, "01-template-inserted", { docsName: "pane-template.png" });

    let workbook = await view(page);
    expect(workbook.sheets.map((sheet) => [sheet.name, sheet.visibility])).toEqual([
      [RETURNED_SHEET, "Visible"],
      [TEMPLATE_SHEET, "Visible"],
      [METADATA_SHEET_NAME, "VeryHidden"],
    ]);
    expect(workbook.active).toBe(TEMPLATE_SHEET);
    const plan = templateSheetPlan(templates.district, { campaign: DEFAULT_CAMPAIGN });
    const template = sheetIn(workbook, TEMPLATE_SHEET);
    // The template as the core plans it: its header row, its table, its data validations (a date rule with a prompt
    // on 活动时间 among them).
    expect(template.text).toContainEqual(templates.district.columns.map((column) => column.header));
    expect(workbook.tables).toEqual([{ sheet: TEMPLATE_SHEET, name: plan.table?.name, address: plan.table && a1(plan.table.range), bodyRows: expect.any(Number) }]);
    expect(plan.dataValidations.length).toBeGreaterThan(0);
    expect(template.validations.map((validation) => validation.address).sort()).toEqual(plan.dataValidations.map((validation) => a1(validation.range)).sort());
    expect(template.validations.some((validation) => validation.rule !== null && "custom" in validation.rule && validation.prompt !== null)).toBe(true);
    await expectNamedControls(page);

    // 校验: the user clicks the returned sheet's tab in Excel, then checks it.
    await activate(page, RETURNED_SHEET);
    const untouched = sheetIn(await view(page), RETURNED_SHEET);
    await page.getByRole("tab", { name: "校验" }).click();
    await page.getByRole("button", { name: "检查当前工作表" }).click();
    const issues = page.getByRole("region", { name: "发现的问题" });
    await issues.waitFor({ timeout: STEP_MS });
    await eventually(() => issueAddresses(issues), ["C5", "E6", "G6"]);
    await page.getByText("发现 3 处错误，涉及 2 行").waitFor({ timeout: STEP_MS });
    await page.getByText("已在表中标出 3 个单元格（底色和批注）。").waitFor({ timeout: STEP_MS });
    await shoot(page, "02-check-issues", { docsName: "pane-check.png" });

    let returned = sheetIn(await view(page), RETURNED_SHEET);
    expect(marksOf(returned)).toEqual({
      rules: [
        { address: "C5", fill: MARK_FILL.error.toUpperCase() },
        { address: "E6", fill: MARK_FILL.error.toUpperCase() },
        { address: "G6", fill: MARK_FILL.error.toUpperCase() },
      ],
      // G6 holds the clerk's own note: it keeps it and gets the colour only.
      notes: ["C5", "E6"],
    });
    expect(returned.notes).toContainEqual({ address: "G6", content: "请核实电话", author: "用户" });
    expect(returned.conditionalFormats).toContainEqual({ address: "A4:G10", type: "CellValue", formula: "=0", fill: null });
    expect(returned.cells.C5?.fill).toBe("#00B0F0");
    await expectNamedControls(page);

    // A problem's button selects its cell, bringing its sheet back to the front if the user went elsewhere.
    await activate(page, TEMPLATE_SHEET);
    await issues.getByRole("button", { name: /E6：/ }).click();
    await waitForSelection(page, RETURNED_SHEET, "E6");

    // 清除标记: Huizong's marks go, and the sheet is exactly as the user left it.
    await page.getByRole("button", { name: "清除标记" }).click();
    await status.getByText("已清除 3 个单元格的标记。").waitFor({ timeout: STEP_MS });
    expect(sheetIn(await view(page), RETURNED_SHEET)).toEqual(untouched);
    await shoot(page, "03-check-cleared");

    // The user fixes C5 in Excel and checks again: the list follows.
    await typeInto(page, RETURNED_SHEET, "C5", "4月22日上午9:30");
    await page.getByRole("button", { name: "检查当前工作表" }).click();
    await page.getByText("发现 2 处错误，涉及 1 行").waitFor({ timeout: STEP_MS });
    await eventually(() => issueAddresses(issues), ["E6", "G6"]);
    returned = sheetIn(await view(page), RETURNED_SHEET);
    expect(marksOf(returned).rules.map((rule) => rule.address)).toEqual(["E6", "G6"]);
    expect(returned.cells.C5).toEqual({ value: "4月22日上午9:30", numberFormat: "General", fill: "#00B0F0" });
    await shoot(page, "04-check-after-fix");

    // 汇总: five returned files (a clean one, one full of mistakes, one that is no activity table, a corrupt one, and
    // 市市场监管局's first return), each with the modification time it arrived with.
    const picked = copiesWithTimes(pane.tempDir("huizong-e2e-"), [
      [path.join(fixtures, "01-city-clean.xlsx"), "2024-04-16T09:00:00+08:00"],
      [path.join(fixtures, "07-city-typical-mistakes.xlsx"), "2024-04-16T09:05:00+08:00"],
      [path.join(fixtures, "14-not-a-template.xlsx"), "2024-04-16T09:10:00+08:00"],
      [path.join(fixtures, "15-corrupt-truncated.xlsx"), "2024-04-16T09:15:00+08:00"],
      [path.join(examples, "市市场监管局.xlsx"), "2024-04-10T10:00:00+08:00"],
    ]);
    await page.getByRole("tab", { name: "汇总" }).click();
    const mergeButton = page.getByRole("button", { name: "合并到汇总表" });
    await expect(mergeButton.isDisabled()).resolves.toBe(true);
    await page.getByLabel("报回文件").setInputFiles(picked.files);
    await page.getByRole("heading", { name: "已选择 5 个文件" }).waitFor({ timeout: STEP_MS });
    await mergeButton.click();
    await status.getByText("已合并：写入 27 条活动，“活动汇总”现有 27 条。").waitFor({ timeout: 60_000 });
    const report = page.getByRole("region", { name: "合并结果" });
    await eventually(() => fileActions(report), {
      "01-city-clean.xlsx": "新增",
      "07-city-typical-mistakes.xlsx": "新增",
      "14-not-a-template.xlsx": "拒收",
      "15-corrupt-truncated.xlsx": "拒收",
      "市市场监管局.xlsx": "新增",
    });
    await report.getByText("读入活动 27 条，写入 27 条；替换旧行 0 条，保留原有 0 条；").waitFor({ timeout: STEP_MS });
    await shoot(page, "05-merge-report", { docsName: "pane-merge.png", scrollTo: report });

    workbook = await view(page);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(expect.arrayContaining([MASTER_SHEET_NAME, SETTINGS_SHEET_NAME]));
    expect(sheetIn(workbook, SETTINGS_SHEET_NAME).visibility).toBe("VeryHidden");
    expect(masterTable(workbook).bodyRows).toBe(27);
    expect(sourceFiles(sheetIn(workbook, MASTER_SHEET_NAME))).toEqual({ "01-city-clean.xlsx": 3, "07-city-typical-mistakes.xlsx": 16, "市市场监管局.xlsx": 8 });
    await expectNamedControls(page);

    // The unit sends a correction; the old file is picked again too, listed first: the newer file wins, and its
    // rows replace the unit's earlier ones instead of being added to them.
    picked.add([path.join(examples, "市市场监管局（更正）.xlsx"), "2024-04-15T10:00:00+08:00"]);
    await page.getByLabel("报回文件").setInputFiles([picked.path("市市场监管局（更正）.xlsx"), picked.path("市市场监管局.xlsx")]);
    await page.getByRole("heading", { name: "已选择 2 个文件" }).waitFor({ timeout: STEP_MS });
    await mergeButton.click();
    await status.getByText("已合并：写入 8 条活动，“活动汇总”现有 27 条。").waitFor({ timeout: 60_000 });
    await eventually(() => fileActions(report), { "市市场监管局（更正）.xlsx": "替换", "市市场监管局.xlsx": "被取代" });
    await report.getByText("读入活动 16 条（其中 8 条来自被取代的文件，未写入），写入 8 条；替换旧行 8 条，保留原有 19 条；汇总表现有 27 条").waitFor({ timeout: STEP_MS });
    workbook = await view(page);
    expect(masterTable(workbook).bodyRows).toBe(27);
    expect(sourceFiles(sheetIn(workbook, MASTER_SHEET_NAME))).toEqual({ "01-city-clean.xlsx": 3, "07-city-typical-mistakes.xlsx": 16, "市市场监管局（更正）.xlsx": 8 });
    await shoot(page, "06-merge-resubmission", { scrollTo: report });

    // 设置: a roster unit with an alias, saved into the workbook as 报送情况.
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByRole("textbox", { name: "单位名称" }).fill("上海市科学技术委员会");
    await page.getByRole("textbox", { name: "别名（可不填，用逗号分隔）" }).fill("市科委");
    await page.getByRole("button", { name: "添加" }).click();
    const roster = page.getByRole("list", { name: "应报单位" });
    await roster.getByText("别名：市科委").waitFor({ timeout: STEP_MS });
    await page.getByText("有尚未保存的更改。").waitFor({ timeout: STEP_MS });
    await page.getByRole("button", { name: "保存" }).click();
    await status.getByText("已保存。").waitFor({ timeout: STEP_MS });
    await expectNamedControls(page);
    await shoot(page, "07-settings-saved", { docsName: "pane-settings.png" });

    workbook = await view(page);
    const statusSheet = sheetIn(workbook, STATUS_SHEET_NAME);
    expect(statusSheet.visibility).toBe("Visible");
    const unitRow = statusSheet.text.find((row) => row.includes("上海市科学技术委员会"));
    expect(unitRow).toEqual(expect.arrayContaining(["有错误"]));
    expect(unitRow?.some((cell) => cell.includes("市科委"))).toBe(true);
    expect(workbook.sheets.map((sheet) => sheet.name).indexOf(STATUS_SHEET_NAME)).toBe(workbook.sheets.map((sheet) => sheet.name).indexOf(MASTER_SHEET_NAME) + 1);

    // With a roster, 模板 offers its units in a combobox, which is named too.
    await page.getByRole("tab", { name: "模板" }).click();
    await page.getByRole("combobox", { name: "单位名称（可不填）" }).waitFor({ timeout: STEP_MS });
    await expectNamedControls(page);

    expectCleanRun();
  });

  it("works by keyboard alone, and names every control of every section", async () => {
    const page = await openPane(true);
    await page.getByRole("tablist", { name: "功能" }).waitFor({ timeout: STEP_MS });

    // Tab into the tab list, arrow to 校验, take it with Enter.
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ role: "tab", name: "模板" });
    await page.keyboard.press("ArrowRight");
    await expect(focused(page)).resolves.toMatchObject({ role: "tab", name: "校验" });
    await page.keyboard.press("Enter");
    await waitForSelectedTab(page, "校验");

    // Tab to 检查当前工作表 and press Space.
    await tabTo(page, "button", "检查当前工作表");
    await page.keyboard.press("Space");
    const issues = page.getByRole("region", { name: "发现的问题" });
    await issues.waitFor({ timeout: STEP_MS });

    // Tab on to the first problem and press Enter: its cell is selected in the workbook.
    await tabTo(page, "button", /^错误\s*C5：/);
    await page.keyboard.press("Enter");
    await waitForSelection(page, RETURNED_SHEET, "C5");
    // The next problem is one Tab further.
    await page.keyboard.press("Tab");
    await expect(focused(page)).resolves.toMatchObject({ role: "button", name: expect.stringMatching(/^错误\s*E6：/) });
    await page.keyboard.press("Space");
    await waitForSelection(page, RETURNED_SHEET, "E6");
    await shoot(page, "08-keyboard-check");

    // Every control of every section has a name a screen reader can say.
    for (const tab of ["模板", "校验", "汇总", "设置"]) {
      await page.getByRole("tab", { name: tab }).click();
      await waitForSelectedTab(page, tab);
      await expectNamedControls(page);
    }
    expectCleanRun();
  });

  it("in a plain browser shows its frame and says at once that it works on files", async () => {
    const page = await openPane(false);
    // office.js came back empty: Office is undefined, and the pane must say so at once, not wait out the 8 s it
    // gives a slow Office.onReady (the page has loaded its scripts by now; what is left is React's first render).
    await page.getByText("未在 Excel 中运行：在浏览器中处理文件，文件不会上传").waitFor({ timeout: 6_000 });
    await page.getByRole("heading", { level: 1, name: "汇总 · 知识产权宣传周" }).waitFor({ timeout: STEP_MS });
    await page.getByText("宣传周：2024年4月20日至26日").waitFor({ timeout: STEP_MS });
    await expect(page.getByRole("tablist").count()).resolves.toBe(1);
    await expect(page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).resolves.toBe("undefined");
    await shoot(page, "09-browser-fallback");
    expectCleanRun();
  });
});

/** Polls until `read` gives `expected` (a list or report the pane is still rendering), then checks it once more. */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  let last = await read();
  while (!isDeepStrictEqual(last, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  expect(last).toEqual(expected);
}

/** The fake workbook, read in the page. */
function view(page: Page): Promise<WorkbookView> {
  return page.evaluate(() => (window as unknown as E2EWindow).huizongE2E.view());
}

/** The user clicks a sheet's tab in Excel. */
function activate(page: Page, sheet: string): Promise<void> {
  return page.evaluate((name) => (window as unknown as E2EWindow).huizongE2E.activate(name), sheet);
}

/** The user types into a cell in Excel. */
function typeInto(page: Page, sheet: string, address: string, text: string): Promise<void> {
  return page.evaluate(([name, cell, value]) => (window as unknown as E2EWindow).huizongE2E.type(name, cell, value), [sheet, address, text] as const);
}

function sheetIn(workbook: WorkbookView, name: string): SheetView {
  const sheet = workbook.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet ${name}; the workbook has ${workbook.sheets.map((candidate) => candidate.name).join(", ")}`);
  return sheet;
}

/** Huizong's marks on a sheet: its tagged rules (address and colour) and its notes (by their heading), sorted. */
function marksOf(sheet: SheetView) {
  return {
    rules: sheet.conditionalFormats
      .filter((format) => format.formula.includes(MARK_TAG))
      .map((format) => ({ address: format.address, fill: format.fill }))
      .sort((a, b) => a.address.localeCompare(b.address)),
    notes: sheet.notes
      .filter((note) => note.content.startsWith(excelText.noteHeading))
      .map((note) => note.address)
      .sort(),
  };
}

function masterTable(workbook: WorkbookView) {
  const tables = workbook.tables.filter((table) => table.sheet === MASTER_SHEET_NAME);
  expect(tables).toHaveLength(1);
  return tables[0] as WorkbookView["tables"][number];
}

/** Rows of the master by 来源文件. */
function sourceFiles(master: SheetView): Record<string, number> {
  const headerRow = master.text.findIndex((row) => row.includes("来源文件"));
  const column = master.text[headerRow]?.indexOf("来源文件") ?? -1;
  expect(column).toBeGreaterThanOrEqual(0);
  const counts: Record<string, number> = {};
  for (const row of master.text.slice(headerRow + 1)) {
    const file = row[column];
    if (file) counts[file] = (counts[file] ?? 0) + 1;
  }
  return counts;
}

/** The cells the problem buttons name, in the list's order. */
async function issueAddresses(issues: Locator): Promise<string[]> {
  const names = await issues.getByRole("button").allTextContents();
  return names.map((name) => /^(?:错误|提醒)([A-Z]+\d+)：/.exec(name)?.[1] ?? `? ${name}`);
}

/** Each file of the merge report with its badge (新增, 替换, 拒收…). */
async function fileActions(report: Locator): Promise<Record<string, string>> {
  const list = report.getByRole("list", { name: "各文件的结果" });
  const items = await list.locator(":scope > li").all();
  const actions: Record<string, string> = {};
  for (const item of items) {
    const head = item.locator(":scope > div").first();
    const [name, badge] = await head.locator(":scope > *").allTextContents();
    actions[name ?? "?"] = badge ?? "?";
  }
  return actions;
}

function waitForSelection(page: Page, sheet: string, address: string): Promise<unknown> {
  return page.waitForFunction(
    ([sheetName, cell]) => {
      const workbook = (window as unknown as E2EWindow).huizongE2E.view();
      return workbook.active === sheetName && workbook.selection?.sheet === sheetName && workbook.selection.address === cell;
    },
    [sheet, address] as const,
    { timeout: STEP_MS, polling: 100 },
  );
}

/** Copies of returned files in a temporary folder, each with the modification time a clerk's download would have. */
function copiesWithTimes(folder: string, files: Array<[string, string]>) {
  const copies = new Map<string, string>();
  const add = ([source, modified]: [string, string]) => {
    const target = path.join(folder, path.basename(source));
    writeFileSync(target, readFileSync(source));
    const time = new Date(modified);
    utimesSync(target, time, time);
    copies.set(path.basename(source), target);
  };
  files.forEach(add);
  return {
    files: [...copies.values()],
    add,
    path: (name: string) => copies.get(name) ?? path.join(folder, name),
  };
}
