/**
 * The pane on files with a real spreadsheet program at both ends, as an office without the add-in lives it:
 *
 *   the page's 下载模板 (附件1 for one unit, 附件2 blank) -> filled by script -> saved by LibreOffice as .xlsx and .ods
 *   -> 校验 in the page shows each file's problems by cell -> 汇总 in the page merges a first return, its corrected
 *   resubmission (saved later) and a district's .ods -> the downloaded master read back by LibreOffice.
 *
 * Screenshots of each step land in test-output/screenshots/ (lo-*.png).
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { csvRecords } from "../support/csv";
import { type Activity, fillTemplate, type TemplateFilling } from "../support/fillTemplate";
import { convertWithLibreOffice, describeWithLibreOffice, exportSheetsAsCsv } from "../support/libreoffice";
import { describeWithChromium, paneInChromium, shoot } from "./browser";
import { download, fileStatuses, masterRows } from "./filesPane";

const STEP_MS = 30_000;
jest.setTimeout(300_000);

const PROSECUTOR = "上海市人民检察院";
const PUDONG = "浦东新区知识产权联席会议办公室";
/** On the roster, returns nothing. */
const CUSTOMS = "上海海关";

const prosecutorRow = (overrides: Partial<Activity> = {}): Activity => ({
  主办单位: PROSECUTOR,
  重点活动名称: "知识产权检察保护典型案例发布会",
  活动时间: "4月24日上午10:00",
  活动地点: "市检察院新闻发布厅",
  "活动规模（人数）": 60,
  联系人: "张敏 021-64370000",
  ...overrides,
});

/** 附件1 from 市检察院: the second activity falls the day after the week and names no phone. */
const FIRST: TemplateFilling = {
  kind: "city",
  rows: [
    prosecutorRow({ 重点活动名称: "依托新媒体平台开展知识产权普法宣传", 活动时间: "4月22日", 活动地点: "线上（微信公众号）", "活动规模（人数）": "约500人" }),
    prosecutorRow({ 活动时间: "4月27日", 联系人: "张敏" }),
  ],
};
/** The same return, corrected and sent again. */
const CORRECTED: TemplateFilling = { ...FIRST, rows: [FIRST.rows[0] as Activity, prosecutorRow()] };
/** 附件2 from a district, the unit typed into a blank template. */
const DISTRICT: TemplateFilling = {
  kind: "district",
  unit: PUDONG,
  fillDate: new Date(Date.UTC(2024, 3, 15)),
  rows: [
    {
      主办单位: "浦东新区知识产权局",
      重点活动名称: "知识产权进园区",
      活动时间: "4月23日下午",
      活动地点: "张江科学城",
      活动内容: "专利导航与商业秘密保护讲座",
      出席范围: "园区企业代表",
      "活动规模（参与人数）": "约150人",
      联系人: "陈刚 13605331234",
    },
  ],
};

