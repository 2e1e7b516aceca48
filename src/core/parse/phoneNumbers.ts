/**
 * Phones in a 联系人 cell: each run of digits that contactText.ts scanned out is read as one or more mainland
 * mobile, landline or 400/800 numbers (`138 1234 5678`, `+86 21 6218 1234`, `0533-3188608转808`, `400-820-8820`,
 * two numbers in a row), by China's numbering plan, and what cannot be read is reported as a placeholder
 * (`021-6218xxxx`) or a malformed number (`1381234567`) with what is wrong with it (a PhoneDefect).
 *
 * The first digits of a number say what it is and so how long it must be: 1 a mobile (11 digits), 400/800 a
 * service number (10), 0 an area code (010 and 02x then 8 digits, any other 0xxx 7 or 8), 2-9 a local number (7
 * or 8). Digit groups are joined only until that length, so a run is read left to right in one pass, each group
 * looked at a bounded number of times, with no backtracking regular expressions (cells are hostile input).
 *
 * Kept apart from the name reader because phone formats change for their own reasons (number plans, area codes,
 * extension marks). It sees only the digit groups of a run, already lexed, never the cell's text.
 */
import type { Group, Problem, Run } from "./contactText";

/** `service`: a 400 or 800 number, reachable nationwide though it is neither a mobile nor a landline. */
export type PhoneKind = "mobile" | "landline" | "service";

export interface Phone {
  kind: PhoneKind;
  /**
   * Normalised: `13812345678`, `23110863`, `0533-3188608`, `021-62181234-808` (area code, number, extension),
   * `400-820-8820`.
   */
  digits: string;
}

/**
 * What is wrong with a number that looks like a phone, by China's numbering plan. The message catalogue turns it
 * into words; the digit counts are those of the part at fault.
 */
export type PhoneDefect =
  /** Starts like a mobile (1…) but is not 11 digits. */
  | { kind: "mobile-length"; digits: number }
  /** 11 digits starting 10, 11 or 12. */
  | { kind: "mobile-prefix" }
  /** An area code followed by a local number of the wrong length (010/02x take 8 digits, other codes 7 or 8). */
  | { kind: "area-local-length"; areaCode: string; digits: number; expected: "8" | "7-8" }
  /**
   * A local number starting 0 or 1 after an area code (`0755-12345678`). The reader never reports it without one
   * (areaCode null): a bare number starting 1 is read as a mobile missing digits (mobile-length), one starting 0
   * as an area code.
   */
  | { kind: "local-leading-digit"; areaCode: string | null; digit: string }
  /** A local number without area code that is not 7-8 digits. */
  | { kind: "local-length"; digits: number }
  /** A leading 0 that no area code begins with (00…). */
  | { kind: "unknown-area-code"; prefix: string }
  /** A 400/800 service number that is not 10 digits. */
  | { kind: "service-length"; prefix: "400" | "800"; digits: number };


/** Fewer digits than this, unparsed, are room numbers and times (`302室`, `9:00`), not attempts at a phone. */
const PHONE_LOOKING_DIGITS = 5;

/** What the groups from one place in a run turned out to be: a phone, or not (and then, if known, why not). */
interface Reading {
  phone?: Phone;
  defect?: PhoneDefect;
  /** Index of the first group after the number; always past the group it started at, so every loop moves on. */
  next: number;
}

/** Reads one run: its phones go into `phones` (by digits), its unreadable numbers into `problems`. */
export function readRun(run: Run, phones: Map<string, Phone>, problems: Problem[]): void {
  if (run.ignored) return;
  const { groups } = run;
  let broken: Broken[] = [];
  for (let i = 0; i < groups.length; ) {
    const reading = numberAt(groups, i);
    if (reading.phone) {
      reportBroken(groups, broken, problems);
      broken = [];
      if (!phones.has(reading.phone.digits)) phones.set(reading.phone.digits, reading.phone);
    } else {
      broken.push({ ...reading, from: i });
    }
    i = reading.next;
  }
  reportBroken(groups, broken, problems);
}

interface Broken extends Reading {
  from: number;
}

/**
 * Numbers that could not be read, one after another, are one problem: a unit that typed `05333-188608` or
 * `021-6437000转808` wrote one broken number, not two. It is named by its first part that looks like a phone.
 */
