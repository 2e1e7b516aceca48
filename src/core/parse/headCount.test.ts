import fc from "fast-check";
import { parseHeadCount } from "./headCount";

describe("parseHeadCount accepts", () => {
  it.each<[string | number, number, number]>([
    // Number cells.
    [300, 300, 300],
    [300.0, 300, 300],
    [1, 1, 1],
    // Plain and decorated numbers.
    ["300", 300, 300],
    ["约300人", 300, 300],
    ["300人", 300, 300],
    ["500余人", 500, 500],
    ["300多人", 300, 300],
    ["200+", 200, 200],
    ["200人以上", 200, 200],
    ["300人左右", 300, 300],
    ["约 300 人", 300, 300],
    ["不少于200人", 200, 200],
    ["人数：300", 300, 300],
    ["参会人员约300名", 300, 300],
    ["300名学生", 300, 300],
    ["200余名企业代表", 200, 200],
    ["1000人次", 1000, 1000],
    ["约300人。", 300, 300],
    ["300.0", 300, 300],
    ["１００人", 100, 100],
    ["3,000", 3000, 3000],
    ["3，000人", 3000, 3000],
    ["1,200余人", 1200, 1200],
    // Ranges.
    ["100-200", 100, 200],
    ["100~200人", 100, 200],
    ["100～200人", 100, 200],
    ["100至200人", 100, 200],
    ["100到200人", 100, 200],
    ["约100—200人", 100, 200],
    ["100人-200人", 100, 200],
    ["200-200", 200, 200],
    ["二百至三百人", 200, 300],
    // Chinese numerals and units.
    ["三百人", 300, 300],
    ["五十人", 50, 50],
    ["十五人", 15, 15],
    ["三十来人", 30, 30],
    ["一百二十人", 120, 120],
    ["一千零五十人", 1050, 1050],
    ["两千人", 2000, 2000],
    ["三百五", 350, 350],
    ["一千余人", 1000, 1000],
    ["近千人", 1000, 1000],
    ["上百人", 100, 100],
    ["2万人", 20000, 20000],
    ["1.5万人", 15000, 15000],
    ["1.1万", 11000, 11000],
    ["3千人", 3000, 3000],
    // Remarks and lists.
    ["300人（含工作人员）", 300, 300],
    ["（300人）", 300, 300],
    ["线上1000人、线下200人", 1200, 1200],
    ["现场200人；线上100-300人", 300, 500],
    ["线上1000人\n线下200人", 1200, 1200],
    ["1500人，其中线上1000人", 1500, 1500],
  ])("%j -> %d..%d", (input, min, max) => {
    expect(parseHeadCount(input)).toEqual({ ok: true, min, max });
  });
});

describe("parseHeadCount rejects", () => {
  it.each<[string | number, string, string | undefined]>([
    ["", "empty", undefined],
    ["   ", "empty", undefined],
    ["-", "empty", undefined],
    ["/", "empty", undefined],
    ["若干", "invalid", "若干"],
    ["待定", "invalid", "待定"],
    ["多人", "invalid", "多人"],
    ["不限", "invalid", "不限"],
    ["abc", "invalid", "abc"],
    ["200-100", "invalid", "200-100"],
    ["300.5", "invalid", "300.5"],
    [300.5, "invalid", "300.5"],
    [Number.NaN, "invalid", "NaN"],
    ["数百人", "invalid", "数百人"],
    ["几十人", "invalid", "几十人"],
    ["十几人", "invalid", "十几人"],
    ["成千上万", "invalid", "成千上万"],
    ["50家企业", "invalid", "50家企业"],
    ["二〇二四", "invalid", "二〇二四"],
    ["1.23456万", "invalid", "1.23456万"],
    ["线上1000人、线下若干", "invalid", "线下若干"],
    ["0", "not-positive", "0"],
    ["0人", "not-positive", "0人"],
    ["-5", "not-positive", "-5"],
    ["零", "not-positive", "零"],
    ["0-100人", "not-positive", "0-100人"],
    [0, "not-positive", "0"],
    [-5, "not-positive", "-5"],
  ])("%j -> %s", (input, reason, fragment) => {
    const expected = fragment === undefined ? { ok: false, reason } : { ok: false, reason, fragment };
    expect(parseHeadCount(input)).toEqual(expected);
  });
});

describe("parseHeadCount properties", () => {
  const alphabet = fc.constantFrom(..."0123456789,.-~+约余多人名位以上左右至到万千百十一二三两零数几线、，；（）() ".split(""));

  it("never throws on arbitrary text or numbers", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: alphabet }), fc.double()),
        (input) => {
          parseHeadCount(input);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("reads any positive whole number, however decorated, as itself", () => {
    const decorate = fc.constantFrom(
      (n: number) => n,
      (n: number) => String(n),
      (n: number) => `约${n}人`,
      (n: number) => `${n}余人`,
      (n: number) => `${n}+`,
      (n: number) => n.toLocaleString("en-US"),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), decorate, (n, spell) => {
        expect(parseHeadCount(spell(n))).toEqual({ ok: true, min: n, max: n });
      }),
    );
  });

  it("reads a range in order as min and max", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (low, span) => {
        expect(parseHeadCount(`${low}-${low + span}人`)).toEqual({ ok: true, min: low, max: low + span });
      }),
    );
  });
});
