/**
 * A plan's sheets written into an existing .xlsx package, leaving everything else in it as it was: each planned
 * sheet replaces the sheet of the same name (Excel compares names ignoring case) at its position, new sheets go to
 * the end, and every other part (other sheets, charts, pivot tables, drawings, macros, the shared strings) is
 * copied byte for byte. Edited in place: the workbook part (sheet entries, the replaced sheets' built-in names,
 * print titles, the tab it opens on), its relationships, the content types, the styles (records appended, none
 * renumbered) and the core properties. The replaced sheets' old parts that nothing else refers to are dropped.
 *
 * The written sheets carry their texts inline, so the package's shared-string table stays as it was.
 * Browser-safe (Node's zlib only where there is a Node) and synchronous. Where each sheet goes is sheetPlacement's
 * decision; this module edits the package parts and assembles the archive.
 */
import { strFromU8 } from "fflate";
import type { SheetPlan, WorkbookPlan } from "../../core/plans/sheetPlan";
import { readZipDirectory, type ZipEntry } from "../zipArchive";
import { inlineText } from "./cellText";
import { editedCoreProperties } from "./corePropertiesEdit";
import { ExistingPackage } from "./existingPackage";
import { relationshipsPartOf, relativeTarget, resolveTarget, type PackageRelationship } from "./opcPackage";
import { CONTENT_TYPES, relationshipsPart, RELATIONSHIP_TYPES, type Relationship } from "./packageParts";
import { registerSheetStyles } from "./sheetData";
import { placeSheets, type PlacedSheet } from "./sheetPlacement";
import { StyleRegistry } from "./styleRegistry";
import { ExistingStyles } from "./stylesAppend";
import { stylesPart } from "./stylesPart";
import { tablePart } from "./tablePart";
import { checkSheetNames, firstVisibleSheet, printTitlesName } from "./workbookPart";
import { ExistingWorkbook, type ExistingSheet } from "./workbookEdit";
import { writeWorksheet } from "./worksheetPart";
import type { WriteOptions } from "./writePlanWorkbook";
import { NS } from "./xml";
import { prefixOf, qualified, startTags, withAttributes } from "./xmlTags";
import { ZipPackage } from "./zipPackage";

/**
 * @throws Error when the bytes are not an .xlsx package (not a zip, no workbook part, Strict Open XML); for the
 *   plan errors of writePlanWorkbook; and when a planned table's name is taken by a table the package keeps.
 */
