/**
 * Phones in a 联系人 cell: each run of digits that contactText.ts scanned out is read as one or more mainland
 * mobile or landline numbers (`138 1234 5678`, `+86 21 6218 1234`, `0533-3188608转808`, two numbers in a row),
 * and what cannot be read is reported as a placeholder (`021-6218xxxx`) or a malformed number (`1381234567`).
 *
 * Kept apart from the name reader because phone formats change for their own reasons (number plans, area codes,
 * extension marks). It sees only the digit groups of a run, already lexed, never the cell's text.
 */
import type { Group, Problem, Run } from "./contactText";

export type PhoneKind = "mobile" | "landline";

export interface Phone {
  kind: PhoneKind;
  /** Normalised: `13812345678`, `23110863`, `0533-3188608`, `021-62181234-808` (area code, number, extension). */
  digits: string;
}

/** Fewer digits than this, unparsed, are room numbers and times (`302室`, `9:00`), not attempts at a phone. */
const PHONE_LOOKING_DIGITS = 5;

/** Reads one run: its phones go into `phones` (by digits), its unreadable numbers into `problems`. */
export function readRun(run: Run, phones: Map<string, Phone>, problems: Problem[]): void {
  if (run.ignored) return;
  const { groups } = run;
  let brokenFrom = -1;
  let i = 0;
  while (i < groups.length) {
    const parsed = phoneAt(groups, i);
    if (!parsed) {
      if (brokenFrom < 0) brokenFrom = i;
      i++;
      continue;
    }
    if (brokenFrom >= 0) reportBroken(groups.slice(brokenFrom, i), problems);
    brokenFrom = -1;
    if (!phones.has(parsed.phone.digits)) phones.set(parsed.phone.digits, parsed.phone);
    i = parsed.next;
  }
  if (brokenFrom >= 0) reportBroken(groups.slice(brokenFrom), problems);
}

/** Groups that no phone could be read from, between two that could (or the run's ends). */
function reportBroken(groups: readonly Group[], problems: Problem[]): void {
  const first = groups[0];
  const last = groups[groups.length - 1];
  if (!first || !last) return;
  const placeholder = groups.some((g) => g.masked && (/\d/.test(g.text) || g.text.length > 1));
  const digits = groups.reduce((n, g) => n + g.text.replace(/\D/g, "").length, 0);
  const reason = placeholder ? "phone-placeholder" : digits >= PHONE_LOOKING_DIGITS ? "phone-malformed" : undefined;
  if (reason) problems.push({ reason, start: first.start, end: last.end });
}

interface Parsed {
  phone: Phone;
  /** Index of the first group after the phone. */
  next: number;
}

const MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_WITH_COUNTRY = /^(?:0086|86)(1[3-9]\d{9})$/;
const LOCAL = /^[2-9]\d{6,7}$/;

function phoneAt(groups: readonly Group[], i: number): Parsed | undefined {
  const first = groups[i];
  if (!first || first.masked) return undefined;
  const glued = MOBILE_WITH_COUNTRY.exec(first.text);
  if (glued?.[1]) return { phone: { kind: "mobile", digits: glued[1] }, next: i + 1 };
  if (first.text === "86" || first.text === "0086") {
    // +86 138…; abroad a landline drops its trunk 0: +86 21 6218 1234.
    const after = groups[i + 1];
    if (after && !after.masked && !after.text.startsWith("0") && !after.text.startsWith("1")) {
      const landline = landlineAt(groups, i + 1, "0");
      if (landline) return landline;
    }
    return mobileAt(groups, i + 1);
  }
  return mobileAt(groups, i) ?? landlineAt(groups, i, "");
}

/**
 * Digits of groups i, i+1, … joined until there are at least `min` of them: `138 1234 5678`, `6218 1234`.
 * Stops at a placeholder or an extension marker.
 */
function joinDigits(groups: readonly Group[], i: number, min: number): { digits: string; next: number } | undefined {
  let digits = "";
  let j = i;
  while (digits.length < min) {
    const group = groups[j];
    if (!group || group.masked || (j > i && group.afterExt)) return undefined;
    digits += group.text;
    j++;
  }
  return { digits, next: j };
}

function mobileAt(groups: readonly Group[], i: number): Parsed | undefined {
  if (!groups[i]?.text.startsWith("1")) return undefined;
  const joined = joinDigits(groups, i, 11);
  if (!joined || !MOBILE.test(joined.digits)) return undefined;
  return { phone: { kind: "mobile", digits: joined.digits }, next: joined.next };
}

/**
 * Area codes are 3 digits for Beijing (010) and 02x, 4 for everyone else (0533, 0755): that settles where a run
 * of digits typed without a dash splits (`05333188608` is 0533-3188608).
 */
function areaCodeLength(digits: string): number {
  return /^0[12]/.test(digits) ? 3 : 4;
}

function landlineAt(groups: readonly Group[], i: number, trunkPrefix: string): Parsed | undefined {
  const first = groups[i];
  if (!first) return undefined;
  const text = trunkPrefix + first.text;
  let area = "";
  let local: { digits: string; next: number } | undefined;
  if (!text.startsWith("0")) {
    local = joinDigits(groups, i, 7);
  } else if (text.length === areaCodeLength(text)) {
    area = text;
    local = groups[i + 1]?.afterExt ? undefined : joinDigits(groups, i + 1, 7);
  } else if (text.length >= 10) {
    area = text.slice(0, areaCodeLength(text));
    local = { digits: text.slice(area.length), next: i + 1 };
  }
  if (!local || !LOCAL.test(local.digits)) return undefined;
  const ext = extensionAt(groups, local.next);
  const digits = [area, local.digits, ext].filter((part) => part !== "").join("-");
  return { phone: { kind: "landline", digits }, next: ext ? local.next + 1 : local.next };
}

/** `转808`, `分机808`, `ext.808` take up to 6 digits; a bare `-808` only up to 5, so `-23110861` is a second phone. */
function extensionAt(groups: readonly Group[], i: number): string {
  const group = groups[i];
  if (!group || group.masked) return "";
  if (group.afterExt && /^\d{1,6}$/.test(group.text)) return group.text;
  if (group.afterDash && /^\d{1,5}$/.test(group.text)) return group.text;
  return "";
}
