import { readFileSync } from "node:fs";
import path from "node:path";
import { checkFile } from "./checkFile";
import { DEFAULT_READ_LIMITS } from "./readLimits";

const CLEAN = path.resolve(__dirname, "../../test/fixtures/returns/01-city-clean.xlsx");

describe("checkFile", () => {
  it("refuses a return with more activity rows than the limit, whole, with the limit in the message", () => {
    const bytes = new Uint8Array(readFileSync(CLEAN));
    const { report, check } = checkFile(bytes, "01-city-clean.xlsx", {}, { ...DEFAULT_READ_LIMITS, maxReturnRows: 2 });
    expect(check).toBeUndefined();
    expect(report).toMatchObject({ status: "unreadable", rows: 0, issues: [{ code: "too-many-rows", severity: "error" }] });
    expect(report.issues[0]?.message).toBe("表中活动超过 2 条，超出每个文件的上限，已跳过：请让报送单位核对是否误贴了其他数据，或分成几个文件发送。");
  });

  it("takes a return of exactly the limit", () => {
    const bytes = new Uint8Array(readFileSync(CLEAN));
    const { report } = checkFile(bytes, "01-city-clean.xlsx", {}, { ...DEFAULT_READ_LIMITS, maxReturnRows: 3 });
    expect(report).toMatchObject({ status: "ok", rows: 3 });
  });
});
