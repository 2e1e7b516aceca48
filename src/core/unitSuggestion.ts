/**
 * "Did you mean…": the roster unit a name not on the roster most likely stands for. Clerks and units spell the same
 * unit many ways (淄博市公安局, 市公安局, 公安局; 上海市商务委员会, 上海市商务委; a typo such as 淄博市工安局); the
 * merge cannot key on a guess, but it can offer one so the clerk adds the alias and merges again.
 *
 * Three kinds of closeness, best first: the same name once the place and common abbreviations are set aside; one
 * name inside the other; a small edit distance. A guess is only offered when exactly one roster unit is closest.
 */
import { normaliseUnitName, type RosterIndex } from "./roster";

/** A name split into where the unit is and what it is: 淄博市 + 张店区 + 教育局. */
interface PlacedName {
  /** The whole name, normalised. */
  full: string;
  /** 山东省 → 山东; undefined when no province is named. */
  province: string | undefined;
  /** 淄博市 / 淄博 → 淄博; "" for a bare leading 市 (this city, unnamed); undefined when no city is named. */
  city: string | undefined;
  /** 张店区 → 张店; "" for a bare leading 区; undefined when the name is not a district's. */
  district: string | undefined;
  /** What is left, with common abbreviations applied (委员会 → 委, 管理局 → 局…). */
  rest: string;
}

/**
 * Cities the project's notices come from, also written without 市 (上海海关, 淄博海关). Other cities are recognised
 * only with 市.
 */
const BARE_CITY_NAMES = ["上海", "淄博"];

const PROVINCE = /^([\u4e00-\u9fa5]{2})省/;
/** Two characters and 市, but not 市场 (淄博市场…, which is rare, stays whole rather than breaking 市场监管局). */
const CITY = /^([\u4e00-\u9fa5]{2})市(?!场)/;
const BARE_CITY = new RegExp(`^(${BARE_CITY_NAMES.join("|")})(?!市)`);
const DISTRICT = /^(浦东新|[\u4e00-\u9fa5]{2})区/;

/** Common abbreviations, applied in order, so both spellings end up alike. */
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/委员会/g, "委"],
  [/监督管理局/g, "监管局"],
  [/管理局/g, "局"],
  [/知识产权/g, "知产"],
];

function placed(name: string): PlacedName {
  const full = normaliseUnitName(name);
  let text = full;
  const take = (pattern: RegExp): string | undefined => {
    const match = pattern.exec(text);
    if (!match) return undefined;
    text = text.slice(match[0].length);
    return match[1] ?? "";
  };
  const province = take(PROVINCE);
  let city = take(CITY) ?? take(BARE_CITY);
  let district = take(DISTRICT);
  // A bare 市 or 区 means "this city's" / "a district's" without saying which (市公安局, 区教育局).
  if (city === undefined && district === undefined) {
    if (/^市(?!场)/.test(text)) {
      city = "";
      text = text.slice(1);
    } else if (text.startsWith("区")) {
      district = "";
      text = text.slice(1);
    }
  }
  let rest = text;
  for (const [pattern, replacement] of ABBREVIATIONS) rest = rest.replace(pattern, replacement);
  return { full, province, city, district, rest };
}

/** Two names may be the same place: a named place agrees with the same name or an unnamed one. */
function samePlace(a: PlacedName, b: PlacedName): boolean {
  const agrees = (x: string | undefined, y: string | undefined) => x === undefined || y === undefined || x === "" || y === "" || x === y;
  // A district's unit is never a city's unit: 张店区公安分局 is not 淄博市公安局.
  if ((a.district === undefined) !== (b.district === undefined)) return false;
  return agrees(a.province, b.province) && agrees(a.city, b.city) && agrees(a.district, b.district);
}

/** A place alone (淄博市, 山东省) is where units are, not a unit. */
function isBarePlace(name: PlacedName): boolean {
  return name.rest === "" && !name.district;
}

/** Levenshtein distance over characters (a rare character outside the BMP counts as one). */
function editDistance(first: string, second: string): number {
  const a = Array.from(first);
  const b = Array.from(second);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Edits allowed between two names: none up to 2 characters, 1 up to 4, else 2. */
function allowedEdits(length: number): number {
  return length <= 2 ? 0 : length <= 4 ? 1 : 2;
}

const NUMERALS = /[0-9一二三四五六七八九十百零〇]/g;

/** 第一中级人民法院 and 第二中级人民法院 are two courts, not a typo: numbers must agree. */
function sameNumerals(a: string, b: string): boolean {
  return (a.match(NUMERALS) ?? []).join("") === (b.match(NUMERALS) ?? []).join("");
}

const TIER = 1000;

/** How close a roster spelling is to a name: lower is closer; undefined when not close at all. */
function distance(name: PlacedName, spelling: PlacedName): number | undefined {
  if (name.full === "" || spelling.full === "") return undefined;
  const place = samePlace(name, spelling);
  // The same unit once place and abbreviations are set aside: 市公安局 ≈ 淄博市公安局, 上海市商务委 ≈ 上海市商务委员会.
  if (place && name.rest === spelling.rest && !isBarePlace(name) && !isBarePlace(spelling)) return 0;
  // One inside the other: 公安局 in 淄博市公安局, 淄博市公安局 in 淄博市公安局交警支队.
  const [shorter, longer] = name.full.length <= spelling.full.length ? [name, spelling] : [spelling, name];
  if (shorter.full.length >= 2 && !isBarePlace(name) && longer.full.includes(shorter.full)) {
    return TIER + (longer.full.length - shorter.full.length);
  }
  // A slip of the keyboard: 淄博市工安局 for 淄博市公安局.
  if (place && sameNumerals(name.rest, spelling.rest)) {
    const edits = editDistance(name.rest, spelling.rest);
    if (edits <= allowedEdits(Math.max(name.rest.length, spelling.rest.length))) return 2 * TIER + edits;
  }
  return undefined;
}

/**
 * The roster name a unit name most likely means, comparing with every roster name and alias; undefined when nothing
 * is close, or when two roster units are equally close (a guess between two would mislead).
 */
export function suggestRosterUnit(name: string, roster: RosterIndex): string | undefined {
  const target = placed(name);
  let best: { score: number; unit: string } | undefined;
  let tied = false;
  for (const unit of placedRoster(roster)) {
    let unitScore: number | undefined;
    for (const spelling of unit.spellings) {
      const score = distance(target, spelling);
      if (score !== undefined && (unitScore === undefined || score < unitScore)) unitScore = score;
    }
    if (unitScore === undefined) continue;
    if (!best || unitScore < best.score) {
      best = { score: unitScore, unit: unit.name };
      tied = false;
    } else if (unitScore === best.score && unit.name !== best.unit) {
      tied = true;
    }
  }
  return best && !tied ? best.unit : undefined;
}

/** The roster's spellings, split once per roster: a merge asks about every return the roster does not know. */
const placedRosters = new WeakMap<RosterIndex, ReadonlyArray<{ name: string; spellings: PlacedName[] }>>();

function placedRoster(roster: RosterIndex): ReadonlyArray<{ name: string; spellings: PlacedName[] }> {
  let units = placedRosters.get(roster);
  if (!units) {
    units = roster.roster.map((unit) => ({ name: unit.name, spellings: [unit.name, ...unit.aliases].map(placed) }));
    placedRosters.set(roster, units);
  }
  return units;
}
