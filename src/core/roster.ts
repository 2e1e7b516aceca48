import { removeSpaces, toHalfWidth } from "./text";

/**
 * The roster: the units expected to return a table, each with the other names it goes by
 * (`上海市商务委员会,市商务委`). Read from a text file (one unit a line) or the first columns of a CSV/XLSX.
 */
export interface RosterUnit {
  name: string;
  aliases: string[];
}

export type Roster = RosterUnit[];

/** Comparable form of a unit name: no spaces, half-width, no 盖章 remark or trailing punctuation. */
export function normaliseUnitName(name: string): string {
  return removeSpaces(toHalfWidth(name))
    .replace(/\((盖章|公章|签章)\)/g, "")
    .replace(/[。.,，;；:：]+$/, "");
}

/**
 * Builds a roster from rows of cells (first cell the unit, further cells aliases). Blank lines, a header line
 * (单位/单位名称/报送单位) and repeated units are skipped; a repeated unit's aliases are kept.
 */
export function rosterFromRows(rows: ReadonlyArray<ReadonlyArray<string>>): Roster {
  const byName = new Map<string, RosterUnit>();
  rows.forEach((cells, index) => {
    const [first = "", ...rest] = cells.map((cell) => cell.trim());
    if (first === "" || first.startsWith("#")) return;
    if (index === 0 && /^(单位|单位名称|报送单位|成员单位|名称)$/.test(removeSpaces(first))) return;
    const key = normaliseUnitName(first);
    const unit = byName.get(key) ?? { name: first, aliases: [] };
    for (const alias of rest) if (alias !== "" && !unit.aliases.includes(alias)) unit.aliases.push(alias);
    byName.set(key, unit);
  });
  return [...byName.values()];
}

/** Rows of a plain-text roster: one unit a line, aliases after commas (ASCII or Chinese), tabs or 、. */
export function rosterRowsFromText(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => line.split(/[,，\t、]/));
}

export interface RosterIndex {
  roster: Roster;
  /** The roster unit a returned name stands for, by its name or an alias. */
  find(name: string): RosterUnit | undefined;
  /** The roster unit whose name or alias (of two characters or more) appears in a text: a title, a file name. */
  findIn(text: string): RosterUnit | undefined;
}

/** One index per roster: a merge checks thousands of returns against the same one. */
const rosterIndexes = new WeakMap<Roster, RosterIndex>();

export function indexRoster(roster: Roster): RosterIndex {
  let index = rosterIndexes.get(roster);
  if (!index) rosterIndexes.set(roster, (index = buildRosterIndex(roster)));
  return index;
}

function buildRosterIndex(roster: Roster): RosterIndex {
  const byName = new Map<string, RosterUnit>();
  const spellings: Array<[string, RosterUnit]> = [];
  for (const unit of roster) {
    for (const spelling of [unit.name, ...unit.aliases]) {
      const key = normaliseUnitName(spelling);
      if (key === "") continue;
      if (!byName.has(key)) byName.set(key, unit);
      spellings.push([key, unit]);
    }
  }
  // Longest first, so 浦东新区知识产权局 wins over 浦东新区 inside a file name.
  spellings.sort((a, b) => b[0].length - a[0].length);
  return {
    roster,
    find: (name) => byName.get(normaliseUnitName(name)),
    findIn: (text) => {
      const comparable = normaliseUnitName(text);
      return spellings.find(([spelling]) => spelling.length >= 2 && comparable.includes(spelling))?.[1];
    },
  };
}