export function replacePlanSheets(existing: Uint8Array, plan: WorkbookPlan, options: WriteOptions = {}): Uint8Array {
  checkSheetNames(plan.sheets.map((sheet) => sheet.name));
  const pkg = new ExistingPackage(existing);
  const workbook = new ExistingWorkbook(pkg.text(pkg.workbookPart) ?? "");
  const existingSheets = workbook.sheets();
  const { sheets, dropped, droppedCalcChain } = placeSheets(pkg, existingSheets, plan);
  const activeTab = openingTab(workbook, existingSheets, sheets);

  // Styles: the existing style sheet extended (all formats known before any part is written), or a new one.
  const workbookRels = pkg.relationships(pkg.workbookPart);
  const stylesRel = workbookRels.find((rel) => rel.type === RELATIONSHIP_TYPES.styles && rel.part && pkg.has(rel.part));
  const existingStyles = stylesRel?.part ? new ExistingStyles(pkg.text(stylesRel.part) ?? "") : undefined;
  const styles = new StyleRegistry(existingStyles?.base());
  for (const sheet of sheets) registerSheetStyles(sheet.plan, styles);
  const stylesName = stylesRel?.part ? pkg.entryName(stylesRel.part) : freshStylesName(pkg);

  const rewritten = new Map<string, (zip: ZipPackage) => void>();
  const text = (name: string, xml: string) => rewritten.set(name, (zip) => zip.addText(name, xml));
  text(stylesName, existingStyles ? existingStyles.withAdditions(styles) : stylesPart(styles));
  for (const sheet of sheets) {
    // Streamed when its turn comes in the archive.
    rewritten.set(sheet.part, (zip) => {
      const out = zip.open(sheet.part);
      writeWorksheet(out, sheet.plan, { styles, text: inlineText, selected: sheet.position === activeTab, tableRelationship: sheet.table ? "rId1" : undefined });
      out.end();
    });
    if (sheet.table) {
      const rels = pkg.relationshipsPartOf(sheet.part) ?? relationshipsPartOf(sheet.part);
      text(rels, relationshipsPart([{ id: "rId1", type: RELATIONSHIP_TYPES.table, target: relativeTarget(sheet.part, sheet.table.part) }]));
      text(sheet.table.part, tablePart(sheet.table.checked, sheet.table.id));
    }
  }
  text(pkg.workbookPart, editedWorkbook(workbook, sheets, activeTab));

  const added: Relationship[] = sheets
    .filter((sheet) => !sheet.replaces)
    .map((sheet) => ({ id: sheet.relationshipId, type: RELATIONSHIP_TYPES.worksheet, target: relativeTarget(pkg.workbookPart, sheet.part) }));
  if (!stylesRel) added.push({ id: freshId(workbookRels, sheets), type: RELATIONSHIP_TYPES.styles, target: relativeTarget(pkg.workbookPart, stylesName) });
  const workbookRelsName = pkg.relationshipsPartOf(pkg.workbookPart) ?? relationshipsPartOf(pkg.workbookPart);
  text(workbookRelsName, editedRelationships(pkg, workbookRelsName, sheets, added, droppedCalcChain));

  const overrides: Array<[string, string]> = sheets.filter((sheet) => !pkg.has(sheet.part)).map((sheet) => [sheet.part, CONTENT_TYPES.worksheet]);
  for (const sheet of sheets) if (sheet.table) overrides.push([sheet.table.part, CONTENT_TYPES.table]);
  if (!stylesRel) overrides.push([stylesName, CONTENT_TYPES.styles]);
  text("[Content_Types].xml", pkg.contentTypes.edited(dropped, overrides));

  const core = pkg.relationships("").find((rel) => rel.type === RELATIONSHIP_TYPES.core && rel.part && pkg.has(rel.part))?.part;
  const coreXml = core ? pkg.text(core) : undefined;
  if (core && coreXml) text(pkg.entryName(core), editedCoreProperties(coreXml, plan.properties, options.now ?? new Date()));

  return assemble(pkg, dropped, rewritten);
}

/** The tab the workbook opened on while it stays visible (as the ExcelJS update chose), else the first visible. */
function openingTab(workbook: ExistingWorkbook, existing: readonly ExistingSheet[], placed: readonly PlacedSheet[]): number {
  const visibility: Array<Pick<SheetPlan, "visibility">> = existing.map((sheet) => ({ visibility: sheet.visibility }));
  for (const sheet of placed) visibility[sheet.position] = { visibility: sheet.plan.visibility };
  const first = firstVisibleSheet(visibility);
  const old = workbook.activeTab();
  return visibility[old]?.visibility === "visible" ? old : first;
}

function editedWorkbook(workbook: ExistingWorkbook, placed: readonly PlacedSheet[], activeTab: number): string {
  const replaced = new Map(placed.filter((sheet) => sheet.replaces).map((sheet) => [sheet.position, { name: sheet.plan.name, visibility: sheet.plan.visibility }]));
  const added = placed
    .filter((sheet) => !sheet.replaces)
    .map((sheet) => ({ name: sheet.plan.name, sheetId: sheet.sheetId ?? 0, relationshipId: sheet.relationshipId, visibility: sheet.plan.visibility }));
  const definedNames = placed.flatMap((sheet) => (sheet.plan.print?.repeatRows ? [printTitlesName(sheet.plan.name, sheet.position, sheet.plan.print.repeatRows)] : []));
  return workbook.edited({ replaced, added, definedNames, activeTab });
}

/**
 * The workbook's relationships as written, with: new sheets (and styles) added; a replaced chart sheet's entry
 * pointed at the worksheet that takes its place; the calculation chain's entry removed when the chain is dropped.
 */
