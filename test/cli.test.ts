import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "./support/cli";

/** The command line's contract (CONTRACTS.md): exit codes, exactly one JSON document, messages instead of crashes. */
const fixtures = path.resolve(__dirname, "fixtures/returns");
const tmp = mkdtempSync(path.join(os.tmpdir(), "huizong-cli-"));

describe("huizong on the command line", () => {
  it("validates a clean and a faulty return: exit 1, one JSON document, canonical columns", async () => {
    const run = await runCli(["validate", path.join(fixtures, "01-city-clean.xlsx"), path.join(fixtures, "07-city-typical-mistakes.xlsx"), "--json"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { files: Array<{ status: string; issues: Array<{ column: string | null }> }>; errors: number };
    expect(json.files.map((file) => file.status)).toEqual(["ok", "invalid"]);
    expect(json.errors).toBeGreaterThan(0);
    expect(new Set(json.files[1]?.issues.map((issue) => issue.column))).toContain("活动规模（人数）");
  });

  it("exits 0 on a clean return and reports in Chinese", async () => {
    const run = await runCli(["validate", path.join(fixtures, "01-city-clean.xlsx")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("【通过】");
    expect(run.stdout).toContain("共检查 1 个文件：1 个通过");
  });

  it("exits 2 when no input could be read, still with one JSON document", async () => {
    const broken = path.join(tmp, "损坏.xlsx");
    writeFileSync(broken, "PK\u0003\u0004 not really a zip");
    const run = await runCli(["validate", broken, "--json"]);
    expect(run.code).toBe(2);
    const json = JSON.parse(run.stdout) as { files: Array<{ status: string; issues: Array<{ code: string; message: string }> }> };
    expect(json.files[0]).toMatchObject({ status: "unreadable", issues: [{ severity: "error" }] });
  });

  it("exits 2 on a path that does not exist, naming it, with one JSON document", async () => {
    const missing = path.join(tmp, "no-such-file.xlsx");
    const run = await runCli(["validate", missing, "--json"]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ error: { code: "usage", message: `找不到 ${missing}：请检查文件或文件夹的名称和位置` } });
  });

  it.each([
    [["validate"], "缺少要处理的文件"],
    [["validate", "x.xlsx", "--start", "2024-13-01"], "宣传周日期有误"],
    [["validate", "x.xlsx", "--frobnicate"], "不认识的选项 --frobnicate"],
    [["template", "--kind", "county", "-o", "x.xlsx"], "--kind 只能是 city"],
    [["merge", "x.xlsx"], "缺少必需的选项"],
    [["frobnicate"], "不认识的命令 frobnicate"],
  ])("turns the usage error %j into exit 2 and a Chinese message", async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });

  it("answers a usage error under --json with a JSON document", async () => {
    const run = await runCli(["validate", "x.xlsx", "--start", "2024-02-30", "--json"]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: "usage" } });
  });

  it("writes a template and says where", async () => {
    const output = path.join(tmp, "附件2.xlsx");
    const run = await runCli(["template", "--kind", "district", "--unit", "浦东新区知识产权联席会议办公室", "--start", "2025-04-20", "-o", output, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      output,
      kind: "district",
      unit: "浦东新区知识产权联席会议办公室",
      campaign: { start: "2025-04-20", end: "2025-04-26" },
    });
    expect(readFileSync(output).subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses to overwrite a master it cannot read, and leaves it untouched", async () => {
    const master = path.join(tmp, "汇总表.xlsx");
    writeFileSync(master, "not a workbook");
    const run = await runCli(["merge", path.join(fixtures, "01-city-clean.xlsx"), "-o", master]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("未做任何改动");
    expect(readFileSync(master, "utf8")).toBe("not a workbook");
  });

  it("says a master given to validate is a master, sets it aside without an error, and exits 0", async () => {
    const master = path.join(tmp, "第一次汇总.xlsx");
    expect((await runCli(["merge", path.join(fixtures, "01-city-clean.xlsx"), "-o", master])).code).toBe(0);
    const run = await runCli(["validate", master, "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      files: [{ status: "ignored", rows: 0, issues: [{ severity: "warning", code: "master-ignored" }] }],
      errors: 0,
    });
    const human = await runCli(["validate", master]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("这是 Huizong 生成的汇总表，不是报回的活动表：合并时会自动更新它");
  });

  it("keeps the week a master was merged for, and checks the next merge's returns against it", async () => {
    const master = path.join(tmp, "2025汇总.xlsx");
    const clean2024 = path.join(fixtures, "01-city-clean.xlsx");
    // The 2024 return is out of a 2025 week...
    const first = await runCli(["merge", clean2024, "-o", master, "--start", "2025-04-19", "--json"]);
    expect(first.code).toBe(1);
    // ...and stays so in a merge that names no week: the master remembers 2025-04-19..25.
    const again = await runCli(["merge", clean2024, "-o", master, "--json"]);
    expect(again.code).toBe(1);
    const json = JSON.parse(again.stdout) as { files: Array<{ issues: Array<{ code: string }> }> };
    expect(json.files[0]?.issues.map((issue) => issue.code)).toContain("date-wrong-year");
  });

  it("refuses a master that is not .xlsx", async () => {
    const run = await runCli(["merge", path.join(fixtures, "01-city-clean.xlsx"), "-o", path.join(tmp, "汇总表.xls"), "--json"]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: "merge-refused" } });
  });
});
