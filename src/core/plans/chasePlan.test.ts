import type { ChaseEntry } from "../merge/chaseList";
import { chaseText } from "../../messages/zhCN";
import { chaseSheetPlan } from "./chasePlan";
import type { PlannedCell } from "./sheetPlan";

const WEEK = "4月20日至26日";
const AT = "2024年4月15日 10:30";
const DEADLINE = "原表 C8：活动时间“4月26日前”是期限或起止点，不是活动举办的日子。";
const NO_PHONE = "原表 J9：联系人“王斌”缺少联系电话。";

const entries: ChaseEntry[] = [
  { unit: "上海海关", status: "missing", file: null, problems: [] },
  { unit: "上海市商务委员会", status: "has-errors", file: "附件1-市商务委.xlsx", problems: [DEADLINE, NO_PHONE] },
  { unit: "上海市公安局", status: "has-errors", file: "市公安局.pdf", problems: ["这不是表格文件（PDF 文档）：请发送 Excel、WPS 或 LibreOffice 表格。"] },
];

const values = (row: PlannedCell[] | undefined) => (row ?? []).map((cell) => cell.value);

describe("chaseSheetPlan", () => {
  const plan = chaseSheetPlan(entries, WEEK, AT);

  it("has the title and the counts above the header, each merged across the four columns", () => {
    expect(plan.name).toBe("催报");
    expect(plan.visibility).toBe("visible");
    expect(plan.rows[0]).toEqual([{ value: "催报清单", style: "title" }]);
    expect(values(plan.rows[1])).toEqual(["催报清单（2024年4月15日 10:30 汇总）：未报送 1 个单位，需修改 2 个单位"]);
    expect(plan.merges).toEqual([
      { startRow: 0, startCol: 0, endRow: 0, endCol: 3 },
      { startRow: 1, startCol: 0, endRow: 1, endCol: 3 },
    ]);
    expect(plan.rows[2]).toEqual(["单位", "情况", "需要修改的内容", "可复制的催报文字"].map((value) => ({ value, style: "header" })));
  });

  it("has one row per unit: its status, the problems a line each, and the same block chaseText writes for it", () => {
    const body = plan.rows.slice(3);
    expect(body).toHaveLength(entries.length);
    const blocks = chaseText(entries, WEEK, AT).split("\n\n").slice(1);
    expect(body.map(values)).toEqual([
      ["上海海关", "未报送", "", blocks[0]],
      ["上海市商务委员会", "需修改", `${DEADLINE}\n${NO_PHONE}`, blocks[1]],
      ["上海市公安局", "需修改", "这不是表格文件（PDF 文档）：请发送 Excel、WPS 或 LibreOffice 表格。", blocks[2]],
    ]);
    expect(body.map((row) => row.map((cell) => cell.style))).toEqual([
      ["statusMissing", "statusMissing", "bodyText", "bodyText"],
      ["statusError", "statusError", "bodyText", "bodyText"],
      ["statusError", "statusError", "bodyText", "bodyText"],
    ]);
  });

  it("is a plain range for print: wide wrapped columns, A4 landscape, the header row on every page", () => {
    expect(plan.table).toBeUndefined();
    expect(plan.dataValidations).toEqual([]);
    expect(plan.conditionalFormats).toEqual([]);
    expect(plan.columnWidths).toEqual([20, 8, 45, 45]);
    expect(plan.print).toMatchObject({ orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: 2, last: 2 } });
    expect(plan.freeze).toEqual({ rows: 3, columns: 1 });
  });

  it("makes each unit's row tall enough for every line of its message", () => {
    // No reader grows a row to wrapped text on opening a file: a row of default height shows one line.
    const blocks = chaseText(entries, WEEK, AT).split("\n\n").slice(1);
    blocks.forEach((block, i) => {
      const height = plan.rowHeights?.[3 + i] ?? 0;
      expect(height).toBeGreaterThanOrEqual(block.split("\n").length * 15);
      expect(height).toBeLessThanOrEqual(409);
    });
    expect(plan.rowHeights?.[4]).toBeGreaterThan(plan.rowHeights?.[3] ?? Infinity);
  });

  it("says there is nothing to chase, with no header and no rows, when every unit is done", () => {
    const done = chaseSheetPlan([], WEEK, AT);
    expect(done.rows.map(values)).toEqual([["催报清单"], [chaseText([], WEEK, AT)]]);
    expect(done.print).toMatchObject({ orientation: "landscape", fitToWidth: true });
    expect(done.print?.repeatRows).toBeUndefined();
  });
});
