import { checkWorkbook } from "./checkWorkbook";
import { readMasterState } from "./merge/masterState";
import type { SheetPlan } from "./plans/sheetPlan";
import type { RawSheet } from "./rawSheet";
import { readWorkbookSettings, settingsSheetPlan, SETTINGS_SHEET_NAME } from "./workbookSettings";
import { citySheet, cityRow, sheetOf } from "../../test/support/sheets";

/** A text-only plan as a reader gives it back. */
function asRawSheet(plan: SheetPlan): RawSheet {
  const rows = plan.rows.map((row) => row.map((cell) => (typeof cell.value === "string" ? { kind: "text" as const, text: cell.value } : null)));
  return { name: plan.name, hidden: plan.visibility !== "visible", merges: [], rows };
}

const week2025 = { start: "2025-04-19", end: "2025-04-25" };

describe("the workbook's settings sheet", () => {
  it("round-trips the campaign week on a very hidden sheet", () => {
    const plan = settingsSheetPlan({ campaign: week2025 });
    expect(plan).toMatchObject({ name: SETTINGS_SHEET_NAME, visibility: "veryHidden" });
    expect(readWorkbookSettings([asRawSheet(plan)])).toEqual({ campaign: week2025 });
  });

  it.each([
    ["no settings sheet", [sheetOf([["x"]])]],
    ["a sheet of that name without the marker", [sheetOf([["campaignStart", "2025-04-19"]], { name: SETTINGS_SHEET_NAME })]],
    [
      "an impossible week",
      [sheetOf([["huizong-settings", "1"], ["campaignStart", "2025-04-31"], ["campaignEnd", "2025-04-25"]], { name: SETTINGS_SHEET_NAME })],
    ],
  ])("reads as no settings with %s", (_, sheets) => {
    expect(readWorkbookSettings(sheets)).toBeUndefined();
  });

  it("is part of the master's state", () => {
    expect(readMasterState([asRawSheet(settingsSheetPlan({ campaign: week2025 }))])).toEqual({ rows: [], roster: undefined, campaign: week2025 });
  });
});

describe("the fallback week", () => {
  const april2025 = citySheet([cityRow({ 活动时间: "4月19日" })]);

  it("checks a return without metadata against the master's week when no week is given", () => {
    const result = checkWorkbook({ sheets: [april2025] }, { fallbackCampaign: week2025 });
    expect(result.status).toBe("ok");
  });

  it("yields to an explicit week", () => {
    const result = checkWorkbook({ sheets: [april2025] }, { campaign: { start: "2025-04-20", end: "2025-04-26" }, fallbackCampaign: week2025 });
    expect(result.status).toBe("invalid");
  });
});
