/**
 * Who sent a return: one rule for `validate`, the merge and the task pane. The 单位名称 line wins; a unit that left
 * it empty is often named in the title line (`上海市新闻出版局2024年…安排表`) or in the file name
 * (`附件1-市商务委重点活动安排表（修订）.xlsx`). Every name found is resolved through the roster's aliases, and the
 * identity says where the name came from, so the clerk can tell a typed name from a guessed one.
 */
import type { RosterIndex } from "./roster";
import { removeSpaces, toHalfWidth } from "./text";

export type UnitSource = "field" | "title" | "file-name";

/** What a return offers to name its unit. */
export interface UnitClues {
  /** The 单位名称 value as typed, without 盖章 remarks; null when empty or the template's own hint text. */
  field: string | null;
  /** The title line above the table, when there is one. */
  title: string | null;
  /** The file's name (a path is allowed), when the return came as a file. */
  fileName: string | null;
}

export interface UnitIdentity {
  /** The roster's name for the unit when the roster knows it, else the name as found. */
  name: string;
  source: UnitSource;
}

/**
 * The unit a return comes from: the 单位名称 line; else a unit named in the title; else the file name without its
 * template words. With a roster, a title or file name that contains one of its names or aliases is that unit.
 * Null when nothing names a unit.
 */
export function identifyUnit(clues: UnitClues, roster?: RosterIndex): UnitIdentity | null {
  if (clues.field) return { name: roster?.find(clues.field)?.name ?? clues.field, source: "field" };
  const fromTitle = clues.title ? nameIn(clues.title, unitInTitle, roster) : undefined;
  if (fromTitle) return { name: fromTitle, source: "title" };
  const fromFile = clues.fileName ? nameIn(baseName(clues.fileName), unitInFileName, roster) : undefined;
  if (fromFile) return { name: fromFile, source: "file-name" };
  return null;
}

function nameIn(text: string, extract: (text: string) => string | undefined, roster: RosterIndex | undefined): string | undefined {
  const onRoster = roster?.findIn(text);
  if (onRoster) return onRoster.name;
  const found = extract(text);
  if (found === undefined) return undefined;
  return roster?.find(found)?.name ?? found;
}

/** The file's own name, without folders and extension. */
export function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, "").replace(/\.[A-Za-z0-9]{1,5}$/, "");
}

// ---------------------------------------------------------------------------------------------------------------
// Titles

/** Where the template's own words begin in a title: the year, or the campaign's name. */
const TITLE_WORDS = /(?:19|20)\d\d\s*年|知识产权|宣传周|重点活动|活动安排|关于/;

/**
 * `上海市新闻出版局2024年知识产权宣传周重点活动安排表` names 上海市新闻出版局; so does
 * `2024年上海市新闻出版局知识产权宣传周重点活动安排表`. The template's own title
 * (`2024年市知识产权联席会议各成员单位重点活动安排表`) names no unit.
 */
export function unitInTitle(title: string): string | undefined {
  const text = removeSpaces(toHalfWidth(title));
  const before = text.slice(0, text.search(TITLE_WORDS) >>> 0);
  if (looksLikeUnitName(before)) return before;
  const afterYear = /^(?:19|20)\d\d年(.*)$/.exec(text)?.[1] ?? "";
  const between = afterYear.slice(0, afterYear.search(/知识产权宣传周|宣传周|重点活动|活动安排/) >>> 0);
  return looksLikeUnitName(between) ? between : undefined;
}

/** The endings of Chinese government and institution names: 局, 委, 办公室, 院, 海关, 区, 中心, 公司, 妇联, 科协… */
const UNIT_ENDING =
  /(局|委|办|室|院|厅|署|部|处|科|所|站|队|中心|海关|政府|区|县|镇|街道|公司|集团|大学|学校|馆|会|社|联|协|台)$/;
/** A bare city or province (上海市, 淄博市, 山东省) is where a unit is, not a unit. */
const BARE_PLACE = /^[\u4e00-\u9fa5]{1,4}[省市]$/;

function looksLikeUnitName(text: string): boolean {
  const name = text.replace(/^[\s:：、,，.\-—_]+|[\s:：、,，.\-—_]+$/g, "");
  return name === text && name.length >= 3 && name.length <= 40 && UNIT_ENDING.test(name) && !BARE_PLACE.test(name);
}

// ---------------------------------------------------------------------------------------------------------------
// File names

/** Words a file name takes from the template or from being passed around, not from the unit. */
const FILE_NAME_NOISE: readonly RegExp[] = [
  /附件\s*[0-9一二三四五六七八九十]+/g,
  /(?:19|20)\d{6}/g,
  /(?:19|20)\d\d\s*年?\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?/g,
  /\d{1,2}\s*月\s*\d{1,2}\s*日?/g,
  /\d{1,2}[.-]\d{1,2}/g,
  /[(（[【]\s*(?:\d{1,2}|修订|修订版|修改|修改版|更正|更新|最终版|最新|终稿|定稿|新|盖章|已盖章|正式|草稿|副本|报送|上报)\s*[)）\]】]/g,
  /(?:市级层面|区级层面|各成员单位)/g,
  /(?:知识产权)?宣传周/g,
  /重点活动(?:安排|计划)?(?:表|一览表)?|活动(?:安排|计划)(?:表|一览表)?|活动表/g,
  /安排表|计划表|一览表|汇总表|报送表|统计表/g,
  /(?:修订版|修改版|最终版|终稿|定稿|副本|草稿|填报|报送|上报|回执|模板|表格)/g,
  /\d+/g,
  /[-_—–·\s.、,，;；:+()[\]]+/g,
];
/** A leftover that is a sentence or a default name, not a unit. */
const NOT_A_NAME = /关于|通知|的|函|请|新建|工作表|工作簿/;

/**
 * `附件1-市商务委重点活动安排表（修订）(1)` names 市商务委; `新建 Microsoft Excel 工作表` and `附件1` name no one.
 * What is left once the template's words, dates, versions and separators are gone must look like a unit's name.
 */
export function unitInFileName(fileName: string): string | undefined {
  let text = toHalfWidth(baseName(fileName));
  for (const noise of FILE_NAME_NOISE) text = text.replace(noise, " ");
  const name = removeSpaces(text);
  return looksLikeUnitName(name) && !NOT_A_NAME.test(name) ? name : undefined;
}
