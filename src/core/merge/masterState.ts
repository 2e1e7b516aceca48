import type { CampaignSettings } from "../campaign";
import type { RawSheet } from "../rawSheet";
import type { Roster } from "../roster";
import { readWorkbookSettings } from "../workbookSettings";
import { MASTER_SHEET_NAME, STATUS_SHEET_NAME, type MasterRow } from "./masterRow";
import { readMasterRows, readStatusRoster } from "./readMaster";

/** What an existing master holds for the next merge, whichever front door wrote it. */
export interface MasterState {
  /** 活动汇总's rows, merged and typed by hand; empty when the workbook has no master yet. */
  rows: MasterRow[];
  /** The roster remembered in 报送情况, if any. */
  roster: Roster | undefined;
  /** The campaign week the master was merged for, if it keeps one. */
  campaign: CampaignSettings | undefined;
}

/** Reads the master's state from a workbook's sheets (the command line reads a file, the add-in the live workbook). */
export function readMasterState(sheets: ReadonlyArray<RawSheet>): MasterState {
  const master = sheets.find((sheet) => sheet.name === MASTER_SHEET_NAME);
  const status = sheets.find((sheet) => sheet.name === STATUS_SHEET_NAME);
  const roster = status ? readStatusRoster(status) : undefined;
  return {
    rows: master ? readMasterRows(master) : [],
    roster: roster && roster.length > 0 ? roster : undefined,
    campaign: readWorkbookSettings(sheets)?.campaign,
  };
}
