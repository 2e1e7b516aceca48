/**
 * Sheet plans -> .xlsx bytes with ExcelJS. Browser-safe (no Node APIs): the CLI writes files with it and the task
 * pane builds downloads with it. A thin translator: every decision about what a sheet holds lives in the plan;
 * this file only knows how ExcelJS spells it, and works around the few places where ExcelJS would write a file
 * that Excel must repair (noted where they happen).
 */
import {
  Workbook,
  type Alignment,
  type Borders,
  type DataValidation,
  type Fill,
  type Font,
  type PaperSize,
  type Style,
  type TableStyleProperties,
  type Worksheet,
  type WorksheetView,
} from "exceljs";
import { isoDateToSerial } from "../core/calendarDate";
import { cellRef, type CellRange } from "../core/rawSheet";
import {
  palette,
  type CellStyle,
  type ConditionalFormatPlan,
  type DataValidationPlan,
  type PlannedValue,
  type PrintPlan,
  type SheetPlan,
  type StyleName,
  type TablePlan,
  type ValidationRule,
  type WorkbookPlan,
} from "../core/plans/sheetPlan";

/**
 * Renders a workbook plan to .xlsx bytes: every sheet of the plan in order, nothing else.
 *
 * @throws Error when the plan cannot become a valid file (no visible sheet; a table name Excel refuses or one used
 *   twice; a table header that is not text or is repeated; a number that is not finite; a text longer than a cell
 *   holds; an inline list item with a comma): a bug in the plan, not something a user can fix.
 */
/**
 * Fast deflate: sheet XML still shrinks about 8:1 at level 1, and the JavaScript deflate at the default level
 * was the largest single cost of writing a master of thousands of rows.
 */
const WRITE_OPTIONS = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as unknown as Parameters<Workbook["xlsx"]["writeBuffer"]>[0];

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

/**
 * Members ExcelJS 4.4 has and uses but leaves out of its typings: a sheet's position (`workbook.worksheets` sorts
 * by it), the validation store (keyed by a cell or a whole range), and the tables by name.
 */
interface WorksheetInternals {
  orderNo: number;
  dataValidations: { model: Record<string, DataValidation | undefined>; add(address: string, validation: DataValidation): void };
  tables: Record<string, unknown>;
}

