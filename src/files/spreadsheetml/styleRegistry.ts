/**
 * Palette styles -> styles.xml records. Each (style name, holds a date) pair becomes one cell format (<xf>) the
 * first time a cell asks for it; its font, fill, border and number format are shared with every other format
 * that spells them the same. Conditional formats get differential formats (<dxf>) the same way.
 *
 * The registry numbers its records after a base, so that the same code serves a new workbook (base: the
 * defaults every styles.xml starts with) and an existing one (base: the counts already there, which are never
 * renumbered).
 */
import { palette, type CellStyle, type StyleName } from "../../core/plans/sheetPlan";
import { builtInFormatId, FIRST_CUSTOM_FORMAT_ID } from "./numberFormats";
import { escapeAttribute } from "./xml";

/** For a date written under a style without a date format: the notices' own spelling, 2024/4/22. */
export const DEFAULT_DATE_FORMAT = "yyyy/m/d";

/** Where new records start: the records already in styles.xml and the first free custom number format id. */
export interface StyleBase {
  fonts: readonly string[] | number;
  fills: readonly string[] | number;
  borders: readonly string[] | number;
  cellXfs: readonly string[] | number;
  dxfs: number;
  firstFormatId: number;
}

/**
 * Calibri 11 with the theme's minor font, as in a workbook nobody styled: with the minor scheme Excel and WPS
 * show Chinese text in the theme's East Asian font, exactly as in an unstyled cell.
 */
const DEFAULT_FONT = '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>';
const NO_FILL = '<fill><patternFill patternType="none"/></fill>';
const NO_BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";
const THIN_BORDER = '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';
const DEFAULT_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';

/** The records a new styles.xml starts with; Excel requires the first two fills to be none and gray125. */
export const NEW_WORKBOOK_BASE: StyleBase = {
  fonts: [DEFAULT_FONT],
  fills: [NO_FILL, '<fill><patternFill patternType="gray125"/></fill>'],
  borders: [NO_BORDER],
  cellXfs: [DEFAULT_XF],
  dxfs: 0,
  firstFormatId: FIRST_CUSTOM_FORMAT_ID,
};

/** One collection of styles.xml records: the base's (kept) and the ones added, each spelling stored once. */
class Records {
  private readonly ids = new Map<string, number>();
  readonly added: string[] = [];
  private readonly offset: number;

  constructor(base: readonly string[] | number) {
    if (typeof base === "number") {
      this.offset = base;
    } else {
      base.forEach((xml, id) => this.ids.set(xml, id));
      this.offset = base.length;
    }
  }

  idOf(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.offset + this.added.length;
      this.added.push(xml);
      this.ids.set(xml, id);
    }
    return id;
  }
}

export class StyleRegistry {
  private readonly fonts: Records;
  private readonly fills: Records;
  private readonly borders: Records;
  private readonly cellXfs: Records;
  private readonly dxfs: Records;
  private readonly formats = new Map<string, number>();
  private readonly cellStyles = new Map<string, number>();
  private nextFormatId: number;

  constructor(base: StyleBase = NEW_WORKBOOK_BASE) {
    this.fonts = new Records(base.fonts);
    this.fills = new Records(base.fills);
    this.borders = new Records(base.borders);
    this.cellXfs = new Records(base.cellXfs);
    this.dxfs = new Records(base.dxfs);
    this.nextFormatId = base.firstFormatId;
  }

  /**
   * The cell format index (`s`) of a cell under a palette style, or under none; a date always gets a date format
   * (the style's own, else yyyy/m/d), so a date under a text or general style still shows as a date.
   */
  cellStyle(name: StyleName | undefined, holdsDate: boolean): number {
    const key = holdsDate ? `${name ?? ""}:date` : (name ?? "");
    let id = this.cellStyles.get(key);
    if (id === undefined) {
      id = this.cellXfs.idOf(this.xfXml(name === undefined ? undefined : palette[name], holdsDate));
      this.cellStyles.set(key, id);
    }
    return id;
  }

