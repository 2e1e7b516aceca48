import { ymdOf } from "../../core/calendarDate";
import type { CampaignSettings } from "../../core/campaign";
import { paneText } from "../../messages/pane";

/** Days in the week, both ends included. */
export function weekDays(campaign: CampaignSettings): number {
  const utc = (iso: string) => {
    const { year, month, day } = ymdOf(iso);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(campaign.end) - utc(campaign.start)) / 86_400_000) + 1;
}

/**
 * What is allowed but probably a slip: a week that is not 7 days, or not in this year (the notices' 2024 week
 * stays the default until the clerk sets this year's). Warnings, never errors: the office decides the week.
 */
export function weekWarnings(campaign: CampaignSettings, currentYear: number): string[] {
  const warnings: string[] = [];
  const days = weekDays(campaign);
  if (days !== 7) warnings.push(paneText.settings.notSevenDays(days));
  if (ymdOf(campaign.start).year !== currentYear || ymdOf(campaign.end).year !== currentYear) {
    warnings.push(paneText.settings.notThisYear(currentYear));
  }
  return warnings;
}
