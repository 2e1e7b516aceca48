import fc from "fast-check";
import { rowHeightFor, wrappedLines } from "./rowHeights";

/** The rule as first written: every line's characters counted (ASCII 1, anything else 2) and wrapped. */
function linesByTheRule(text: string, width: number): number {
  const perLine = Math.max(1, width - 1);
  const lines = text.split("\n").map((line) => {
    const units = [...line].reduce((sum, char) => sum + ((char.codePointAt(0) ?? 0) < 0x80 ? 1 : 2), 0);
    return Math.max(1, Math.ceil(units / perLine));
  });
  return Math.max(1, lines.reduce((sum, count) => sum + count, 0));
}

describe("wrappedLines", () => {
  it.each([
    ["", 10, 1],
    ["知识产权进校园", 20, 1],
    ["知识产权进校园", 8, 2],
    ["abc\ndef", 20, 2],
    ["\n\n", 20, 3],
    ["2024年知识产权宣传周“知识产权保护中心开放日”主题活动", 24, 3],
    ["😀😀😀😀", 5, 2],
  ])("%j in %i characters takes %i lines", (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
    expect(linesByTheRule(text, width)).toBe(lines);
  });

  it("counts as the rule does for any text and width", () => {
    const texts = fc.string({ unit: fc.constantFrom("a", " ", "知", "（", "\n", "😀", "Ｍ"), maxLength: 80 });
    fc.assert(fc.property(texts, fc.integer({ min: 1, max: 60 }), (text, width) => wrappedLines(text, width) === linesByTheRule(text, width)));
  });
});

describe("rowHeightFor", () => {
  it("leaves a one-line row to the default height and grows a wrapped one", () => {
    expect(rowHeightFor([{ text: "短", width: 10 }])).toBeUndefined();
    expect(rowHeightFor([{ text: "短", width: 10 }, { text: "第一行\n第二行", width: 10 }])).toBe(34);
  });
});