function reportBroken(groups: readonly Group[], broken: readonly Broken[], problems: Problem[]): void {
  const first = broken[0];
  const last = broken[broken.length - 1];
  if (!first || !last) return;
  const span = groups.slice(first.from, last.next);
  const start = span[0]?.lead ?? 0;
  const end = span[span.length - 1]?.end ?? start;
  if (span.some((g) => g.masked && (/\d/.test(g.text) || g.text.length > 1))) {
    problems.push({ reason: "phone-placeholder", start, end });
  } else if (digitCount(span) >= PHONE_LOOKING_DIGITS) {
    const looking = broken.find((b) => b.defect && digitCount(groups.slice(b.from, b.next)) >= PHONE_LOOKING_DIGITS);
    const defect = (looking ?? broken.find((b) => b.defect))?.defect;
    problems.push({ reason: "phone-malformed", start, end, ...(defect ? { defect } : {}) });
  }
}

function digitCount(groups: readonly Group[]): number {
  return groups.reduce((n, g) => n + g.text.replace(/\D/g, "").length, 0);
}

/** Where a number starts: the group it starts in and its digits from there (less a country code, plus a trunk 0). */
interface Head {
  at: number;
  text: string;
}

/** The number that starts at group i, by its first digits. It always takes in at least that group. */
function numberAt(groups: readonly Group[], i: number): Reading {
  const first = groups[i];
  if (!first || first.masked) return { next: i + 1 };
  const head = afterCountryCode(groups, i) ?? { at: i, text: first.text };
  if (head.text.startsWith("1")) return mobileAt(groups, head);
  if (head.text.startsWith("0")) return landlineAt(groups, head);
  return serviceAt(groups, head) ?? localAt(groups, head);
}

/**
 * `+86 138…`, `0086-138…`, `+8613812345678`: the number after the country code. Abroad a landline drops its
 * trunk 0 (`+86 21 6218 1234`, `+86 (0)21 …`); it is put back so that the area code reads as at home. Glued to
 * the digits, 0086 always is a country code (00 begins no area code), 86 only before a whole number (12 digits or
 * more in all): `86123456` is a local number.
 */
function afterCountryCode(groups: readonly Group[], i: number): Head | undefined {
  const text = groups[i]?.text ?? "";
  if (text.startsWith("0086") && text.length > 4) return { at: i, text: withTrunk(text.slice(4)) };
  if (text.startsWith("86") && text.length >= 12) return { at: i, text: withTrunk(text.slice(2)) };
  if (text !== "86" && text !== "0086") return undefined;
  const at = groups[i + 1]?.text === "0" ? i + 2 : i + 1;
  const next = groups[at];
  return next && !next.masked && !next.afterExt ? { at, text: withTrunk(next.text) } : undefined;
}

/** Mobiles, 400/800 numbers and numbers that kept their 0 are dialled from abroad as at home. */
function withTrunk(text: string): string {
  return /^[01]/.test(text) || /^[48]00/.test(text) ? text : `0${text}`;
}

/**
 * The head's digits and those of the groups after it, joined until there are `min`: `138 1234 5678`,
 * `6218 1234`. Stops at a placeholder or an extension marker, and before a group that would make the number
 * longer than `max` when that group is a number of its own (7 digits or more: `6437000 23110861`) or, for
 * numbers that take extensions, follows a dash (`021-6437000-808`).
 */
function joinFrom(
  groups: readonly Group[],
  head: Head,
  min: number,
  max: number,
  extensible: boolean,
): { digits: string; next: number } {
  let digits = head.text;
  let next = head.at + 1;
  while (digits.length < min) {
    const group = groups[next];
    if (!group || group.masked || group.afterExt) break;
    const tooLong = digits.length > 0 && digits.length + group.text.length > max;
    if (tooLong && (group.text.length >= 7 || (extensible && group.afterDash))) break;
    digits += group.text;
    next++;
  }
  return { digits, next };
}

/**
 * A number starting 1 is a mobile: 1[3-9] and 9 more digits. Short or long, it is a mobile with digits missing
 * or extra (`1381234567`, and `12345678` too, rather than a local number starting 1, which no one has).
 */
