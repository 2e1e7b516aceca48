import type { CellRange } from "../rawSheet";
import type { IsoDate } from "../calendarDate";

/**
 * Sheet plans: the common currency of writing. The core describes a sheet declaratively; each writer (ExcelJS
 * for files, Office.js for the live workbook) renders the same plan, so both hosts produce the same template
 * and the same master. Rows and columns are 0-based here; writers translate to their own addressing.
 */

/** A value to write. Strings are always stored as text, never parsed: `=HYPERLINK(...)` stays those characters. */
export type PlannedValue = string | number | { date: IsoDate } | null;

/** The named styles of the palette below; a plan refers to styles by name so writers share one look. */
export type StyleName =
  | "title"
  | "fieldLabel"
  | "fieldInput"
  | "note"
  | "header"
  | "body"
  | "bodyText"
  | "bodyDate"
  | "bodyNumber"
  | "statusOk"
  | "statusWarning"
  | "statusError"
  | "statusMissing";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  fontSize?: number;
  /** RRGGBB without a hash. */
  fontColor?: string;
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Excel number format; "@" is text. */
  numberFormat?: string;
}

export interface PlannedCell {
  value: PlannedValue;
  style?: StyleName;
}

export type ValidationRule =
  | { type: "dateBetween"; from: IsoDate; to: IsoDate }
  | { type: "wholeNumberAtLeast"; min: number }
  | { type: "textLengthAtLeast"; min: number }
  | { type: "list"; items: string[] };

export interface DataValidationPlan {
  range: CellRange;
  rule: ValidationRule;
  /** Stop blocks a bad entry; Warning and Information let it stand (text dates stay possible). */
  errorStyle: "stop" | "warning" | "information";
  prompt: { title: string; message: string };
  error: { title: string; message: string };
}

/** Fill matching rows of a range with a style, e.g. rows whose 校验结果 is not empty. */
export interface ConditionalFormatPlan {
  range: CellRange;
  /** An Excel formula relative to the range's top-left cell, e.g. `LEN($M2)>0`. */
  formula: string;
  style: StyleName;
}

export interface TablePlan {
  /** Excel table names: letters, digits, underscores; unique in the workbook. */
  name: string;
  /** The header row and the body below it, all columns; the body has at least one row. */
  range: CellRange;
  style: string;
}

export interface PrintPlan {
  orientation: "landscape" | "portrait";
  paperSize: "A4";
  fitToWidth: boolean;
  /** 0-based rows repeated at the top of each printed page. */
  repeatRows?: { first: number; last: number };
}

export interface SheetPlan {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** rows[r][c]; missing cells are left empty and unstyled. */
  rows: PlannedCell[][];
  merges: CellRange[];
  /** Widths in characters, by column. */
  columnWidths: number[];
  /** Hidden columns by index (e.g. the master's merge key). */
  hiddenColumns?: number[];
  /** Heights in points for rows that need them (the title, a wrapped note). */
  rowHeights?: Record<number, number>;
  table?: TablePlan;
  dataValidations: DataValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  /** Rows and columns frozen above/left of the split. */
  freeze?: { rows: number; columns: number };
  print?: PrintPlan;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Document properties shown in File > Info. */
  properties: { title: string; subject?: string; creator: string };
}

/** One look for every written sheet: the notice's plain government style, readable in print. */
export const palette: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, fontSize: 16, horizontal: "center", vertical: "middle", wrap: true },
  fieldLabel: { bold: true, fontSize: 11, horizontal: "left", vertical: "middle" },
  fieldInput: { fontSize: 11, horizontal: "left", vertical: "middle", numberFormat: "@" },
  note: { italic: true, fontSize: 9, fontColor: "595959", wrap: true, vertical: "top" },
  header: { bold: true, fontSize: 11, fill: "D9E1F2", horizontal: "center", vertical: "middle", wrap: true, border: true },
  /** General format: numbers and dates typed by a unit become real numbers and dates. */
  body: { fontSize: 11, vertical: "top", wrap: true, border: true },
  /** Text format: whatever is typed stays text (a phone number never turns into 1.38E+10, `=` never a formula). */
  bodyText: { fontSize: 11, vertical: "top", wrap: true, border: true, numberFormat: "@" },
  bodyDate: { fontSize: 11, vertical: "top", border: true, numberFormat: "yyyy/m/d", horizontal: "center" },
  bodyNumber: { fontSize: 11, vertical: "top", border: true, numberFormat: "0", horizontal: "center" },
  statusOk: { fill: "E2EFDA", border: true },
  statusWarning: { fill: "FFF2CC", border: true },
  statusError: { fill: "FCE4D6", border: true },
  statusMissing: { fill: "EDEDED", border: true },
};

/**
 * A very hidden sheet of key/value text cells: how Huizong keeps what a workbook must carry for its readers (the
 * template's identity, the master's week), since plain cells are what Excel, WPS and LibreOffice all keep.
 */
export function hiddenKeyValueSheetPlan(name: string, rows: ReadonlyArray<ReadonlyArray<string>>): SheetPlan {
  return {
    name,
    visibility: "veryHidden",
    rows: rows.map((row) => row.map((value) => ({ value, style: "bodyText" as const }))),
    merges: [],
    columnWidths: [20, 30],
    dataValidations: [],
    conditionalFormats: [],
  };
}