describeWithChromium("the pane on files, with LibreOffice as the units' and the clerk's spreadsheet program", () => {
  describeWithLibreOffice("templates out, returns in, master back", () => {
    const pane = paneInChromium();

    it("downloads templates, checks and merges returns saved by LibreOffice, and LibreOffice reads the master", async () => {
      const work = pane.tempDir("huizong-e2e-lo-");
      const folder = (...parts: string[]) => {
        const dir = path.join(work, ...parts);
        mkdirSync(dir, { recursive: true });
        return dir;
      };
      const session = await pane.open();
      const page = session.page;
      await page.goto(`${pane.origin()}/taskpane.html`, { timeout: STEP_MS });
      await page.getByRole("tablist", { name: "功能" }).waitFor({ timeout: STEP_MS });
      const status = page.getByRole("status", { name: "提示" });

      // 模板: 附件1 with 市检察院's name filled in, and a blank 附件2.
      await page.getByRole("textbox", { name: "单位名称（可不填）" }).fill(PROSECUTOR);
      const cityTemplate = await download(page, page.getByRole("button", { name: "下载模板" }), STEP_MS);
      await page.getByRole("textbox", { name: "单位名称（可不填）" }).fill("");
      await page.getByRole("radio", { name: /附件2/ }).check();
      const districtTemplate = await download(page, page.getByRole("button", { name: "下载模板" }), STEP_MS);
      await status.getByText(`已下载模板“${districtTemplate.name}”`).waitFor({ timeout: STEP_MS });
      await shoot(page, "lo-01-templates");

      // The units fill them in and save them with LibreOffice: 市检察院 as .xlsx and .ods, then its correction a
      // day later, 浦东 as .ods.
      const filled = folder("filled");
      const fill = async (name: string, template: Uint8Array, filling: TemplateFilling) => {
        const file = path.join(filled, `${name}.xlsx`);
        writeFileSync(file, await fillTemplate(template, filling, name));
        return file;
      };
      const first = await fill("市检察院", cityTemplate.bytes, FIRST);
      const corrected = await fill("市检察院（更正）", cityTemplate.bytes, CORRECTED);
      const district = await fill("浦东新区", districtTemplate.bytes, DISTRICT);
      const [firstXlsx, correctedXlsx] = await convertWithLibreOffice([first, corrected], "xlsx", folder("saved-xlsx"));
      const [firstOds, districtOds] = await convertWithLibreOffice([first, district], "ods", folder("saved-ods"));
      const saved = { firstXlsx, correctedXlsx, firstOds, districtOds } as Record<string, string>;
      for (const [key, file] of Object.entries(saved)) if (!file) throw new Error(`LibreOffice saved no ${key}`);
      const day = (date: string) => new Date(`${date}T09:00:00+08:00`);
      for (const file of [firstXlsx, firstOds, districtOds] as string[]) utimesSync(file, day("2024-04-15"), day("2024-04-15"));
      utimesSync(correctedXlsx as string, day("2024-04-16"), day("2024-04-16"));

      // 校验: the first return in both formats shows the same problems, each naming its cell.
      await page.getByRole("tab", { name: "校验" }).click();
      await page.getByLabel("要检查的文件").setInputFiles([firstXlsx, firstOds, districtOds] as string[]);
      await page.getByRole("button", { name: "检查文件" }).click();
      const results = page.getByRole("list", { name: "各文件的检查结果" });
      await results.waitFor({ timeout: 60_000 });
      await expect(fileStatuses(results)).resolves.toEqual({ "市检察院.xlsx": "有错误", "市检察院.ods": "有错误", "浦东新区.ods": "通过" });
      const problems = async (name: string) => (await page.getByRole("region", { name: `${name} 的问题` }).innerText()).replace(/\s+/g, " ");
      const fromXlsx = await problems("市检察院.xlsx");
      expect(fromXlsx).toMatch(/C\d+.*4月27日/);
      expect(fromXlsx).toMatch(/G\d+.*电话/);
      expect(await problems("市检察院.ods")).toBe(fromXlsx);
      await shoot(page, "lo-02-check", { scrollTo: page.getByRole("heading", { name: "各文件的检查结果" }) });

      // 设置: the units the office expects, one of which has sent nothing.
      await page.getByRole("tab", { name: "设置" }).click();
      for (const unit of [PROSECUTOR, PUDONG, CUSTOMS]) {
        await page.getByRole("textbox", { name: "单位名称" }).fill(unit);
        await page.getByRole("button", { name: "添加" }).click();
      }
      await page.getByRole("button", { name: "保存" }).click();
      await status.getByText("已保存。宣传周和名单保存在本浏览器中。").waitFor({ timeout: STEP_MS });

      // 汇总: the first return, its correction and the district's .ods; the correction replaces the first, and the
      // master lists the activities by day.
      await page.getByRole("tab", { name: "汇总" }).click();
      await page.getByLabel("报回文件").setInputFiles([firstXlsx, correctedXlsx, districtOds] as string[]);
      await page.getByRole("heading", { name: "已选择 3 个文件" }).waitFor({ timeout: STEP_MS });
      const master = await download(page, page.getByRole("button", { name: "合并并下载汇总表" }), 60_000);
      await status.getByText(/已合并：写入 3 条活动，“活动汇总”现有 3 条。/).waitFor({ timeout: STEP_MS });
      await page.getByRole("list", { name: "未报送（1 个）" }).getByText(CUSTOMS).waitFor({ timeout: STEP_MS });
      await shoot(page, "lo-03-merge", { scrollTo: page.getByRole("region", { name: "合并结果" }) });
      const rows = masterRows(master.bytes);
      expect(rows.map((row) => [row.unit, row.sourceFile, row.values.time, row.problems])).toEqual([
        [PROSECUTOR, "市检察院（更正）.xlsx", "4月22日", ""],
        [PUDONG, "浦东新区.ods", "4月23日下午", ""],
        [PROSECUTOR, "市检察院（更正）.xlsx", "4月24日上午10:00", ""],
      ]);

      // LibreOffice opens the downloaded master and sees the same activities and the units' status.
      const masterFile = path.join(folder("master"), master.name);
      writeFileSync(masterFile, master.bytes);
      const sheets = (await exportSheetsAsCsv([masterFile], folder("master-csv"))).get(masterFile);
      const schedule = csvRecords(sheetCsv(sheets?.get("活动汇总"), "活动汇总"));
      expect(schedule.map((row) => [row["报送单位"], row["重点活动名称"], row["联系人"], row["来源文件"]])).toEqual([
        [PROSECUTOR, "依托新媒体平台开展知识产权普法宣传", "张敏 021-64370000", "市检察院（更正）.xlsx"],
        [PUDONG, "知识产权进园区", "陈刚 13605331234", "浦东新区.ods"],
        [PROSECUTOR, "知识产权检察保护典型案例发布会", "张敏 021-64370000", "市检察院（更正）.xlsx"],
      ]);
      // 报送情况 opens with the time of the merge and the counts; the table follows.
      const returned = csvRecords(sheetCsv(sheets?.get("报送情况"), "报送情况"), "单位");
      expect(returned.map((row) => [row["单位"], row["报送情况"], row["活动条数"], row["来源文件"]])).toEqual([
        [PROSECUTOR, "已报送", "2", "市检察院（更正）.xlsx"],
        [PUDONG, "已报送", "1", "浦东新区.ods"],
        [CUSTOMS, "未报送", "0", ""],
      ]);

      expect(session.problems).toEqual([]);
      expect(session.blocked).toEqual([]);
    });
  });
});

/** The CSV LibreOffice wrote for a sheet, or a clear failure when it wrote none. */
function sheetCsv(file: string | undefined, sheet: string): string {
  if (!file) throw new Error(`LibreOffice wrote no CSV for the sheet ${sheet}`);
  return readFileSync(file, "utf8");
}
