import { closestCommand, closestOption, editDistance } from "./suggest";
import { displayWidth, wrapText } from "./usage";
import { userFolder } from "./workingFolder";

const TEMPLATE_OPTIONS = ["--kind", "--unit", "--output", "--force", "--json", "--start", "--end", "--help"];

describe("closestOption", () => {
  it.each([
    ["--type", "--kind"],
    ["--knd", "--kind"],
    ["--sart", "--start"],
    ["--strat", "--start"],
    ["--out", "--output"],
    ["--from", "--start"],
    ["--to", "--end"],
    ["--overwrite", "--force"],
    ["--JSON", "--json"],
    ["--unti=浦东", "--unit"],
  ])("suggests %s for %s", (typed, meant) => {
    expect(closestOption(typed, TEMPLATE_OPTIONS)).toBe(meant);
  });

  it("suggests nothing for what is close to no option, or names one the command lacks", () => {
    expect(closestOption("--frobnicate", TEMPLATE_OPTIONS)).toBeUndefined();
    expect(closestOption("--type", ["--roster", "--json", "--start", "--end"])).toBeUndefined();
  });
});

describe("closestCommand", () => {
  const commands = ["validate", "template", "merge", "help"];
  it.each([
    ["valdate", "validate"],
    ["vaildate", "validate"],
    ["check", "validate"],
    ["检查", "validate"],
    ["汇总", "merge"],
    ["mrege", "merge"],
    ["templte", "template"],
    ["version", "--version"],
  ])("suggests %s for %s", (typed, meant) => {
    expect(closestCommand(typed, commands)).toBe(meant);
  });

  it("suggests nothing for a word near no command", () => {
    expect(closestCommand("frobnicate", commands)).toBeUndefined();
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("strat", "start")).toBe(1);
    expect(editDistance("kind", "type")).toBe(4);
  });
});

describe("help layout", () => {
  it("counts Chinese characters as two columns", () => {
    expect(displayWidth("选项：")).toBe(6);
    expect(displayWidth("--kind <模板>")).toBe(13);
  });

  it("folds Chinese text between characters, keeps Latin words and dates whole, and never starts a line with a comma", () => {
    const text = "确认写入：汇总表正在 Excel/WPS 中打开、不是 Huizong 汇总表，或含有合并后无法保留的内容时，仍然写入，如 2024年4月20日";
    const lines = wrapText(text, 24).split("\n");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(displayWidth(line)).toBeLessThanOrEqual(24 + 2);
      expect(line).not.toMatch(/^[，。、；：）]/);
    }
    expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    expect(lines.some((line) => line.includes("Excel/WPS"))).toBe(true);
    expect(lines.some((line) => line.includes("2024年4月20日"))).toBe(true);
  });
});

describe("userFolder", () => {
  it("is the folder npm started in, only for our own `cli` script", () => {
    expect(userFolder({ INIT_CWD: "/home/clerk/returns", npm_lifecycle_event: "cli" }, "/opt/huizong")).toBe("/home/clerk/returns");
    expect(userFolder({ INIT_CWD: "/opt/huizong", npm_lifecycle_event: "cli" }, "/opt/huizong")).toBeUndefined();
    expect(userFolder({ INIT_CWD: "/home/clerk/returns", npm_lifecycle_event: "test" }, "/opt/huizong")).toBeUndefined();
    expect(userFolder({ npm_lifecycle_event: "cli" }, "/opt/huizong")).toBeUndefined();
  });
});
