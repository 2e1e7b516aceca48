import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Workbook } from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readMasterState } from "../src/core/merge/masterState";
import { readWorkbook } from "../src/files/readWorkbook";
import { runCli } from "./support/cli";

/**
 * `huizong merge -o MASTER.xlsx` keeps the master safe (src/cli/masterLock.ts, masterGuard.ts, writeOutput.ts):
 * concurrent runs, a master that is not one, content the writer drops, a deleted 汇总标识 column, links, owners,
 * folders and files open in Excel. Every case through the real command line, in a temp folder.
 */
jest.setTimeout(120_000);

const fixtures = path.resolve(__dirname, "fixtures/returns");
const CITY = path.join(fixtures, "01-city-clean.xlsx");
const DISTRICT = path.join(fixtures, "08-district-footer-and-blank-rows.xlsx");
const CITY_UNIT = "上海市市场监督管理局";
const DISTRICT_UNIT = "闵行区知识产权联席会议办公室";

interface MergeJson {
  files: Array<{ file: string; status: string; action: string; issues: Array<{ code: string; message: string }> }>;
  masterRows: number;
  masterWarnings: Array<{ code: string; message: string }>;
  error?: { code: string; reason: string; message: string; problems?: Array<{ code: string; message: string }> };
}

async function merge(args: readonly string[]): Promise<{ code: number; json: MergeJson; stderr: string }> {
  const run = await runCli(["merge", ...args, "--json"]);
  return { code: run.code, json: JSON.parse(run.stdout) as MergeJson, stderr: run.stderr };
}

function folder(): string {
  return mkdtempSync(path.join(os.tmpdir(), "huizong-cli-master-"));
}

/** The units in a master's 活动汇总, each once. */
function unitsIn(master: string): string[] {
  const read = readWorkbook(new Uint8Array(readFileSync(master)), master);
  if (!read.ok) throw new Error(`the master does not read back: ${read.code}`);
  return [...new Set(readMasterState(read.workbook.sheets).rows.map((row) => row.unit))].sort();
}

async function newMaster(dir: string, ...returns: string[]): Promise<string> {
  const master = path.join(dir, "汇总表.xlsx");
  const { code } = await merge([...returns, "-o", master]);
  expect(code).toBe(0);
  return master;
}

describe("merging into one master at once", () => {
  it("loses no run's units: each run ends with its units in the master, or refuses clearly", async () => {
    const dir = folder();
    const master = path.join(dir, "汇总表.xlsx");
    const runs = await Promise.all([merge([CITY, "-o", master]), merge([DISTRICT, "-o", master])]);
    const expected: string[] = [];
    for (const [index, run] of runs.entries()) {
      if (run.code === 2) expect(["master-locked", "master-changed"]).toContain(run.json.error?.reason);
      else {
        expect(run.code).toBe(0);
        expected.push(index === 0 ? CITY_UNIT : DISTRICT_UNIT);
      }
    }
    // The lock makes the second wait for the first: in practice both succeed.
    expect(expected.length).toBeGreaterThan(0);
    expect(unitsIn(master)).toEqual(expected.sort());
    expect(readdirSync(dir)).toEqual(["汇总表.xlsx"]);
  });
});

