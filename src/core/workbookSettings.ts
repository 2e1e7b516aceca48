import { campaignSettingsSchema, type CampaignSettings } from "./campaign";
import { cellText, type RawSheet } from "./rawSheet";
import { hiddenKeyValueSheetPlan, type SheetPlan } from "./plans/sheetPlan";

/**
 * The settings a master workbook keeps for whoever merges into it next, the command line or the task pane: the
 * campaign week it is for, kept like the template metadata on a very hidden key/value sheet. The roster is kept in
 * 报送情况, where the clerk can read it.
 */
export const SETTINGS_SHEET_NAME = "_huizong_settings";
const SETTINGS_MARKER = "huizong-settings";

export interface WorkbookSettings {
  campaign: CampaignSettings;
}

export function settingsSheetPlan(settings: WorkbookSettings): SheetPlan {
  const rows = [
    [SETTINGS_MARKER, "1"],
    ["campaignStart", settings.campaign.start],
    ["campaignEnd", settings.campaign.end],
  ];
  return hiddenKeyValueSheetPlan(SETTINGS_SHEET_NAME, rows);
}

/** The settings a workbook keeps, when it has a well-formed settings sheet; anything else reads as none. */
export function readWorkbookSettings(sheets: ReadonlyArray<RawSheet>): WorkbookSettings | undefined {
  const sheet = sheets.find((candidate) => candidate.name === SETTINGS_SHEET_NAME);
  if (!sheet || cellText(sheet.rows[0]?.[0]) !== SETTINGS_MARKER) return undefined;
  const pairs = new Map(sheet.rows.slice(1).map((row) => [cellText(row[0]), cellText(row[1])]));
  const campaign = campaignSettingsSchema.safeParse({ start: pairs.get("campaignStart"), end: pairs.get("campaignEnd") });
  return campaign.success ? { campaign: campaign.data } : undefined;
}
