import * as XLSX from "@e965/xlsx";
import fc from "fast-check";
import { wholeNumberText } from "./sheetConversion";

describe("wholeNumberText, the shortcut past SSF for whole numbers", () => {
  const formats = ["General", 0, "0", 1] as const;

  it("answers for every whole number below 12 digits, with what SSF gives, and for larger ones SSF's text or nothing", () => {
    fc.assert(
      fc.property(fc.constantFrom(...formats), fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e12, max: 1e12 })), (format, value) => {
        const text = wholeNumberText(format, value);
        if (Math.abs(value) < 1e11 || text !== undefined) expect(text).toBe(XLSX.SSF.format(format, value));
      }),
      { numRuns: 2000 },
    );
  });

  it("answers at the edges where General changes its mind, and for minus zero", () => {
    expect(wholeNumberText("General", 99_999_999_999)).toBe(XLSX.SSF.format("General", 99_999_999_999));
    expect(wholeNumberText("General", 100_000_000_000)).toBeUndefined(); // SSF: 1E+11
    expect(wholeNumberText("0", 123_456_789_012)).toBe("123456789012");
    expect(wholeNumberText(0, -0)).toBe(XLSX.SSF.format(0, -0));
  });

  it("leaves fractions, other formats and numbers beyond 2^53 to SSF", () => {
    expect(wholeNumberText("General", 1.5)).toBeUndefined();
    expect(wholeNumberText("0.00", 3)).toBeUndefined();
    expect(wholeNumberText("yyyy/m/d", 45402)).toBeUndefined();
    expect(wholeNumberText("0", 2 ** 60)).toBeUndefined();
  });
});
