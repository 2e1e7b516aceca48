import { memoByText } from "./memo";
import { normalisedFirstChar, normaliseHeader } from "./text";
import { allTemplates } from "./templates/registry";
import { phoneColumnSynonyms } from "./templates/columns";
import type { ColumnKey, HeaderFieldKey } from "./templates/templateSchema";

/** What a header cell names: a template column, or the separate phone column some units add. */
export type HeaderMatch = { kind: "column"; key: ColumnKey } | { kind: "phone" };

interface Vocabulary {
  /** normalised spelling -> what it names */
  exact: Map<string, HeaderMatch>;
  /** normalised spellings, longest first, for "starts with" matches such as 联系人及办公电话 */
  prefixes: Array<[string, HeaderMatch]>;
}

function buildVocabulary(): Vocabulary {
  const exact = new Map<string, HeaderMatch>();
  for (const template of allTemplates) {
    for (const column of template.columns) {
      for (const spelling of [column.header, ...column.synonyms]) {
        exact.set(normaliseHeader(spelling), { kind: "column", key: column.key });
      }
    }
  }
  for (const spelling of phoneColumnSynonyms) exact.set(normaliseHeader(spelling), { kind: "phone" });
  // Short spellings (名称, 时间, 地点) only match exactly: as prefixes they would swallow unrelated headers.
  const prefixes = [...exact].filter(([spelling]) => spelling.length >= 3).sort((a, b) => b[0].length - a[0].length);
  return { exact, prefixes };
}

const vocabulary = buildVocabulary();

/** Strips a trailing bracketed remark: 活动时间(必填) -> 活动时间, 联系人(姓名+手机) -> 联系人. */
function withoutRemark(normalised: string): string {
  return normalised.replace(/\([^()]*\)$/, "");
}

/**
 * Every match starts with one of the spellings (exactly, with a bracketed remark, or as a prefix), so its first
 * character is a spelling's first. All are Chinese characters; were one not, the screen would be left off.
 */
const FIRST_CHARACTERS = new Set([...vocabulary.exact.keys()].map((spelling) => spelling.charAt(0)));
const SCREEN_IS_SOUND = [...FIRST_CHARACTERS].every((char) => normalisedFirstChar(char) === char);

/**
 * Whether a cell's text may name a column. A table's dates, numbers, names and phone numbers mostly start with a
 * character no header starts with: screened out without normalising or remembering them.
 */
function mayNameColumn(text: string): boolean {
  if (!SCREEN_IS_SOUND) return true;
  const first = normalisedFirstChar(text);
  return first === undefined || FIRST_CHARACTERS.has(first);
}

/** Names the column a header cell stands for, whatever spelling, brackets or line breaks the unit used. */
export function matchHeader(text: string): HeaderMatch | undefined {
  return mayNameColumn(text) ? rememberedMatch(text) : undefined;
}

const rememberedMatch = memoByText(function matchHeader(text: string): HeaderMatch | undefined {
  const normalised = normaliseHeader(text);
  if (normalised.length === 0 || normalised.length > 30) return undefined;
  const found = vocabulary.exact.get(normalised) ?? vocabulary.exact.get(withoutRemark(normalised));
  if (found) return found;
  for (const [spelling, match] of vocabulary.prefixes) {
    if (normalised.startsWith(spelling)) return match;
  }
  return undefined;
});

const headerFieldLabels: Array<[string, HeaderFieldKey]> = allTemplates
  .flatMap((template) => template.headerFields)
  .flatMap((field) => [field.label, ...field.synonyms].map((label): [string, HeaderFieldKey] => [label, field.key]))
  .sort((a, b) => b[0].length - a[0].length);

/**
 * Reads a header-field line such as `单位名称：上海海关`, `填表时间:2024.4.10` or a bare `单位名称：` whose value sits
 * in the next cell. Returns undefined when the text is not such a line.
 */
export function matchHeaderField(text: string): { key: HeaderFieldKey; value: string } | undefined {
  const compact = text.replace(/^[\s\u3000]+/, "");
  for (const [label, key] of headerFieldLabels) {
    const rest = stripLabel(compact, label);
    if (rest !== undefined) return { key, value: rest };
  }
  return undefined;
}

/** `单 位 名 称 ：X` -> "X"; the label must be followed by a colon or the end, so 单位名称很长 is not a label. */
function stripLabel(text: string, label: string): string | undefined {
  let index = 0;
  for (const ch of label) {
    while (index < text.length && /\s/.test(text[index] ?? "")) index++;
    if (text[index] !== ch) return undefined;
    index++;
  }
  const rest = text.slice(index);
  const colon = /^\s*[:：]/.exec(rest);
  if (colon) return rest.slice(colon[0].length).trim();
  return rest.trim() === "" ? "" : undefined;
}
