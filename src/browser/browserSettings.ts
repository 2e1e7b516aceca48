/**
 * The week and roster kept in this browser (localStorage) for the pane working on files: the same settings a
 * master workbook keeps inside Excel. Whatever is stored is checked on the way in (the core's zod schema for
 * the week, the roster's shape); anything unreadable, or storage that refuses to be read, gives the defaults.
 */
import * as z from "zod/mini";
import { campaignSettingsSchema, DEFAULT_CAMPAIGN, type CampaignSettings } from "../core/campaign";
import type { Roster } from "../core/roster";
import type { PaneSettings } from "../host/workbookHost";

export const WEEK_KEY = "huizong.files.week";
export const ROSTER_KEY = "huizong.files.roster";

const rosterSchema = z.array(z.object({ name: z.string().check(z.trim(), z.minLength(1)), aliases: z.array(z.string()) }));

export function loadBrowserSettings(storage: Storage | undefined = browserStorage()): PaneSettings {
  const week = campaignSettingsSchema.safeParse(readJson(storage, WEEK_KEY));
  const roster = rosterSchema.safeParse(readJson(storage, ROSTER_KEY));
  const campaign: CampaignSettings = week.success ? { start: week.data.start, end: week.data.end } : { ...DEFAULT_CAMPAIGN };
  const units: Roster = roster.success ? roster.data.map((unit) => ({ name: unit.name, aliases: [...unit.aliases] })) : [];
  return { campaign, roster: units };
}

/** Throws when the browser refuses to store (private mode, storage full); the caller says so. */
export function saveBrowserSettings(settings: PaneSettings, storage: Storage | undefined = browserStorage()): void {
  if (!storage) throw new Error("no localStorage");
  storage.setItem(WEEK_KEY, JSON.stringify({ start: settings.campaign.start, end: settings.campaign.end }));
  storage.setItem(ROSTER_KEY, JSON.stringify(settings.roster.map((unit) => ({ name: unit.name, aliases: unit.aliases }))));
}

function readJson(storage: Storage | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text == null ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** Reading `window.localStorage` itself throws where storage is blocked. */
function browserStorage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
