/**
 * Sheet plans -> .xlsx bytes, written directly as SpreadsheetML: no workbook model in memory, each sheet streamed
 * as XML text into a deflating zip, texts kept once in a shared-string table, styles made once per palette style.
 * Browser-safe (Node's zlib only where there is a Node) and synchronous.
 *
 * This module decides the package's layout (which part is where, which relationship points at it) and the order of
 * writing; the parts are rendered beside it: worksheetPart and sheetData (a sheet), tablePart, rulesXml
 * (validations and conditional formats), styleRegistry and stylesPart, cellText (shared strings), workbookPart,
 * packageParts (content types, relationships, document properties) and themePart.
 */
import type { WorkbookPlan } from "../../core/plans/sheetPlan";
import { SharedStrings } from "./cellText";
import {
  appPropertiesPart,
  CONTENT_TYPES,
  contentTypesPart,
  corePropertiesPart,
  relationshipsPart,
  RELATIONSHIP_TYPES,
  type Relationship,
} from "./packageParts";
import { StyleRegistry } from "./styleRegistry";
import { stylesPart } from "./stylesPart";
import { checkTable, tablePart, type CheckedTable } from "./tablePart";
import { themePart } from "./themePart";
import { checkSheetNames, firstVisibleSheet, workbookPart, type WorkbookSheet } from "./workbookPart";
import { writeWorksheet } from "./worksheetPart";
import { ZipPackage } from "./zipPackage";

export interface WriteOptions {
  /** The creation and modification time recorded in the document properties; now by default. */
  now?: Date;
}

/**
 * Renders a workbook plan to .xlsx bytes: every sheet of the plan in order, nothing else. The workbook opens on
 * its first visible sheet, the only one selected.
 *
 * @throws Error when the plan cannot become a valid file (no visible sheet; a sheet name Excel refuses or one used
 *   twice; a table name Excel refuses or one used twice; a table header that is not text or is repeated; a number
 *   that is not finite; an inline list item with a comma): a bug in the plan, not something a user can fix.
 */
export function writePlanWorkbook(plan: WorkbookPlan, options: WriteOptions = {}): Uint8Array {
  checkSheetNames(plan.sheets.map((sheet) => sheet.name));
  const activeTab = firstVisibleSheet(plan.sheets);
  const takenTables = new Set<string>();
  const tables = plan.sheets.map((sheet) => (sheet.table ? checkTable(sheet.table, sheet.rows, takenTables) : undefined));
  const layout = packageLayout(plan, tables);

  const zip = new ZipPackage();
  zip.addText("[Content_Types].xml", contentTypesPart(layout.contentTypes));
  zip.addText(
    "_rels/.rels",
    relationshipsPart([
      { id: "rId1", type: RELATIONSHIP_TYPES.officeDocument, target: "xl/workbook.xml" },
      { id: "rId2", type: RELATIONSHIP_TYPES.core, target: "docProps/core.xml" },
      { id: "rId3", type: RELATIONSHIP_TYPES.app, target: "docProps/app.xml" },
    ]),
  );
  zip.addText("xl/workbook.xml", workbookPart(layout.sheets, activeTab));
  zip.addText("xl/_rels/workbook.xml.rels", relationshipsPart(layout.workbookRelationships));

  const styles = new StyleRegistry();
  const strings = new SharedStrings();
  plan.sheets.forEach((sheet, index) => {
    const table = tables[index];
    const tableNumber = layout.tableNumbers[index];
    if (table && tableNumber !== undefined) {
      zip.addText(`xl/worksheets/_rels/sheet${index + 1}.xml.rels`, relationshipsPart([{ id: "rId1", type: RELATIONSHIP_TYPES.table, target: `../tables/table${tableNumber}.xml` }]));
      zip.addText(`xl/tables/table${tableNumber}.xml`, tablePart(table, tableNumber));
    }
    const part = zip.open(`xl/worksheets/sheet${index + 1}.xml`);
    writeWorksheet(part, sheet, { styles, text: strings, selected: index === activeTab, tableRelationship: table ? "rId1" : undefined });
    part.end();
  });

  // Written after the sheets, which are what fills them.
  zip.addText("xl/sharedStrings.xml", strings.part());
  zip.addText("xl/styles.xml", stylesPart(styles));
  zip.addText("xl/theme/theme1.xml", themePart());
  zip.addText("docProps/core.xml", corePropertiesPart(plan.properties, options.now ?? new Date()));
  zip.addText("docProps/app.xml", appPropertiesPart(plan.sheets.map((sheet) => sheet.name)));
  return zip.finish();
}

interface PackageLayout {
  sheets: WorkbookSheet[];
  workbookRelationships: Relationship[];
  /** The number in xl/tables/tableN.xml (and the table id) of each sheet's table. */
  tableNumbers: Array<number | undefined>;
  contentTypes: Array<[string, string]>;
}

/** Which part is where: sheetN.xml for the Nth sheet, tables numbered in sheet order, relationships rId1… */
function packageLayout(plan: WorkbookPlan, tables: ReadonlyArray<CheckedTable | undefined>): PackageLayout {
  const sheets = plan.sheets.map(
    (sheet, index): WorkbookSheet => ({
      name: sheet.name,
      sheetId: index + 1,
      relationshipId: `rId${index + 1}`,
      visibility: sheet.visibility,
      repeatRows: sheet.print?.repeatRows,
    }),
  );
  const count = plan.sheets.length;
  const workbookRelationships: Relationship[] = [
    ...plan.sheets.map((_, index) => ({ id: `rId${index + 1}`, type: RELATIONSHIP_TYPES.worksheet, target: `worksheets/sheet${index + 1}.xml` })),
    { id: `rId${count + 1}`, type: RELATIONSHIP_TYPES.styles, target: "styles.xml" },
    { id: `rId${count + 2}`, type: RELATIONSHIP_TYPES.theme, target: "theme/theme1.xml" },
    { id: `rId${count + 3}`, type: RELATIONSHIP_TYPES.sharedStrings, target: "sharedStrings.xml" },
  ];
  let tableCount = 0;
  const tableNumbers = tables.map((table) => (table ? ++tableCount : undefined));
  const contentTypes: Array<[string, string]> = [
    ["/xl/workbook.xml", CONTENT_TYPES.workbook],
    ...plan.sheets.map((_, index): [string, string] => [`/xl/worksheets/sheet${index + 1}.xml`, CONTENT_TYPES.worksheet]),
    ...tableNumbers.flatMap((n): Array<[string, string]> => (n === undefined ? [] : [[`/xl/tables/table${n}.xml`, CONTENT_TYPES.table]])),
    ["/xl/styles.xml", CONTENT_TYPES.styles],
    ["/xl/sharedStrings.xml", CONTENT_TYPES.sharedStrings],
    ["/xl/theme/theme1.xml", CONTENT_TYPES.theme],
    ["/docProps/core.xml", CONTENT_TYPES.core],
    ["/docProps/app.xml", CONTENT_TYPES.app],
  ];
  return { sheets, workbookRelationships, tableNumbers, contentTypes };
}
