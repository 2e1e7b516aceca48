/**
 * The production build of the task pane (dist/) in Chromium as a plain web page: no Office, so it works on files.
 * Driven through its real UI by accessible roles and names: download a template and read it back with the same
 * reader and checks as the command line; check returned files, issues grouped by file; merge them into a new
 * master, download it and read it back; update that master with another unit's return; and, with a roster kept in
 * the browser, download one template per unit in a .zip. Every request leaving
 * 127.0.0.1 is refused (office.js is answered with nothing), and the page must log no error.
 *
 * Screenshots of each step land in test-output/screenshots/ (files-*.png).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { checkWorkbook } from "../../src/core/checkWorkbook";
import { readWorkbook } from "../../src/files/readWorkbook";
import { root } from "../support/dist";
import { download, fileStatuses, rowsBySourceFile } from "./filesPane";
import { describeWithChromium, paneInChromium, shoot } from "./browser";

const STEP_MS = 30_000;
jest.setTimeout(180_000);

const fixtures = path.join(root, "test", "fixtures", "returns");
const examples = path.join(root, "examples", "returns");

describeWithChromium("the built task pane on files, in a plain browser", () => {
  const pane = paneInChromium();

  it("downloads a template, checks returned files, merges them into a master and updates it, all in the page", async () => {
    const session = await pane.open();
    const page = session.page;
    await page.goto(`${pane.origin()}/taskpane.html`, { timeout: STEP_MS });
    await page.getByText("未在 Excel 中运行：在浏览器中处理文件，文件不会上传").waitFor({ timeout: STEP_MS });
    await page.getByRole("tablist", { name: "功能" }).waitFor({ timeout: STEP_MS });
    const status = page.getByRole("status", { name: "提示" });

    // 模板: 附件1 for one unit, downloaded, and read back as the command line would read a return.
    await page.getByRole("textbox", { name: "单位名称（可不填）" }).fill("上海海关");
    const template = await download(page, page.getByRole("button", { name: "下载模板" }), STEP_MS);
    await status.getByText(`已下载模板“${template.name}”`).waitFor({ timeout: STEP_MS });
    expect(template.name).toMatch(/\.xlsx$/);
    const read = readWorkbook(template.bytes, template.name);
    if (!read.ok) throw new Error(`the downloaded template does not read: ${read.code}`);
    const check = checkWorkbook(read.workbook, { campaign: { start: "2024-04-20", end: "2024-04-26" } });
    expect(check.status).not.toBe("not-a-template");
    if (check.status !== "not-a-template") {
      expect(check.submission.kind).toBe("city");
      expect(check.submission.unit).toBe("上海海关");
    }
    await shoot(page, "files-01-template", { docsName: "files-template.png" });

    // 校验: four returned files, each with its own result; the problems grouped by file, then by row.
    await page.getByRole("tab", { name: "校验" }).click();
    const returns = ["01-city-clean.xlsx", "07-city-typical-mistakes.xlsx", "14-not-a-template.xlsx", "15-corrupt-truncated.xlsx"].map((name) => path.join(fixtures, name));
    await page.getByLabel("要检查的文件").setInputFiles(returns);
    await page.getByRole("heading", { name: "已选择 4 个文件" }).waitFor({ timeout: STEP_MS });
    await page.getByRole("button", { name: "检查文件" }).click();
    const results = page.getByRole("list", { name: "各文件的检查结果" });
    await results.waitFor({ timeout: 60_000 });
    await expect(fileStatuses(results)).resolves.toEqual({
      "01-city-clean.xlsx": "通过",
      "07-city-typical-mistakes.xlsx": "有错误",
      "14-not-a-template.xlsx": "不是活动表",
      "15-corrupt-truncated.xlsx": "无法读取",
    });
    const mistakes = page.getByRole("region", { name: "07-city-typical-mistakes.xlsx 的问题" });
    await expect(mistakes.getByRole("heading", { level: 4 }).count()).resolves.toBeGreaterThan(1);
    await expect(mistakes.getByRole("button").count()).resolves.toBe(0);
    await shoot(page, "files-02-check", { scrollTo: page.getByRole("heading", { name: "各文件的检查结果" }), docsName: "files-check.png" });

    // 汇总: the same returns into a new master, downloaded as 汇总表.xlsx and read back.
    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByLabel("报回文件").setInputFiles(returns);
    await page.getByRole("heading", { name: "已选择 4 个文件" }).waitFor({ timeout: STEP_MS });
    const master = await download(page, page.getByRole("button", { name: "合并并下载汇总表" }), 60_000);
    expect(master.name).toBe("汇总表.xlsx");
    await status.getByText("已合并：写入 19 条活动，“活动汇总”现有 19 条。汇总表已下载为“汇总表.xlsx”。").waitFor({ timeout: STEP_MS });
    const report = page.getByRole("region", { name: "合并结果" });
    await report.getByText(/^汇总表已下载为“汇总表.xlsx”/).waitFor({ timeout: STEP_MS });
    expect(rowsBySourceFile(master.bytes)).toEqual({ "01-city-clean.xlsx": 3, "07-city-typical-mistakes.xlsx": 16 });
    await shoot(page, "files-03-merge", { scrollTo: report, docsName: "files-merge.png" });

    // The master picked again with a unit's first return: updated, and downloaded under its own name.
    const masterPath = master.path;
    await page.getByLabel("当前汇总表").setInputFiles({ name: "汇总表.xlsx", mimeType: "application/octet-stream", buffer: readFileSync(masterPath) });
    await page.getByText("将更新汇总表：汇总表.xlsx").waitFor({ timeout: STEP_MS });
    await page.getByLabel("报回文件").setInputFiles([path.join(examples, "市市场监管局.xlsx")]);
    await shoot(page, "files-04-merge-master-picked");
    const updated = await download(page, page.getByRole("button", { name: "合并并下载汇总表" }), 60_000);
    expect(updated.name).toBe("汇总表.xlsx");
    await status.getByText(/已合并：写入 8 条活动，“活动汇总”现有 27 条。/).waitFor({ timeout: STEP_MS });
    expect(rowsBySourceFile(updated.bytes)).toEqual({ "01-city-clean.xlsx": 3, "07-city-typical-mistakes.xlsx": 16, "市市场监管局.xlsx": 8 });

    // 设置 on files: kept in this browser; and nothing left the machine.
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByText("名单和宣传周保存在本浏览器中；换用其他电脑或浏览器时需要重新设置。").waitFor({ timeout: STEP_MS });
    await page.getByText("所有处理在本机完成，文件不会上传。").waitFor({ timeout: STEP_MS });
    await shoot(page, "files-05-settings");

    // With a roster saved in the browser, 模板 makes one template per unit, in one .zip.
    for (const unit of ["上海海关", "上海市公安局"]) {
      await page.getByRole("textbox", { name: "单位名称" }).fill(unit);
      await page.getByRole("button", { name: "添加" }).click();
    }
    await page.getByRole("button", { name: "保存" }).click();
    await status.getByText("已保存。宣传周和名单保存在本浏览器中。").waitFor({ timeout: STEP_MS });
    await page.getByRole("tab", { name: "模板" }).click();
    const zip = await download(page, page.getByRole("button", { name: "为名单中每个单位生成模板 (.zip)" }), 60_000);
    expect(zip.name).toMatch(/\.zip$/);
    await status.getByText(/内含 2 个单位的模板/).waitFor({ timeout: STEP_MS });
    const units = Object.entries(unzipSync(zip.bytes)).flatMap(([name, bytes]) => {
      const opened = readWorkbook(bytes, name);
      const checked = opened.ok ? checkWorkbook(opened.workbook) : undefined;
      return checked && checked.status !== "not-a-template" ? [checked.submission.unit] : [];
    });
    expect(units.sort()).toEqual(["上海市公安局", "上海海关"].sort());
    await shoot(page, "files-06-template-roster");

    expect(session.problems).toEqual([]);
    expect(session.blocked).toEqual([]);
  });
});
