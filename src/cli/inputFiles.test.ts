import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listInputs } from "./inputFiles";

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
});
