import type { WorkbookCheck } from "../checkWorkbook";
import type { FileReport } from "../fileReport";
import { indexRoster, type Roster, type RosterIndex } from "../roster";
import { identifyUnit, type UnitSource } from "../unitIdentity";
import type { Submission } from "../validate";
import { templates } from "../templates/registry";
import { mergeMessages as say } from "../../messages/zhCN";
import { compareMasterRows, masterRowFrom, submissionKey, type MasterRow } from "./masterRow";
import { rosterStatuses, type RosterEntry } from "./rosterStatus";
import { chaseList, type ChaseEntry } from "./chaseList";
import { suggestRosterUnit } from "../unitSuggestion";
import type { ValidationIssue } from "../issues";

/** A returned file as the merge sees it: its report, and its submission when it was read as a template. */
export interface IncomingReturn {
  report: FileReport;
  submission: Submission | undefined;
  /** File modification time: of two returns from one unit, the newer wins. */
  modifiedMs: number;
}

/** A checked file as the merge takes it: its submission only when it was read as a template. */
export function incomingReturn(
  { report, check }: { report: FileReport; check: WorkbookCheck | undefined },
  modifiedMs: number,
): IncomingReturn {
  return { report, submission: check && check.status !== "not-a-template" ? check.submission : undefined, modifiedMs };
}

export type MergeAction = "added" | "replaced" | "superseded" | "rejected" | "ignored";

export type MergedFileReport = FileReport & { action: MergeAction; rowsWritten: number };

export interface MergeResult {
  /** The new master, sorted. */
  rows: MasterRow[];
  files: MergedFileReport[];
  /** Data rows in the files given (read as templates). */
  rowsIn: number;
  /** Rows of this run written to the master; rowsIn - rowsWritten were superseded by a newer return. */
  rowsWritten: number;
  /** Earlier master rows removed because their unit returned again. */
  rowsReplaced: number;
  /** Earlier master rows kept: other units' rows and rows typed by hand. */
  rowsKept: number;
  roster: RosterEntry[] | undefined;
  /** With a roster: the units to chase (not returned, or returned with errors), in roster order. */
  chase: ChaseEntry[] | undefined;
}

/**
 * The merge: (current master rows, returned files) -> (new master rows, report). Pure and deterministic.
 *
 * Keyed on the reporting unit and template: a unit's newest return replaces all its earlier rows, so merging the
 * same files twice changes nothing. Rows typed into the master by hand (no key) are never touched; invalid rows
 * are merged with 校验结果 filled; a file that yields no rows never wipes a unit's earlier rows.
 */
export function mergeReturns(master: readonly MasterRow[], incoming: readonly IncomingReturn[], roster?: Roster): MergeResult {
  const index = roster ? indexRoster(roster) : undefined;
  master = master.map((row) => underCurrentIdentity(row, index));
  const candidates = incoming.map((entry, order) => ({ entry, order, identity: identify(entry, index) }));

  const winners = new Map<string, (typeof candidates)[number]>();
  for (const candidate of candidates) {
    if (!candidate.identity) continue;
    const current = winners.get(candidate.identity.key);
    if (!current || isNewer(candidate, current)) winners.set(candidate.identity.key, candidate);
  }

  const replacedKeys = new Set(winners.keys());
  const kept = master.filter((row) => row.key === null || !replacedKeys.has(row.key));
  const earlierKeys = new Set(master.map((row) => row.key));
  const added: MasterRow[] = [];
  const files = candidates.map(({ entry, identity }): MergedFileReport => {
    const base = { ...entry.report, rowsWritten: 0 };
    if (entry.report.status === "ignored") return { ...base, action: "ignored" };
    if (!identity) return { ...base, action: "rejected" };
    const named = { unit: identity.unit, unitSource: identity.source };
    if (winners.get(identity.key)?.entry !== entry) return { ...base, ...named, action: "superseded" };
    const rows = rowsOf(entry, identity);
    // One by one: spreading a 140,000-row return into push() overflows the call stack.
    for (const row of rows) added.push(row);
    const issues = index ? [...base.issues, ...notOnRoster(identity, index)] : base.issues;
    return { ...base, ...named, issues, rowsWritten: rows.length, action: earlierKeys.has(identity.key) ? "replaced" : "added" };
  });

  const rows = [...kept, ...added].sort(compareMasterRows);
  const rowsIn = candidates.reduce((sum, { identity, entry }) => sum + (identity ? entry.report.rows : 0), 0);
  const statuses = index ? rosterStatuses(index, rows, files) : undefined;
  return {
    rows,
    files,
    rowsIn,
    rowsWritten: added.length,
    rowsReplaced: master.length - kept.length,
    rowsKept: kept.length,
    roster: statuses,
    chase: statuses ? chaseList(statuses, rows, files) : undefined,
  };
}

