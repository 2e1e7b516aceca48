import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_READ_LIMITS } from "../files/readLimits";
import { cliMessages } from "../messages/zhCN";
import { listInputs, readInput } from "./inputFiles";

describe("listInputs", () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), "huizong-inputs-"));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("lists a folder of 150,000 files without overflowing the stack, in Chinese order", async () => {
    const many = path.join(folder, "many");
    mkdirSync(many);
    for (let index = 0; index < 150_000; index++) writeFileSync(path.join(many, `${index}.xlsx`), "");
    writeFileSync(path.join(folder, "单独.xlsx"), "");
    const files = await listInputs([many, path.join(folder, "单独.xlsx")]);
    expect(files).toHaveLength(150_001);
    expect(files.slice(0, 3)).toEqual(["0.xlsx", "1.xlsx", "10.xlsx"].map((name) => path.join(many, name)));
  }, 120_000);

  it("follows a link to a file and a link to a folder once, and stops at a link that loops", async () => {
    const returns = path.join(folder, "links", "returns");
    mkdirSync(path.join(returns, "区"), { recursive: true });
    writeFileSync(path.join(returns, "区", "浦东.xlsx"), "x");
    writeFileSync(path.join(folder, "links", "外部.xlsx"), "x");
    symlinkSync(path.join(folder, "links", "外部.xlsx"), path.join(returns, "链接.xlsx"));
    symlinkSync(returns, path.join(returns, "区", "回到上级")); // a loop
    symlinkSync(path.join(returns, "不存在.xlsx"), path.join(returns, "断开.xlsx"));
    const files = await listInputs([returns]);
    expect(files).toEqual([path.join(returns, "断开.xlsx"), path.join(returns, "链接.xlsx"), path.join(returns, "区", "浦东.xlsx")].sort(new Intl.Collator("zh-CN").compare));
    expect(readInput(path.join(returns, "链接.xlsx"), DEFAULT_READ_LIMITS)).toMatchObject({ ok: true });
    expect(readInput(path.join(returns, "断开.xlsx"), DEFAULT_READ_LIMITS)).toMatchObject({ ok: false, report: { issues: [{ code: "file-not-found" }] } });
  });

  it("takes a folder's spreadsheets, and marks its other files ignored without reading them", async () => {
    const dir = path.join(folder, "mixed");
    mkdirSync(dir);
    for (const name of ["a.xlsx", "b.XLS", "c.et", "d.ods", "e.csv", "f.xlsm", "通知.docx", "通知.pdf", "照片.png", "说明"]) writeFileSync(path.join(dir, name), "x");
    const files = await listInputs([dir]);
    expect(files).toHaveLength(10);
    const read = (name: string) => readInput(path.join(dir, name), DEFAULT_READ_LIMITS);
    for (const name of ["a.xlsx", "b.XLS", "c.et", "d.ods", "e.csv", "f.xlsm"]) expect(read(name)).toMatchObject({ ok: true });
    for (const name of ["通知.docx", "通知.pdf", "照片.png", "说明"]) {
      expect(read(name)).toMatchObject({ ok: false, report: { status: "ignored", issues: [{ severity: "warning", code: "not-a-spreadsheet-ignored" }] } });
    }
  });

  it("refuses, naming every one, a path that does not exist and a folder without a spreadsheet", async () => {
    const empty = path.join(folder, "empty");
    const notes = path.join(folder, "notes");
    mkdirSync(empty);
    mkdirSync(notes);
    writeFileSync(path.join(notes, "通知.pdf"), "x");
    const missing = path.join(folder, "没有");
    const error = await listInputs([empty, notes, missing]).then(() => undefined, (failure: Error) => failure);
    expect(error?.name).toBe("UsageError");
    expect(error?.message.split("\n")).toEqual([
      cliMessages.folderHasNoSpreadsheets(empty),
      cliMessages.folderHasNoSpreadsheets(notes),
      cliMessages.pathNotFound(missing),
    ]);
  });

  it("shows a GBK file name decoded, and still reads the file by its bytes", async () => {
    const dir = path.join(folder, "gbk");
    mkdirSync(dir);
    // 上海海关.xlsx in GBK, as a zip made on Chinese Windows unpacks it on Linux.
    const gbkName = Buffer.concat([Buffer.from([0xc9, 0xcf, 0xba, 0xa3, 0xba, 0xa3, 0xb9, 0xd8]), Buffer.from(".xlsx")]);
    writeFileSync(Buffer.concat([Buffer.from(dir + path.sep), gbkName]), "bytes");
    const files = await listInputs([dir]);
    expect(files).toEqual([path.join(dir, "上海海关.xlsx")]);
    const read = readInput(files[0] ?? "", DEFAULT_READ_LIMITS);
    expect(read.ok && Buffer.from(read.bytes).toString()).toBe("bytes");
  });
});
