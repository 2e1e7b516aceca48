import { identifyUnit } from "../unitIdentity";
import type { RosterIndex } from "../roster";
import { suggestRosterUnit } from "../unitSuggestion";
import { hasErrors, type MasterRow } from "./masterRow";
import type { MergedFileReport } from "./merge";

export type RosterStatus = "missing" | "submitted" | "has-errors" | "not-on-roster";

/** One line of 报送情况: an expected unit (or a unit the roster does not know) and how its return stands. */
export interface RosterEntry {
  unit: string;
  /** The roster's other names for the unit, kept so a later merge can recover the roster from 报送情况. */
  aliases: string[];
  status: RosterStatus;
  /** Activities of this unit in the master. */
  rows: number;
  /** Of those, rows with problems. */
  rowsWithErrors: number;
  /** The file its rows came from, or the unreadable file that names it. */
  file: string | null;
  /** For a unit not on the roster: the roster unit it most likely is (a typo, a short form), when one is close. */
  suggestion?: string;
}

/**
 * Expected units against the merged master: a unit with rows is submitted (or has errors when any row has
 * problems); a unit without rows is missing, unless a file naming it was sent but could not be used. Units in
 * the master that the roster does not know are listed last, as not on the roster.
 */
export function rosterStatuses(index: RosterIndex, rows: readonly MasterRow[], files: readonly MergedFileReport[]): RosterEntry[] {
  const byUnit = new Map<string, MasterRow[]>();
  for (const row of rows) {
    if (row.key === null) continue; // rows typed by hand are nobody's return
    // Rows merged before the roster knew an alias still count for the unit.
    const unit = index.find(row.unit)?.name ?? row.unit;
    const list = byUnit.get(unit) ?? [];
    list.push(row);
    byUnit.set(unit, list);
  }
  const entries: RosterEntry[] = index.roster.map((unit) => {
    const unitRows = byUnit.get(unit.name) ?? [];
    byUnit.delete(unit.name);
    if (unitRows.length > 0) return { ...entryFor(unit.name, unitRows), aliases: unit.aliases };
    const failed = files.find((file) => file.action === "rejected" && identifyUnit({ field: null, title: null, fileName: file.file }, index)?.name === unit.name);
    const status = failed ? "has-errors" : "missing";
    return { unit: unit.name, aliases: unit.aliases, status, rows: 0, rowsWithErrors: 0, file: failed?.file ?? null };
  });
  for (const [unit, unitRows] of byUnit) {
    // Rows keyed on a file name carry a placeholder, not a name anyone wrote: nothing to suggest from it.
    const named = !unitRows.some((row) => row.key?.includes("|file:"));
    const suggestion = named ? suggestRosterUnit(unit, index) : undefined;
    entries.push({ ...entryFor(unit, unitRows), status: "not-on-roster", ...(suggestion === undefined ? {} : { suggestion }) });
  }
  return entries;
}

function entryFor(unit: string, rows: MasterRow[]): RosterEntry {
  const rowsWithErrors = rows.filter(hasErrors).length;
  return {
    unit,
    aliases: [],
    status: rowsWithErrors > 0 ? "has-errors" : "submitted",
    rows: rows.length,
    rowsWithErrors,
    file: rows[0]?.sourceFile ?? null,
  };
}
