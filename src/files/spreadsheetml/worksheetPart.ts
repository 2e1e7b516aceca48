/**
 * One sheet plan -> xl/worksheets/sheetN.xml, streamed. The elements come in the order CT_Worksheet requires
 * (sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData, mergeCells, conditionalFormatting,
 * dataValidations, pageMargins, pageSetup, tableParts); Excel refuses a part whose elements are out of order.
 */
import { cellRef } from "../../core/rawSheet";
import type { PrintPlan, SheetPlan } from "../../core/plans/sheetPlan";
import type { CellTextWriter } from "./cellText";
import { conditionalFormatsXml, dataValidationsXml } from "./rulesXml";
import { usedRange, writeSheetData } from "./sheetData";
import type { StyleRegistry } from "./styleRegistry";
import { escapeText, NS, rangeRef, XML_DECLARATION } from "./xml";
import type { PartStream } from "./zipPackage";

export interface WorksheetContext {
  styles: StyleRegistry;
  text: CellTextWriter;
  /** The tab the workbook opens on; exactly one sheet is selected, or Excel opens in group-edit mode. */
  selected: boolean;
  /** The relationship id of the sheet's table part, when it has a table. */
  tableRelationship?: string;
}

export function writeWorksheet(out: PartStream, plan: SheetPlan, context: WorksheetContext): void {
  const { styles } = context;
  const fitToPage = plan.print?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "";
  const extent = usedRange(plan);
  out.write(`${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.relationships}">`);
  out.write(`${fitToPage}<dimension ref="${extent ? rangeRef(extent) : "A1"}"/>`);
  out.write(`<sheetViews>${sheetView(plan, context.selected)}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${columnsXml(plan)}`);
  writeSheetData(out, plan, styles, context.text);
  if (plan.merges.length > 0) {
    out.write(`<mergeCells count="${plan.merges.length}">${plan.merges.map((merge) => `<mergeCell ref="${rangeRef(merge)}"/>`).join("")}</mergeCells>`);
  }
  out.write(conditionalFormatsXml(plan.conditionalFormats, (style) => styles.differentialStyle(style)));
  out.write(dataValidationsXml(plan.dataValidations));
  // Excel's default margins, which it writes into every sheet (LibreOffice takes its own defaults without them);
  // narrower at the sides for the printed tables, whose columns are sized to fill A4 landscape at 90% or more.
  out.write(
    plan.print
      ? '<pageMargins left="0.4" right="0.4" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
      : '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
  );
  if (plan.print) out.write(pageSetup(plan.print) + headerFooter(plan.print));
  if (context.tableRelationship) out.write(`<tableParts count="1"><tablePart r:id="${context.tableRelationship}"/></tableParts>`);
  out.write("</worksheet>");
}

/** The view: selected or not, and the frozen rows and columns as a pane whose top-left cell is the first unfrozen. */
function sheetView(plan: SheetPlan, selected: boolean): string {
  const open = `<sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"`;
  const freeze = plan.freeze;
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) return `${open}/>`;
  const activePane = freeze.rows > 0 && freeze.columns > 0 ? "bottomRight" : freeze.rows > 0 ? "bottomLeft" : "topRight";
  const xSplit = freeze.columns > 0 ? ` xSplit="${freeze.columns}"` : "";
  const ySplit = freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : "";
  const pane = `<pane${xSplit}${ySplit} topLeftCell="${cellRef(freeze.rows, freeze.columns)}" activePane="${activePane}" state="frozen"/>`;
  return `${open}>${pane}<selection pane="${activePane}"/></sheetView>`;
}

/** One `<col>` per planned width or hidden column; widths are in characters, as the plan gives them. */
function columnsXml(plan: SheetPlan): string {
  const hidden = new Set(plan.hiddenColumns ?? []);
  const count = Math.max(plan.columnWidths.length, ...[...hidden].map((col) => col + 1));
  const cols: string[] = [];
  for (let col = 0; col < count; col++) {
    const width = plan.columnWidths[col];
    if (width === undefined && !hidden.has(col)) continue;
    const widthXml = width === undefined ? "" : ` width="${width}" customWidth="1"`;
    cols.push(`<col min="${col + 1}" max="${col + 1}"${widthXml}${hidden.has(col) ? ' hidden="1"' : ""}/>`);
  }
  return cols.length > 0 ? `<cols>${cols.join("")}</cols>` : "";
}

/** Excel's paper size codes (ECMA-376 ST_PaperSize). */
const PAPER_SIZES: Record<PrintPlan["paperSize"], number> = { A4: 9 };

/** The printed page header and footer, in Excel's codes (`&C`, `&P`, `&N`), after pageSetup as CT_Worksheet orders. */
function headerFooter(print: PrintPlan): string {
  if (!print.header && !print.footer) return "";
  const header = print.header ? `<oddHeader>${escapeText(print.header)}</oddHeader>` : "";
  const footer = print.footer ? `<oddFooter>${escapeText(print.footer)}</oddFooter>` : "";
  return `<headerFooter>${header}${footer}</headerFooter>`;
}

/** Paper and orientation; fit to width is one page wide and as many pages tall as the rows need (0 = automatic). */
function pageSetup(print: PrintPlan): string {
  const fit = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : "";
  return `<pageSetup paperSize="${PAPER_SIZES[print.paperSize]}" orientation="${print.orientation}"${fit}/>`;
}
