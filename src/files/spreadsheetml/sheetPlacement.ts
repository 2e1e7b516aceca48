/**
 * Where a plan's sheets go in an existing package, and what they leave behind: each planned sheet matched to the
 * sheet it replaces (by name, ignoring case, as Excel matches) or appended; the part, relationship id, sheet id and
 * table (part, id) each gets, never one already in use; and the old parts that only the replaced sheets reached.
 */
import type { SheetPlan, WorkbookPlan } from "../../core/plans/sheetPlan";
import type { ExistingPackage } from "./existingPackage";
import { reachableParts, relationshipsPartOf, type PackageRelationship } from "./opcPackage";
import { CONTENT_TYPES } from "./packageParts";
import { checkTable, type CheckedTable } from "./tablePart";
import type { ExistingSheet } from "./workbookEdit";
import { startTags } from "./xmlTags";

const CALC_CHAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain";

export interface PlacedSheet {
  plan: SheetPlan;
  /** Its position among the workbook's sheets: the replaced sheet's, or after the last. */
  position: number;
  /** The worksheet part it is written to: the replaced sheet's own part when that was a worksheet. */
  part: string;
  relationshipId: string;
  /** The sheet it replaces (its part, when that part is given up: a chart sheet replaced by a worksheet). */
  replaces?: { oldPart: string | undefined };
  /** For an appended sheet. */
  sheetId?: number;
  table?: { checked: CheckedTable; part: string; id: number };
}

export interface Placement {
  sheets: PlacedSheet[];
  /** Lower-cased entry names of the parts to leave out. */
  dropped: Set<string>;
  /** The workbook's relationship to its calculation chain, when the chain is dropped. */
  droppedCalcChain: PackageRelationship | undefined;
}

export function placeSheets(pkg: ExistingPackage, existing: readonly ExistingSheet[], plan: WorkbookPlan): Placement {
  const workbookRels = pkg.relationships(pkg.workbookPart);
  const partOf = (sheet: ExistingSheet | undefined) => workbookRels.find((rel) => rel.id === sheet?.relationshipId)?.part;
  const names = new FreshNames(pkg.entries.map((name) => name.toLowerCase()));
  const relationshipIds = new FreshNames(workbookRels.map((rel) => rel.id));
  let nextSheetId = Math.max(0, ...existing.map((sheet) => sheet.sheetId).filter(Number.isFinite)) + 1;
  let appended = existing.length;

  const matched = plan.sheets.map((planned) => {
    const position = existing.findIndex((sheet) => sheet.name.toLowerCase() === planned.name.toLowerCase());
    const oldPart = position >= 0 ? partOf(existing[position]) : undefined;
    return { planned, position, oldPart, keepsPart: oldPart !== undefined && pkg.contentTypes.of(oldPart) === CONTENT_TYPES.worksheet };
  });
  const { dropped, calcChain, reachedAfter } = partsLeftBehind(pkg, matched);
  const tables = keptTables(pkg, reachedAfter);
  let nextTableId = Math.max(0, ...tables.ids) + 1;

  const sheets = matched.map(({ planned, position, oldPart, keepsPart }): PlacedSheet => {
    const table = planned.table ? { checked: checkTable(planned.table, planned.rows, tables.names), part: names.fresh("xl/tables/table", ".xml"), id: nextTableId++ } : undefined;
    const common = { plan: planned, ...(table ? { table } : {}) };
    if (position < 0) return { ...common, position: appended++, part: names.fresh("xl/worksheets/sheet", ".xml"), relationshipId: relationshipIds.fresh("rId", ""), sheetId: nextSheetId++ };
    const part = keepsPart && oldPart ? pkg.entryName(oldPart) : names.fresh("xl/worksheets/sheet", ".xml");
    return { ...common, position, part, relationshipId: existing[position]?.relationshipId ?? "", replaces: { oldPart: keepsPart ? undefined : oldPart } };
  });
  // A replaced worksheet keeps its part, whose old relationships go; the new ones (a table) are written afresh.
  for (const sheet of sheets) {
    const rels = sheet.replaces && !sheet.table ? pkg.relationshipsPartOf(sheet.part) : undefined;
    if (rels) dropped.add(rels.toLowerCase());
  }
  for (const sheet of sheets) if (sheet.table) dropped.delete(relationshipsPartOf(sheet.part).toLowerCase());
  return { sheets, dropped, droppedCalcChain: calcChain };
}

