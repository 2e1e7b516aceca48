/**
 * Names in a 联系人 cell: the words contactText.ts scanned out, once labels (`联系人：`, `电话`) and titles
 * (`科长`, `老师`) are taken off, are read as Han names (`王斌`, `王老师`, `阿依古丽·买买提`, the name after a
 * department in `市知识产权局王斌`) or capitalised Latin names (`Li Qing`). Placeholder words (`待定`, `TBD`) are
 * reported as problems, since they stand where a phone should be.
 *
 * Kept apart from the phone reader because its word lists (labels, titles, organisation endings, words that are
 * not names) grow with every new way units fill the cell, and have nothing to do with numbers.
 */
import { indexWords, PLACEHOLDER, tagsIn, type Problem, type Word } from "./contactText";

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
export function readNames(words: readonly Word[], problems: Problem[]): People {
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
