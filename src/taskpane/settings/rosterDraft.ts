import { normaliseUnitName, type Roster } from "../../core/roster";
import { paneText } from "../../messages/pane";

/** 市商务委，商务委、商务 -> three aliases: the separators clerks type (ASCII and Chinese commas, 、, ;). */
export function parseAliases(text: string): string[] {
  return [...new Set(text.split(/[,，、;；]/).map((alias) => alias.trim()).filter((alias) => alias !== ""))];
}

/** The roster with one unit added, or why it cannot be: no name, or a name or alias the roster already knows. */
export function addUnit(roster: Roster, name: string, aliasesText: string): { roster: Roster } | { error: string } {
  const trimmed = name.trim();
  if (trimmed === "") return { error: paneText.settings.nameRequired };
  const known = new Set(roster.flatMap((unit) => [unit.name, ...unit.aliases]).map(normaliseUnitName));
  if (known.has(normaliseUnitName(trimmed))) return { error: paneText.settings.duplicate };
  const aliases = parseAliases(aliasesText).filter((alias) => normaliseUnitName(alias) !== normaliseUnitName(trimmed));
  return { roster: [...roster, { name: trimmed, aliases }] };
}

export function sameRoster(a: Roster, b: Roster): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