describe("a master that is not one", () => {
  it("refuses to write over a return named after -o, among the inputs or not, unless --force", async () => {
    const dir = folder();
    const unitsReturn = path.join(dir, "上海市市场监督管理局.xlsx");
    copyFileSync(CITY, unitsReturn);
    const before = readFileSync(unitsReturn);

    const among = await merge([DISTRICT, unitsReturn, "-o", unitsReturn]);
    expect(among.code).toBe(2);
    expect(among.json.error).toMatchObject({ code: "merge-refused", reason: "needs-force", problems: [{ code: "output-among-inputs" }] });
    expect(among.json.error?.message).toContain("--force");
    const named = await runCli(["merge", DISTRICT, "-o", unitsReturn]);
    expect(named.code).toBe(2);
    expect(named.stdout).toContain(`${unitsReturn} 不是 Huizong 汇总表`);
    expect(named.stdout).toContain("请加上 --force");
    expect(readFileSync(unitsReturn).equals(before)).toBe(true);

    const forced = await merge([DISTRICT, unitsReturn, "-o", unitsReturn, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.json.masterWarnings).toMatchObject([{ code: "output-among-inputs", message: expect.stringContaining("已按 --force 写入") }]);
    expect(forced.json.files.find((file) => file.file === unitsReturn)).toMatchObject({ action: "ignored", issues: [{ code: "output-master" }] });
    expect(unitsIn(unitsReturn)).toEqual([DISTRICT_UNIT]);
  });

  it("leaves a master found among the inputs out of them, and says why, in JSON and in words", async () => {
    const dir = folder();
    copyFileSync(CITY, path.join(dir, "city.xlsx"));
    const master = await newMaster(dir, path.join(dir, "city.xlsx"));
    copyFileSync(DISTRICT, path.join(dir, "district.xlsx"));
    // Another merge's lock, into another master in the same folder: read before this merge takes its own lock.
    writeFileSync(path.join(dir, "另一个汇总表.xlsx.huizong-lock"), "{}");
    const run = await merge([dir, "-o", master]);
    expect(run.code).toBe(0);
    expect(run.json.files.find((file) => file.file === master)).toMatchObject({
      status: "ignored",
      action: "ignored",
      issues: [{ code: "output-master", message: expect.stringContaining("-o 指定的汇总表") }],
    });
    // A merge's lock file, beside the master in the folder read, is no return either.
    expect(run.json.files.find((file) => file.file.endsWith(".huizong-lock"))).toMatchObject({ status: "ignored", action: "ignored" });
    // The folder is listed before this merge locks its master: its own lock is not among the inputs at all.
    expect(run.json.files.some((file) => file.file === `${master}.huizong-lock`)).toBe(false);
    const human = await runCli(["merge", dir, "-o", master]);
    expect(human.stdout).toContain("这是本次 -o 指定的汇总表，不作为报回文件合并，已跳过。");
    expect(unitsIn(master)).toEqual([CITY_UNIT, DISTRICT_UNIT].sort());
  });

  it("refuses to replace a 活动汇总 sheet of the clerk's own, unless --force", async () => {
    const dir = folder();
    const master = path.join(dir, "汇总表.xlsx");
    const workbook = new Workbook();
    workbook.addWorksheet("活动汇总").addRows([["姓名", "电话"], ["张三", "13800000000"]]);
    writeFileSync(master, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const before = readFileSync(master);
    const run = await merge([CITY, "-o", master]);
    expect(run.code).toBe(2);
    expect(run.json.error?.problems?.map((problem) => problem.code)).toEqual(["not-a-master", "foreign-sheet"]);
    expect(run.json.error?.message).toContain("名为“活动汇总”的工作表不是 Huizong 写入的样子");
    expect(readFileSync(master).equals(before)).toBe(true);
  });
});

describe("content the writer cannot keep", () => {
  it("keeps charts and pivot tables elsewhere as they are, and asks before rewriting a sheet the clerk drew on", async () => {
    const dir = folder();
    const master = await newMaster(dir, CITY);
    const files = unzipSync(new Uint8Array(readFileSync(master)));
    files["xl/charts/chart1.xml"] = strToU8("<c:chartSpace/>");
    files["xl/pivotTables/pivotTable1.xml"] = strToU8("<pivotTableDefinition/>");
    writeFileSync(master, zipSync(files));
    const kept = await merge([DISTRICT, "-o", master]);
    expect(kept.code).toBe(0);
    expect(strFromU8(unzipSync(new Uint8Array(readFileSync(master)))["xl/charts/chart1.xml"] ?? new Uint8Array())).toBe("<c:chartSpace/>");

    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(master) as unknown as ArrayBuffer);
    const schedule = workbook.getWorksheet("活动汇总");
    if (!schedule) throw new Error("no 活动汇总");
    schedule.getCell("P2").note = "已电话核对";
    writeFileSync(master, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const before = readFileSync(master);
    const refused = await runCli(["merge", DISTRICT, "-o", master]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain("“活动汇总”表上有批注");
    expect(refused.stdout).toContain("--force");
    expect(readFileSync(master).equals(before)).toBe(true);

    const forced = await merge([DISTRICT, "-o", master, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.json.masterWarnings).toMatchObject([{ code: "content-not-kept" }]);
    expect(unitsIn(master)).toEqual([CITY_UNIT, DISTRICT_UNIT].sort());
  });
});

describe("a master whose 汇总标识 column was deleted", () => {
  it("does not double its rows on the next merge, and gets the column back", async () => {
    const dir = folder();
    const master = await newMaster(dir, CITY);
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(master) as unknown as ArrayBuffer);
    const schedule = workbook.getWorksheet("活动汇总");
    if (!schedule) throw new Error("no 活动汇总");
    // As the clerk leaves it after deleting the last (hidden) column: a plain sheet without it.
    const rows = (schedule.getSheetValues() as unknown[][]).slice(1).map((values) => values.slice(1, -1));
    expect(rows[0]?.at(-1)).toBe("来源行");
    workbook.removeWorksheet(schedule.id);
    workbook.addWorksheet("活动汇总").addRows(rows);
    writeFileSync(master, new Uint8Array(await workbook.xlsx.writeBuffer()));

    const run = await merge([CITY, "-o", master]);
    expect(run.code).toBe(0);
    expect(run.json.masterRows).toBe(3);
    expect(run.json.masterWarnings).toMatchObject([{ code: "key-column-missing" }]);
    const read = readWorkbook(new Uint8Array(readFileSync(master)), master);
    if (!read.ok) throw new Error("unreadable");
    expect(readMasterState(read.workbook.sheets).rows.map((row) => row.key)).toEqual(Array(3).fill(`city|${CITY_UNIT}`));
  });
});

describe("the master on disk", () => {
  it("updates a linked master's target, keeping its mode and owner, and clears a dead run's temporary file", async () => {
    const dir = folder();
    mkdirSync(path.join(dir, "shared"));
    const target = await newMaster(path.join(dir, "shared"), CITY);
    const link = path.join(dir, "汇总表.xlsx");
    symlinkSync(target, link);
    chmodSync(target, 0o640);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(target, 1234, 2345);
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(path.join(dir, "shared", `.汇总表.xlsx.${dead}.tmp`), "left by a full disk");

    const run = await merge([DISTRICT, "-o", link]);
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(unitsIn(target)).toEqual([CITY_UNIT, DISTRICT_UNIT].sort());
    const info = statSync(target);
    expect(info.mode & 0o7777).toBe(0o640);
    if (asRoot) expect([info.uid, info.gid]).toEqual([1234, 2345]);
    expect(readdirSync(path.join(dir, "shared"))).toEqual(["汇总表.xlsx"]);
    expect(readdirSync(dir).sort()).toEqual(["shared", "汇总表.xlsx"]);
  });

  it("says, without a stack trace, that -o names a folder", async () => {
    const dir = folder();
    const named = path.join(dir, "汇总表.xlsx");
    mkdirSync(named);
    const run = await runCli(["merge", CITY, "-o", named]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`-o 给出的 ${named} 是一个文件夹`);
    expect(run.stderr).not.toContain("at ");
    const json = await merge([CITY, "-o", dir]);
    expect(json.code).toBe(2);
    expect(json.json.error).toMatchObject({ code: "merge-refused", reason: "output-invalid" });
  });

  // As root (CI, this container) chmod 000 does not stop reading: src/cli/masterOutput.test.ts simulates it.
  (process.getuid?.() === 0 ? it.skip : it)("says, without a stack trace, that the master cannot be read", async () => {
    const dir = folder();
    const master = await newMaster(dir, CITY);
    chmodSync(master, 0o000);
    const run = await runCli(["merge", DISTRICT, "-o", master]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`汇总表 ${master} 无法打开（没有权限）`);
  });

  it("refuses a master open in Excel or WPS (its ~$ owner file beside it) unless --force, and then warns", async () => {
    const dir = folder();
    const master = await newMaster(dir, CITY);
    writeFileSync(path.join(dir, "~$汇总表.xlsx"), "clerk");
    const before = readFileSync(master);
    const refused = await runCli(["merge", DISTRICT, "-o", master]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain("似乎正在 Excel 或 WPS 中打开（旁边有 ~$汇总表.xlsx）");
    expect(refused.stdout).toContain("--force");
    expect(readFileSync(master).equals(before)).toBe(true);

    const forced = await merge([DISTRICT, "-o", master, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.json.masterWarnings).toMatchObject([{ code: "open-elsewhere", message: expect.stringContaining("~$汇总表.xlsx") }]);
  });
});
