/**
 * What writing the master into an existing .xlsx would lose. The writer (spreadsheetml/replacePlanSheets) keeps
 * every part of the package but the sheets it replaces: charts, pivot tables, pictures and macros elsewhere stay
 * byte for byte. What the clerk put on the replaced sheets themselves (a chart or picture drawn on 活动汇总, notes on
 * 报送情况) goes with them, and a merge must say so before it writes. Browser-safe (no Node APIs).
 */
import { ExistingPackage } from "./spreadsheetml/existingPackage";
import { ExistingWorkbook } from "./spreadsheetml/workbookEdit";

export type UnkeptContent = "drawings" | "notes" | "pivot-tables" | "tables";

/** The relationships a sheet has for content of its own, by the last word of their type. */
const CONTENT_RELATIONSHIPS: ReadonlyArray<[RegExp, UnkeptContent]> = [
  [/\/drawing$/, "drawings"],
  [/\/(comments|vmlDrawing)$/, "notes"],
  [/\/pivotTable$/, "pivot-tables"],
];

/** Content on the named sheets that replacing them drops, by sheet, each kind named once; nothing for non-.xlsx. */
export function unkeptContent(bytes: Uint8Array, replacedSheets: readonly string[]): Array<{ sheet: string; kinds: UnkeptContent[] }> {
  let pkg: ExistingPackage;
  let workbook: ExistingWorkbook;
  try {
    pkg = new ExistingPackage(bytes);
    workbook = new ExistingWorkbook(pkg.text(pkg.workbookPart) ?? "");
  } catch {
    return []; // Not a package the writer can update: it refuses the write itself.
  }
  const replaced = new Set(replacedSheets.map((name) => name.toLowerCase()));
  const workbookRelationships = pkg.relationships(pkg.workbookPart);
  const found: Array<{ sheet: string; kinds: UnkeptContent[] }> = [];
  for (const sheet of workbook.sheets()) {
    if (!replaced.has(sheet.name.toLowerCase())) continue;
    const part = workbookRelationships.find((rel) => rel.id === sheet.relationshipId)?.part;
    if (!part) continue;
    const kinds = new Set<UnkeptContent>();
    let tables = 0;
    for (const rel of pkg.relationships(part)) {
      if (/\/table$/.test(rel.type)) tables++;
      for (const [type, kind] of CONTENT_RELATIONSHIPS) if (type.test(rel.type)) kinds.add(kind);
    }
    // The master's own sheets carry one table each, which the merge writes again; any other table is the clerk's.
    if (tables > 1) kinds.add("tables");
    const order: UnkeptContent[] = ["drawings", "notes", "pivot-tables", "tables"];
    if (kinds.size > 0) found.push({ sheet: sheet.name, kinds: order.filter((kind) => kinds.has(kind)) });
  }
  return found;
}
