/**
 * The 活动规模 cell (人数 / 参与人数): how many people an activity expects. Units write a number cell, or text
 * such as `约300人`, `500余人`, `100-200人`, `三百人`, `1.5万人`, `线上1000人、线下200人`.
 *
 * A cell is a list of parts separated by `、，；` or line breaks; each part is an optional label (`约`, `现场`,
 * `参会人员`), a count or a range of counts, approximation words (`余`, `左右`, `以上`, `+`) and an optional
 * person classifier (`人`, `名`, `位`, `人次`) with the noun it counts (`名学生`). The parts are added up. The
 * scan is a single left-to-right pass over a short string: linear time, no backtracking.
 */
import { removeSpaces, toHalfWidth } from "../text";

export type HeadCountResult =
  | { ok: true; min: number; max: number } // min === max for a single number
  | { ok: false; reason: "empty" | "invalid" | "not-positive"; fragment?: string };

/**
 * Parses 活动规模 (人数/参与人数): a positive whole number, optionally decorated.
 *
 * Approximation words keep the stated figure (`约300人`, `500余人`, `200+`, `近千人` are 300, 500, 200, 1000); a
 * range gives min and max; a list (`线上1000人、线下200人`) is summed, except a breakdown (`其中…`, `含…`).
 * Vague amounts (`若干`, `数百人`, `多人`) are invalid.
 */
export function parseHeadCount(input: string | number): HeadCountResult {
  if (typeof input === "number") return fromNumber(input);
  const text = normalise(input);
  if (/^[-/\\_.。—]*$/.test(text)) return { ok: false, reason: "empty" }; // `-` and `/` mean "nothing here"
  return parseList(text);
}

function fromNumber(value: number): HeadCountResult {
  if (!Number.isSafeInteger(value)) return { ok: false, reason: "invalid", fragment: String(value) };
  if (value <= 0) return { ok: false, reason: "not-positive", fragment: String(value) };
  return { ok: true, min: value, max: value };
}

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

/**
 * Half-width, dashes unified, no spaces (`约 300 人`), line breaks kept as list separators, bracketed remarks
 * dropped (`300人（含工作人员）`), trailing full stops dropped.
 */
function normalise(input: string): string {
  const text = removeSpaces(toHalfWidth(input).replace(DASHES, "-").replace(/[\r\n]+/g, ";"))
    .replace(/[【[]/g, "(")
    .replace(/[】\]]/g, ")");
  const withoutRemarks = dropRemarks(text);
  // A cell that is all remark, `（300人）`, is read without its brackets.
  const body = withoutRemarks === "" ? text.replace(/[()]/g, "") : withoutRemarks;
  return trimEnd(trimStart(body, ";"), ";.。,、");
}

/** Removes `(…)` segments; an unmatched bracket is kept, so the cell then fails as invalid rather than vanishing. */
function dropRemarks(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("(", i);
    const close = open < 0 ? -1 : text.indexOf(")", open);
    if (close < 0) return out + text.slice(i);
    out += text.slice(i, open);
    i = close + 1;
  }
  return out;
}

function trimStart(text: string, chars: string): string {
  let i = 0;
  while (i < text.length && chars.includes(text.charAt(i))) i++;
  return text.slice(i);
}

function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

// ---------------------------------------------------------------------------------------------------------------
// The grammar, read with a cursor

interface Cursor {
  readonly s: string;
  i: number;
}

/** Takes the first of `words` found at the cursor; lists put longer words before their prefixes. */
function take(c: Cursor, words: readonly string[]): string | undefined {
  const word = words.find((w) => c.s.startsWith(w, c.i));
  if (word !== undefined) c.i += word.length;
  return word;
}

