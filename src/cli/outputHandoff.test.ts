import { existsSync } from "node:fs";
import { handOver, takeOver } from "./outputHandoff";

describe("handing a command's output from the engine to the front", () => {
  it("keeps short output in the message", () => {
    expect(handOver("共检查 1 个文件")).toEqual({ text: "共检查 1 个文件" });
    expect(takeOver(handOver(""))).toBe("");
  });

  it("passes long output through a temporary file, which the front removes", () => {
    const text = `{"files": [${'"汇总",'.repeat(100_000)}"\\n"]}`;
    const handed = handOver(text);
    expect("file" in handed).toBe(true);
    const file = "file" in handed ? handed.file : "";
    expect(existsSync(file)).toBe(true);
    expect(takeOver(handed)).toBe(text);
    expect(existsSync(file)).toBe(false);
  });
});