function mobileAt(groups: readonly Group[], head: Head): Reading {
  const { digits, next } = joinFrom(groups, head, 11, 11, false);
  if (digits.length !== 11) return { defect: { kind: "mobile-length", digits: digits.length }, next };
  if (!/^1[3-9]/.test(digits)) return { defect: { kind: "mobile-prefix" }, next };
  return { phone: { kind: "mobile", digits }, next };
}

/**
 * 400 and 800 numbers have 10 digits (`400-820-8820`, `4008208820`). A 7-8 digit group starting 400 or 800 is
 * a local number (`80012345`), so only a group that is just `400`/`800`, or one that with the groups after it
 * makes 9 digits or more, is taken for a service number.
 */
function serviceAt(groups: readonly Group[], head: Head): Reading | undefined {
  const prefix = head.text.slice(0, 3);
  if (prefix !== "400" && prefix !== "800") return undefined;
  const { digits, next } = joinFrom(groups, head, 10, 10, true);
  if (head.text.length > 3 && digits.length < 9) return undefined;
  if (digits.length !== 10) return { defect: { kind: "service-length", prefix, digits: digits.length }, next };
  const spaced = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  return withExtension(groups, { kind: "service", digits: spaced }, next);
}

/**
 * A number starting 0 begins with an area code: 3 digits for Beijing (010) and 02x, which take 8-digit local
 * numbers, 4 for every other code (0533, 0755), which take 7 or 8. That settles where digits typed without a
 * dash split: `05333188608` is 0533-3188608, `0216437000` is 021 and a local number one digit short.
 */
function landlineAt(groups: readonly Group[], head: Head): Reading {
  const short = /^0(?:10|2)/.test(head.text);
  const areaLength = short ? 3 : 4;
  if (head.text.length < areaLength) return { next: head.at + 1 }; // `0`, `05`: not even an area code
  const areaCode = head.text.slice(0, areaLength);
  // Glued to its area code, the local number is the rest of the group; typed apart, the groups after it.
  const local =
    head.text.length > areaLength
      ? { digits: head.text.slice(areaLength), next: head.at + 1 }
      : joinFrom(groups, { at: head.at, text: "" }, short ? 8 : 7, 8, true);
  const defect = areaDefect(areaCode, local.digits, short);
  if (defect) return { defect, next: local.next };
  return withExtension(groups, { kind: "landline", digits: `${areaCode}-${local.digits}` }, local.next);
}

/**
 * What is wrong with an area code and its local number, most telling first: a 00 that begins no area code, then
 * the local number's length (`010-1234567` is one digit short before its leading 1 matters), then its first digit.
 */
function areaDefect(areaCode: string, local: string, short: boolean): PhoneDefect | undefined {
  if (areaCode.startsWith("00")) return { kind: "unknown-area-code", prefix: "00" };
  if (local.length !== 8 && (short || local.length !== 7)) {
    return { kind: "area-local-length", areaCode, digits: local.length, expected: short ? "8" : "7-8" };
  }
  if (/^[01]/.test(local)) return { kind: "local-leading-digit", areaCode, digit: local.charAt(0) };
  return undefined;
}

/** `23110863`, `318 8608`: a local number without area code has 7 or 8 digits (and starts 2-9, as it got here). */
function localAt(groups: readonly Group[], head: Head): Reading {
  const { digits, next } = joinFrom(groups, head, 7, 8, true);
  if (digits.length < 7 || digits.length > 8) return { defect: { kind: "local-length", digits: digits.length }, next };
  return withExtension(groups, { kind: "landline", digits }, next);
}

function withExtension(groups: readonly Group[], phone: Phone, next: number): Reading {
  const ext = extensionAt(groups, next);
  return ext ? { phone: { ...phone, digits: `${phone.digits}-${ext}` }, next: next + 1 } : { phone, next };
}

/** `转808`, `分机808`, `ext.808` take up to 6 digits; a bare `-808` only up to 5, so `-23110861` is a second phone. */
function extensionAt(groups: readonly Group[], i: number): string {
  const group = groups[i];
  if (!group || group.masked) return "";
  if (group.afterExt && /^\d{1,6}$/.test(group.text)) return group.text;
  if (group.afterDash && /^\d{1,5}$/.test(group.text)) return group.text;
  return "";
}
