import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A master that exists but cannot be read (no permission) is refused with a message, not a stack trace. The tests
 * run as root, for whom chmod 000 changes nothing, so the file system's refusal is simulated here; test/cliMaster
 * runs the real case when not root.
 */
jest.mock("node:fs/promises", () => {
  const actual = jest.requireActual<typeof import("node:fs/promises")>("node:fs/promises");
  return {
    ...actual,
    readFile: (file: string, ...rest: unknown[]) =>
      String(file).endsWith("无权读取.xlsx")
        ? Promise.reject(Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: "EACCES" }))
        : (actual.readFile as (...args: unknown[]) => Promise<unknown>)(file, ...rest),
  };
});

import { MergeRefused, masterTarget, readExistingMaster } from "./masterOutput";

describe("readExistingMaster", () => {
  it("refuses a master it has no permission to read, in Chinese, naming the file", async () => {
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), "huizong-master-")), "无权读取.xlsx");
    writeFileSync(output, "whatever");
    const refused = await readExistingMaster(output, await masterTarget(output)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MergeRefused);
    expect(refused).toMatchObject({ reason: "master-unreadable" });
    expect((refused as Error).message).toBe(`汇总表 ${output} 无法打开（没有权限），未做任何改动：请检查文件权限，或用 -o 换一个汇总表文件名。`);
  });

  it("reads no master where there is none yet", async () => {
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), "huizong-master-")), "新汇总表.xlsx");
    await expect(readExistingMaster(output, await masterTarget(output))).resolves.toMatchObject({ file: undefined, rows: [], snapshot: { exists: false } });
  });
});
