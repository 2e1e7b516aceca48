/**
 * The 联系人 cell as text, for the two readers in phoneNumbers.ts and personNames.ts: the cell is normalised
 * (half-width, one kind of dash, e-mail addresses blanked), lexed once into tokens, and scanned into runs of
 * digits, which may be phones, and the words around them, which may be names or the labels that say what a number
 * is. The word indexes and tagged words (phone labels, other-number labels, placeholders) live here too, because
 * the scan tags every word as it goes and the name reader looks words up the same way.
 *
 * It is the only part of the contact parser that sees the cell as a string; the readers see runs and words. Every
 * step keeps each character at its offset, so the offsets on runs, words and problems index the text as typed.
 */
import { toHalfWidth } from "../text";
import type { PhoneDefect } from "./phoneNumbers";

/** A broken or placeholder number found by a reader; parseContact reports the earliest of each kind. */
export interface Problem {
  reason: "phone-placeholder" | "phone-malformed";
  /** Offsets into the cell; normalising keeps every character in place, so they index the original text too. */
  start: number;
  end: number;
  /** For a malformed number, what is wrong with it by the numbering plan, when the phone reader can tell. */
  defect?: PhoneDefect;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalising. Each step swaps one UTF-16 unit for one, so offsets into the result are offsets into the input.

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

export function normalise(text: string): string {
  return blankEmails(toHalfWidth(text).replace(DASHES, "-"));
}

/** Blanks out e-mail addresses: `12345678@qq.com` is a mailbox, not a phone number. */
function blankEmails(s: string): string {
  let out = "";
  let copied = 0;
  for (let at = s.indexOf("@"); at !== -1; at = s.indexOf("@", at + 1)) {
    // Scanning left stops at the previous address and at every "@", so no character is scanned twice.
    let start = at;
    while (start > copied && isLocalPartChar(s.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < s.length && isDomainChar(s.charCodeAt(end))) end++;
    if (start === at || end === at + 1) continue;
    out += s.slice(copied, start) + " ".repeat(end - start);
    copied = end;
    at = end - 1;
  }
  return out + s.slice(copied);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isLocalPartChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 46 /* . */ || c === 95 /* _ */ || c === 45 /* - */ || c === 43 /* + */ || c === 37;
}
function isDomainChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 46 || c === 45;
}

// ---------------------------------------------------------------------------------------------------------------
// Word lists, indexed by first and last character (longest word first), so that finding a label in a word or
// stripping it off an end costs a map look-up and a few comparisons, not a pass over every list.

interface WordIndex {
  byFirst: Map<string, string[]>;
  byLast: Map<string, string[]>;
}

export function indexWords(words: readonly string[]): WordIndex {
  const index: WordIndex = { byFirst: new Map(), byLast: new Map() };
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    for (const [map, key] of [[index.byFirst, word.charAt(0)], [index.byLast, word.charAt(word.length - 1)]] as const) {
      const list = map.get(key);
      if (list) list.push(word);
      else map.set(key, [word]);
    }
  }
  return index;
}

/** Words inside a Han word that say what the numbers after it are, or that no number is given yet. */
const PHONE_LABEL = 1;
const OTHER_NUMBER_LABEL = 2;
export const PLACEHOLDER = 4;

// "号码" is not a phone label: `QQ号码` must stay a QQ number.
const TAGGED_WORDS = new Map<string, number>([
  ...["电话", "手机", "座机", "固话", "联系方式"].map((w) => [w, PHONE_LABEL] as const),
  ...["传真", "邮编", "邮政编码", "邮箱", "身份证"].map((w) => [w, OTHER_NUMBER_LABEL] as const),
  ...["待定", "待补", "待填", "待确认", "待确定", "未定", "暂无", "暂定", "另行通知", "另告", "稍后", "后补", "不详", "某某"]
    .map((w) => [w, PLACEHOLDER] as const),
]);
const TAGGED_INDEX = indexWords([...TAGGED_WORDS.keys()]);