function editedRelationships(
  pkg: ExistingPackage,
  relsName: string,
  placed: readonly PlacedSheet[],
  added: readonly Relationship[],
  calcChain: PackageRelationship | undefined,
): string {
  if (!pkg.has(relsName)) return relationshipsPart(added);
  let xml = strFromU8(pkg.entriesKept((name) => name === relsName)[relsName] ?? new Uint8Array());
  const prefix = prefixOf(xml, NS.packageRelationships) ?? "";
  for (const tag of startTags(xml, qualified(prefix, "Relationship"))) {
    const id = tag.attributes.get("Id");
    const moved = placed.find((sheet) => sheet.replaces?.oldPart !== undefined && sheet.relationshipId === id);
    if (calcChain && id === calcChain.id) {
      xml = xml.replace(tag.text, () => "");
    } else if (moved && resolveTarget(pkg.workbookPart, tag.attributes.get("Target") ?? "") !== moved.part) {
      xml = xml.replace(tag.text, () => withAttributes(tag.text, { Type: RELATIONSHIP_TYPES.worksheet, Target: relativeTarget(pkg.workbookPart, moved.part) }));
    }
  }
  const items = added.map((rel) => `<${qualified(prefix, "Relationship")} Id="${rel.id}" Type="${rel.type}" Target="${rel.target}"/>`).join("");
  const close = `</${qualified(prefix, "Relationships")}>`;
  return xml.replace(close, () => `${items}${close}`);
}

/**
 * The archive: every entry in its old order, dropped ones left out, rewritten ones replaced; new parts last. The
 * entries kept are copied as the archive stores them, still compressed: never inflated, never deflated again.
 */
function assemble(pkg: ExistingPackage, dropped: ReadonlySet<string>, rewritten: ReadonlyMap<string, (zip: ZipPackage) => void>): Uint8Array {
  const kept = pkg.entries.filter((name) => !dropped.has(name.toLowerCase()) && !rewritten.has(name));
  const stored = storedEntries(pkg);
  // An entry the directory walk did not name as fflate did (a name with a leading slash), or a ZIP64 archive's
  // entries, which readZipDirectory refuses: inflated and compressed again.
  const unstored = new Set(kept.filter((name) => !stored.has(name)));
  const inflated = unstored.size > 0 ? pkg.entriesKept((name) => unstored.has(name)) : {};
  const zip = new ZipPackage();
  for (const name of pkg.entries) {
    if (dropped.has(name.toLowerCase())) continue;
    const write = rewritten.get(name);
    const entry = stored.get(name);
    if (write) write(zip);
    else if (entry) zip.addStored(entry, pkg.bytes);
    else zip.addBytes(name, inflated[name] ?? new Uint8Array());
  }
  for (const [name, write] of rewritten) if (!pkg.has(name)) write(zip);
  return zip.finish();
}

/** The existing archive's entries as stored, by their names as ExistingPackage (fflate) reads them. */
function storedEntries(pkg: ExistingPackage): Map<string, ZipEntry> {
  const entries = readZipDirectory(pkg.bytes);
  if ("ok" in entries) return new Map();
  // readZipDirectory keeps the name's bytes (as Latin-1); fflate decodes them as UTF-8 when the entry says so.
  const utf8 = new TextDecoder();
  const decoded = (entry: ZipEntry) => (entry.flags & 0x800 ? utf8.decode(Uint8Array.from(entry.name, (char) => char.charCodeAt(0))) : entry.name);
  return new Map(entries.map((entry) => [decoded(entry), entry]));
}

function freshStylesName(pkg: ExistingPackage): string {
  for (let n = 0; ; n++) {
    const name = n === 0 ? "xl/styles.xml" : `xl/styles${n}.xml`;
    if (!pkg.has(name)) return name;
  }
}

function freshId(rels: readonly PackageRelationship[], placed: readonly PlacedSheet[]): string {
  const taken = new Set([...rels.map((rel) => rel.id), ...placed.map((sheet) => sheet.relationshipId)]);
  for (let n = 1; ; n++) if (!taken.has(`rId${n}`)) return `rId${n}`;
}
