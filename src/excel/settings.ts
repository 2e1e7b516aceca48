/**
 * The week and the roster a workbook keeps, exactly where the command line keeps them, so a master made by either
 * is read and updated by both: the week on the very hidden `_huizong_settings` sheet, the roster in 报送情况.
 */
import { DEFAULT_CAMPAIGN } from "../core/campaign";
import { MASTER_SHEET_NAME } from "../core/merge/masterRow";
import { readMasterState } from "../core/merge/masterState";
import { rosterStatuses } from "../core/merge/rosterStatus";
import { statusSheetPlan } from "../core/plans/masterPlan";
import type { SheetPlan } from "../core/plans/sheetPlan";
import { indexRoster } from "../core/roster";
import { settingsSheetPlan } from "../core/workbookSettings";
import type { PaneSettings } from "../host/workbookHost";
import { mergedAtText } from "../messages/zhCN";
import { runExcel } from "./excelRun";
import { readMasterSheets } from "./mergeWorkbook";
import { SheetTransaction, type PlannedSheet } from "./sheetTransaction";
import { findSheet, loadWorkbookState } from "./workbookState";

/** The week and roster this workbook keeps, or the notice's week and no roster. */
export async function loadSettings(): Promise<PaneSettings> {
  return runExcel(async (context) => {
    const state = await loadWorkbookState(context);
    const kept = readMasterState(await readMasterSheets(context, state));
    return { campaign: kept.campaign ?? { ...DEFAULT_CAMPAIGN }, roster: kept.roster ?? [] };
  });
}

/**
 * Writes the week to the settings sheet and, with a roster, 报送情况 for the master's current rows (as a merge
 * with no new returns would). An empty roster rewrites 报送情况 only when it holds one, so that clearing the roster
 * in the pane sticks: its units are then listed as not on the roster, which reads back as no roster.
 */
export async function saveSettings(settings: PaneSettings): Promise<void> {
  await runExcel(async (context) => {
    const state = await loadWorkbookState(context);
    const kept = readMasterState(await readMasterSheets(context, state));
    const planned: PlannedSheet[] = [{ plan: settingsSheetPlan({ campaign: settings.campaign }), placement: "end" }];
    if (settings.roster.length > 0 || (kept.roster?.length ?? 0) > 0) {
      const status: SheetPlan = statusSheetPlan(rosterStatuses(indexRoster(settings.roster), kept.rows, []), { mergedAt: mergedAtText(new Date()) });
      const master = findSheet(state, MASTER_SHEET_NAME);
      planned.push({ plan: status, placement: master ? { afterSheet: master.name } : "end" });
    }
    await new SheetTransaction(context, state).write(planned);
  });
}
