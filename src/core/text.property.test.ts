import fc from "fast-check";
import { matchHeader } from "./headerMatch";
import { normalisedFirstChar, normaliseHeader } from "./text";
import { allTemplates } from "./templates/registry";

/**
 * normalisedFirstChar screens cells before a table scan normalises them: whenever it answers, its answer must be
 * what normalising would give. Texts are drawn from headers, the characters normalising changes or drops, and
 * the sort of thing a return's cells hold.
 */
const headers = allTemplates.flatMap((template) => template.columns.flatMap((column) => [column.header, ...column.synonyms]));
const pieces = [
  ...headers,
  " ", "\u3000", "\u00A0", "\n", "\t", "*", "＊", "※", "★", "：", ":", "（", "）", "【", "】", "[", "]", "〔",
  "Ａ", "ａ", "Z", "z", "İ", "0", "９", "4月22日", "王斌 13916261234", "知识产权宣传周", "①", "一、", "", "😀",
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 5 }).map((parts) => parts.join(""));

describe("normalisedFirstChar", () => {
  it("when it answers, answers the first character of the normalised text", () => {
    fc.assert(
      fc.property(fc.oneof(texts, fc.string({ maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 4 })), (text) => {
        const first = normalisedFirstChar(text);
        if (first !== undefined) expect(first).toBe(normaliseHeader(text).charAt(0));
      }),
      { numRuns: 3000 },
    );
  });

  it("answers for Chinese characters, ASCII letters and digits, and nothing left", () => {
    expect(normalisedFirstChar(" *\u3000活动时间")).toBe("活");
    expect(normalisedFirstChar("Abc")).toBe("a");
    expect(normalisedFirstChar("  ")).toBe("");
    expect(normalisedFirstChar("（人数）")).toBeUndefined();
    expect(normalisedFirstChar("Ａ")).toBeUndefined();
  });
});

describe("matchHeader", () => {
  it("matches a header with whatever spaces, stars and remarks lead or follow it", () => {
    for (const header of headers) {
      expect(matchHeader(` ＊\u3000${header}（必填）`)).toEqual(matchHeader(header));
      expect(matchHeader(header)).toBeDefined();
    }
  });

  it("matches nothing a return's data cells hold", () => {
    for (const text of ["4月22日", "王斌 13916261234", "知识产权宣传周", "300", "Office", "", "  "]) expect(matchHeader(text)).toBeUndefined();
  });
});
