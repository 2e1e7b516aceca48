import { normaliseUnitName } from "../roster";
import { masterText } from "../../messages/zhCN";
import { hasErrors, type MasterRow } from "./masterRow";
import type { MergedFileReport } from "./merge";
import type { RosterEntry } from "./rosterStatus";

/** A unit the clerk must chase (催报): it has not returned, or what it returned must be corrected. */
export interface ChaseEntry {
  unit: string;
  status: "missing" | "has-errors";
  /** The returned file's name (without folders, as the unit knows it); several joined by 、; null when missing. */
  file: string | null;
  /** What to fix, each as 校验结果 or the file's report says it: C8：活动时间“4月26日前”… */
  problems: string[];
}

/**
 * The units to chase, in roster order, with what each must do: send its return, or correct the cells 校验结果
 * names. A unit whose file could not be used at all (unreadable, not the template) gets that file's errors.
 */
export function chaseList(roster: readonly RosterEntry[], rows: readonly MasterRow[], files: readonly MergedFileReport[]): ChaseEntry[] {
  const chase: ChaseEntry[] = [];
  for (const entry of roster) {
    if (entry.status === "missing") {
      chase.push({ unit: entry.unit, status: "missing", file: null, problems: [] });
    } else if (entry.status === "has-errors") {
      chase.push(entry.rows > 0 ? fromRows(entry, rows) : fromRejectedFile(entry, files));
    }
  }
  return chase;
}

/** The problems in the unit's rows of the master, in the order of its returned sheet. */
function fromRows(entry: RosterEntry, rows: readonly MasterRow[]): ChaseEntry {
  const spellings = new Set([entry.unit, ...entry.aliases].map(normaliseUnitName));
  const unitRows = rows
    .filter((row) => row.key !== null && hasErrors(row) && spellings.has(normaliseUnitName(row.unit)))
    .sort((a, b) => (a.sourceFile === b.sourceFile ? a.order - b.order : a.sourceFile < b.sourceFile ? -1 : 1));
  // A table-level problem (a missing column) is written into every row's 校验结果: the unit fixes it once.
  // 提醒 lines are for the clerk to glance at, not for the unit to fix.
  const problems = new Set<string>();
  for (const row of unitRows) {
    for (const line of row.problems.split("\n")) if (line.trim() !== "" && !line.startsWith(masterText.warningMark)) problems.add(line);
  }
  const sourceFiles = [...new Set(unitRows.map((row) => row.sourceFile))];
  return {
    unit: entry.unit,
    status: "has-errors",
    file: sourceFiles.length > 0 ? sourceFiles.join("、") : entry.file && baseName(entry.file),
    problems: [...problems],
  };
}

/** A file that brought no rows: what its report says is wrong with it. */
function fromRejectedFile(entry: RosterEntry, files: readonly MergedFileReport[]): ChaseEntry {
  const report = files.find((file) => file.file === entry.file);
  const problems = (report?.issues ?? []).filter((issue) => issue.severity === "error").map((issue) => issue.message);
  return { unit: entry.unit, status: "has-errors", file: entry.file && baseName(entry.file), problems: [...new Set(problems)] };
}

function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, "");
}
