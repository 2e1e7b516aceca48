import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_READ_LIMITS } from "../files/readLimits";
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
