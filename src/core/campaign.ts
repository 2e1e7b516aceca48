import * as z from "zod/mini";
import { addDays, isRealDay, parseIsoDate, toIsoDate, ymdOf, type IsoDate } from "./calendarDate";

/** The campaign week of both notices (沪知联办〔2024〕2号 and the Zibo notice): 2024-04-20 to 04-26. */
export const DEFAULT_CAMPAIGN = { start: "2024-04-20", end: "2024-04-26" } as const;

// zod's mini build throughout: the command line loads a tenth of the full one at every start.
const isoDay = z.string().check(z.refine((text) => parseIsoDate(text) !== undefined, { error: "日期须写作 YYYY-MM-DD，且是真实存在的日期" }));

export const campaignSettingsSchema = z
  .object({ start: isoDay, end: isoDay })
  .check(z.refine((week) => week.start <= week.end, { error: "开始日期不能晚于结束日期", path: ["end"] }));

export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

/** The year a date written without one belongs to. */
export function campaignYear(campaign: CampaignSettings): number {
  return Number(campaign.start.slice(0, 4));
}

export function isInsideCampaign(day: IsoDate, campaign: CampaignSettings): boolean {
  return day >= campaign.start && day <= campaign.end;
}

/** Which of `--start/--end` a value came from, so that a problem names the flag the clerk typed. */
export type WeekFlag = "start" | "end";

/** Why a week given on the command line (or anywhere as text) cannot be used. */
export type CampaignInputProblem =
  | { code: "not-a-day"; flag: WeekFlag; value: string }
  /** `startGiven` is false when only --end was given and the start is the default week's. */
  | { code: "end-before-start"; start: IsoDate; end: IsoDate; startGiven: boolean };

export type CampaignInput =
  | { success: true; data: CampaignSettings; days: number }
  | { success: false; problems: CampaignInputProblem[] };

/** A publicity week longer than a month is almost surely a typo (a wrong month or year): it needs confirming. */
export const LONGEST_PLAUSIBLE_WEEK_DAYS = 31;

/**
 * The ways clerks write a day: 2024-04-20, 2024-4-20, 2024/4/20, 2024.4.20, 20240420, 2024年4月20日. Full-width
 * digits and separators (typed with a Chinese input method) count as their ASCII forms.
 */
const DAY_INPUT = /^(\d{4})(?:[-/.](\d{1,2})[-/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日?|(\d{2})(\d{2}))$/;

/** A day as a clerk writes it, as an ISO date; undefined unless it names a real day. */
export function parseDayInput(text: string): IsoDate | undefined {
  const match = DAY_INPUT.exec(text.normalize("NFKC").replace(/\s+/g, ""));
  if (!match) return undefined;
  const [, year, month, day] = match.filter((part, index) => index === 0 || part !== undefined);
  const ymd = { year: Number(year), month: Number(month), day: Number(day) };
  return isRealDay(ymd) ? toIsoDate(ymd) : undefined;
}

/** How many days a week spans, both ends included. */
export function campaignDays(campaign: CampaignSettings): number {
  const utc = (iso: IsoDate) => {
    const { year, month, day } = ymdOf(iso);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(campaign.end) - utc(campaign.start)) / 86_400_000) + 1;
}

/**
 * Builds campaign settings from optional overrides, e.g. `--start/--end`, each in any of the ways parseDayInput
 * reads. A missing end keeps the fallback week's length from the given start; a missing start is the fallback's.
 * Every problem comes back, naming the flag and the value, never as a throw.
 */
export function resolveCampaign(
  overrides: { start?: string | undefined; end?: string | undefined } = {},
  fallback: CampaignSettings = DEFAULT_CAMPAIGN,
): CampaignInput {
  const problems: CampaignInputProblem[] = [];
  const read = (flag: WeekFlag, value: string | undefined): IsoDate | undefined => {
    if (value === undefined) return undefined;
    const day = parseDayInput(value);
    if (day === undefined) problems.push({ code: "not-a-day", flag, value });
    return day;
  };
  const givenStart = read("start", overrides.start);
  const givenEnd = read("end", overrides.end);
  if (problems.length > 0) return { success: false, problems };
  const start = givenStart ?? fallback.start;
  const end = givenEnd ?? (givenStart !== undefined ? addDays(start, campaignDays(fallback) - 1) : fallback.end);
  if (end < start) return { success: false, problems: [{ code: "end-before-start", start, end, startGiven: givenStart !== undefined }] };
  const data = { start, end };
  return { success: true, data, days: campaignDays(data) };
}