function internals(sheet: Worksheet): WorksheetInternals {
  return sheet as unknown as WorksheetInternals;
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

/**
 * ExcelJS loads each `<dataValidation sqref="A5:A24">` as one entry per cell, and on saving squeezes cells back
 * into ranges in text order of their addresses (A10 before A5), which yields overlapping ranges (A10:A24 and
 * A5:A24) that Excel repairs away. Squeezing them back here, column by column in row order, gives ranges that
 * never overlap, which ExcelJS then writes as they are.
 */
function compactLoadedValidations(sheet: Worksheet): void {
  const store = internals(sheet).dataValidations;
  const byColumn = new Map<string, { row: number; validation: DataValidation }[]>();
  const compacted: Record<string, DataValidation> = {};
  for (const [address, validation] of Object.entries(store.model)) {
    if (!validation) continue; // ExcelJS removes a validation by setting it to undefined.
    const cell = /^([A-Z]+)(\d+)$/.exec(address);
    if (!cell?.[1] || !cell[2]) {
      compacted[address] = validation; // Already a range.
      continue;
    }
    const cells = byColumn.get(cell[1]) ?? [];
    cells.push({ row: Number(cell[2]), validation });
    byColumn.set(cell[1], cells);
  }
  for (const [column, cells] of byColumn) {
    cells.sort((a, b) => a.row - b.row);
    let start = 0;
    cells.forEach((cell, i) => {
      const next = cells[i + 1];
      const sameRun = next !== undefined && next.row === cell.row + 1 && sameValidation(next.validation, cell.validation);
      if (sameRun) return;
      const first = cells[start]?.row ?? cell.row;
      compacted[first === cell.row ? `${column}${first}` : `${column}${first}:${column}${cell.row}`] = cell.validation;
      start = i + 1;
    });
  }
  store.model = compacted;
}

function sameValidation(a: DataValidation, b: DataValidation): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
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

function renderCells(sheet: Worksheet, rows: SheetPlan["rows"]): void {
  const styles = new Map<string, Partial<Style>>();
  rows.forEach((cells, row) => {
    cells.forEach((planned, col) => {
      const cell = sheet.getCell(row + 1, col + 1);
      const holdsDate = isDateValue(planned.value);
      cell.value = excelValue(planned.value, cellRef(row, col));
      if (planned.style) {
        const key = `${planned.style}${holdsDate ? ":date" : ""}`;
        const style = styles.get(key) ?? excelStyle(palette[planned.style], holdsDate);
        styles.set(key, style);
        // Shared, never mutated afterwards: ExcelJS then resolves each style once (its WeakMap cache), which
        // makes writing a large master several times faster than a copy per cell.
        cell.style = style;
      } else if (holdsDate) {
        cell.numFmt = DEFAULT_DATE_FORMAT;
      }
    });
  });
}

/** The most characters an Excel cell holds; a longer text makes Excel repair the file and cut it. */
const MAX_CELL_TEXT = 32767;

/** Strings stay strings: ExcelJS writes a JS string as a text cell, never parsing `=`, `+`, `-` or `@`. */
function excelValue(value: PlannedValue, ref: string): string | number | null {
  // An empty string is an empty cell: a cell holding "" is not blank to ISBLANK, COUNTA or "allow blank" in
  // data validation, and some readers take it for a zero under a date format.
  if (value === null || value === "") return null;
  if (typeof value === "string") {
    if (value.length > MAX_CELL_TEXT) throw new Error(`cell ${ref}: ${value.length} characters, more than an Excel cell holds (${MAX_CELL_TEXT})`);
    return value;
  }
  if (typeof value === "number") {
    // NaN and Infinity have no spelling in the file format; ExcelJS would write them and Excel would repair.
    if (!Number.isFinite(value)) throw new Error(`cell ${ref}: ${value} is not a number Excel can store`);
    return value;
  }
  // A date cell is its serial number under a date format; the core owns the one serial conversion.
  return isoDateToSerial(value.date);
}

function isDateValue(value: PlannedValue): value is { date: string } {
  return typeof value === "object" && value !== null;
}

// ---------------------------------------------------------------------------------------------------------------
// Styles

/** For a date written under a style without a date format: the notices' own spelling, 2024/4/22. */
const DEFAULT_DATE_FORMAT = "yyyy/m/d";

/**
 * ExcelJS's default font (Calibri 11, minor theme font). With the theme's minor font, Excel and WPS show Chinese
 * text in the theme's East Asian font, exactly as in a cell nobody styled.
 */
const BASE_FONT: Partial<Font> = { name: "Calibri", family: 2, scheme: "minor", size: 11 };

const THIN_BORDERS: Partial<Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function argb(rgb: string): string {
  return `FF${rgb.toUpperCase()}`;
}

function excelStyle(style: CellStyle, holdsDate: boolean): Partial<Style> {
  const result: Partial<Style> = { font: excelFont(style, BASE_FONT) };
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  const alignment = excelAlignment(style);
  if (alignment) result.alignment = alignment;
  if (style.border) result.border = THIN_BORDERS;
  const numFmt = holdsDate && (style.numberFormat === undefined || style.numberFormat === "@") ? DEFAULT_DATE_FORMAT : style.numberFormat;
  if (numFmt !== undefined) result.numFmt = numFmt;
  return result;
}

function excelFont(style: CellStyle, base: Partial<Font>): Partial<Font> {
  const font: Partial<Font> = { ...base };
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  return font;
}

function excelAlignment(style: CellStyle): Partial<Alignment> | undefined {
  if (!style.horizontal && !style.vertical && !style.wrap) return undefined;
  const alignment: Partial<Alignment> = {};
  if (style.horizontal) alignment.horizontal = style.horizontal;
  if (style.vertical) alignment.vertical = style.vertical;
  if (style.wrap) alignment.wrapText = true;
  return alignment;
}

/** A conditional format paints over the cell's own style: fill and font only, borders and formats stay. */
function conditionalStyle(name: StyleName): Partial<Style> {
  const style = palette[name];
  const result: Partial<Style> = {};
  // Differential formats take a solid fill's colour from bgColor (Excel writes both).
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) }, bgColor: { argb: argb(style.fill) } } as Fill;
  const font = excelFont({ ...style, fontSize: undefined }, {});
  if (Object.keys(font).length > 0) result.font = font;
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Table

/**
 * Excel tables as ExcelJS writes them, with two repairs avoided: a table with a header and no body row makes
 * Excel discard the table (exceljs#2678), so the body is at least one row; and a line break in a header must be
 * spelt `_x000a_` in the table part, as Excel itself writes it, or Excel repairs the file (exceljs#2134).
 */
