/**
 * xl/workbook.xml: the sheets in order with their visibility, the tab the workbook opens on, and the print titles
 * as defined names. Also Excel's rules on sheet names, checked before anything is written.
 */
import type { PrintPlan, SheetPlan } from "../../core/plans/sheetPlan";
import { escapeAttribute, escapeFormula, NS, quotedSheetName, XML_DECLARATION } from "./xml";

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relationshipId: string;
  visibility: SheetPlan["visibility"];
  /** Rows repeated at the top of each printed page. */
  repeatRows?: PrintPlan["repeatRows"];
}

const VISIBILITY: Record<SheetPlan["visibility"], string> = { visible: "", hidden: ' state="hidden"', veryHidden: ' state="veryHidden"' };

/**
 * @param activeTab the sheet the workbook opens on: a visible one, since Excel opens on it even when hidden.
 */
export function workbookPart(sheets: readonly WorkbookSheet[], activeTab: number): string {
  const sheetXml = sheets.map(
    // Attributes in the order the ExcelJS writer used, so that tests reading the part as text read either writer's.
    (sheet) => `<sheet sheetId="${sheet.sheetId}" name="${escapeAttribute(sheet.name)}"${VISIBILITY[sheet.visibility]} r:id="${sheet.relationshipId}"/>`,
  );
  const names = sheets.flatMap((sheet, index) => (sheet.repeatRows ? [printTitlesName(sheet.name, index, sheet.repeatRows)] : []));
  return (
    `${XML_DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
    `<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="24000" windowHeight="16000" firstSheet="0" activeTab="${activeTab}"/></bookViews>` +
    `<sheets>${sheetXml.join("")}</sheets>` +
    (names.length > 0 ? `<definedNames>${names.join("")}</definedNames>` : "") +
    // The calculation engine of current Excel: an older id makes Excel recalculate on opening and ask to save on
    // closing. (LibreOffice also reads its iteration settings from this element.)
    '<calcPr calcId="191029"/>' +
    "</workbook>"
  );
}

/** `_xlnm.Print_Titles` for one sheet: Excel's built-in name for rows repeated on each printed page. */
export function printTitlesName(sheetName: string, localSheetId: number, rows: NonNullable<PrintPlan["repeatRows"]>): string {
  const formula = `${quotedSheetName(sheetName)}!$${rows.first + 1}:$${rows.last + 1}`;
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${escapeFormula(formula)}</definedName>`;
}

/** The first visible sheet's position: Excel refuses to open a workbook with none. */
export function firstVisibleSheet(sheets: readonly Pick<SheetPlan, "visibility">[]): number {
  const index = sheets.findIndex((sheet) => sheet.visibility === "visible");
  if (index < 0) throw new Error("a workbook needs at least one visible sheet; Excel refuses to open one without");
  return index;
}

/**
 * Excel's rules for sheet names: 1 to 31 characters, none of `: \ / ? * [ ]`, no apostrophe first or last, and
 * unique ignoring case. Excel repairs a file that breaks one, and renames or drops the sheet.
 *
 * @throws Error naming the first bad name.
 */
export function checkSheetNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new Error(`sheet name ${name} is not one Excel accepts: 1 to 31 characters, none of : \\ / ? * [ ], no apostrophe at either end`);
    }
    if (seen.has(name.toLowerCase())) throw new Error(`sheet name ${name} is used twice; Excel compares sheet names ignoring case`);
    seen.add(name.toLowerCase());
  }
}
