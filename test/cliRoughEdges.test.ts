import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import packageJson from "../package.json";
import { fillTemplate } from "./support/fillTemplate";
import { runCli, type CliRun } from "./support/cli";

/** What a clerk meets in her first hour at the command line: each rough edge, run through the real CLI. */
const root = path.resolve(__dirname, "..");
const CLEAN = path.resolve(__dirname, "fixtures/returns/01-city-clean.xlsx");
const tmp = mkdtempSync(path.join(os.tmpdir(), "huizong-rough-"));
let count = 0;
const folder = () => {
  const dir = path.join(tmp, String(++count));
  mkdirSync(dir);
  return dir;
};

interface FileEntry {
  file: string;
  status: string;
  action?: string;
  issues: Array<{ severity: string; code: string; message: string }>;
}
const filesOf = (run: CliRun) => (JSON.parse(run.stdout) as { files: FileEntry[] }).files;

/** Runs a command the way a clerk types it in a terminal (npm, npx), in a folder of her own. */
function runIn(cwd: string, command: string, args: readonly string[]): Promise<CliRun> {
  // npm's own variables from the test runner's npm (if any) must not leak in: the clerk's shell has none.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_|^INIT_CWD$/i.test(key)));
  return new Promise((resolve) => {
    execFile(command, args, { cwd, env, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error && typeof error.code === "number" ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });
}

describe("1. a folder of returns with other files in it", () => {
  it("lists a folder's notice, PDF, photo and notes as ignored, not unreadable, and exits on the returns alone", async () => {
    const dir = folder();
    copyFileSync(CLEAN, path.join(dir, "市场监管局.xlsx"));
    for (const name of ["通知.docx", "通知.pdf", "照片.jpg", "说明.txt", "README.md"]) writeFileSync(path.join(dir, name), "not a table");
    const run = await runCli(["validate", dir, "--json"]);
    expect(run.code).toBe(0);
    const files = filesOf(run);
    expect(files.find((file) => file.file.endsWith("市场监管局.xlsx"))?.status).toBe("ok");
    const others = files.filter((file) => !file.file.endsWith(".xlsx"));
    expect(others).toHaveLength(5);
    for (const file of others) {
      expect(file).toMatchObject({ status: "ignored", issues: [{ severity: "warning", code: "not-a-spreadsheet-ignored", message: "不是表格文件，已忽略。" }] });
    }
    const human = await runCli(["validate", dir]);
    expect(human.stdout).toMatch(/通知\.pdf {2}【已忽略】\n {2}提醒 {2}不是表格文件，已忽略。/);
    const merged = await runCli(["merge", dir, "-o", path.join(folder(), "汇总表.xlsx"), "--json"]);
    expect(merged.code).toBe(0);
    expect(filesOf(merged).filter((file) => file.action === "ignored")).toHaveLength(5);
  });

  it("reads a file named on its own whatever it is, and says what it is instead of a spreadsheet", async () => {
    const notes = path.join(folder(), "说明.txt");
    writeFileSync(notes, "请于4月10日前报送");
    const run = await runCli(["validate", notes, "--json"]);
    expect(run.code).toBe(2);
    expect(filesOf(run)).toMatchObject([{ status: "unreadable", issues: [{ code: "not-a-spreadsheet", message: expect.stringContaining("纯文本文件") }] }]);
  });

  it("names a folder without a spreadsheet and a path that does not exist, and exits 2 before reading anything", async () => {
    const empty = folder();
    const onlyNotes = folder();
    writeFileSync(path.join(onlyNotes, "通知.pdf"), "%PDF-1.4");
    const missing = path.join(tmp, "没有这个文件夹");
    const run = await runCli(["validate", empty, onlyNotes, missing, CLEAN]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`文件夹 ${empty} 中没有表格文件`);
    expect(run.stderr).toContain(`文件夹 ${onlyNotes} 中没有表格文件`);
    expect(run.stderr).toContain(`找不到 ${missing}`);
    const json = await runCli(["merge", empty, "-o", path.join(folder(), "汇总表.xlsx"), "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: "usage", message: expect.stringContaining(`文件夹 ${empty} 中没有表格文件`) } });
  });
});

describe("2. paths relative to where the clerk is", () => {
  it("reads ./x.xlsx from the clerk's folder through npm run cli, and names it as she typed it", async () => {
    const dir = folder();
    copyFileSync(CLEAN, path.join(dir, "x.xlsx"));
    const run = await runIn(dir, "npm", ["--prefix", root, "run", "--silent", "cli", "--", "validate", "./x.xlsx", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(filesOf(run)).toMatchObject([{ file: "./x.xlsx", status: "ok" }]);
    const template = await runIn(dir, "npm", ["--prefix", root, "run", "--silent", "cli", "--", "template", "--kind", "city", "-o", "附件1.xlsx"]);
    expect(template.code).toBe(0);
    expect(template.stdout).toContain("附件1.xlsx");
    expect(statSync(path.join(dir, "附件1.xlsx")).size).toBeGreaterThan(0);
  });

  it("runs as npx huizong, printing the package's version", async () => {
    const run = await runIn(folder(), "npx", ["--no-install", "--prefix", root, "huizong", "--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });
});

describe("3. the week on the command line", () => {
  it.each(["2025-04-19", "2025-4-19", "2025/4/19", "20250419", "2025年4月19日"])("takes --start %s", async (start) => {
    const run = await runCli(["template", "--kind", "city", "--start", start, "-o", path.join(folder(), "附件1.xlsx"), "--json"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ campaign: { start: "2025-04-19", end: "2025-04-25" } });
  });

  it("names the flag and the value that is not a date", async () => {
    const run = await runCli(["validate", CLEAN, "--end", "2024-13-01"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--end 的值“2024-13-01”不是日期：请写作 2024-04-20");
  });

  it("asks to confirm a week longer than a month with --force", async () => {
    const run = await runCli(["validate", CLEAN, "--start", "2024-04-01", "--end", "2024-05-15"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("宣传周长达 45 天，请核对 --start/--end；确认无误请加 --force");
    const forced = await runCli(["validate", CLEAN, "--start", "2024-04-01", "--end", "2024-05-15", "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("宣传周：2024年4月1日至5月15日");
  });

  it("says once per file that a template's own week is in another year than --start/--end, naming both", async () => {
    const dir = folder();
    const template = path.join(dir, "附件1-2023.xlsx");
    expect((await runCli(["template", "--kind", "city", "--start", "2023-04-20", "-o", template])).code).toBe(0);
    const filled = path.join(dir, "市场监管局.xlsx");
    const activity = { 主办单位: "市市场监管局", 重点活动名称: "知识产权宣传活动", 活动时间: "4月22日", 活动地点: "人民广场", "活动规模（人数）": 300, 联系人: "王斌 13812345678" };
    writeFileSync(filled, await fillTemplate(readFileSync(template), { kind: "city", unit: "上海市市场监督管理局", rows: [activity, activity] }));

    const ownWeek = await runCli(["validate", filled, "--json"]);
    expect(filesOf(ownWeek)[0]?.issues.map((issue) => issue.code)).not.toContain("week-year-differs");

    const run = await runCli(["validate", filled, "--start", "2024-04-20", "--json"]);
    const notes = filesOf(run)[0]?.issues.filter((issue) => issue.code === "week-year-differs") ?? [];
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: "warning", message: expect.stringMatching(/2023 年.*2024 年/) });
    const human = await runCli(["validate", filled, "--start", "2024-04-20"]);
    expect(human.stdout).toContain("宣传周：2024年4月20日至26日");
    const merged = await runCli(["merge", filled, "-o", path.join(dir, "汇总表.xlsx"), "--start", "2024-04-20", "--json"]);
    expect(filesOf(merged)[0]?.issues.map((issue) => issue.code)).toContain("week-year-differs");
  });
});

describe("4. template -o", () => {
  it("does not overwrite a file, or write a name Excel will not open, unless --force", async () => {
    const dir = folder();
    const existing = path.join(dir, "附件1.xlsx");
    writeFileSync(existing, "last year's");
    const run = await runCli(["template", "--kind", "city", "-o", existing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${existing} 已存在，未覆盖`);
    expect(readFileSync(existing, "utf8")).toBe("last year's");
    expect((await runCli(["template", "--kind", "city", "-o", existing, "--force"])).code).toBe(0);
    expect(readFileSync(existing).subarray(0, 2).toString()).toBe("PK");

    const noExtension = path.join(dir, "附件1");
    const bare = await runCli(["template", "--kind", "city", "-o", noExtension, "--json"]);
    expect(bare.code).toBe(2);
    expect(JSON.parse(bare.stdout)).toEqual({ error: { code: "usage", message: expect.stringContaining(`应以 .xlsx 结尾：${noExtension}`) } });
    expect(() => statSync(noExtension)).toThrow();
    expect((await runCli(["template", "--kind", "city", "-o", noExtension, "--force"])).code).toBe(0);
    expect(statSync(noExtension).isFile()).toBe(true);
  });
});

describe("5. usage errors and help in the clerk's language", () => {
  it("names an unknown option and suggests the one meant", async () => {
    const run = await runCli(["template", "--type", "city", "-o", "x.xlsx"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("不认识的选项 --type，是否想用 --kind？");
    expect((await runCli(["validate", CLEAN, "--sart", "2024-04-20"])).stderr).toContain("是否想用 --start？");
    expect((await runCli(["valdate", CLEAN])).stderr).toContain("是否想用 validate？");
  });

  it("prints the package's version", async () => {
    expect(await runCli(["--version"])).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it("says what to do when no command is given, without commander's internal codes", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("请给出命令：validate、template、merge");
    expect(run.stderr).not.toContain("outputHelp");
  });

  it.each([[["--help"]], [["help", "validate"]], [["help", "template"]], [["merge", "--help"]], [["help"]]])(
    "shows %j with no English but command, option and format names",
    async (args) => {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("用法：");
      const allowed = new Set(["huizong", "validate", "template", "merge", "export", "help", "city", "district", "Excel", "WPS", "JSON", "Huizong"]);
      const words = run.stdout
        .replace(/(^|\s)-{1,2}[a-z][a-z-]*/g, " ") // options
        .replace(/\.(xlsx|xlsm|xls|et|ods|csv|txt)\b/g, " ") // file formats
        .match(/[A-Za-z]{2,}/g) ?? [];
      expect(words.filter((word) => !allowed.has(word))).toEqual([]);
    },
  );

  it("says why a file system refused in Chinese, never with its English, its code or a temporary file's name", async () => {
    const run = await runCli(["template", "--kind", "city", "-o", path.join(tmp, "没有这个文件夹", "附件1.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("找不到文件或文件夹");
    expect(run.stdout + run.stderr).not.toMatch(/ENOENT|no such file|\.tmp\b|Error/);

    const roster = await runCli(["validate", CLEAN, "--roster", folder()]);
    expect(roster.code).toBe(2);
    expect(roster.stdout).toContain("这是一个文件夹");
    expect(roster.stdout + roster.stderr).not.toMatch(/EISDIR|illegal operation|Error/);
  });
});

describe("6. a master given to validate", () => {
  it("is set aside as the master it is, not failed, and validate exits 0", async () => {
    const master = path.join(folder(), "汇总表.xlsx");
    expect((await runCli(["merge", CLEAN, "-o", master])).code).toBe(0);
    const run = await runCli(["validate", master]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("【已忽略】");
    expect(run.stdout).toContain("这是 Huizong 生成的汇总表，不是报回的活动表：合并时会自动更新它");
  });
});