/**
 * The parts the replaced sheets reached (tables, drawings, comments, printer settings…) that nothing else reaches
 * once they are gone, and the calculation chain: it lists formula cells by sheet, the replaced sheets' entries would
 * be stale, and Excel rebuilds a missing chain silently where a stale one makes it repair the file.
 */
function partsLeftBehind(
  pkg: ExistingPackage,
  matched: ReadonlyArray<{ position: number; oldPart: string | undefined; keepsPart: boolean }>,
): { dropped: Set<string>; calcChain: PackageRelationship | undefined; reachedAfter: Set<string> } {
  const replaced = matched.filter((match) => match.position >= 0 && match.oldPart !== undefined);
  const oldParts = new Set(replaced.map((match) => (match.oldPart ?? "").toLowerCase()));
  const givenUp = new Set(replaced.filter((match) => !match.keepsPart).map((match) => (match.oldPart ?? "").toLowerCase()));
  const calcChain = replaced.length > 0 ? pkg.relationships(pkg.workbookPart).find((rel) => rel.type === CALC_CHAIN) : undefined;
  const after = (part: string): readonly PackageRelationship[] => {
    if (oldParts.has(part.toLowerCase())) return [];
    const rels = pkg.relationships(part);
    if (part.toLowerCase() !== pkg.workbookPart.toLowerCase()) return rels;
    return rels.filter((rel) => rel !== calcChain && !givenUp.has((rel.part ?? "").toLowerCase()));
  };
  const reachedBefore = reachableParts((part) => pkg.relationships(part), [...oldParts]);
  const reachedAfter = reachableParts(after);
  const gone = [...reachedBefore].filter((part) => !reachedAfter.has(part) && !oldParts.has(part));
  if (calcChain?.part) gone.push(calcChain.part.toLowerCase());
  gone.push(...givenUp);
  // A part that goes takes its own relationships with it.
  const dropped = new Set(gone);
  for (const part of gone) {
    const rels = pkg.relationshipsPartOf(part);
    if (rels) dropped.add(rels.toLowerCase());
  }
  return { dropped, calcChain, reachedAfter };
}

/** The tables that stay in the package: their names and display names (lower-cased) and ids, all taken. */
function keptTables(pkg: ExistingPackage, reachedAfter: ReadonlySet<string>): { names: Set<string>; ids: number[] } {
  const names = new Set<string>();
  const ids: number[] = [];
  for (const part of pkg.partsOfType(CONTENT_TYPES.table)) {
    if (!reachedAfter.has(part.toLowerCase())) continue;
    const xml = pkg.text(part) ?? "";
    const prefix = /<(\w+:)?table[\s>]/.exec(xml)?.[1] ?? "";
    const [tag] = startTags(xml, `${prefix}table`);
    if (!tag) continue;
    for (const key of ["name", "displayName"]) {
      const name = tag.attributes.get(key);
      if (name) names.add(name.toLowerCase());
    }
    const id = Number(tag.attributes.get("id"));
    if (Number.isFinite(id)) ids.push(id);
  }
  return { names, ids };
}

/** Names not yet taken: `xl/worksheets/sheet7.xml` after sheet1…sheet6, `rId9` after rId8. */
class FreshNames {
  private readonly taken: Set<string>;

  /** @param taken lower-cased for part names (compared ignoring case), as written for relationship ids. */
  constructor(taken: readonly string[]) {
    this.taken = new Set(taken);
  }

  fresh(stem: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${suffix}`;
      if (!this.taken.has(name) && !this.taken.has(name.toLowerCase())) {
        this.taken.add(name);
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}
