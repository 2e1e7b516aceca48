/**
 * The 活动时间 parser: turns what a unit typed into the activity-time cell into concrete calendar days.
 *
 * It does not judge the campaign week or the year; the caller compares the spans. The text is read in one pass:
 * a tokenizer splits it into numbers, date marks (年 月 日 号), connectors and other words, then a reader walks the
 * tokens once, recognising dates, skipping times of day and remarks, and joining dates around range connectors.
 * Every lookahead is a fixed number of tokens, so the work is linear in the length of the text, and no regular
 * expression can backtrack.
 *
 * Readings a human would make but that need a decision (see the tests for each):
 * - A date without a month (`22日`) is "no-specific-day" unless an earlier date in the cell gives the month.
 * - `4-22` is April 22 only when it cannot be a day range: `20-22日` is the 20th to the 22nd of a month given
 *   elsewhere. `4月22日 9.30` reads 9.30 as a time (a dotted time right after a 年月日 date or after 上午/下午);
 *   between dotted dates (`4.20 4.22`) it stays a date.
 * - A range whose end month is at least six months before its start month runs into the next year
 *   (`12月30日-1月2日`); any other backwards range is "impossible-date".
 * - Text naming no day is "no-specific-day" when it has a digit or a date word (年 月 日 号 周 旬 天 期 时 季 初 底 末,
 *   待定, 另行通知, 择期, 届时, 近期, TBD) and "unrecognised" otherwise (`abc`, `同上`, `-`).
 * - A day of a month given elsewhere (`22号`) counts only right after a connector that follows a date
 *   (`4月20号、22号`), because 号 also numbers documents and buildings (`〔2024〕2号`, `1号楼`).
 * - Two-digit years mean 20xx (`24年4月22日`, `24.4.22`); the American order `4/22/2024` is not read as a date.
 * - A connector joins two dates across remarks and times (`4月20日（周六）至4月26日`), but not across a list mark,
 *   a line break or a stray number (`4月22日9-11点、4月23日` is two days).
 * - A single day with a bound word right after it (`4月26日前` 之前 以后 起 开始 止 为止 前后 左右, not 前往 后续) or
 *   before it (截至 截止 最迟 不晚于 自 从, a leading 至), or with a connector that joins nothing (`4月20日至`,
 *   `至今`), is a "deadline": it limits a period and names no day of the activity, and it fails the whole cell.
 *   It is decided when the day is emitted alone, so `4月20日起至26日` stays a range; after a time of day only
 *   前 and 止 still speak of the day (`4月22日14:00起` is the 22nd, `4月26日17:00前` a deadline).
 *
 * This file reads the tokens that dateTokens.ts makes: single dates and times of day at a token, then the reader
 * that joins them into days and ranges and gives the verdict.
 */
import { isRealDay, toIsoDate, type IsoDate, type Ymd } from "../calendarDate";
import { toHalfWidth } from "../text";
import { at as tokenAt, isBlank, tokenize, type Kind, type Token } from "./dateTokens";

/**
 * `at` bound once, here: tsx, which runs the CLI and the bench, reads an imported function through a getter at
 * every call, and the readers below call `at` several times per token (the parse took half as long again).
 */
const at = tokenAt;

/** An inclusive run of days; start === end for a single day. */
export interface DateSpan {
  start: IsoDate;
  end: IsoDate;
}

/** Why a cell names no usable day. */
export type ActivityTimeFailure = "empty" | "no-specific-day" | "deadline" | "impossible-date" | "unrecognised";

/** Every day or range the text names, in the order written; or why there is none. */
export type ActivityTimeResult =
  | { ok: true; spans: DateSpan[] }
  | { ok: false; reason: ActivityTimeFailure; fragment?: string };

