/**
 * The 联系人 cell: a person's name and a reachable phone number, written together in one cell by people typing on
 * Chinese keyboards (`联 系 人：王  斌`, `郑益枫 23110863；李晴 23110861`, `王斌（科长）１３８１２３４５６７８`).
 *
 * The cell is lexed once into tokens, then read twice: runs of digits become phones (or broken numbers), and the
 * remaining words become names once labels (`联系人：`, `Tel:`) and titles (`科长`) are set aside. Everything is a
 * hand-written scan over the string with no backtracking regular expressions, so a cell costs time linear in its
 * length however hostile it is.
 */
import { toHalfWidth } from "../text";

export type PhoneKind = "mobile" | "landline";

export interface Phone {
  kind: PhoneKind;
  /** Normalised: `13812345678`, `23110863`, `0533-3188608`, `021-62181234-808` (area code, number, extension). */
  digits: string;
}

export type ContactResult =
  | { ok: true; names: string[]; phones: Phone[] }
  | {
      ok: false;
      reason: "empty" | "no-name" | "no-phone" | "phone-malformed" | "phone-placeholder";
      /** The offending text as the unit typed it (full-width and all), for the message. */
      fragment?: string;
    };

/**
 * Parses a 联系人 cell: a person's name and a reachable phone number, in the same cell.
 *
 * ok when the cell names at least one person and holds at least one valid mainland mobile or landline number.
 * A placeholder (`021-6218xxxx`, `电话待定`) or a malformed number (`1381234567`) anywhere in the cell is reported
 * even when another number is fine: the unit wrote a broken number and must fix it. Fax, QQ, postcode and e-mail
 * numbers are recognised by their labels and ignored. Romanised names (`Li Qing`) count when capitalised.
 */
export function parseContact(text: string): ContactResult {
  const cell = normalise(text);
  const { runs, words } = scan(lex(cell));
  const phones = new Map<string, Phone>(); // by digits: the same number twice is one phone
  const problems: Problem[] = [];
  for (const run of runs) readRun(run, phones, problems);
  const people = readNames(words, problems);

  for (const reason of ["phone-placeholder", "phone-malformed"] as const) {
    const problem = firstOf(problems, reason);
    if (problem) return { ok: false, reason, fragment: text.slice(problem.start, problem.end).trim() };
  }
  if (runs.length === 0 && !people.hasContent) return { ok: false, reason: "empty" };
  if (people.names.size === 0) return { ok: false, reason: "no-name" };
  if (phones.size === 0) return { ok: false, reason: "no-phone" };
  return { ok: true, names: [...people.names], phones: [...phones.values()] };
}

interface Problem {
  reason: "phone-placeholder" | "phone-malformed";
  /** Offsets into the cell; normalising keeps every character in place, so they index the original text too. */
  start: number;
  end: number;
}

