/**
 * Calendar days without time zones. An ISO string (YYYY-MM-DD) is the one representation of a day in the core:
 * it sorts, compares and serialises as itself.
 */
export type IsoDate = string;

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

export function isRealDay({ year, month, day }: Ymd): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

export function toIsoDate({ year, month, day }: Ymd): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Parses a strict YYYY-MM-DD string naming a real day; undefined otherwise. */
export function parseIsoDate(text: string): Ymd | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const ymd = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDay(ymd) ? ymd : undefined;
}

export function ymdOf(iso: IsoDate): Ymd {
  const ymd = parseIsoDate(iso);
  if (!ymd) throw new Error(`not an ISO date: ${iso}`);
  return ymd;
}

/** Days from 1899-12-30, the epoch of Excel's 1900 date system as every modern reader interprets it. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/**
 * The calendar day of an Excel date serial (1900 system). Serials below 61 fall before Excel's phantom
 * 1900-02-29 and are shifted by one, as Excel shows them; the fraction (time of day) is dropped.
 */
export function serialToIsoDate(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return undefined;
  const whole = Math.floor(serial);
  const adjusted = whole < 61 ? whole + 1 : whole;
  const date = new Date(EXCEL_EPOCH_MS + adjusted * MS_PER_DAY);
  return toIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** The Excel serial (1900 system) of a day: what a writer puts into a date cell. */
export function isoDateToSerial(iso: IsoDate): number {
  const { year, month, day } = ymdOf(iso);
  const whole = Math.round((Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / MS_PER_DAY);
  return whole < 61 ? whole - 1 : whole;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const { year, month, day } = ymdOf(iso);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return toIsoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** "4月20日" — how the notices write a day of the campaign year. */
export function chineseMonthDay(iso: IsoDate): string {
  const { month, day } = ymdOf(iso);
  return `${month}月${day}日`;
}