/** The tags of every tagged word found in `text`, OR-ed together, in one pass. */
export function tagsIn(text: string): number {
  let tags = 0;
  for (let i = 0; i < text.length; i++) {
    for (const word of TAGGED_INDEX.byFirst.get(text.charAt(i)) ?? []) {
      if (text.startsWith(word, i)) tags |= TAGGED_WORDS.get(word) ?? 0;
    }
  }
  return tags;
}

// ---------------------------------------------------------------------------------------------------------------
// Lexing

/**
 * mask: placeholder characters (xxxx, ****, ????, ____); join: punctuation that may sit inside a phone number
 * (- ( ) + .); ext: an extension marker (转, 分机, ext); break: anything else, which ends a number and a name
 * (， ； ： / 、 line breaks).
 */
type TokenKind = "digits" | "mask" | "join" | "ext" | "space" | "han" | "latin" | "break";

interface Token {
  kind: TokenKind;
  text: string;
  start: number;
  end: number;
}

const JOIN_CHARS = "-()+.";
const MASK_CHARS = "*?_\u00D7\u25CB\u25CF\u25A1\u25A0"; // × ○ ● □ ■
/** Middle dots of minority names (阿依古丽·买买提) in their many encodings; "." too when it sits between Han. */
const NAME_DOTS = ".\u00B7\u2022\u2027\u2219\u30FB\uFF65";
const EXT_WORDS = new Set(["转", "分机", "分机号", "转分机", "内线"]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLatin(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f ||
    c === 0xfeff || c === 0x3000;
}

/** UTF-16 units taken by a Han character at i: 1 in the BMP, 2 for the rare-name extensions B-H, 0 if none. */
function hanWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if ((c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return 1;
  const low = s.charCodeAt(i + 1);
  return c >= 0xd840 && c <= 0xd8bf && low >= 0xdc00 && low <= 0xdfff ? 2 : 0;
}

export function lex(s: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number) => {
    tokens.push({ kind, text: s.slice(start, end), start, end });
  };
  let i = 0;
  while (i < s.length) {
    const start = i;
    const c = s.charCodeAt(i);
    const ch = s.charAt(i);
    if (isDigit(c)) {
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      push("digits", start, i);
    } else if (hanWidth(s, i) > 0) {
      i = scanHan(s, i);
      push(EXT_WORDS.has(s.slice(start, i)) ? "ext" : "han", start, i);
    } else if (isLatin(c)) {
      while (i < s.length && isLatin(s.charCodeAt(i))) i++;
      const word = s.slice(start, i);
      if (/^x+$/i.test(word)) push("mask", start, i);
      else if (word.toLowerCase() === "ext") {
        if (s.charAt(i) === "." || s.charAt(i) === ":") i++; // ext.808, ext:808
        push("ext", start, i);
      } else push("latin", start, i);
    } else if (MASK_CHARS.includes(ch)) {
      while (i < s.length && MASK_CHARS.includes(s.charAt(i))) i++;
      push("mask", start, i);
    } else if (JOIN_CHARS.includes(ch)) {
      push("join", start, ++i);
    } else if (isSpace(c)) {
      while (i < s.length && isSpace(s.charCodeAt(i))) i++;
      push("space", start, i);
    } else {
      push("break", start, ++i);
    }
  }
  return tokens;
}

/** A run of Han characters, taking in a name dot only when Han follows it (阿依古丽·买买提). */
function scanHan(s: string, i: number): number {
  for (;;) {
    const width = hanWidth(s, i);
    if (width > 0) i += width;
    else if (NAME_DOTS.includes(s.charAt(i)) && i + 1 < s.length && hanWidth(s, i + 1) > 0) i += 1;
    else return i;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scanning tokens into number runs and words

/** Digits (maybe with placeholder characters) typed without a break: `138`, `6218xxxx`. */
export interface Group {
  text: string;
  masked: boolean;
  start: number;
  end: number;
  /** Where a problem quoting it starts: at a `+` or `(` typed right before it (`+86 21 621 8123`, `(021)6218`). */
  lead: number;
  /** What separated it from the group before: an extension marker, or a dash (`-808` may be an extension). */
  afterExt: boolean;
  afterDash: boolean;
}

/** Number groups with only spaces and phone punctuation between them: one or more phones, or a broken one. */
export interface Run {
  groups: Group[];
  /** Preceded by a fax, QQ, postcode or e-mail label (and no phone label): not a phone. */
  ignored: boolean;
}

export interface Word {
  kind: "han" | "latin";
  text: string;
  start: number;
  end: number;
  /** Only white space separates it from the word before (`李 晴` is one name split by a space). */
  spaced: boolean;
  /** PHONE_LABEL, OTHER_NUMBER_LABEL and PLACEHOLDER bits. */
  tags: number;
}

/** Latin labels are whole words: `E-mail` lexes as E, -, mail. */
const LATIN_PHONE_LABELS = new Set(["tel", "telephone", "phone", "mobile", "mob", "cell"]);
const LATIN_OTHER_NUMBER_LABELS = new Set(["qq", "fax", "email", "mail"]);

export function scan(tokens: readonly Token[]): { runs: Run[]; words: Word[] } {
  const runs: Run[] = [];
  const words: Word[] = [];
  // Labels seen since the last number decide what that number is: `电话/传真：23110863` is still a phone.
  let phoneLabel = false;
  let otherLabel = false;
  let spaced = false;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (startsRun(tokens, i)) {
      const end = runEnd(tokens, i);
      runs.push({ groups: groupsOf(tokens.slice(i, end)), ignored: otherLabel && !phoneLabel });
      phoneLabel = otherLabel = spaced = false;
      i = end;
      continue;
    }
    if (token.kind === "han" || token.kind === "latin") {
      const tags = token.kind === "han" ? tagsIn(token.text) : 0;
      words.push({ kind: token.kind, text: token.text, start: token.start, end: token.end, spaced, tags });
      if (token.kind === "han") {
        phoneLabel ||= (tags & PHONE_LABEL) !== 0;
        otherLabel ||= (tags & OTHER_NUMBER_LABEL) !== 0;
      } else {
        const lower = token.text.toLowerCase();
        phoneLabel ||= LATIN_PHONE_LABELS.has(lower);
        otherLabel ||= LATIN_OTHER_NUMBER_LABELS.has(lower);
      }
      spaced = true;
    } else if (token.kind !== "space") {
      spaced = false;
    }
    i++;
  }
  return { runs, words };
}

function startsRun(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.kind === "digits" || token.kind === "mask") return true;
  // `(021)62181234`, `+86 138…`: only the next token is looked at, to stay linear on `((((((`.
  const next = tokens[i + 1];
  return (token.text === "(" || token.text === "+") && next !== undefined && next.kind === "digits";
}

/** End (exclusive) of the run starting at i: up to its last digits or mask token. */
function runEnd(tokens: readonly Token[], i: number): number {
  let end = i + 1;
  for (let j = i; j < tokens.length; j++) {
    const kind = tokens[j]!.kind;
    if (kind === "digits" || kind === "mask") end = j + 1;
    else if (kind !== "join" && kind !== "space" && kind !== "ext") break;
  }
  return end;
}

function groupsOf(tokens: readonly Token[]): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  let afterExt = false;
  let afterDash = false;
  let opener: Token | undefined; // a `+` or `(` just before, which belongs to the number when it is quoted
  for (const token of tokens) {
    if (token.kind === "digits" || token.kind === "mask") {
      const masked = token.kind === "mask";
      if (current && current.end === token.start) {
        current.text += token.text;
        current.masked ||= masked;
        current.end = token.end;
      } else {
        const lead = opener?.end === token.start ? opener.start : token.start;
        current = { text: token.text, masked, start: token.start, end: token.end, lead, afterExt, afterDash };
        groups.push(current);
        afterExt = afterDash = false;
      }
      opener = undefined;
    } else {
      opener = token.text === "+" || token.text === "(" ? token : undefined;
      current = undefined;
      afterExt ||= token.kind === "ext";
      afterDash ||= token.text === "-";
    }
  }
  return groups;
}
