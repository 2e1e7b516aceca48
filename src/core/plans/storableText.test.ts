import { EXCEL_CELL_TEXT_LIMIT, storableText } from "./storableText";

describe("storableText", () => {
  it.each([
    ["NUL", "\u0000"],
    ["a C0 control (bell)", "\u0007"],
    ["vertical tab", "\u000B"],
    ["form feed", "\u000C"],
    ["unit separator", "\u001F"],
    ["DEL (allowed but discouraged; ExcelJS drops it)", "\u007F"],
    ["U+FFFE", "\uFFFE"],
    ["U+FFFF", "\uFFFF"],
    ["a lone high surrogate", "\uD83D"],
    ["a lone low surrogate", "\uDE00"],
  ])("replaces %s, which XML cannot carry, with U+FFFD", (_, character) => {
    expect(storableText(`前${character}后`)).toBe("前\uFFFD后");
  });

  it.each([
    ["tab, line feed, carriage return", "\t\n\r"],
    ["C1 controls", "\u0080\u0085\u009F"],
    ["the byte-order mark and the replacement character", "\uFEFF\uFFFD"],
    ["a noncharacter XML allows", "\uFDD0"],
    ["private use", "\uE000\uF8FF"],
    ["an emoji and a rare ideograph (surrogate pairs)", "😀𠀀"],
    ["formula-looking text", '=HYPERLINK("x")'],
  ])("keeps %s", (_, text) => {
    expect(storableText(text)).toBe(text);
  });

  it("keeps a text of exactly the limit, and cuts a longer one with a mark that gives its length", () => {
    const full = "字".repeat(EXCEL_CELL_TEXT_LIMIT);
    expect(storableText(full)).toBe(full);
    const cut = storableText(`${full}多`);
    expect(cut).toHaveLength(EXCEL_CELL_TEXT_LIMIT);
    expect(cut.endsWith("……（原文共 32768 字，超出 Excel 单元格上限，以下已截断）")).toBe(true);
    expect(cut.startsWith("字字字")).toBe(true);
  });

  it("never cuts a surrogate pair in half", () => {
    for (let shift = 0; shift < 4; shift++) {
      const cut = storableText(`${"a".repeat(shift)}${"😀".repeat(EXCEL_CELL_TEXT_LIMIT)}`);
      expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_TEXT_LIMIT);
      expect(storableText(cut)).toBe(cut); // no lone surrogate left to replace
    }
  });
});
