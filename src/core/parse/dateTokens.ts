/**
 * The tokenizer of the 活动时间 parser: splits a cell's (half-width) text into numbers, date marks (年 月 日 号),
 * connectors, list marks and other words, in one pass with a table look-up per character. Chinese numerals become
 * numbers only next to a date mark or as a day listed after 月, so 周一 and 一场 stay words.
 *
 * Kept apart from the readers in activityTime.ts because it is the part that walks characters; they walk tokens,
 * and look around them with `at`, which never reads outside the array.
 */
import { CHINESE_NUMERAL_CHARS, chineseNumeralValue } from "./chineseNumerals";

export type Kind =
  | "num" // a run of digits, or a Chinese numeral next to a date mark
  | "cnum" // a Chinese numeral before it is known to be a number; none is left after tokenize()
  | "year" // 年
  | "month" // 月
  | "day" // 日 号
  | "range" // - ~ — 至 到 …: joins two dates, or separates the parts of a numeric date when a single "-"
  | "list" // 、 , ; 及 和 and line breaks
  | "slash"
  | "dot"
  | "colon"
  | "other" // any other run of characters: remarks, brackets, weekday names
  | "end";

export interface Token {
  kind: Kind;
  /** The normalised text; for a number its ASCII digits, also when it was written in Chinese numerals. */
  text: string;
  value: number;
  /** Offsets into the text. */
  start: number;
  end: number;
  /** White space comes before it: a date may end there whatever follows. */
  spaced: boolean;
}

/**
 * How the tokenizer treats a character: the kind of token it makes, and whether following characters of the same
 * class join that token (`——` is one connector, `2024` one number, a remark one word).
 */
interface CharClass {
  readonly kind: Kind | "space";
  readonly run: boolean;
}

const WORD: CharClass = { kind: "other", run: true };
const SPACE: CharClass = { kind: "space", run: false };
const BREAK: CharClass = { kind: "list", run: true };
const CONNECTOR_WORD: CharClass = { kind: "range", run: false };
/** The classes in use; CLASS_OF_CODE holds indices into it. Index 0, the default, is WORD. */
const CLASSES: CharClass[] = [WORD];

/** Every UTF-16 code's class index: one array read per character, no allocation and no regular expression. */
const CLASS_OF_CODE = new Uint8Array(0x10000);
function classify(chars: Iterable<string>, charClass: CharClass): void {
  if (!CLASSES.includes(charClass)) CLASSES.push(charClass);
  const index = CLASSES.indexOf(charClass);
  for (const ch of chars) CLASS_OF_CODE[ch.charCodeAt(0)] = index;
}
classify("0123456789", { kind: "num", run: true });
classify(CHINESE_NUMERAL_CHARS, { kind: "cnum", run: true });
classify("年", { kind: "year", run: false });
classify("月", { kind: "month", run: false });
classify("日号號", { kind: "day", run: false });
classify("-~–—―−‐‑‒﹣〜⁓", { kind: "range", run: true });
classify("至到", CONNECTOR_WORD);
classify("、,;及和与或&", { kind: "list", run: false });
classify("/", { kind: "slash", run: false });
classify(".", { kind: "dot", run: false });
classify(":", { kind: "colon", run: false });
classify("\n\r\u2028\u2029\u000B\u000C", BREAK);
// Every other white space JavaScript knows (\s), and the zero-width space.
classify(" \t\u00A0\u1680\u202F\u205F\u3000\uFEFF", SPACE);
classify("\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B", SPACE);

/**
 * 至 and 到 after these are words, not connectors: 截至 (as of), 截止到 and 截止至 (up to), 报到 (check in), 签到,
 * 迟到, 收到, 达到, 得到, 来到.
 */
const NOT_A_CONNECTOR_AFTER = new Set([..."截止报签迟收达得来"].map((ch) => ch.charCodeAt(0)));

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let spaced = false;
  let numerals = false;
  let i = 0;
  while (i < text.length) {
    const charClass = classAt(text, i);
    if (charClass === SPACE) {
      spaced = true;
      i++;
      continue;
    }
    const end = runEnd(text, i, charClass);
    const kind = charClass.kind as Kind;
    numerals ||= kind === "cnum";
    const raw = text.slice(i, end);
    tokens.push({ kind, text: raw, value: kind === "num" ? Number(raw) : 0, start: i, end, spaced });
    spaced = false;
    i = end;
  }
  tokens.push({ kind: "end", text: "", value: 0, start: text.length, end: text.length, spaced });
  if (!numerals) return tokens;
  resolveChineseNumerals(tokens);
  return joinWords(tokens, text);
}

function classAt(text: string, i: number): CharClass {
  const charClass = CLASSES[CLASS_OF_CODE[text.charCodeAt(i)] ?? 0] ?? WORD;
  if (charClass === CONNECTOR_WORD && NOT_A_CONNECTOR_AFTER.has(text.charCodeAt(i - 1))) return WORD;
  return charClass;
}

function runEnd(text: string, start: number, charClass: CharClass): number {
  if (!charClass.run) return start + 1;
  let end = start + 1;
  while (end < text.length) {
    const next = classAt(text, end);
    // Blank lines and indentation after a line break are one separator.
    if (next !== charClass && !(charClass === BREAK && next === SPACE)) break;
    end++;
  }
  return end;
}

/**
 * A Chinese numeral is a number only next to a date mark (四月, 二十二日, 二〇二四年) or as a day listed after 月
 * (四月二十、二十一日); elsewhere it is a word, so 周一, 星期三 and 一场 never become dates.
 */
function resolveChineseNumerals(tokens: Token[]): void {
  tokens.forEach((token, k) => {
    if (token.kind !== "cnum") return;
    const value = chineseNumeralValue(token.text);
    const left = at(tokens, k - 1).kind;
    const right = at(tokens, k + 1).kind;
    const beforeMark = right === "year" || right === "month" || right === "day";
    const listedDay = left === "month" && (right === "list" || right === "range");
    if (value !== undefined && (beforeMark || listedDay)) {
      token.kind = "num";
      token.text = String(value);
      token.value = value;
    } else {
      token.kind = "other";
    }
  });
}

/**
 * A numeral that stayed a word joins the words it touches, so that every word is one token as in a text without
 * numerals: `(周五)前` and `周五前` after a date are one remark, as `(周六)前` is.
 */
function joinWords(tokens: Token[], text: string): Token[] {
  const joined: Token[] = [];
  let grown = false;
  for (const token of tokens) {
    const last = joined[joined.length - 1];
    if (last?.kind === "other" && token.kind === "other" && !token.spaced && last.end === token.start) {
      last.end = token.end;
      grown = true;
    } else {
      joined.push(token);
    }
  }
  // The texts are cut once at the end: growing them token by token would copy a long run of words again and again.
  if (grown) for (const token of joined) if (token.kind === "other") token.text = text.slice(token.start, token.end);
  return joined;
}

/** Only white space and line breaks: every token but the end is a line break. */
export function isBlank(tokens: readonly Token[]): boolean {
  return tokens.every((token) => token.kind === "end" || token.text.trim() === "");
}

const NOTHING: Token = { kind: "end", text: "", value: 0, start: 0, end: 0, spaced: false };

/** The token at i, or an end token outside the text: readers look ahead and behind without bounds checks. */
export function at(tokens: readonly Token[], i: number): Token {
  // Checked by hand: reading past an array's end takes a slow path in V8.
  return i >= 0 && i < tokens.length ? (tokens[i] as Token) : NOTHING;
}
