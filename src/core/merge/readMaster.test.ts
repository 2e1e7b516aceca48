import { masterSheetPlan, statusSheetPlan } from "../plans/masterPlan";
import { emptyValues, type MasterRow } from "./masterRow";
import { readMasterRows, readStatusRoster, isMasterSheet, masterSheetKind } from "./readMaster";
import { asRawSheet, PLAN_CONTEXT } from "../../../test/support/sheets";

const merged: MasterRow = {
  unit: "上海海关",
  level: "市级",
  firstDay: "2024-04-22",
  values: { ...emptyValues(), host: "上海海关", name: "海关开放日", time: "4月22日上午", scale: "300", contact: "李晴 021-23110861", place: "=HYPERLINK(\"x\")" },
  problems: "",
  sourceFile: "上海海关.xlsx",
  key: "city|上海海关",
  order: 5,
  extras: { 备注: "已电话确认" },
};
const typedByHand: MasterRow = {
  unit: "市委宣传部",
  level: "",
  firstDay: null,
  values: { ...emptyValues(), name: "宣传周启动仪式", time: "待定" },
  problems: "",
  sourceFile: "",
  key: null,
  order: 3,
  extras: { 备注: "" },
};

describe("reading a master back", () => {
  it("gives back the rows it was written from, hand-typed rows and added columns included", () => {
    const sheet = asRawSheet(masterSheetPlan([merged, typedByHand], PLAN_CONTEXT));
    expect(isMasterSheet(sheet)).toBe(true);
    // The row typed by hand sorts just after the row above it among its day and unit: here it is the first.
    expect(readMasterRows(sheet)).toEqual([merged, { ...typedByHand, order: 0.001 }]);
  });

  it("finds columns by header text when the clerk reorders them", () => {
    const sheet = asRawSheet(masterSheetPlan([merged], PLAN_CONTEXT));
    const reordered = { ...sheet, rows: sheet.rows.map((row) => [...row].reverse()) };
    expect(readMasterRows(reordered)).toEqual([merged]);
  });

  it("recognises merged rows by their provenance when the 汇总标识 column was deleted, and keeps hand-typed rows so", () => {
    const fromFile: MasterRow = { ...merged, unit: "（未填单位名称：无名.xlsx）", sourceFile: "无名.xlsx", key: "city|file:无名.xlsx", order: 7 };
    // Typed by hand, though with a unit and a level: without 来源文件 it never came from a return.
    const handWithUnit: MasterRow = { ...typedByHand, unit: "上海海关", level: "市级" };
    const sheet = asRawSheet(masterSheetPlan([merged, fromFile, handWithUnit], PLAN_CONTEXT));
    const keyCol = sheet.rows[0]?.findIndex((cell) => cell?.text === "汇总标识") ?? -1;
    const withoutKey = { ...sheet, rows: sheet.rows.map((row) => row.filter((_, col) => col !== keyCol)) };
    expect(masterSheetKind(sheet)).toBe("master");
    expect(masterSheetKind(withoutKey)).toBe("master-without-key");
    expect(readMasterRows(withoutKey).map((row) => [row.key, row.order])).toEqual([
      ["city|上海海关", 5],
      ["city|file:无名.xlsx", 7],
      [null, 0.001],
    ]);
  });

  it("recovers the roster, aliases included, from 报送情况", () => {
    const plan = statusSheetPlan([
      { unit: "上海市商务委员会", aliases: ["市商务委", "商务委"], status: "submitted", rows: 2, rowsWithErrors: 0, file: "a.xlsx" },
      { unit: "上海海关", aliases: [], status: "missing", rows: 0, rowsWithErrors: 0, file: null },
      { unit: "某协会", aliases: [], status: "not-on-roster", rows: 1, rowsWithErrors: 0, file: "b.xlsx" },
    ], PLAN_CONTEXT);
    expect(readStatusRoster(asRawSheet(plan))).toEqual([
      { name: "上海市商务委员会", aliases: ["市商务委", "商务委"] },
      { name: "上海海关", aliases: [] },
    ]);
  });
});