  /** The differential format a conditional format paints with: fill and font only, borders and formats stay. */
  differentialStyle(name: StyleName): number {
    const style = palette[name];
    // Differential formats take a solid fill's colour from bgColor; Excel writes both.
    const fill = style.fill ? `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor rgb="${argb(style.fill)}"/></patternFill></fill>` : "";
    return this.dxfs.idOf(`<dxf>${differentialFont(style)}${fill}</dxf>`);
  }

  /** The records added since the base, each list in index order, for styles.xml to append. */
  added(): { numFmts: string[]; fonts: string[]; fills: string[]; borders: string[]; cellXfs: string[]; dxfs: string[] } {
    const numFmts = [...this.formats].filter(([code]) => builtInFormatId(code) === undefined).map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`);
    return { numFmts, fonts: this.fonts.added, fills: this.fills.added, borders: this.borders.added, cellXfs: this.cellXfs.added, dxfs: this.dxfs.added };
  }

  private formatId(code: string): number {
    let id = builtInFormatId(code) ?? this.formats.get(code);
    if (id === undefined) id = this.nextFormatId++;
    this.formats.set(code, id);
    return id;
  }

  private xfXml(style: CellStyle | undefined, holdsDate: boolean): string {
    const numberFormat = holdsDate && (style?.numberFormat === undefined || style.numberFormat === "@") ? DEFAULT_DATE_FORMAT : style?.numberFormat;
    const numFmtId = numberFormat === undefined ? 0 : this.formatId(numberFormat);
    // A cell with no palette style keeps the workbook's default font, fill and border (index 0 in any styles.xml).
    const fontId = style ? this.fonts.idOf(cellFont(style)) : 0;
    const fillId = style?.fill ? this.fills.idOf(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`) : style ? this.fills.idOf(NO_FILL) : 0;
    const borderId = style ? this.borders.idOf(style.border ? THIN_BORDER : NO_BORDER) : 0;
    const alignment = style ? alignmentXml(style) : "";
    const applied = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : "",
      style ? ' applyFont="1"' : "",
      style?.fill ? ' applyFill="1"' : "",
      style?.border ? ' applyBorder="1"' : "",
      alignment ? ' applyAlignment="1"' : "",
    ].join("");
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    return alignment ? `${open}>${alignment}</xf>` : `${open}/>`;
  }
}

function argb(rgb: string): string {
  return `FF${rgb.toUpperCase()}`;
}

/**
 * A palette font, with the style's bold, italic, size and colour; without a colour the font is automatic, as
 * ExcelJS wrote it. A named face (宋体, 黑体) is written as Excel writes it: the face, family 3 and the GB2312
 * character set (134), and no scheme, since with the minor scheme Excel shows the theme's font instead. Without a
 * name: Calibri with the minor scheme, like the default font. Children in the order Excel writes them.
 */
function cellFont(style: CellStyle): string {
  const color = style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : "";
  const face =
    style.fontName !== undefined
      ? `<name val="${escapeAttribute(style.fontName)}"/><family val="3"/><charset val="134"/>`
      : '<name val="Calibri"/><family val="2"/><scheme val="minor"/>';
  return `<font>${emphasis(style)}<sz val="${style.fontSize ?? 11}"/>${color}${face}</font>`;
}

/** A conditional format's font changes only what the style sets: emphasis and colour, never face or size. */
function differentialFont(style: CellStyle): string {
  const children = emphasis(style) + (style.fontColor ? `<color rgb="${argb(style.fontColor)}"/>` : "");
  return children ? `<font>${children}</font>` : "";
}

function emphasis(style: CellStyle): string {
  return (style.bold ? "<b/>" : "") + (style.italic ? "<i/>" : "");
}

const VERTICAL: Record<NonNullable<CellStyle["vertical"]>, string> = { top: "top", middle: "center", bottom: "bottom" };

function alignmentXml(style: CellStyle): string {
  if (!style.horizontal && !style.vertical && !style.wrap) return "";
  const horizontal = style.horizontal ? ` horizontal="${style.horizontal}"` : "";
  const vertical = style.vertical ? ` vertical="${VERTICAL[style.vertical]}"` : "";
  return `<alignment${horizontal}${vertical}${style.wrap ? ' wrapText="1"' : ""}/>`;
}