const LIST_SEPARATORS = ["、", ",", ";"];
const RANGE_SEPARATORS = ["--", "-", "~", "至", "到"];
const APPROXIMATIONS = ["余", "多", "来", "左右", "上下", "以上", "以下", "以内", "+"];
const PERSON_CLASSIFIERS = ["人次", "人", "名", "位"];
/** A part starting with these breaks down the total before it (`200人，其中线上100人`) and is not added. */
const BREAKDOWN = /^(?:其中|含|包括|包含)/;

type Part =
  | { ok: true; min: number; max: number; breakdown: boolean }
  | { ok: false; reason: "invalid" | "not-positive" };

function parseList(s: string): HeadCountResult {
  const c: Cursor = { s, i: 0 };
  let min = 0;
  let max = 0;
  let counted = 0;
  for (;;) {
    const start = c.i;
    const part = parsePart(c);
    if (!part.ok) return { ok: false, reason: part.reason, fragment: partText(s, start) };
    const atSeparator = c.i === s.length || take(c, LIST_SEPARATORS) !== undefined;
    if (!atSeparator) return { ok: false, reason: "invalid", fragment: partText(s, start) }; // `50家企业`
    // A breakdown only repeats people already counted; alone (`其中线上100人`) it is the count.
    if (!part.breakdown || counted === 0) {
      min += part.min;
      max += part.max;
      counted++;
    }
    if (c.i >= s.length) break;
  }
  if (!Number.isSafeInteger(max)) return { ok: false, reason: "invalid", fragment: s };
  return { ok: true, min, max };
}

/** The part starting at `start`, up to the next list separator, for the message. */
function partText(s: string, start: number): string {
  let end = start;
  while (end < s.length && !LIST_SEPARATORS.includes(s.charAt(end))) end++;
  return s.slice(start, end);
}

function parsePart(c: Cursor): Part {
  const label = readLabel(c);
  // `数百人`, `几十人` are vague; `人数三百` is a label and a number.
  if (c.i < c.s.length && /[数几]$/.test(label) && "十百千万".includes(c.s.charAt(c.i))) {
    return { ok: false, reason: "invalid" };
  }
  const negative = c.s.charAt(c.i) === "-" && /\d/.test(c.s.charAt(c.i + 1));
  if (negative) c.i++;
  const first = readBound(c);
  if (!first) return { ok: false, reason: "invalid" };
  const second = take(c, RANGE_SEPARATORS) !== undefined ? readBound(c) : undefined;
  if (second === null) return { ok: false, reason: "invalid" };
  if ((second ?? first).counted) readNoun(c); // `300名学生`, `200余人参加`

  const min = negative ? -first.value : first.value;
  const max = second ? second.value : min;
  if (Number.isNaN(min) || Number.isNaN(max) || max < min) return { ok: false, reason: "invalid" };
  if (min <= 0) return { ok: false, reason: "not-positive" };
  return { ok: true, min, max, breakdown: BREAKDOWN.test(label) };
}

/** A leading label: Han characters (not numerals) and colons: `约`, `现场`, `参会人员约`, `人数：`. */
function readLabel(c: Cursor): string {
  const start = c.i;
  while (c.i < c.s.length) {
    const ch = c.s.charAt(c.i);
    if (ch !== ":" && !(isHan(ch) && !isChineseNumeral(ch))) break;
    c.i++;
  }
  return c.s.slice(start, c.i);
}

/** Han nouns after a classifier; stops at a numeral so the next part's number is not swallowed. */
function readNoun(c: Cursor): void {
  while (c.i < c.s.length && isHan(c.s.charAt(c.i)) && !isChineseNumeral(c.s.charAt(c.i))) c.i++;
}

function isHan(ch: string): boolean {
  return ch >= "\u4e00" && ch <= "\u9fff";
}

interface Bound {
  /** NaN when a number was written but is not whole (`300.5`). */
  value: number;
  /** A person classifier followed: `人`, `名`, `位`, `人次`. */
  counted: boolean;
}

