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
  | "attachmentLabel"
  | "groupHeading"
  | "fieldLabel"
  | "fieldInput"
  | "fieldDate"
  | "note"
  | "header"
  | "body"
  | "bodyText"
  | "bodyDate"
  | "bodyNumber"
  | "statusOk"
  | "statusWarning"
  | "statusError"
  | "statusMissing"
  | "statusChase"
  | "statusSummary"
  | "tableNote";

export interface CellStyle {
  /**
   * The typeface as Excel and WPS on Chinese Windows name it (宋体, 黑体). Absent: the workbook's default font. A
   * named face is written as that face alone, never as the theme's font, which Excel would show instead.
   */
  fontName?: string;
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
  | { type: "list"; items: string[] }
  /**
   * An Excel formula (without "=") that is true for an allowed entry, relative to the range's top-left cell, e.g.
   * `OR(ISTEXT(C7),AND(ISNUMBER(C7),C7>=1))`: how a rule lets text through and still checks numbers and dates.
   */
  | { type: "custom"; formula: string };

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
  /**
   * Excel table names: starting with a letter (Chinese ones included) or underscore, then letters, digits,
   * underscores and dots; not a cell reference; unique in the workbook. Users see it in Name Manager and formulas.
   */
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
  /**
   * Page header and footer in Excel's header/footer codes (`&C` centre section, `&P` page, `&N` pages), which Excel,
   * WPS and LibreOffice all print: the master's title with the time of the merge, `第 &P 页 共 &N 页`.
   */
  header?: string;
  footer?: string;
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

/**
 * The faces of printed Chinese official forms, by the names Windows, WPS and Excel know: 宋体 (SimSun) for text,
 * 黑体 (SimHei) for headings. LibreOffice on Linux substitutes an installed CJK face (Noto Sans/Serif CJK).
 */
export const BODY_FONT = "宋体";
export const HEADING_FONT = "黑体";

/** One look for every written sheet: the notice's plain government style, readable in print. */
export const palette: Readonly<Record<StyleName, CellStyle>> = {
  /** 附件1 / 附件2 above the title, top left, as a printed notice's attachment starts. */
  attachmentLabel: { fontName: HEADING_FONT, fontSize: 14, horizontal: "left", vertical: "middle" },
  title: { fontName: HEADING_FONT, bold: true, fontSize: 16, horizontal: "center", vertical: "middle", wrap: true },
  /** A unit's heading row inside a consolidated table (一、上海海关（3项）). */
  groupHeading: { fontName: HEADING_FONT, fontSize: 11, horizontal: "left", vertical: "middle", border: true },
  fieldLabel: { fontName: HEADING_FONT, fontSize: 11, horizontal: "left", vertical: "middle" },
  /** A boxed cell to write in: the unit's name (text as typed). */
  fieldInput: { fontName: BODY_FONT, fontSize: 11, horizontal: "left", vertical: "middle", border: true, numberFormat: "@" },
  /** A boxed cell for 填表时间: a typed date stays a date. */
  fieldDate: { fontName: BODY_FONT, fontSize: 11, horizontal: "left", vertical: "middle", border: true, numberFormat: "yyyy/m/d" },
  note: { fontName: BODY_FONT, fontSize: 9, fontColor: "404040", wrap: true, vertical: "top" },
  header: { fontName: HEADING_FONT, bold: true, fontSize: 11, fill: "D9E1F2", horizontal: "center", vertical: "middle", wrap: true, border: true },
  /** General format: numbers and dates typed by a unit become real numbers and dates. */
  body: { fontName: BODY_FONT, fontSize: 11, vertical: "top", wrap: true, border: true },
  /** Text format: whatever is typed stays text (a phone number never turns into 1.38E+10, `=` never a formula). */
  bodyText: { fontName: BODY_FONT, fontSize: 11, vertical: "top", wrap: true, border: true, numberFormat: "@" },
  bodyDate: { fontName: BODY_FONT, fontSize: 11, vertical: "top", border: true, numberFormat: "yyyy/m/d", horizontal: "center" },
  bodyNumber: { fontName: BODY_FONT, fontSize: 11, vertical: "top", border: true, numberFormat: "0", horizontal: "center" },
  statusOk: { fontName: BODY_FONT, fill: "E2EFDA", border: true, wrap: true, vertical: "top" },
  statusWarning: { fontName: BODY_FONT, fill: "FFF2CC", border: true, wrap: true, vertical: "top" },
  statusError: { fontName: BODY_FONT, fill: "FCE4D6", border: true, wrap: true, vertical: "top" },
  /** 报送情况's units to chase stand out most: 未报送 strongest, 有错误 next (statusChase), both bold. */
  statusMissing: { fontName: BODY_FONT, bold: true, fill: "F8CBAD", border: true, wrap: true, vertical: "top" },
  statusChase: { fontName: BODY_FONT, bold: true, fill: "FCE4D6", border: true, wrap: true, vertical: "top" },
  /** A line under a printed table (counts, what was left out): 10 pt, so it prints no smaller than 9 pt. */
  tableNote: { fontName: BODY_FONT, fontSize: 10, wrap: true, vertical: "top" },
  /** The counts above 报送情况: what is left to chase, said before the list. */
  statusSummary: { fontName: BODY_FONT, bold: true, fontSize: 11, horizontal: "left", vertical: "middle", wrap: true },
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
