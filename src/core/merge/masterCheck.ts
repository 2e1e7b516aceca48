import { cellText, type RawSheet } from "../rawSheet";
import { readWorkbookSettings, SETTINGS_SHEET_NAME } from "../workbookSettings";
import { chaseMessages, consolidatedText } from "../../messages/zhCN";
import { consolidatedSheetName } from "../plans/consolidatedPlan";
import { MASTER_SHEET_NAME, STATUS_SHEET_NAME } from "./masterRow";
import { masterSheetKind, statusHeaderRow } from "./readMaster";

/**
 * What is wrong with an existing workbook as the master a merge writes into, judged from its sheets alone.
 *
 * - not-a-master: no Huizong 活动汇总 and no settings sheet, and something in it: a unit's return or any other
 *   workbook named by mistake (a workbook with nothing in it has nothing to lose).
 * - foreign-sheet: a sheet with the name of a sheet the merge writes (活动汇总, 报送情况, 催报, 附件1汇总, 附件2汇总,
 *   _huizong_settings) that Huizong did not write: the merge replaces it whole, so whatever the clerk kept there
 *   would be lost.
 * - key-column-missing: 活动汇总 lost its hidden 汇总标识 column; the rows are recognised by their provenance and
 *   the column comes back with the write, but the clerk should know.
 */
export type MasterSheetProblem = { code: "not-a-master" } | { code: "foreign-sheet"; sheet: string } | { code: "key-column-missing" };

export function masterSheetProblems(sheets: ReadonlyArray<RawSheet>): MasterSheetProblem[] {
  const problems: MasterSheetProblem[] = [];
  const named = (name: string) => sheets.find((sheet) => sheet.name === name);
  const master = named(MASTER_SHEET_NAME);
  const kind = master ? masterSheetKind(master) : undefined;
  const hasSettings = readWorkbookSettings(sheets) !== undefined;

  const isHuizongMaster = (kind !== undefined && kind !== "not-a-master") || hasSettings;
  if (!isHuizongMaster && sheets.some(hasContent)) problems.push({ code: "not-a-master" });
  if (master && kind === "not-a-master" && hasContent(master)) problems.push({ code: "foreign-sheet", sheet: MASTER_SHEET_NAME });
  const status = named(STATUS_SHEET_NAME);
  if (status && !isStatusSheet(status) && hasContent(status)) problems.push({ code: "foreign-sheet", sheet: STATUS_SHEET_NAME });
  for (const kind of ["city", "district"] as const) {
    const consolidated = named(consolidatedSheetName(kind));
    if (consolidated && !isConsolidatedSheet(consolidated) && hasContent(consolidated)) {
      problems.push({ code: "foreign-sheet", sheet: consolidated.name });
    }
  }
  const chase = named(chaseMessages.sheetName);
  if (chase && cellText(chase.rows[0]?.[0]) !== chaseMessages.title && hasContent(chase)) problems.push({ code: "foreign-sheet", sheet: chase.name });
  const settings = named(SETTINGS_SHEET_NAME);
  if (settings && !hasSettings && hasContent(settings)) problems.push({ code: "foreign-sheet", sheet: SETTINGS_SHEET_NAME });
  if (kind === "master-without-key") problems.push({ code: "key-column-missing" });
  return problems;
}

function hasContent(sheet: RawSheet): boolean {
  return sheet.rows.some((row) => row.some((cell) => cellText(cell) !== ""));
}

/** 报送情况 as a merge writes it: 单位 and 报送情况 heading its table. */
function isStatusSheet(sheet: RawSheet): boolean {
  return statusHeaderRow(sheet) !== undefined;
}

/** 附件1汇总 as a merge writes it: the 附件 label first, then the title, then 序号 heading the table. */
function isConsolidatedSheet(sheet: RawSheet): boolean {
  return sheet.rows.slice(0, 5).some((row) => cellText(row?.[0]) === consolidatedText.headers.number);
}
