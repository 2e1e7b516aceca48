import { z } from "zod";
import { addDays, parseIsoDate, type IsoDate } from "./calendarDate";

/** The campaign week of both notices (沪知联办〔2024〕2号 and the Zibo notice): 2024-04-20 to 04-26. */
export const DEFAULT_CAMPAIGN = { start: "2024-04-20", end: "2024-04-26" } as const;

const isoDay = z.string().refine((text) => parseIsoDate(text) !== undefined, {
  message: "日期须写作 YYYY-MM-DD，且是真实存在的日期",
});

export const campaignSettingsSchema = z
  .object({ start: isoDay, end: isoDay })
  .refine((week) => week.start <= week.end, { message: "开始日期不能晚于结束日期", path: ["end"] });

export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

/** The year a date written without one belongs to. */
export function campaignYear(campaign: CampaignSettings): number {
  return Number(campaign.start.slice(0, 4));
}

export function isInsideCampaign(day: IsoDate, campaign: CampaignSettings): boolean {
  return day >= campaign.start && day <= campaign.end;
}

/**
 * Builds campaign settings from optional overrides, e.g. `--start/--end`. A missing end keeps the default
 * week's length from the given start; bad input comes back as zod issues, never as a throw.
 */
export function resolveCampaign(
  overrides: { start?: string | undefined; end?: string | undefined } = {},
  fallback: CampaignSettings = DEFAULT_CAMPAIGN,
): ReturnType<typeof campaignSettingsSchema.safeParse> {
  const start = overrides.start ?? fallback.start;
  let end = overrides.end ?? fallback.end;
  if (overrides.start !== undefined && overrides.end === undefined && parseIsoDate(start)) {
    end = addDays(start, weekLength(fallback) - 1);
  }
  return campaignSettingsSchema.safeParse({ start, end });
}

function weekLength(campaign: CampaignSettings): number {
  let days = 1;
  while (addDays(campaign.start, days - 1) < campaign.end) days++;
  return days;
}
