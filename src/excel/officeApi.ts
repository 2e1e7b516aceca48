/**
 * The slice of the Excel JavaScript API (Office.js) the adapter uses, as types. Every scalar member is picked from
 * `@types/office-js`, so its type is the real one; navigation members (range.format, sheet.tables...) point to the
 * slice's own types, and the checks at the bottom prove at compile time that each real class is assignable to its
 * slice. The adapter codes against the slice only, so the in-memory fake (test/excelFake), which implements the
 * slice, can neither drift from the real API nor be asked for a member it does not model.
 *
 * Type-only module: nothing here touches the `Excel` or `Office` globals at run time.
 */

export type BorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

export interface ContextApi {
  readonly workbook: WorkbookApi;
  sync(): Promise<void>;
}

export interface WorkbookApi {
  readonly worksheets: WorksheetCollectionApi;
  readonly tables: TableCollectionApi;
  readonly properties: DocumentPropertiesApi;
  readonly application: ApplicationApi;
}

export type ApplicationApi = Pick<Excel.Application, "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync">;

export interface DocumentPropertiesApi extends Pick<Excel.DocumentProperties, "title"> {
  load(propertyNames?: string | string[]): DocumentPropertiesApi;
}

export interface WorksheetCollectionApi {
  readonly items: WorksheetApi[];
  add(name?: string): WorksheetApi;
  getItem(key: string): WorksheetApi;
  getActiveWorksheet(): WorksheetApi;
  load(propertyNames?: string | string[]): WorksheetCollectionApi;
}

export interface WorksheetApi extends Pick<Excel.Worksheet, "name" | "visibility" | "position" | "isNullObject" | "activate" | "delete"> {
  readonly tables: TableCollectionApi;
  readonly freezePanes: FreezePanesApi;
  readonly pageLayout: PageLayoutApi;
  /** ExcelApi 1.18. */
  readonly notes: NoteCollectionApi;
  getRange(address?: string): RangeApi;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeApi;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeApi;
  load(propertyNames?: string | string[]): WorksheetApi;
}

export type FreezePanesApi = Pick<Excel.WorksheetFreezePanes, "freezeAt" | "freezeRows" | "freezeColumns">;

export type PageLayoutApi = Pick<Excel.PageLayout, "orientation" | "paperSize" | "zoom" | "setPrintTitleRows"> & {
  readonly headersFooters: { readonly defaultForAllPages: Pick<Excel.HeaderFooter, "centerHeader" | "centerFooter"> };
};

export interface RangeApi
  extends Pick<
    Excel.Range,
    | "address"
    | "values"
    | "text"
    | "numberFormat"
    | "valueTypes"
    | "rowIndex"
    | "columnIndex"
    | "rowCount"
    | "columnCount"
    | "columnHidden"
    | "isNullObject"
    | "merge"
    | "select"
  > {
  readonly format: RangeFormatApi;
  readonly dataValidation: DataValidationApi;
  readonly conditionalFormats: ConditionalFormatCollectionApi;
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): RangeAreasApi;
  load(propertyNames?: string | string[]): RangeApi;
}

export interface RangeAreasApi extends Pick<Excel.RangeAreas, "address" | "isNullObject"> {
  load(propertyNames?: string | string[]): RangeAreasApi;
}

export interface RangeFormatApi extends Pick<Excel.RangeFormat, "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment" | "verticalAlignment"> {
  readonly font: RangeFontApi;
  readonly fill: RangeFillApi;
  readonly borders: RangeBorderCollectionApi;
}

export type RangeFontApi = Pick<Excel.RangeFont, "name" | "bold" | "italic" | "size" | "color">;

export type RangeFillApi = Pick<Excel.RangeFill, "color">;

export interface RangeBorderCollectionApi {
  getItem(index: BorderIndex): RangeBorderApi;
}

export type RangeBorderApi = Pick<Excel.RangeBorder, "style" | "weight">;

export type DataValidationApi = Pick<Excel.DataValidation, "rule" | "errorAlert" | "prompt" | "ignoreBlanks">;

export interface ConditionalFormatCollectionApi {
  readonly items: ConditionalFormatApi[];
  add(type: "Custom"): ConditionalFormatApi;
  load(propertyNames?: string | string[]): ConditionalFormatCollectionApi;
}

export interface ConditionalFormatApi extends Pick<Excel.ConditionalFormat, "type" | "delete"> {
  readonly custom: CustomConditionalFormatApi;
  getRangeOrNullObject(): RangeApi;
  load(propertyNames?: string | string[]): ConditionalFormatApi;
}

export interface CustomConditionalFormatApi {
  readonly rule: ConditionalFormatRuleApi;
  readonly format: ConditionalRangeFormatApi;
}

export interface ConditionalFormatRuleApi extends Pick<Excel.ConditionalFormatRule, "formula"> {
  load(propertyNames?: string | string[]): ConditionalFormatRuleApi;
}

export interface ConditionalRangeFormatApi {
  readonly fill: Pick<Excel.ConditionalRangeFill, "color">;
  readonly font: Pick<Excel.ConditionalRangeFont, "color">;
}

export interface TableCollectionApi {
  readonly items: TableApi[];
  add(address: string, hasHeaders: boolean): TableApi;
  load(propertyNames?: string | string[]): TableCollectionApi;
}

export interface TableApi extends Pick<Excel.Table, "name" | "style" | "showBandedRows"> {
  /** Read after loading "worksheet/name". */
  readonly worksheet: Pick<WorksheetApi, "name">;
  load(propertyNames?: string | string[]): TableApi;
}

export interface NoteCollectionApi {
  readonly items: NoteApi[];
  /** On one cell of the sheet, by its address ("C7"), as the sheet's notes are addressed (getItem("A1")). */
  add(cellAddress: string, content: string): NoteApi;
  load(propertyNames?: string | string[]): NoteCollectionApi;
}

export interface NoteApi extends Pick<Excel.Note, "content" | "delete"> {
  getLocation(): RangeApi;
  load(propertyNames?: string | string[]): NoteApi;
}

// ---------------------------------------------------------------------------------------------------------------
// Compile-time proof that the real API has every member of the slice, with the same types.

type Satisfies<Real, Slice> = Real extends Slice ? true : never;

export const realApiSatisfiesSlice: [
  Satisfies<Excel.RequestContext, ContextApi>,
  Satisfies<Excel.Workbook, WorkbookApi>,
  Satisfies<Excel.DocumentProperties, DocumentPropertiesApi>,
  Satisfies<Excel.WorksheetCollection, WorksheetCollectionApi>,
  Satisfies<Excel.Worksheet, WorksheetApi>,
  Satisfies<Excel.Range, RangeApi>,
  Satisfies<Excel.RangeAreas, RangeAreasApi>,
  Satisfies<Excel.RangeFormat, RangeFormatApi>,
  Satisfies<Excel.RangeBorderCollection, RangeBorderCollectionApi>,
  Satisfies<Excel.ConditionalFormatCollection, ConditionalFormatCollectionApi>,
  Satisfies<Excel.ConditionalFormat, ConditionalFormatApi>,
  Satisfies<Excel.CustomConditionalFormat, CustomConditionalFormatApi>,
  Satisfies<Excel.ConditionalRangeFormat, ConditionalRangeFormatApi>,
  Satisfies<Excel.TableCollection, TableCollectionApi>,
  Satisfies<Excel.Table, TableApi>,
  Satisfies<Excel.NoteCollection, NoteCollectionApi>,
  Satisfies<Excel.Note, NoteApi>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
