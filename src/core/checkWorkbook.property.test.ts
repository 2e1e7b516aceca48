import fc from "fast-check";
import { checkWorkbook } from "./checkWorkbook";
import type { Cell, CellRange, RawSheet } from "./rawSheet";
import { CITY_HEADER, DISTRICT_HEADER } from "../../test/support/sheets";

/**
 * Whatever a sheet holds, checking it ends in a result: never a throw, every issue on a real row of the sheet with
 * a message in Chinese. Cells are drawn from the words returned tables are made of, so tables are often found.
 */
const words = [
  ...CITY_HEADER,
  ...DISTRICT_HEADER,
  "单位名称：上海海关",
  "填表时间：2024年4月10日",
  "注：请于4月12日前报送",
  "填表人：张三",
  "4月22日",
  "4月20日-22日",
  "4月下旬",
  "4月31日",
  "王斌 13812345678",
  "李晴",
  "021-6218xxxx",
  "约300人",
  "若干",
  "示例",
  "",
];

const cell: fc.Arbitrary<Cell | null> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...words).map((text): Cell => ({ kind: "text", text })),
  fc.string({ maxLength: 12 }).map((text): Cell => ({ kind: "text", text })),
  fc.double({ noNaN: false }).map((value): Cell => ({ kind: "number", value, text: String(value) })),
  fc.integer({ min: -10, max: 3_000_000 }).map((serial): Cell => ({ kind: "date", serial, text: String(serial) })),
  fc.constant<Cell>({ kind: "error", text: "#N/A" }),
  fc.boolean().map((value): Cell => ({ kind: "boolean", value, text: String(value) })),
);

const merge: fc.Arbitrary<CellRange> = fc
  .tuple(fc.nat(12), fc.nat(9), fc.nat(3), fc.nat(3))
  .map(([startRow, startCol, height, width]) => ({ startRow, startCol, endRow: startRow + height, endCol: startCol + width }));

const row = fc.array(cell, { maxLength: 10 });
const text = (value: string): Cell | null => (value === "" ? null : { kind: "text", text: value });
/** A header row of either template, shuffled and sometimes missing a column, so tables are found often. */
const headerRow = fc
  .constantFrom(CITY_HEADER, DISTRICT_HEADER)
  .chain((header) => fc.shuffledSubarray(header, { minLength: 3 }))
  .map((header) => header.map(text));

const sheet: fc.Arbitrary<RawSheet> = fc.record({
  name: fc.constantFrom("Sheet1", "附件1", "_huizong", "活动汇总"),
  hidden: fc.boolean(),
  rows: fc
    .tuple(fc.array(row, { maxLength: 4 }), fc.option(headerRow), fc.array(row, { maxLength: 10 }))
    .map(([above, header, below]) => (header ? [...above, header, ...below] : [...above, ...below])),
  merges: fc.array(merge, { maxLength: 4 }),
});

describe("checkWorkbook on any sheet", () => {
  it("never throws, and every issue points at a row of the sheet and speaks Chinese", () => {
    let tablesFound = 0;
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 1, maxLength: 3 }), (sheets) => {
        const result = checkWorkbook({ sheets });
        if (result.status === "not-a-template") return;
        tablesFound++;
        const rowCount = Math.max(...sheets.map((s) => s.rows.length));
        for (const issue of result.submission.issues) {
          if (issue.row !== null) expect(issue.row).toBeGreaterThanOrEqual(1);
          if (issue.row !== null) expect(issue.row).toBeLessThanOrEqual(rowCount);
          expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
        }
        expect(result.status === "ok").toBe(result.errors === 0);
      }),
      { numRuns: 1500 },
    );
    // The property means something only if tables are found often enough to be checked.
    expect(tablesFound).toBeGreaterThan(100);
  });
});
