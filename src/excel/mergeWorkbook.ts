/**
 * The clerk's one click inside Excel: returns read and checked in the pane are merged into this workbook's
 * 活动汇总 (and 报送情况), with the command line's semantics and layout (src/cli/mergeCommand.ts): the master's
 * rows, roster and week are read back with the core's readMasterState, merged by mergeReturns, and the core's
 * master plan is rendered over the old sheets all or nothing (SheetTransaction). Rows typed by hand and every other
 * sheet stay; a unit that returns again has its rows replaced; text that looks like a formula stays text.
 */
import { isMasterSheet } from "../core/merge/readMaster";
import { MASTER_SHEET_NAME } from "../core/merge/masterRow";
import { mergeReturns, type IncomingReturn } from "../core/merge/merge";
import { readMasterState } from "../core/merge/masterState";
import { MASTER_OWN_SHEETS, masterWorkbookPlan } from "../core/plans/masterPlan";
import { mergedAtText } from "../messages/zhCN";
import { cellText, type RawSheet } from "../core/rawSheet";
import { SETTINGS_SHEET_NAME } from "../core/workbookSettings";
import { HostError, type MergeIntoWorkbookOptions, type WorkbookMergeOutcome } from "../host/workbookHost";
import { runExcel } from "./excelRun";
import type { ContextApi } from "./officeApi";
import { readSheets } from "./readSheet";
import { SheetTransaction, type Placement } from "./sheetTransaction";
import { findSheet, loadWorkbookState, type WorkbookState } from "./workbookState";

export async function mergeIntoWorkbook(returns: readonly IncomingReturn[], options: MergeIntoWorkbookOptions): Promise<WorkbookMergeOutcome> {
  return runExcel(async (context) => {
    const state = await loadWorkbookState(context);
    const sheets = await readMasterSheets(context, state);
    const master = sheets.find((sheet) => sheet.name === MASTER_SHEET_NAME);
    if (master && hasContent(master) && !isMasterSheet(master)) {
      throw new HostError("master-not-updatable", `${MASTER_SHEET_NAME} holds a table that is not a Huizong master`);
    }
    const existing = readMasterState(sheets);
    const result = mergeReturns(existing.rows, returns, options.roster ?? existing.roster);
    const outcome = { result, rowsBefore: existing.rows.length };
    // As on the command line: when no file could be read at all, the master is left as it is.
    if (!result.files.some((file) => file.status !== "unreadable" && file.status !== "ignored")) return outcome;

    const plan = masterWorkbookPlan(result.rows, result.roster, { campaign: options.campaign }, { mergedAt: mergedAtText(options.mergedAt ?? new Date()), chase: result.chase });
    const planned = plan.sheets.map((sheet, index) => ({ plan: sheet, placement: placementOf(sheet.name, index) }));
    await new SheetTransaction(context, state).write(planned, { activate: 0, title: plan.properties.title });
    return outcome;
  });
}

/**
 * 活动汇总 first (a new master becomes the first sheet, as CONTRACTS.md has it), 报送情况 after it, the
 * consolidated 附件N汇总 sheets after those, in the plan's order.
 */
function placementOf(name: string, index: number): Placement {
  if (name === MASTER_SHEET_NAME) return "start";
  if (name === SETTINGS_SHEET_NAME) return "end";
  return { after: index - 1 };
}

/** 活动汇总, 报送情况 and the settings sheet as RawSheets, those that exist. */
export async function readMasterSheets(context: ContextApi, state: WorkbookState): Promise<RawSheet[]> {
  const present = MASTER_OWN_SHEETS.flatMap((name) => findSheet(state, name) ?? []);
  const sheets = await readSheets(
    context,
    present.map(({ name, visibility, sheet }) => ({ name, hidden: visibility !== "Visible", sheet })),
  );
  return sheets;
}

function hasContent(sheet: RawSheet): boolean {
  return sheet.rows.some((row) => row.some((cell) => cellText(cell) !== ""));
}
