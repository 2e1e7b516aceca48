/**
 * validate and merge agree on who sent a return: one rule (单位名称, else the title, else the file name), resolved
 * through the roster, with where the name came from. Run through the command line, as the clerk would.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import { CITY_HEADER, cityRow } from "./support/sheets";
import { runCli } from "./support/cli";

const TEMPLATE_TITLE = "2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）";

/** A 附件1 return: its title line, its 单位名称 line as typed (maybe empty), one clean activity. */
function returnBytes(title: string, unit: string): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet([[title], [`单位名称：${unit}`], CITY_HEADER, cityRow()]);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, "Sheet1");
  return XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
}

interface FileJson {
  file: string;
  unit: string | null;
  unitSource: string | null;
  issues: Array<{ code: string; message: string }>;
}

describe("validate and merge name the unit by one rule", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "huizong-units-"));
  const returns = path.join(dir, "returns");
  const roster = path.join(dir, "名单.txt");
  const cases: Array<{ file: string; title: string; unit: string; named: [string | null, string | null] }> = [
    { file: "上海海关.xlsx", title: TEMPLATE_TITLE, unit: "市商务委", named: ["上海市商务委员会", "field"] },
    { file: "附件1-市商务委重点活动安排表（修订）.xlsx", title: TEMPLATE_TITLE, unit: "", named: ["上海市商务委员会", "file-name"] },
    { file: "附件1.xlsx", title: "上海市新闻出版局2024年知识产权宣传周重点活动安排表", unit: "", named: ["上海市新闻出版局", "title"] },
    { file: "附件1(1).xlsx", title: TEMPLATE_TITLE, unit: "", named: [null, null] },
  ];

  beforeAll(() => {
    mkdirSync(returns);
    for (const { file, title, unit } of cases) writeFileSync(path.join(returns, file), returnBytes(title, unit));
    writeFileSync(roster, "上海市商务委员会,市商务委\n上海市新闻出版局\n上海海关\n");
  });

  it("gives each return the same unit and source in validate --json and merge --json", async () => {
    const validated = await runCli(["validate", returns, "--roster", roster, "--json"]);
    const merged = await runCli(["merge", returns, "--roster", roster, "-o", path.join(dir, "汇总表.xlsx"), "--json"]);
    expect(validated.code).toBe(1); // the empty 单位名称 lines stay errors for the units to fix
    expect(merged.code).toBe(1);
    const byFile = (stdout: string) =>
      new Map((JSON.parse(stdout) as { files: FileJson[] }).files.map((file) => [path.basename(file.file), file]));
    const fromValidate = byFile(validated.stdout);
    const fromMerge = byFile(merged.stdout);
    for (const { file, named } of cases) {
      const [unit, source] = named;
      expect([file, fromValidate.get(file)?.unit, fromValidate.get(file)?.unitSource]).toEqual([file, unit, source]);
      if (unit !== null) expect([file, fromMerge.get(file)?.unit, fromMerge.get(file)?.unitSource]).toEqual([file, unit, source]);
    }
    // No name anywhere: merged under the file's own name, as before.
    expect(fromMerge.get("附件1(1).xlsx")?.unit).toBe("（未填单位名称：附件1(1).xlsx）");
    const missing = fromValidate.get("附件1.xlsx")?.issues.find((issue) => issue.code === "unit-missing");
    expect(missing?.message).toContain("暂按表格标题认作“上海市新闻出版局”");
    // 上海海关.xlsx says 市商务委 in its 单位名称: the line wins over the file name.
    expect(fromValidate.get("上海海关.xlsx")?.issues).toEqual([]);
  }, 120_000);

  it("says where a unit's name came from in the human report", async () => {
    const run = await runCli(["validate", path.join(returns, "附件1.xlsx")]);
    expect(run.stdout).toContain("单位：上海市新闻出版局（取自表格标题）");
  }, 60_000);

  it("refuses a roster it cannot read, naming it", async () => {
    const run = await runCli(["validate", returns, "--roster", path.join(dir, "没有.txt")]);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toContain("没有.txt");
  }, 60_000);
});
