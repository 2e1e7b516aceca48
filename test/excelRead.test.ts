/**
 * Live sheets read into RawSheet: cell kinds from value types and number formats (a number under a date format is a
 * date), merged areas where the host lists them, large sheets in blocks that keep each response under 5 MB.
 */
import type { RawSheet } from "../src/core/rawSheet";
import { runExcel } from "../src/excel/excelRun";
import { READ_CELLS, readSheets } from "../src/excel/readSheet";
import { install, uninstall } from "./excelFake/install";
import { seedWorkbook } from "./excelFake/seed";

afterEach(() => uninstall());

function readLive(...names: string[]): Promise<RawSheet[]> {
  return runExcel((context) =>
    readSheets(
      context,
      names.map((name) => ({ name, hidden: false, sheet: context.workbook.worksheets.getItem(name) })),
    ),
  );
}

const returned = seedWorkbook([
  {
    name: "活动安排",
    rows: [
      ["2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）"],
      [null, "单位名称：上海海关"],
      ["主办单位", "活动时间", "活动规模（人数）", "联系人", "核对"],
      ["上海海关", { kind: "date", serial: 45404, text: "" }, 300, "王斌 13812345678", true],
      ["上海海关", "4月23日上午", "约200人", "=HYPERLINK(\"x\")", { kind: "error", text: "#N/A" }],
    ],
    merges: [{ startRow: 0, startCol: 0, endRow: 0, endCol: 4 }],
    numberFormats: [{ range: { startRow: 3, startCol: 1, endRow: 3, endCol: 1 }, format: "[$-804]yyyy年m月d日" }],
  },
]);

describe("reading a live sheet", () => {
  it("gives each cell its kind and the text Excel shows, merges included", async () => {
    install({ model: returned });
    const [sheet] = await readLive("活动安排");
    expect(sheet?.merges).toEqual([{ startRow: 0, startCol: 0, endRow: 0, endCol: 4 }]);
    expect(sheet?.rows[1]).toEqual([null, { kind: "text", text: "单位名称：上海海关" }, null, null, null]);
    expect(sheet?.rows[3]).toEqual([
      { kind: "text", text: "上海海关" },
      { kind: "date", serial: 45404, text: "2024年4月22日" },
      { kind: "number", value: 300, text: "300" },
      { kind: "text", text: "王斌 13812345678" },
      { kind: "boolean", value: true, text: "TRUE" },
    ]);
    expect(sheet?.rows[4]?.[3]).toEqual({ kind: "text", text: '=HYPERLINK("x")' });
    expect(sheet?.rows[4]?.[4]).toEqual({ kind: "error", text: "#N/A" });
  });

  it("reads without merges where the host cannot list them (before ExcelApi 1.13)", async () => {
    const excel = install({ apiVersion: "1.12", model: returned });
    const [sheet] = await readLive("活动安排");
    expect(sheet?.merges).toEqual([]);
    expect(sheet?.rows[3]?.[1]).toMatchObject({ kind: "date", serial: 45404 });
    expect(excel.syncs).toHaveLength(2);
  });

  it("starts the rows where the used range starts, and reads an empty sheet as empty", async () => {
    install({ model: seedWorkbook([{ name: "A", rows: [[], [], [null, null, "x"]] }, { name: "B", rows: [] }]) });
    const [a, b] = await readLive("A", "B");
    expect(a?.rows).toEqual([[], [], [null, null, { kind: "text", text: "x" }]]);
    expect(b?.rows).toEqual([]);
  });

  it("reads a large sheet in blocks, each response under the limit", async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => [`第${i + 1}项活动`, i, "王斌 13812345678", "知识产权保护中心"]);
    const excel = install({ model: seedWorkbook([{ name: "大表", rows }]) });
    const [sheet] = await readLive("大表");
    expect(sheet?.rows).toHaveLength(40_000);
    expect(sheet?.rows[39_999]?.[1]).toEqual({ kind: "number", value: 39_999, text: "39999" });
    // One sync for the used range, then one per READ_CELLS cells.
    expect(excel.syncs).toHaveLength(1 + Math.ceil((40_000 * 4) / READ_CELLS));
    expect(excel.syncs.length).toBeGreaterThan(2);
    expect(Math.max(...excel.syncs.map((sync) => sync.responseBytes))).toBeLessThan(5_000_000);
  });

  it("reads a block again in halves when its response is still too large", async () => {
    const long = "知识产权".repeat(400);
    const rows = Array.from({ length: 800 }, () => [long, long]);
    const excel = install({ model: seedWorkbook([{ name: "长文本", rows }]), payloadLimit: 2_000_000 });
    const [sheet] = await readLive("长文本");
    expect(sheet?.rows).toHaveLength(800);
    expect(sheet?.rows[799]?.[1]).toEqual({ kind: "text", text: long });
    const failed = excel.syncs.filter((sync) => sync.responseBytes > 2_000_000);
    expect(failed.length).toBeGreaterThan(0);
    // About 15 MB in one block: tried whole, in halves and quarters, then read in eighths: one used range, three
    // failed tries (the smaller size is kept once learnt), eight reads.
    expect(excel.syncs.length).toBeLessThanOrEqual(12);
  });
});