/**
 * A warning for a merged return whose unit the roster does not know, with the roster unit it most likely is: the
 * clerk adds the alias and merges again, or the unit stays listed as not on the roster. A warning, never an error:
 * the rows are merged all the same. Returns keyed on their file name already carry unit-missing.
 */
function notOnRoster(identity: Identity, index: RosterIndex): ValidationIssue[] {
  if (identity.source === null || index.find(identity.unit)) return [];
  const message = say.unitNotOnRoster(identity.unit, suggestRosterUnit(identity.unit, index));
  return [{ severity: "warning", row: null, column: "单位名称", code: "unit-not-on-roster", message }];
}

interface Identity {
  key: string;
  unit: string;
  source: UnitSource | null;
}

/**
 * Which submission a return is: template kind and unit, named by the one rule of identifyUnit (单位名称, title,
 * file name) and resolved through the roster. A return naming no unit anywhere is keyed on its file name.
 */
function identify(entry: IncomingReturn, index: RosterIndex | undefined): Identity | undefined {
  const submission = entry.submission;
  if (!submission || submission.rows.length === 0) return undefined;
  const fileName = entry.report.file.replace(/^.*[\\/]/, "");
  const found = identifyUnit({ ...submission.unitClues, fileName: submission.unitClues.fileName ?? fileName }, index);
  if (found) return { key: submissionKey(submission.kind, { unit: found.name }), unit: found.name, source: found.source };
  return { key: submissionKey(submission.kind, { fileName }), unit: say.unitFromFile(fileName), source: null };
}

/**
 * An earlier row keyed as the rule keys it now. Rows merged before the clerk gave a roster, or before the roster
 * knew an alias, carry the unit as it was written; rows from a return without 单位名称 carried its file name, before
 * file names named units. Without this, the unit's next return would land beside those rows instead of replacing
 * them.
 */
function underCurrentIdentity(row: MasterRow, index: RosterIndex | undefined): MasterRow {
  if (row.key === null) return row;
  const separator = row.key.indexOf("|");
  const kind = row.key.slice(0, separator);
  const written = row.key.slice(separator + 1);
  if (kind !== "city" && kind !== "district") return row;
  const name = written.startsWith("file:")
    ? identifyUnit({ field: null, title: null, fileName: written.slice("file:".length) }, index)?.name
    : index?.find(written)?.name;
  if (!name) return row;
  const key = submissionKey(kind, { unit: name });
  return key === row.key && row.unit === name ? row : { ...row, key, unit: name };
}

type Candidate = { entry: IncomingReturn; order: number };

/** The newer file wins; at equal times, the one given later. */
function isNewer(a: Candidate, b: Candidate): boolean {
  return a.entry.modifiedMs !== b.entry.modifiedMs ? a.entry.modifiedMs > b.entry.modifiedMs : a.order > b.order;
}

function rowsOf(entry: IncomingReturn, identity: Identity): MasterRow[] {
  const submission = entry.submission;
  if (!submission) return [];
  const template = templates[submission.kind];
  const tableIssues = submission.issues.filter((issue) => issue.row === null);
  const tableProblems = tableIssues.filter((issue) => issue.severity === "error").map((issue) => issue.message);
  const tableWarnings = tableIssues.filter((issue) => issue.severity === "warning").map((issue) => issue.message);
  const sourceFile = entry.report.file.replace(/^.*[\\/]/, "");
  return submission.rows.map((row) =>
    masterRowFrom(row, { unit: identity.unit, template, sourceFile, key: identity.key, tableProblems, tableWarnings }),
  );
}
