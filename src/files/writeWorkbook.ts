/**
 * Sheet plans -> .xlsx bytes with ExcelJS. Browser-safe (no Node APIs): the CLI writes files with it and the task
 * pane builds downloads with it. A thin translator: every decision about what a sheet holds lives in the plan;
 * this file only knows how ExcelJS spells it, and works around the few places where ExcelJS would write a file
 * that Excel must repair (noted where they happen).
 *
 * This module holds the two entry points, the workbook-level settings and the order in which a sheet is
 * rendered; the parts live beside it: excelCells (values and styles), excelTables, excelValidations (data
 * validations and conditional formats) and excelInternals (the ExcelJS members its typings leave out).
 */
import { Workbook, type PaperSize, type Worksheet, type WorksheetView } from "exceljs";
import { cellRef } from "../core/rawSheet";
import type { PrintPlan, SheetPlan, WorkbookPlan } from "../core/plans/sheetPlan";
import { renderCells } from "./excelCells";
import { internals } from "./excelInternals";
import { renderTable } from "./excelTables";
import { compactLoadedValidations, renderConditionalFormat, renderValidation } from "./excelValidations";

/**
 * Fast deflate: sheet XML still shrinks about 8:1 at level 1, and the JavaScript deflate at the default level
 * was the largest single cost of writing a master of thousands of rows.
 */
const WRITE_OPTIONS = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as unknown as Parameters<Workbook["xlsx"]["writeBuffer"]>[0];

/**
 * Renders a workbook plan to .xlsx bytes: every sheet of the plan in order, nothing else.
 *
 * @throws Error when the plan cannot become a valid file (no visible sheet; a table name Excel refuses or one used
 *   twice; a table header that is not text or is repeated; a number that is not finite; a text longer than a cell
 *   holds; an inline list item with a comma): a bug in the plan, not something a user can fix.
 */
export async function writeWorkbook(plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new Workbook();
  setProperties(workbook, plan.properties, { keepCreator: false });
  for (const sheet of plan.sheets) renderSheet(workbook, sheet);
  selectFirstVisibleSheet(workbook);
  return toBytes(await workbook.xlsx.writeBuffer(WRITE_OPTIONS));
}

/**
 * Renders a plan into an existing workbook: each planned sheet replaces the sheet of the same name (Excel compares
 * names case-insensitively) at its position, new sheets go to the end, and every other sheet is kept as ExcelJS
 * read it. Used when merging into an existing master, whose hand-made extra sheets must survive.
 *
 * The existing workbook's creator is kept; the plan's creator becomes "last modified by". Whatever ExcelJS cannot
 * read (charts, pivot tables, some drawings) is lost from the kept sheets.
 *
 * @throws Error when the existing bytes are not an .xlsx ExcelJS can read, or for the plan errors of
 *   {@link writeWorkbook}.
 */
export async function writeIntoWorkbook(existing: Uint8Array, plan: WorkbookPlan): Promise<Uint8Array> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(toArrayBuffer(existing));
  } catch (error) {
    throw new Error(`the existing workbook could not be read as .xlsx: ${error instanceof Error ? error.message : String(error)}`);
  }
  setProperties(workbook, plan.properties, { keepCreator: true });
  for (const sheet of workbook.worksheets) compactLoadedValidations(sheet);
  const active = activeSheetName(workbook);
  for (const sheet of plan.sheets) {
    const old = workbook.worksheets.find((candidate) => candidate.name.toLowerCase() === sheet.name.toLowerCase());
    const orderNo = old ? internals(old).orderNo : undefined;
    if (old) workbook.removeWorksheet(old.id);
    const fresh = renderSheet(workbook, sheet);
    // addWorksheet appends; taking the old sheet's order number puts the replacement where the old sheet was.
    if (orderNo !== undefined) internals(fresh).orderNo = orderNo;
  }
  selectFirstVisibleSheet(workbook, active);
  return toBytes(await workbook.xlsx.writeBuffer(WRITE_OPTIONS));
}

// ---------------------------------------------------------------------------------------------------------------
// Workbook level

function setProperties(workbook: Workbook, properties: WorkbookPlan["properties"], options: { keepCreator: boolean }): void {
  workbook.title = properties.title;
  if (properties.subject !== undefined) workbook.subject = properties.subject;
  if (!options.keepCreator || !workbook.creator) workbook.creator = properties.creator;
  workbook.lastModifiedBy = properties.creator;
  const now = new Date();
  if (!options.keepCreator || !workbook.created) workbook.created = now;
  workbook.modified = now;
}

/** The name of the sheet the existing workbook opened on, if it names one. */
function activeSheetName(workbook: Workbook): string | undefined {
  // A workbook without <bookViews> (SheetJS writes none) loads with no views at all.
  const activeTab = (workbook.views as Workbook["views"] | undefined)?.[0]?.activeTab ?? 0;
  return workbook.worksheets[activeTab]?.name;
}

