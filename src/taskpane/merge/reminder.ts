import type { CampaignSettings } from "../../core/campaign";
import type { RosterEntry, RosterStatus } from "../../core/merge/rosterStatus";
import { paneText } from "../../messages/pane";

/** 报送情况 in the order the clerk acts on it: the units to chase first, then those to correct, then the rest. */
export const ROSTER_ORDER: readonly RosterStatus[] = ["missing", "has-errors", "submitted", "not-on-roster"];

export function rosterGroups(entries: readonly RosterEntry[]): Array<{ status: RosterStatus; entries: RosterEntry[] }> {
  return ROSTER_ORDER.map((status) => ({ status, entries: entries.filter((entry) => entry.status === status) })).filter(
    (group) => group.entries.length > 0,
  );
}

/** The message to send the units that have not returned or must correct their return; undefined when none. */
export function reminderText(entries: readonly RosterEntry[], campaign: CampaignSettings): string | undefined {
  const missing = entries.filter((entry) => entry.status === "missing").map((entry) => entry.unit);
  const withErrors = entries
    .filter((entry) => entry.status === "has-errors")
    .map((entry) => paneText.merge.reminderUnitWithErrors(entry.unit, entry.rowsWithErrors));
  if (missing.length === 0 && withErrors.length === 0) return undefined;
  return paneText.merge.reminder(paneText.weekWithYear(campaign.start, campaign.end), missing, withErrors);
}