function renderTable(workbook: Workbook, sheet: Worksheet, table: TablePlan, rows: SheetPlan["rows"]): void {
  checkTableName(workbook, table.name);
  const { range } = table;
  const headerCells = rows[range.startRow] ?? [];
  const names: string[] = [];
  for (let col = range.startCol; col <= range.endCol; col++) {
    // The column name must equal the header cell's text exactly, so it is neither trimmed nor converted.
    const name = headerCells[col]?.value;
    if (typeof name !== "string" || name.trim() === "") {
      throw new Error(`table ${table.name}: header cell ${cellRef(range.startRow, col)} must hold text; every table column needs a name`);
    }
    if (names.some((other) => other.toLowerCase() === name.toLowerCase())) {
      throw new Error(`table ${table.name}: header ${name} appears twice; Excel needs unique column names`);
    }
    names.push(name);
  }
  const bodyRows = Math.max(1, range.endRow - range.startRow);
  sheet.addTable({
    name: table.name,
    ref: cellRef(range.startRow, range.startCol),
    headerRow: true,
    totalsRow: false,
    // The plan names one of Excel's built-in table styles, which ExcelJS types as a union of names.
    style: { theme: table.style as TableStyleProperties["theme"], showRowStripes: true },
    columns: names.map((name) => ({ name: name.replace(/\r/g, "_x000d_").replace(/\n/g, "_x000a_"), filterButton: true })),
    rows: Array.from({ length: bodyRows }, () => names.map(() => null)),
  });
}

/**
 * Excel's rules for a table name (the plan promises letters, digits and underscores): not a cell reference such
 * as `AB12` or `R1C1`, and unique in the workbook, ignoring case. A broken rule makes Excel drop the table.
 */
function checkTableName(workbook: Workbook, name: string): void {
  const valid = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]\d*$|^[Rr]\d*[Cc]\d*$/.test(name);
  if (!valid || name.length > 255) throw new Error(`table name ${name} is not one Excel accepts: letters, digits and underscores, not a cell reference`);
  const taken = workbook.worksheets.flatMap((sheet) => Object.keys(internals(sheet).tables));
  if (taken.some((other) => other.toLowerCase() === name.toLowerCase())) throw new Error(`table name ${name} is already used in this workbook`);
}

// ---------------------------------------------------------------------------------------------------------------
// Data validation and conditional formats

/** Excel's limits on validation messages; a longer one makes Excel repair the file and drop the validation. */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;

function renderValidation(sheet: Worksheet, plan: DataValidationPlan): void {
  const validation: DataValidation = {
    ...validationRule(plan.rule),
    // Empty cells are fine: the template's empty rows must not show errors.
    allowBlank: true,
    errorStyle: plan.errorStyle,
    showInputMessage: true,
    promptTitle: clip(plan.prompt.title, MAX_TITLE),
    prompt: clip(plan.prompt.message, MAX_MESSAGE),
    showErrorMessage: true,
    errorTitle: clip(plan.error.title, MAX_TITLE),
    error: clip(plan.error.message, MAX_MESSAGE),
  };
  // One key for the whole range: the documented per-cell `cell.dataValidation` would make an entry per cell,
  // which ExcelJS then has to squeeze back into ranges; as one key it is one <dataValidation sqref="C6:C25">.
  internals(sheet).dataValidations.add(rangeRef(plan.range), validation);
}

function validationRule(rule: ValidationRule): Pick<DataValidation, "type" | "operator" | "formulae"> {
  switch (rule.type) {
    case "dateBetween":
      return { type: "date", operator: "between", formulae: [excelDate(rule.from), excelDate(rule.to)] };
    case "wholeNumberAtLeast":
      return { type: "whole", operator: "greaterThanOrEqual", formulae: [rule.min] };
    case "textLengthAtLeast":
      return { type: "textLength", operator: "greaterThanOrEqual", formulae: [rule.min] };
    case "list":
      return { type: "list", formulae: [listFormula(rule.items)] };
  }
}

/**
 * ExcelJS writes a date rule's formulae through `dateToExcel(new Date(x))`, so it wants a Date; building that Date
 * from the core's serial makes the written number exactly the core's serial.
 */
function excelDate(iso: string): Date {
  const EXCEL_EPOCH_AS_UNIX_DAYS = 25569;
  return new Date((isoDateToSerial(iso) - EXCEL_EPOCH_AS_UNIX_DAYS) * 86_400_000);
}

/** An inline list: `"a,b,c"`, commas separating items, so an item cannot hold one; Excel caps it at 255. */
function listFormula(items: string[]): string {
  const bad = items.find((item) => item.includes(","));
  if (bad !== undefined) throw new Error(`list item ${bad} contains a comma, which an inline Excel list cannot hold`);
  const formula = `"${items.map((item) => item.replace(/"/g, '""')).join(",")}"`;
  if (formula.length > MAX_MESSAGE + 2) throw new Error(`list of ${items.length} items is longer than Excel's 255 characters`);
  return formula;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function renderConditionalFormat(sheet: Worksheet, plan: ConditionalFormatPlan, priority: number): void {
  sheet.addConditionalFormatting({
    ref: rangeRef(plan.range),
    rules: [{ type: "expression", priority, formulae: [plan.formula], style: conditionalStyle(plan.style) }],
  });
}

function rangeRef(range: CellRange): string {
  const start = cellRef(range.startRow, range.startCol);
  const end = cellRef(range.endRow, range.endCol);
  return start === end ? start : `${start}:${end}`;
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
}
