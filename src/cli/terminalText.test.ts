import { terminalText } from "./terminalText";

describe("terminalText", () => {
  it.each([
    ["an escape sequence", "上海\u001b[2J\u001b]0;title\u0007.xlsx", "上海\\x1b[2J\\x1b]0;title\\x07.xlsx"],
    ["a right-to-left override", "exe\u202Exlsx.xlsx", "exe\\u202exlsx.xlsx"],
    ["C1 controls and DEL", "a\u0085b\u009bc\u007f", "a\\x85b\\x9bc\\x7f"],
    ["a carriage return that would overwrite the line", "通过\r错误", "通过\\x0d错误"],
  ])("shows %s as codes", (_, text, shown) => {
    expect(terminalText(text)).toBe(shown);
  });

  it("keeps the report's own line breaks and tabs, and every printable character", () => {
    const report = "■ 上海海关.xlsx  【通过】\n\t附件1 · 😀 · ＡＢＣ";
    expect(terminalText(report)).toBe(report);
  });
});