/** Parses what a unit typed into the 活动时间 cell. defaultYear applies when the text omits the year. */
export function parseActivityTime(text: string, defaultYear: number): ActivityTimeResult {
  if (typeof text !== "string") return { ok: false, reason: "empty" };
  // toHalfWidth maps one UTF-16 unit to one, so token offsets index the original text for fragments.
  const normal = toHalfWidth(text);
  const tokens = tokenize(normal);
  if (isBlank(tokens)) return { ok: false, reason: "empty" };
  return new Reader(tokens, text, normal, defaultYear).read();
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

/** A date as written: the parts the text gives, before the cell's context fills in the rest. */
interface Term {
  year?: number;
  month?: number;
  day?: number;
  /** Token indices: its first token, and the one after its last. */
  first: number;
  next: number;
  /** 年月日 dates make a following dotted number a time (`4月22日 9.30`); numeric dates do not (`4.20 4.22`). */
  style: "chinese" | "numeric";
}

/** What may directly follow a date written without 日: remarks that begin 起 前 后 期间 全天 周一 星期 上午 (…). */
const DATE_FOLLOWERS = new Set([..."起前后期全周星礼上下中晚早午当()[]【】〔〕<>《》。\"'“”‘’"]);

/**
 * Whether a date written without a closing 日 may end before this token. A space, a connector or an allowed
 * remark may follow; `4.5小时`, `20人` and `9点` are not dates.
 */
function canEndDate(token: Token): boolean {
  switch (token.kind) {
    case "end":
    case "list":
    case "range":
    case "day":
      return true;
    case "other":
      return token.spaced || DATE_FOLLOWERS.has(token.text.charAt(0)) || boundAt(token.text, 0) !== undefined;
    default:
      return token.spaced && token.kind !== "colon";
  }
}

/** The separator a token can be inside a numeric date, if any: a single "-", "/" or ".". */
function separatorOf(token: Token): string | undefined {
  if (token.spaced) return undefined;
  const separates = token.kind === "slash" || token.kind === "dot" || (token.kind === "range" && token.text === "-");
  return separates ? token.text : undefined;
}

function isNum(token: Token, maxDigits: number): boolean {
  return token.kind === "num" && token.text.length <= maxDigits;
}

/** 2024 as written; 24 means 2024; any other length is not a year, which makes the date impossible. */
function yearOf(token: Token): number {
  if (token.text.length === 4) return token.value;
  if (token.text.length === 2) return 2000 + token.value;
  return Number.NaN;
}

/**
 * Reads the date starting at token i, if one does. `continues` says the token before is a connector right
 * after a date, where a bare day (`4月20日、21`) or a 号 day (`4月20号、22号`) belongs to that date's month.
 */
function readTerm(tokens: readonly Token[], i: number, continues: boolean): Term | undefined {
  if (at(tokens, i).kind !== "num") return undefined;
  return (
    readCompactDate(tokens, i) ??
    readNumericDate(tokens, i) ??
    readChineseDate(tokens, i, continues) ??
    readMonthDayPair(tokens, i) ??
    (continues ? readBareDay(tokens, i) : undefined)
  );
}

const COMPACT_DATE = /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/** 20240422. Eight digits that do not look like year, month (01-12) and day (01-31) are a phone number. */
function readCompactDate(tokens: readonly Token[], i: number): Term | undefined {
  const token = at(tokens, i);
  if (!COMPACT_DATE.test(token.text)) return undefined;
  const next = skipDayMark(tokens, i + 1);
  if (!canEndDate(at(tokens, next))) return undefined;
  const digits = token.text;
  return {
    year: Number(digits.slice(0, 4)),
    month: Number(digits.slice(4, 6)),
    day: Number(digits.slice(6)),
    first: i,
    next,
    style: "numeric",
  };
}

/** 2024-04-22, 2024/4/22, 2024.4.22 (and 24.4.22): the same separator twice, no spaces inside. */
function readNumericDate(tokens: readonly Token[], i: number): Term | undefined {
  const year = at(tokens, i);
  if (year.text.length !== 4 && year.text.length !== 2) return undefined;
  const separator = separatorOf(at(tokens, i + 1));
  const month = at(tokens, i + 2);
  const day = at(tokens, i + 4);
  if (separator === undefined || separatorOf(at(tokens, i + 3)) !== separator) return undefined;
  if (!isNum(month, 2) || month.spaced || !isNum(day, 2) || day.spaced) return undefined;
  const next = skipDayMark(tokens, i + 5);
  // "2024.4.22月" is not a date but a list number glued to one; "09:30" after a date is read as a time later.
  const after = at(tokens, next).kind;
  if (after === "year" || after === "month" || after === "colon") return undefined;
  return { year: yearOf(year), month: month.value, day: day.value, first: i, next, style: "numeric" };
}

/**
 * [Y年][M月][D日|D号], any part optional but in that order; `4月20` without 日 is a day when a connector, space or
 * remark follows (`4月20-22日`, `4月20、21日`). A 号 day without its month must continue a list or range.
 */
function readChineseDate(tokens: readonly Token[], i: number, continues: boolean): Term | undefined {
  const term: Term = { first: i, next: i, style: "chinese" };
  let j = i;
  if (at(tokens, j + 1).kind === "year" && at(tokens, j).kind === "num") {
    term.year = yearOf(at(tokens, j));
    j += 2;
  }
  if (at(tokens, j + 1).kind === "month" && at(tokens, j).kind === "num") {
    term.month = at(tokens, j).value;
    j += 2;
  }
  const dayToken = at(tokens, j);
  const mark = at(tokens, j + 1);
  if (dayToken.kind === "num" && mark.kind === "day") {
    const numbersSomethingElse = mark.text !== "日" && term.month === undefined && !continues;
    if (!numbersSomethingElse) {
      term.day = dayToken.value;
      j += 2;
    }
  } else if (term.month !== undefined && isNum(dayToken, 2) && canEndDate(mark)) {
    term.day = dayToken.value;
    j += 1;
  }
  term.next = j;
  return j > i ? term : undefined;
}

/**
 * 4/22, 4.22, 4-22: month and day with one separator, no spaces inside. 13/1 is an impossible date, but 13.1 and
 * 20-22 are not dates at all, and neither is 4-22日 (a day range with its month elsewhere).
 */
function readMonthDayPair(tokens: readonly Token[], i: number): Term | undefined {
  const month = at(tokens, i);
  const separator = separatorOf(at(tokens, i + 1));
  const day = at(tokens, i + 2);
  if (separator === undefined || !isNum(month, 2) || !isNum(day, 2) || day.spaced) return undefined;
  // A third part with the same separator is a version or list number (1.2.3), not a month and day.
  if (separatorOf(at(tokens, i + 3)) === separator && at(tokens, i + 4).kind === "num") return undefined;
  // With "." or "-" the first number must be a month, or it is a decimal (0.5) or a day range (20-22日).
  if (separator !== "/" && (month.value < 1 || month.value > 12)) return undefined;
  if (separator === "-" && at(tokens, i + 3).kind === "day") return undefined;
  const next = skipDayMark(tokens, i + 3);
  if (!canEndDate(at(tokens, next))) return undefined;
  return { month: month.value, day: day.value, first: i, next, style: "numeric" };
}

/**
 * A day alone after a connector (`4月20日、21`, `4.20-26`). Not when a list then goes on with a month of its own:
 * that number numbers the list (`4月20日；2、4月22日`).
 */
function readBareDay(tokens: readonly Token[], i: number): Term | undefined {
  const day = at(tokens, i);
  const after = at(tokens, i + 1);
  if (!isNum(day, 2) || !canEndDate(after)) return undefined;
  if (after.kind === "list" && startsWithMonth(tokens, i + 2)) return undefined;
  return { day: day.value, first: i, next: i + 1, style: "numeric" };
}

function startsWithMonth(tokens: readonly Token[], i: number): boolean {
  const after = at(tokens, i + 1).kind;
  const monthMark = after === "year" || after === "month" || after === "dot" || after === "slash";
  return at(tokens, i).kind === "num" && monthMark;
}

function skipDayMark(tokens: readonly Token[], i: number): number {
  return at(tokens, i).kind === "day" ? i + 1 : i;
}

// ---------------------------------------------------------------------------------------------------------------
// Times of day

/** Words ending in these introduce a time: 上午 下午 中午 早上 晚上 晚 早. */
const DAYPART_ENDINGS = new Set([..."午上晚早"]);

/**
 * Reads a time of day or a range of times at token i (`9:30`, `14:00-16:00`, `9点半`, `9时30分`, `上午9.30`);
 * returns the index after it. Times are skipped so their digits never become days.
 */
function readTimeOfDay(tokens: readonly Token[], i: number, dotIsClock: boolean): number | undefined {
  const end = readClock(tokens, i, dotIsClock, false);
  if (end === undefined) return undefined;
  // "14:00-16:00": this connector joins two times, not two days.
  if (at(tokens, end).kind === "range") return readClock(tokens, end + 1, dotIsClock, true) ?? end;
  return end;
}

function readClock(tokens: readonly Token[], i: number, dotIsClock: boolean, bareHour: boolean): number | undefined {
  const hour = at(tokens, i);
  if (!isNum(hour, 2) || hour.value > 24) return undefined;
  const mark = at(tokens, i + 1);
  if (mark.kind === "colon" && isMinutes(at(tokens, i + 2))) return skipSeconds(tokens, i + 3);
  if (mark.kind === "dot" && dotIsClock && isMinutes(at(tokens, i + 2))) return i + 3;
  if (mark.kind === "other" && (mark.text.startsWith("点") || mark.text.startsWith("时"))) {
    return skipMinutes(tokens, i + 2);
  }
  // The end of a time range may drop its minutes ("9:30-11"), but "9:30-4月26日" goes on to a date.
  return bareHour && !DATE_PARTS.has(mark.kind) ? i + 1 : undefined;
}

const DATE_PARTS: ReadonlySet<Kind> = new Set(["year", "month", "day", "dot", "slash"]);

function isMinutes(token: Token): boolean {
  return token.kind === "num" && token.text.length === 2 && token.value <= 59;
}

/** 9:30:00, as Excel writes a date-time cell's text. */
function skipSeconds(tokens: readonly Token[], i: number): number {
  return at(tokens, i).kind === "colon" && isMinutes(at(tokens, i + 1)) ? i + 2 : i;
}

/** 9点30分 */
function skipMinutes(tokens: readonly Token[], i: number): number {
  const unit = at(tokens, i + 1);
  return isNum(at(tokens, i), 2) && unit.kind === "other" && unit.text.startsWith("分") ? i + 2 : i;
}

// ---------------------------------------------------------------------------------------------------------------
// Deadlines and open bounds

/**
 * Words that make the day just before them a bound rather than the day of the activity: `until` (4月26日前, 止),
 * `from` (4月20日起, 以后) and `about` (4月22日前后, 左右). After a time of day (`4月22日14:00起`, `9:00左右`)
 * only `until` still speaks of the day; the others speak of the hour.
 */
type BoundFamily = "until" | "from" | "about";
const BOUNDS_AFTER: readonly (readonly [word: string, family: BoundFamily])[] = [
  ["前后", "about"],
  ["左右", "about"],
  ["之前", "until"],
  ["以前", "until"],
  ["为止", "until"],
  ["截止", "until"],
  ["截至", "until"],
  ["结束", "until"],
  ["止", "until"],
  ["前", "until"],
  ["之后", "from"],
  ["以后", "from"],
  ["开始", "from"],
  ["后", "from"],
  ["起", "from"],
];
/** Words that begin with a bound's character but are no bound: 前往 (go to), 后续 (follow-up), 前台 (front desk). */
const NOT_BOUNDS = new Set([
  ..."前往 前来 前去 前赴 前进 前台 前厅 前排 前期 前言 前沿 后续 后期 后勤 后台 后方 后排 后备 起草".split(" "),
]);

/** The bound word at offset k of a word token, if one begins there. */
function boundAt(text: string, k: number): (typeof BOUNDS_AFTER)[number] | undefined {
  for (const bound of BOUNDS_AFTER) {
    if (!text.startsWith(bound[0], k)) continue;
    return bound[0].length === 1 && NOT_BOUNDS.has(text.slice(k, k + 2)) ? undefined : bound;
  }
  return undefined;
}

/**
 * Words that make the day just after them a bound: 截至4月26日, 最迟4月26日, 自4月20日 (and 自4月20日起; a range
 * 自4月20日至26日 is never a single day, so 自 and 从 need no look at what follows). Longest first, so the fragment
 * shows the whole word.
 */
const BOUNDS_BEFORE = [
  ..."截止日期 截止时间 截止到 截止至 不晚于 不迟于 最迟于 最晚于 截至 截止 最迟 最晚 自从 自 从".split(" "),
];
/** 亲自 (in person), 各自, 来自, 服从, 跟从 …: 自 and 从 that do not mean "from". */
const NOT_FROM_AFTER = new Set([..."亲各来独擅暗私径服听跟随无"]);

/**
 * The length of the bound word the text ends with at offset end, or 0. Matched in the text, not in a token:
 * 截止日期 is three tokens, as its 日 is a date mark.
 */
function boundBeforeLength(text: string, end: number): number {
  for (const word of BOUNDS_BEFORE) {
    if (end < word.length || !text.startsWith(word, end - word.length)) continue;
    const single = word === "自" || word === "从";
    if (single && NOT_FROM_AFTER.has(text.charAt(end - 2))) return 0;
    return word.length;
  }
  return 0;
}

/** Parts of the day, which a bound after them does not turn into a deadline unless it is `until`. */
const DAYPARTS = ["上午", "下午", "中午", "晚上", "早上", "全天", "凌晨", "傍晚", "晚间"];
const WEEKDAY_NAMES = new Set([..."一二三四五六日天"]);
const CLOSING: Readonly<Record<string, string>> = { "(": ")", "[": "]", "【": "】" };

/**
 * Where the remarks that may stand between a day and its bound end in a word token: a bracketed remark
 * (`(周五)前`), a weekday (`周五前`) or a part of the day (`下午前`); `timed` says a part of the day was among them.
 * Every step moves forward, so the work is linear in the token's length.
 */
function skipRemarks(text: string): { k: number; timed: boolean } {
  let k = 0;
  let timed = false;
  for (;;) {
    const closing = CLOSING[text.charAt(k)];
    if (closing !== undefined) {
      const close = text.indexOf(closing, k + 1);
      if (close < 0) return { k, timed };
      k = close + 1;
    } else if (text.startsWith("周", k) && WEEKDAY_NAMES.has(text.charAt(k + 1))) {
      k += 2;
    } else if (text.startsWith("星期", k) && WEEKDAY_NAMES.has(text.charAt(k + 2))) {
      k += 3;
    } else {
      const daypart = DAYPARTS.find((word) => text.startsWith(word, k));
      if (daypart === undefined) return { k, timed };
      k += daypart.length;
      timed = true;
    }
  }
}

/** A connector that is a word (至, 到), not a dash: only these lead a deadline (`至4月26日`). */
function isConnectorWord(token: Token): boolean {
  return token.kind === "range" && (token.text === "至" || token.text === "到");
}

/** What may follow a connector that then joins nothing: the end, a list mark, 至今 (up to now), 待定 … */
function endsNothing(token: Token): boolean {
  if (token.kind === "end" || token.kind === "list") return true;
  return token.kind === "other" && NOTHING_AFTER_CONNECTOR.some((word) => token.text.startsWith(word));
}
const NOTHING_AFTER_CONNECTOR = ["今", "待定", "另行", "未定", "。"];

// ---------------------------------------------------------------------------------------------------------------
// Reading the whole cell

const TIME_WORDS = /[0-9年月日号周旬天期时季初底末]|待定|另行|通知|择期|届时|近期|tbd/i;

/**
 * Walks the tokens once. A date becomes a single day when the next date or the end shows that no range follows;
 * the year and month of each date carry to the dates after it (`4月20日、22日`, `2023年4月20日、4月22日`).
 */
/** A single day held back: a connector may still make it the start of a range, or a word after it a bound. */
interface OpenDay {
  term: Term;
  day: Ymd;
  /** Where a deadline's fragment begins in the text: at a bound word before the day (截至, 自, 至) or at the day. */
  from: number;
  /** A bound word or a leading 至 comes before the day. */
  boundBefore: boolean;
  /** Where the bound word after the day ends in the text, once one is read; -1 before. */
  boundEnd: number;
  /** The bound after the day is 起 or 开始: a list mark may still part it from the end of its period. */
  starts: boolean;
  /** A time of day or a part of the day has followed the day: only an `until` bound still speaks of the day. */
  timed: boolean;
  /** A word other than a remark has followed the day: a bound further on belongs to something else. */
  worded: boolean;
}

class Reader {
  private readonly spans: DateSpan[] = [];
  private year: number;
  private month: number | undefined;
  /** The last single day, held back until the next date, list mark or the end shows what it is. */
  private open: OpenDay | undefined;
  /** The index of a connector read after `open`, or -1. */
  private connectorAt = -1;
  /** Where the last date with a day ended, and how it was written. */
  private lastDayEnd = -1;
  private lastDayStyle: Term["style"] | undefined;
  private vague: string | undefined;
  private deadline: string | undefined;
  private impossible: string | undefined;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
    private readonly normal: string,
    defaultYear: number,
  ) {
    this.year = defaultYear;
  }

  read(): ActivityTimeResult {
    let i = 0;
    while (at(this.tokens, i).kind !== "end" && this.impossible === undefined) i = this.step(i);
    this.flush();
    if (this.impossible !== undefined) return { ok: false, reason: "impossible-date", fragment: this.impossible };
    if (this.deadline !== undefined) return { ok: false, reason: "deadline", fragment: this.deadline };
    if (this.vague !== undefined) return { ok: false, reason: "no-specific-day", fragment: this.vague };
    if (this.spans.length > 0) return { ok: true, spans: this.spans };
    return { ok: false, reason: TIME_WORDS.test(this.normal) ? "no-specific-day" : "unrecognised" };
  }

  /** Reads whatever starts at token i; returns the index after it. */
  private step(i: number): number {
    // Dates and times begin with a number; anything else is a connector or noise.
    if (at(this.tokens, i).kind !== "num") {
      this.skip(i);
      return i + 1;
    }
    const timeEnd = readTimeOfDay(this.tokens, i, this.dotIsClock(i));
    if (timeEnd !== undefined) {
      this.afterTime(timeEnd);
      return timeEnd;
    }
    const term = readTerm(this.tokens, i, this.continuesDate(i));
    if (term) {
      this.take(term);
      return term.next;
    }
    this.skip(i);
    return i + 1;
  }

  private dotIsClock(i: number): boolean {
    const before = at(this.tokens, i - 1);
    // 最晚4.26 is a deadline, not 4:26 in the evening.
    const afterDaypart =
      before.kind === "other" &&
      DAYPART_ENDINGS.has(before.text.charAt(before.text.length - 1)) &&
      !before.text.endsWith("最晚");
    return afterDaypart || (this.lastDayStyle === "chinese" && i === this.lastDayEnd);
  }

  private continuesDate(i: number): boolean {
    const before = at(this.tokens, i - 1).kind;
    return (before === "list" || before === "range") && i - 1 === this.lastDayEnd;
  }

  private take(term: Term): void {
    const rangeStart = this.open !== undefined && this.connectorAt === term.first - 1 ? this.open : undefined;
    if (term.day === undefined) {
      // "4月20日至5月" ends nowhere in particular.
      if (rangeStart) this.vague ??= this.fragment(rangeStart.term.first, term.next);
      this.flush();
      this.takeMonthOrYear(term);
      return;
    }
    this.lastDayEnd = term.next;
    this.lastDayStyle = term.style;
    if (rangeStart) {
      this.closeRange(rangeStart, term, term.day);
    } else {
      this.flush();
      this.openDay(term, term.day);
    }
  }

  /** "2024年4月" or "4月": no day, but it gives the month to days that follow ("4月下旬，22日"). */
  private takeMonthOrYear(term: Term): void {
    const year = term.year ?? this.year;
    const month = term.month ?? this.month;
    if (!isDay({ year, month: month ?? 1, day: 1 })) {
      this.impossible = this.fragment(term.first, term.next);
      return;
    }
    this.year = year;
    this.month = month;
  }

  private openDay(term: Term, dayOfMonth: number): void {
    const year = term.year ?? this.year;
    const month = term.month ?? this.month;
    if (month === undefined) {
      this.vague ??= this.fragment(term.first, term.next);
      return;
    }
    const day = { year, month, day: dayOfMonth };
    if (!isDay(day)) {
      this.impossible = this.fragment(term.first, term.next);
      return;
    }
    this.year = year;
    this.month = month;
    const from = this.boundBefore(term.first);
    const boundBefore = from >= 0;
    this.open = {
      term,
      day,
      from: boundBefore ? from : at(this.tokens, term.first).start,
      boundBefore,
      boundEnd: -1,
      starts: false,
      timed: false,
      worded: false,
    };
    this.connectorAt = -1;
  }

  /**
   * Where a bound before the day at token i begins in the text, or -1: a word such as 截至 or 自 (a colon may
   * follow it: `截止日期：4月26日`), or 至 / 到 with no date before it (`至4月26日`, `直到4月26日`).
   */
  private boundBefore(i: number): number {
    let before = at(this.tokens, i - 1);
    if (isConnectorWord(before)) {
      const ahead = at(this.tokens, i - 2);
      if (ahead.kind === "other") return ahead.text.endsWith("直") ? ahead.end - 1 : before.start;
      return ahead.kind === "end" || ahead.kind === "list" || ahead.kind === "colon" ? before.start : -1;
    }
    if (before.kind === "colon") before = at(this.tokens, i - 2);
    const length = before.kind === "other" ? boundBeforeLength(this.normal, before.end) : 0;
    return length > 0 ? before.end - length : -1;
  }

  /** A word after the open day: a bound (前, 起, 左右 …) if it comes before any other word. */
  private afterDay(token: Token): void {
    const open = this.open;
    if (open === undefined || open.worded || this.connectorAt >= 0) return;
    const remarks = skipRemarks(token.text);
    open.timed ||= remarks.timed;
    if (remarks.k === token.text.length) return;
    this.takeBound(open, token, remarks.k);
  }

  /** A time right after the open day (`4月26日17:00前`, `4月26日5点前`): the 前 may be in the time's last token. */
  private afterTime(timeEnd: number): void {
    const open = this.open;
    if (open === undefined || open.worded || this.connectorAt >= 0) return;
    open.timed = true;
    const last = at(this.tokens, timeEnd - 1);
    if (last.kind !== "other" || last.text.length === 1) return;
    // 点前, 时前, 分前, 点半前, 点整前
    const k = last.text.startsWith("半", 1) || last.text.startsWith("整", 1) ? 2 : 1;
    if (k < last.text.length) this.takeBound(open, last, k);
  }

  private takeBound(open: OpenDay, token: Token, k: number): void {
    open.worded = true;
    const bound = boundAt(token.text, k);
    if (bound === undefined || (open.timed && bound[1] !== "until")) return;
    open.boundEnd = token.start + k + bound[0].length;
    open.starts = bound[0] === "起" || bound[0] === "开始";
  }

  private closeRange(start: { term: Term; day: Ymd }, term: Term, dayOfMonth: number): void {
    const end = rangeEnd(start.day, term, dayOfMonth);
    const startIso = toIsoDate(start.day);
    if (!isDay(end) || toIsoDate(end) < startIso) {
      this.impossible = this.fragment(isDay(end) ? start.term.first : term.first, term.next);
      return;
    }
    this.spans.push({ start: startIso, end: toIsoDate(end) });
    this.year = end.year;
    this.month = end.month;
    this.open = undefined;
    this.connectorAt = -1;
  }

  /** A token that is not part of a date or time: a connector, or noise that may end a pending range. */
  private skip(i: number): void {
    const token = at(this.tokens, i);
    if (token.kind === "range" && this.open) this.connectorAt = i;
    else if (token.kind === "other") this.afterDay(token);
    // A list or a stray number (a phone number, "9-11点") separates what comes before from what comes after;
    // words do not, so "4月20日（周六）至4月26日" is still one range. Nor does a list mark between 起 and 至:
    // "自4月20日起，至4月26日止" is one range.
    else if (token.kind === "list" && this.open?.starts && this.connectorAt < 0) {
      if (!isConnectorWord(at(this.tokens, i + 1))) this.flush();
    } else if (token.kind === "list" || token.kind === "num") this.flush();
  }

  /**
   * Emits the held-back day as a single day; or, when a bound word stands before or after it or a connector after
   * it joins nothing, records the deadline: such a day is a limit of a period, not a day the activity happens.
   */
  private flush(): void {
    const open = this.open;
    if (open) {
      const deadlineEnd = this.deadlineEnd(open);
      if (deadlineEnd >= 0) {
        this.deadline ??= this.source.slice(open.from, deadlineEnd).trim();
      } else {
        const day = toIsoDate(open.day);
        this.spans.push({ start: day, end: day });
      }
    }
    this.open = undefined;
    this.connectorAt = -1;
  }

  /** Where the deadline that the open day is part of ends in the text, or -1 when the day is a day. */
  private deadlineEnd(open: OpenDay): number {
    if (this.connectorAt >= 0) {
      const connector = at(this.tokens, this.connectorAt);
      const after = at(this.tokens, this.connectorAt + 1);
      // "4月20日至", "4月20日至今"
      if (endsNothing(after)) return after.text.startsWith("今") ? after.start + 1 : connector.end;
    }
    if (open.boundEnd >= 0) return open.boundEnd;
    return open.boundBefore ? at(this.tokens, open.term.next - 1).end : -1;
  }

  /** The original text from token `first` up to, not including, token `next`. */
  private fragment(first: number, next: number): string {
    return this.source.slice(at(this.tokens, first).start, at(this.tokens, next - 1).end).trim();
  }
}

/** isRealDay, with a shortcut for the days every month has: isRealDay builds a Date, the cost of a whole parse. */
function isDay(ymd: Ymd): boolean {
  const { year, month, day } = ymd;
  // The parts come from runs of digits, so they are whole numbers (or NaN, which fails every comparison).
  const inEveryMonth = year >= 1900 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 28;
  return inEveryMonth || isRealDay(ymd);
}

/**
 * The end of a range takes the start's year and month when it omits them. It runs into the next year only when
 * its month is far before the start's (`12月30日-1月2日`); `4月22日-3月1日` stays backwards and impossible.
 */
function rangeEnd(start: Ymd, term: Term, dayOfMonth: number): Ymd {
  const month = term.month ?? start.month;
  const wraps = term.year === undefined && term.month !== undefined && start.month - term.month >= 6;
  return { year: (term.year ?? start.year) + (wraps ? 1 : 0), month, day: dayOfMonth };
}
