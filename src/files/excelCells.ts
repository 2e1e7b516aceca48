/**
 * Planned cells -> ExcelJS cells: each value converted (text always as text, dates as serials under a date
 * format) and each palette style turned into the ExcelJS style object once, then shared by every cell that uses
 * it. Also the conditional-format styles, which paint fill and font only. Part of writeWorkbook, which decides
 * when the cells are written.
 */
import type { Alignment, Borders, Fill, Font, Style, Worksheet } from "exceljs";
import { isoDateToSerial } from "../core/calendarDate";
import { storableText } from "../core/plans/storableText";
import { cellRef } from "../core/rawSheet";
import { palette, type CellStyle, type PlannedValue, type SheetPlan, type StyleName } from "../core/plans/sheetPlan";

export function renderCells(sheet: Worksheet, rows: SheetPlan["rows"]): void {
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

/** Strings stay strings: ExcelJS writes a JS string as a text cell, never parsing `=`, `+`, `-` or `@`. */
function excelValue(value: PlannedValue, ref: string): string | number | null {
  // An empty string is an empty cell: a cell holding "" is not blank to ISBLANK, COUNTA or "allow blank" in
  // data validation, and some readers take it for a zero under a date format.
  if (value === null || value === "") return null;
  // Whatever a return held, the cell gets text a workbook can store (cut with a mark when too long).
  if (typeof value === "string") return escapeOoxmlSequences(storableText(value));
  if (typeof value === "number") {
    // NaN and Infinity have no spelling in the file format; ExcelJS would write them and Excel would repair.
    if (!Number.isFinite(value)) throw new Error(`cell ${ref}: ${value} is not a number Excel can store`);
    return value;
  }
  // A date cell is its serial number under a date format; the core owns the one serial conversion.
  return isoDateToSerial(value.date);
}

/**
 * SpreadsheetML spells a character as `_xHHHH_` inside text (ECMA-376 Part 1, §22.9.2.19), and every reader decodes
 * it: a unit's literal `_x0041_` would come back as `A`. ExcelJS writes text as it is, so the leading underscore of
 * such a literal is itself spelled `_x005F_`, which readers turn back into the underscore.
 */
function escapeOoxmlSequences(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
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

/**
 * A named face (宋体, 黑体): the face alone, without the minor scheme (with it Excel shows the theme's font
 * instead), and with the GB2312 character set (134) and the family (3, fixed pitch) Excel itself writes for them.
 */
const CJK_CHARSET = 134;
const CJK_FAMILY = 3;

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
  if (style.fontName !== undefined) {
    delete font.scheme;
    font.name = style.fontName;
    font.family = CJK_FAMILY;
    font.charset = CJK_CHARSET;
  }
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
export function conditionalStyle(name: StyleName): Partial<Style> {
  const style = palette[name];
  const result: Partial<Style> = {};
  // Differential formats take a solid fill's colour from bgColor (Excel writes both).
  if (style.fill) result.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) }, bgColor: { argb: argb(style.fill) } } as Fill;
  const font = excelFont({ ...style, fontSize: undefined, fontName: undefined }, {});
  if (Object.keys(font).length > 0) result.font = font;
  return result;
}