/**
 * Opens the workbook on a visible sheet and marks only that tab selected. Excel opens on `activeTab` (0 when
 * unset) even when that sheet is hidden, which would show the very hidden metadata sheet to every unit; and two
 * selected tabs open the workbook in group-edit mode, where typing writes into both sheets.
 */
function selectFirstVisibleSheet(workbook: Workbook, preferred?: string): void {
  const sheets = workbook.worksheets;
  const visible = (sheet: Worksheet) => sheet.state === "visible";
  const active = sheets.find((sheet) => sheet.name === preferred && visible(sheet)) ?? sheets.find(visible);
  if (!active) throw new Error("a workbook needs at least one visible sheet; Excel refuses to open one without");
  const activeTab = sheets.indexOf(active);
  const [view] = (workbook.views as Workbook["views"] | undefined) ?? [];
  workbook.views = [{ x: 0, y: 0, width: 24000, height: 16000, visibility: "visible", ...view, activeTab, firstSheet: 0 }];
  for (const sheet of sheets) {
    // ExcelJS loads a sheet without <sheetViews> (optional in the format) with views set to null.
    const loaded = (sheet.views as WorksheetView[] | null | undefined) ?? [];
    const views = loaded.length > 0 ? loaded : [{ state: "normal" } as WorksheetView];
    sheet.views = views.map((sheetView) => ({ ...sheetView, tabSelected: sheet === active }));
  }
}

/** ExcelJS hands back a Node Buffer in Node and a Uint8Array-like in browsers; callers get a plain Uint8Array. */
function toBytes(buffer: ArrayBuffer | ArrayBufferView): Uint8Array {
  return ArrayBuffer.isView(buffer) ? new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) : new Uint8Array(buffer);
}

/** JSZip, inside ExcelJS, takes an ArrayBuffer everywhere; a view may sit inside a larger pooled buffer. */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet level

function renderSheet(workbook: Workbook, plan: SheetPlan): Worksheet {
  const sheet = workbook.addWorksheet(plan.name, { state: plan.visibility });
  renderColumns(sheet, plan);
  // The table first: ExcelJS's addTable writes its header and body cells itself; the planned cells written
  // afterwards then win, values and styles alike.
  if (plan.table) renderTable(workbook, sheet, plan.table, plan.rows);
  renderCells(sheet, plan.rows);
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) sheet.getRow(Number(row) + 1).height = height;
  // After the cells: ExcelJS copies the top-left cell's style onto the merged cells, so borders run all round.
  for (const merge of plan.merges) sheet.mergeCells(merge.startRow + 1, merge.startCol + 1, merge.endRow + 1, merge.endCol + 1);
  for (const validation of plan.dataValidations) renderValidation(sheet, validation);
  plan.conditionalFormats.forEach((format, index) => renderConditionalFormat(sheet, format, index + 1));
  renderFreeze(sheet, plan.freeze);
  if (plan.print) renderPrint(sheet, plan.print);
  return sheet;
}

function renderColumns(sheet: Worksheet, plan: SheetPlan): void {
  plan.columnWidths.forEach((width, col) => {
    sheet.getColumn(col + 1).width = width;
  });
  for (const col of plan.hiddenColumns ?? []) sheet.getColumn(col + 1).hidden = true;
}

// ---------------------------------------------------------------------------------------------------------------
// View and print

function renderFreeze(sheet: Worksheet, freeze: SheetPlan["freeze"]): void {
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) return;
  sheet.views = [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows, topLeftCell: cellRef(freeze.rows, freeze.columns) }];
}

/** Excel's paper size codes (ECMA-376 ST_PaperSize); ExcelJS declares them as a const enum. */
const PAPER_SIZES: Record<PrintPlan["paperSize"], number> = { A4: 9 };

function renderPrint(sheet: Worksheet, print: PrintPlan): void {
  const setup = sheet.pageSetup;
  setup.paperSize = PAPER_SIZES[print.paperSize] as PaperSize;
  setup.orientation = print.orientation;
  if (print.fitToWidth) {
    // One page wide, as many pages tall as the rows need (0 = automatic).
    setup.fitToPage = true;
    setup.fitToWidth = 1;
    setup.fitToHeight = 0;
  }
  if (print.repeatRows) setup.printTitlesRow = `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}`;
  // Narrower at the sides than Excel's default, as the SpreadsheetML writer prints (worksheetPart.ts says why).
  setup.margins = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  if (print.header) sheet.headerFooter.oddHeader = print.header;
  if (print.footer) sheet.headerFooter.oddFooter = print.footer;
}
