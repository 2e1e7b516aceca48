import { masterSheetPlan, statusSheetPlan } from "../plans/masterPlan";
import { PLAN_CONTEXT } from "../../../test/support/sheets";
import type { Cell, RawSheet } from "../rawSheet";
import { settingsSheetPlan } from "../workbookSettings";
import { masterSheetProblems } from "./masterCheck";
import { emptyValues, type MasterRow } from "./masterRow";

/** Which existing workbooks a merge may write into unasked (src/core/merge/masterCheck.ts). */
function sheet(name: string, rows: ReadonlyArray<ReadonlyArray<string | null>>): RawSheet {
  const cell = (text: string | null): Cell | null => (text === null ? null : { kind: "text", text });
  return { name, hidden: false, merges: [], rows: rows.map((row) => row.map(cell)) };
}

function fromPlan(plan: { name: string; rows: ReadonlyArray<ReadonlyArray<{ value: unknown }>> }): RawSheet {
  return sheet(plan.name, plan.rows.map((row) => row.map(({ value }) => (value === null || value === undefined ? null : String(value)))));
}

const row: MasterRow = {
  unit: "上海海关", level: "市级", firstDay: "2024-04-22", values: { ...emptyValues(), name: "海关开放日" },
  problems: "", sourceFile: "上海海关.xlsx", key: "city|上海海关", order: 5,
};
const master = fromPlan(masterSheetPlan([row], PLAN_CONTEXT));
const status = fromPlan(statusSheetPlan([{ unit: "上海海关", aliases: [], status: "submitted", rows: 1, rowsWithErrors: 0, file: "上海海关.xlsx" }], PLAN_CONTEXT));
const settings = fromPlan(settingsSheetPlan({ campaign: { start: "2024-04-20", end: "2024-04-26" } }));

describe("masterSheetProblems", () => {
  it("finds nothing in a master as Huizong writes it, with the clerk's own sheets beside it", () => {
    expect(masterSheetProblems([master, status, settings, sheet("备注", [["请勿删除"]])])).toEqual([]);
  });

  it("finds nothing in a workbook with nothing in it", () => {
    expect(masterSheetProblems([sheet("Sheet1", [])])).toEqual([]);
  });

  it("says a unit's return (or any other workbook) is not a master", () => {
    expect(masterSheetProblems([sheet("Sheet1", [["主办单位", "活动时间"], ["上海海关", "4月22日"]])])).toEqual([{ code: "not-a-master" }]);
  });

  it("names a 活动汇总 or 报送情况 of the clerk's own, which the merge would replace", () => {
    const own = sheet("活动汇总", [["姓名", "电话"], ["张三", "13800000000"]]);
    expect(masterSheetProblems([own])).toEqual([{ code: "not-a-master" }, { code: "foreign-sheet", sheet: "活动汇总" }]);
    expect(masterSheetProblems([master, settings, sheet("报送情况", [["备忘"]])])).toEqual([{ code: "foreign-sheet", sheet: "报送情况" }]);
  });

  it("takes a workbook with Huizong's settings for a master, even when 活动汇总 was renamed", () => {
    expect(masterSheetProblems([sheet("四月", [["x"]]), settings])).toEqual([]);
  });

  it("notes a 活动汇总 whose 汇总标识 column was deleted", () => {
    const keyCol = master.rows[0]?.findIndex((cell) => cell?.text === "汇总标识") ?? -1;
    const withoutKey = { ...master, rows: master.rows.map((cells) => cells.filter((_, col) => col !== keyCol)) };
    expect(masterSheetProblems([withoutKey, settings])).toEqual([{ code: "key-column-missing" }]);
  });
});
