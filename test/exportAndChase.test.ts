/**
 * What the clerk hands on, through the command line: `merge --chase` writes the copy-ready chase list beside the
 * master (and the master gets its 催报 and 附件N汇总 sheets), and `huizong export` writes the 附件N汇总 sheets as a
 * workbook of their own, refusing to overwrite a file unasked.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cellText } from "../src/core/rawSheet";
import { readWorkbook } from "../src/files/readWorkbook";
import { runCli } from "./support/cli";

const root = path.resolve(__dirname, "..");
const returns = path.join(root, "examples", "returns");
const roster = path.join(root, "examples", "roster.txt");

function sheetsOf(file: string) {
  const read = readWorkbook(new Uint8Array(readFileSync(file)), path.basename(file));
  if (!read.ok) throw new Error(read.detail);
  return read.workbook.sheets;
}

describe("merge --chase and export", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "huizong-export-"));
  const master = path.join(dir, "汇总表.xlsx");
  const chase = path.join(dir, "催报.txt");

  beforeAll(async () => {
    const run = await runCli(["merge", returns, "-o", master, "--roster", roster, "--chase", chase]);
    if (run.code !== 1) throw new Error(`merge exited ${run.code}: ${run.stdout}${run.stderr}`);
  }, 120_000);

  it("writes one copy-ready block per unit to chase, and the 催报 and 附件N汇总 sheets into the master", () => {
    const text = readFileSync(chase, "utf8").replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
    const blocks = text.trim().split("\n\n");
    expect(blocks[0]).toMatch(/^催报清单（\d{4}年\d+月\d+日 \d\d:\d\d 汇总）：未报送 1 个单位，需修改 4 个单位$/);
    expect(blocks.slice(1).map((block) => block.split("：")[0])).toEqual(["淄博市人民检察院", "淄博市公安局", "淄博市教育局", "淄博市农业农村局", "淄川区知识产权联席会议办公室"]);
    expect(text).toContain("原表 C9：活动时间“4月26日前”");
    const names = sheetsOf(master).filter((sheet) => !sheet.hidden).map((sheet) => sheet.name);
    expect(names).toEqual(["活动汇总", "报送情况", "催报", "附件1汇总", "附件2汇总"]);
  });

  it("exports the consolidated tables alone, rows without problems, grouped by unit in roster order", async () => {
    const output = path.join(dir, "附件汇总.xlsx");
    const run = await runCli(["export", master, "-o", output, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      output,
      sheets: [{ name: "附件1汇总", rows: 11 }, { name: "附件2汇总", rows: 4 }],
      leftOut: 4,
    });
    const [city, district] = sheetsOf(output);
    expect([city?.name, district?.name]).toEqual(["附件1汇总", "附件2汇总"]);
    const column = (sheet: typeof city, col: number) => (sheet?.rows ?? []).map((row) => cellText(row[col]));
    expect(column(city, 0).slice(0, 3)).toEqual(["附件1", "2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）", "序号"]);
    expect(column(city, 0).filter((text) => /^[一二三四五六七八九十]+、/.test(text))).toEqual([
      "一、淄博市市场监督管理局（8项）",
      "二、淄博市人民检察院（1项）",
      "三、淄博市公安局（1项）",
      "四、淄博海关（1项）",
    ]);
    expect(column(city, 0).at(-1)).toBe("另有 4 项活动因存在问题未列入本表，见“活动汇总”表的“校验结果”列；改正并重新合并后即可列入。");
    expect(column(district, 0).filter((text) => text.endsWith("项）"))).toEqual(["一、张店区知识产权联席会议办公室（2项）", "二、高新区知识产权联席会议办公室（2项）"]);
  }, 60_000);

  it("refuses to overwrite an existing file or to export a workbook that is no master", async () => {
    const existing = path.join(dir, "已有.xlsx");
    writeFileSync(existing, "keep me");
    const overwrite = await runCli(["export", master, "-o", existing]);
    expect(overwrite.code).toBe(2);
    expect(overwrite.stderr).toContain("已存在");
    expect(readFileSync(existing, "utf8")).toBe("keep me");
    const notMaster = await runCli(["export", path.join(returns, "张店区.xlsx"), "-o", path.join(dir, "x.xlsx")]);
    expect(notMaster.code).toBe(2);
    expect(notMaster.stdout + notMaster.stderr).toContain("不是 Huizong 的汇总表");
  }, 60_000);
});