/** A count with its decorations: `500余人`, `200人以上`, `三十来人`, `1.5万`. null when nothing is there. */
function readBound(c: Cursor): Bound | null {
  const value = readArabic(c) ?? readChinese(c);
  if (value === undefined) return null;
  take(c, APPROXIMATIONS);
  const counted = take(c, PERSON_CLASSIFIERS) !== undefined;
  if (counted) take(c, APPROXIMATIONS);
  return { value, counted };
}

/** Powers of ten written after Arabic digits: `2万`, `1.5万`, `3千`. */
const UNIT_ZEROS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3, 万: 4, 萬: 4, 亿: 8 };

/**
 * Arabic digits with optional thousands separators (`3,000`), decimals and a Chinese unit. The value is built from
 * the digit strings, not with floating-point products, so `1.1万` is exactly 11000.
 */
function readArabic(c: Cursor): number | undefined {
  const whole = readDigits(c);
  if (whole === "") return undefined;
  let integer = whole;
  // `3,000`: a comma after 1-3 digits is a thousands separator when three digits, and no fourth, follow it.
  while (whole.length <= 3 && c.s.charAt(c.i) === "," && /^\d{3}(?!\d)/.test(c.s.slice(c.i + 1, c.i + 5))) {
    integer += c.s.slice(c.i + 1, c.i + 4);
    c.i += 4;
  }
  let fraction = "";
  if (c.s.charAt(c.i) === "." && /\d/.test(c.s.charAt(c.i + 1))) {
    c.i++;
    fraction = readDigits(c);
  }
  const unit = c.s.charAt(c.i);
  const zeros = UNIT_ZEROS[unit] ?? 0;
  if (zeros > 0) c.i++;
  const significant = trimEnd(fraction, "0");
  if (significant.length > zeros) return Number.NaN; // not a whole number of people
  return Number(integer + significant.padEnd(zeros, "0"));
}

function readDigits(c: Cursor): string {
  const start = c.i;
  while (c.i < c.s.length && c.s.charAt(c.i) >= "0" && c.s.charAt(c.i) <= "9") c.i++;
  return c.s.slice(start, c.i);
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CHINESE_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CHINESE_BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8 };

function isChineseNumeral(ch: string): boolean {
  return ch in CHINESE_DIGITS || ch in CHINESE_SMALL_UNITS || ch in CHINESE_BIG_UNITS;
}

/** A run of Chinese numerals: `三百`, `一千零五十`, `两万`. NaN when the run is not a number (`一二百`). */
function readChinese(c: Cursor): number | undefined {
  const start = c.i;
  while (c.i < c.s.length && isChineseNumeral(c.s.charAt(c.i))) c.i++;
  if (c.i === start) return undefined;
  return parseChineseNumeral(c.s.slice(start, c.i)) ?? Number.NaN;
}

/**
 * Chinese numerals, including the implied 一 of `十五` and `千人`, and the spoken shortening `三百五` (350) and
 * `一万二` (12000), where a final bare digit counts in the unit below the last one.
 */
function parseChineseNumeral(text: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let zero = false;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  let lastUnit = 1;
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch];
    const small = CHINESE_SMALL_UNITS[ch];
    const big = CHINESE_BIG_UNITS[ch];
    if (d === 0) {
      if (digit !== undefined) return undefined; // `三零`
      zero = true;
    } else if (d !== undefined) {
      if (digit !== undefined) return undefined; // `一二百`, `二〇二四`: digit by digit is not a count
      digit = d;
    } else if (small !== undefined) {
      if (small >= lastSmall) return undefined;
      section += (digit ?? 1) * small;
      digit = undefined;
      zero = false;
      lastSmall = lastUnit = small;
    } else if (big !== undefined) {
      if (big >= lastBig) return undefined;
      section += digit ?? 0;
      total += (section === 0 ? 1 : section) * big; // `万人` is ten thousand
      section = 0;
      digit = undefined;
      zero = false;
      lastSmall = Infinity;
      lastBig = lastUnit = big;
    }
  }
  if (digit !== undefined) section += !zero && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  return total + section;
}