/** The earliest problem of a kind in the cell, whichever reader found it. */
function firstOf(problems: readonly Problem[], reason: Problem["reason"]): Problem | undefined {
  let first: Problem | undefined;
  for (const p of problems) if (p.reason === reason && (!first || p.start < first.start)) first = p;
  return first;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalising. Each step swaps one UTF-16 unit for one, so offsets into the result are offsets into the input.

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

function normalise(text: string): string {
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

function indexWords(words: readonly string[]): WordIndex {
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
const PLACEHOLDER = 4;

// "号码" is not a phone label: `QQ号码` must stay a QQ number.
const TAGGED_WORDS = new Map<string, number>([
  ...["电话", "手机", "座机", "固话", "联系方式"].map((w) => [w, PHONE_LABEL] as const),
  ...["传真", "邮编", "邮政编码", "邮箱", "身份证"].map((w) => [w, OTHER_NUMBER_LABEL] as const),
  ...["待定", "待补", "待填", "待确认", "待确定", "未定", "暂无", "暂定", "另行通知", "另告", "稍后", "后补", "不详", "某某"]
    .map((w) => [w, PLACEHOLDER] as const),
]);
const TAGGED_INDEX = indexWords([...TAGGED_WORDS.keys()]);

/** The tags of every tagged word found in `text`, OR-ed together, in one pass. */
function tagsIn(text: string): number {
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

function lex(s: string): Token[] {
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
interface Group {
  text: string;
  masked: boolean;
  start: number;
  end: number;
  /** What separated it from the group before: an extension marker, or a dash (`-808` may be an extension). */
  afterExt: boolean;
  afterDash: boolean;
}

/** Number groups with only spaces and phone punctuation between them: one or more phones, or a broken one. */
interface Run {
  groups: Group[];
  /** Preceded by a fax, QQ, postcode or e-mail label (and no phone label): not a phone. */
  ignored: boolean;
}

interface Word {
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

function scan(tokens: readonly Token[]): { runs: Run[]; words: Word[] } {
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
  for (const token of tokens) {
    if (token.kind === "digits" || token.kind === "mask") {
      const masked = token.kind === "mask";
      if (current && current.end === token.start) {
        current.text += token.text;
        current.masked ||= masked;
        current.end = token.end;
      } else {
        current = { text: token.text, masked, start: token.start, end: token.end, afterExt, afterDash };
        groups.push(current);
        afterExt = afterDash = false;
      }
    } else {
      current = undefined;
      afterExt ||= token.kind === "ext";
      afterDash ||= token.text === "-";
    }
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------------------------
// Phones

/** Fewer digits than this, unparsed, are room numbers and times (`302室`, `9:00`), not attempts at a phone. */
const PHONE_LOOKING_DIGITS = 5;

function readRun(run: Run, phones: Map<string, Phone>, problems: Problem[]): void {
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

// ---------------------------------------------------------------------------------------------------------------
// Names

/** Field labels: never a name, wherever they are glued (`联系人王斌`, `王斌电话`). */
const LABELS = [
  "联系人", "联系人员", "联络人", "联络员", "负责人", "经办人", "填表人", "联系", "姓名", "名字",
  "联系电话", "联系方式", "联系手机", "联系号码", "电话", "电话号码", "手机", "手机号", "手机号码", "移动电话",
  "固定电话", "固话", "座机", "座机号", "办公电话", "办公室电话", "工作电话", "单位电话", "号码",
  "传真", "传真号", "邮箱", "电子邮箱", "邮件", "电子邮件", "邮箱地址", "地址", "邮编", "邮政编码", "微信",
  "微信号", "分机", "分机号", "内线", "职务", "职位", "部门", "单位", "科室", "处室", "备注",
];

/** Titles and forms of address: set aside, but `王老师` (surname + title) is how a person is named. */
const TITLES = [
  "老师", "同志", "先生", "女士", "小姐", "师傅", "科长", "副科长", "处长", "副处长", "主任", "副主任",
  "局长", "副局长", "部长", "副部长", "厅长", "副厅长", "书记", "副书记", "经理", "副经理", "总经理", "主管",
  "科员", "一级科员", "二级科员", "干事", "专员", "秘书", "秘书长", "副秘书长", "院长", "副院长", "所长",
  "副所长", "站长", "队长", "组长", "馆长", "会长", "主席", "委员", "调研员", "一级调研员", "二级调研员",
  "三级调研员", "四级调研员", "主任科员", "一级主任科员", "二级主任科员", "三级主任科员", "四级主任科员",
  "工作人员", "负责同志", "教授", "博士", "律师", "法官", "检察官", "警官", "总监", "助理",
];

/** Whole words that look like a 2-4 character name but are not one. */
const NOT_NAMES = new Set([
  "同上", "同前", "见上", "如上", "本人", "办公室", "综合处", "综合科", "办公厅", "见附件", "附件", "工作日",
  "工作时间", "上班时间", "上午", "下午", "全天",
]);

const LATIN_PLACEHOLDERS = new Set(["tbd", "tba", "none", "null"]);

/** Latin words that label a field rather than name someone (`Tel:`, `Mobile`). */
const LATIN_LABELS = new Set([
  "tel", "phone", "mobile", "mob", "cell", "fax", "email", "mail", "qq", "wechat", "contact", "name", "no",
  "office", "mr", "ms", "mrs", "miss", "dr",
]);

/**
 * Organisation endings: a 4-character word ending in one is a department (`宣传教育处`), and a longer word splits
 * after one (`市知识产权局王斌`). Shorter words are left alone: `王科` and `李晓科` are names.
 */
const ORG_ENDINGS = "室科处局部厅办所院队站馆司股委组心";

const AFFIXES = indexWords([...LABELS, ...TITLES]);
const TITLE_SET = new Set(TITLES);

interface Stripped {
  core: string;
  /** The last title taken off, for `王老师`. */
  title: string;
}

/** Takes labels and titles off both ends of a Han word: `联系人王斌` -> 王斌, `科长王斌` -> 王斌 (title 科长). */
function stripAffixes(word: string): Stripped {
  let core = word;
  let title = "";
  while (core !== "") {
    const head = AFFIXES.byFirst.get(core.charAt(0))?.find((w) => core.startsWith(w));
    const tail = head ? undefined : AFFIXES.byLast.get(core.charAt(core.length - 1))?.find((w) => core.endsWith(w));
    const affix = head ?? tail;
    if (!affix) break;
    core = head ? core.slice(affix.length) : core.slice(0, core.length - affix.length);
    if (TITLE_SET.has(affix)) title = affix;
  }
  return { core, title };
}

interface People {
  /** In the order written, without repeats. */
  names: Set<string>;
  /** Something other than labels was written: `联系人：` alone is an empty cell, `科室` is not. */
  hasContent: boolean;
}

/** Names in the words; placeholder words (`待定`) are added to `problems`. */
function readNames(words: readonly Word[], problems: Problem[]): People {
  const people: People = { names: new Set(), hasContent: false };
  for (const piece of joinSpacedHan(words.filter((w) => w.kind === "han"))) {
    const placeholder = (piece.tags & PLACEHOLDER) !== 0; // `电话待定`: a phone still to come
    if (placeholder) problems.push({ reason: "phone-placeholder", start: piece.start, end: piece.end });
    const stripped = stripAffixes(piece.text);
    people.hasContent ||= placeholder || stripped.core !== "" || stripped.title !== "";
    const name = placeholder ? undefined : hanName(stripped);
    if (name) people.names.add(name);
  }
  for (const name of latinNames(words, people, problems)) people.names.add(name);
  return people;
}

/**
 * Rejoins Han words split by spaces: runs of single characters are names spaced out for alignment (`王  斌`,
 * `联 系 人`), and a lone character before a short word is a surname (`李 晓明`). Multi-character words stay
 * apart, so `郑益枫 李 晴` is two people.
 */
function joinSpacedHan(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i + 1;
    while (isSingle(words[i]) && isSingle(words[j]) && words[j]!.spaced) j++;
    if (j - i >= 2) {
      chunkSingles(words.slice(i, j), out);
    } else {
      const word = words[i]!;
      const next = words[i + 1];
      if (isSingle(word) && next && next.spaced && charCount(next.text) <= 3) {
        out.push(merge([word, next]));
        j = i + 2;
      } else out.push(word);
    }
    i = j;
  }
  return out;
}

function isSingle(word: Word | undefined): boolean {
  return word !== undefined && charCount(word.text) === 1;
}

/** `王 斌` -> 王斌; `王 斌 李 晴` -> 王斌, 李晴: four or more spaced characters are read as names of two or three. */
function chunkSingles(singles: readonly Word[], out: Word[]): void {
  let i = 0;
  while (singles.length - i > 3) {
    out.push(merge(singles.slice(i, i + 2)));
    i += 2;
  }
  out.push(merge(singles.slice(i)));
}

function merge(words: readonly Word[]): Word {
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const text = words.map((w) => w.text).join("");
  return { ...first, text, end: last.end, tags: tagsIn(text) }; // `待 定` spaced out is still a placeholder
}

function charCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // a low surrogate completes the character before it
  }
  return n;
}

function hanName({ core, title }: Stripped): string | undefined {
  if (/[.\u00B7\u2022\u2027\u2219\u30FB\uFF65]/.test(core)) return dottedName(core);
  const n = charCount(core);
  if (n === 1) return title ? core + title : undefined;
  if (NOT_NAMES.has(core) || n === 0) return undefined;
  if (n <= 3) return core;
  if (n === 4) return ORG_ENDINGS.includes(core.charAt(core.length - 1)) ? undefined : core;
  return nameAfterDepartment(core);
}

/** Minority names keep their dot, unified to `·`. */
function dottedName(core: string): string | undefined {
  const n = charCount(core);
  return n >= 3 && n <= 25 ? core.replace(/[.\u2022\u2027\u2219\u30FB\uFF65]/g, "\u00B7") : undefined;
}

/**
 * A name and the titles glued before it are at most this long, so only the end of a long word is searched: a
 * hostile 100 000-character word costs no more than a short one.
 */
const NAME_WITH_TITLES_MAX = 12;

/** `市知识产权局王斌`, `宣传处科长王斌`: the name after the first department ending that leaves one. */
function nameAfterDepartment(core: string): string | undefined {
  for (let p = Math.max(0, core.length - 1 - NAME_WITH_TITLES_MAX); p < core.length - 2; p++) {
    if (!ORG_ENDINGS.includes(core.charAt(p))) continue;
    const rest = stripAffixes(core.slice(p + 1));
    const n = charCount(rest.core);
    if (n >= 2 && n <= 4 && !NOT_NAMES.has(rest.core)) return rest.core;
  }
  return undefined;
}

/**
 * Romanised names: capitalised words in a row (`Li Qing`, `WANG Bin`). Lower-case pinyin (`wangbin`) is not
 * taken, since it cannot be told from a user name or a word.
 */
function latinNames(words: readonly Word[], people: People, problems: Problem[]): string[] {
  const names: string[] = [];
  let current: string[] = [];
  let previous: Word | undefined;
  const flush = () => {
    if (current.length > 0) names.push(current.join(" "));
    current = [];
  };
  for (const word of words) {
    const lower = word.text.toLowerCase();
    const adjoining = previous?.kind === "latin" && word.spaced;
    previous = word;
    if (word.kind !== "latin" || !adjoining) flush();
    if (word.kind !== "latin") continue;
    if (LATIN_PLACEHOLDERS.has(lower)) {
      problems.push({ reason: "phone-placeholder", start: word.start, end: word.end });
    }
    if (!LATIN_LABELS.has(lower)) people.hasContent = true;
    if (/^[A-Z][a-z]+$|^[A-Z]{2,}$/.test(word.text) && !LATIN_LABELS.has(lower) && !LATIN_PLACEHOLDERS.has(lower)) {
      current.push(word.text);
    } else flush();
  }
  flush();
  return names;
}
