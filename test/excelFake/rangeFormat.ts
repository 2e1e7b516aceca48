/** A range's format: column widths and row heights, alignment, wrapping, font, fill and borders. */
import type { BorderIndex, RangeBorderApi, RangeBorderCollectionApi, RangeFillApi, RangeFontApi, RangeFormatApi } from "../../src/excel/officeApi";
import type { BorderLine, CellFormat } from "./model";
import { fail } from "./officeError";
import type { FakeRange } from "./range";
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";

const HORIZONTAL = new Set(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]);
const VERTICAL = new Set(["Top", "Center", "Bottom", "Justify", "Distributed"]);
const BORDER_STYLES = new Set(["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"]);
const BORDER_WEIGHTS = new Set(["Hairline", "Thin", "Medium", "Thick"]);

/** "#RRGGBB" or one of the HTML colour names Office.js accepts. */
export function checkColor(color: string, path: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(color) && !/^[a-z]+$/i.test(color)) fail("InvalidArgument", `colour ${color}`, path);
  return color.toUpperCase();
}

/** What every format part shares: writes only (the adapter never reads formats back), through its range. */
abstract class FormatPart extends FakeProxy {
  protected constructor(
    context: FakeRequestContext,
    path: string,
    protected readonly range: FakeRange,
  ) {
    super(context, path);
  }

  protected exists(): boolean {
    return true;
  }

  protected loadValue(name: string): unknown {
    return unknownProperty(this.path, name);
  }

  /** Queues a format change (made in place on each cell); `check` runs at sync, where Excel validates the value. */
  protected setFormat(name: string, value: unknown, change: (format: CellFormat) => void, check: () => void = () => undefined): void {
    this.write(name, value, () => {
      check();
      this.range.changeFormat(name, change);
    });
  }
}

export class FakeRangeFormat extends FormatPart implements RangeFormatApi {
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeRequestContext, path: string, range: FakeRange) {
    super(context, path, range);
    this.font = new FakeRangeFont(context, `${path}.font`, range);
    this.fill = new FakeRangeFill(context, `${path}.fill`, range);
    this.borders = new FakeRangeBorderCollection(context, `${path}.borders`, range);
  }

  get columnWidth(): number {
    return this.read("columnWidth");
  }

  /** Points, for every column the range spans. */
  set columnWidth(points: number) {
    this.write("columnWidth", points, () => {
      if (!(points >= 0 && points <= 255 * 7.5)) fail("InvalidArgument", `column width ${points}`, this.path);
      const { sheet, area } = this.range.area();
      for (let col = area.startCol; col <= area.endCol; col++) sheet.columnWidths.set(col, points);
    }, "1.2");
  }

  get rowHeight(): number {
    return this.read("rowHeight");
  }

  set rowHeight(points: number) {
    this.write("rowHeight", points, () => {
      if (!(points >= 0 && points <= 409)) fail("InvalidArgument", `row height ${points}`, this.path);
      const { sheet, area } = this.range.area();
      for (let row = area.startRow; row <= area.endRow; row++) sheet.rowHeights.set(row, points);
    }, "1.2");
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }

  set wrapText(wrap: boolean) {
    this.setFormat("wrapText", wrap, (format) => {
      format.wrap = wrap;
    });
  }

  get horizontalAlignment(): RangeFormatApi["horizontalAlignment"] {
    return this.read("horizontalAlignment");
  }

  set horizontalAlignment(value: RangeFormatApi["horizontalAlignment"]) {
    this.setFormat("horizontalAlignment", value, (format) => {
      format.horizontal = String(value);
    }, () => {
      if (!HORIZONTAL.has(String(value))) fail("InvalidArgument", `horizontal alignment ${String(value)}`, this.path);
    });
  }

  get verticalAlignment(): RangeFormatApi["verticalAlignment"] {
    return this.read("verticalAlignment");
  }

  set verticalAlignment(value: RangeFormatApi["verticalAlignment"]) {
    this.setFormat("verticalAlignment", value, (format) => {
      format.vertical = String(value);
    }, () => {
      if (!VERTICAL.has(String(value))) fail("InvalidArgument", `vertical alignment ${String(value)}`, this.path);
    });
  }
}

export class FakeRangeFont extends FormatPart implements RangeFontApi {
  constructor(context: FakeRequestContext, path: string, range: FakeRange) {
    super(context, path, range);
  }

  get name(): string {
    return this.read("name");
  }

  set name(name: string) {
    this.setFormat("name", name, (format) => {
      format.fontName = name;
    }, () => {
      // Excel refuses an empty face name; any other name is kept, installed or not.
      if (name === "") fail("InvalidArgument", "font name", this.path);
    });
  }

  get bold(): boolean {
    return this.read("bold");
  }

  set bold(bold: boolean) {
    this.setFormat("bold", bold, (format) => {
      format.bold = bold;
    });
  }

  get italic(): boolean {
    return this.read("italic");
  }

  set italic(italic: boolean) {
    this.setFormat("italic", italic, (format) => {
      format.italic = italic;
    });
  }

  get size(): number {
    return this.read("size");
  }

  set size(size: number) {
    this.setFormat("size", size, (format) => {
      format.size = size;
    }, () => {
      if (!(size >= 1 && size <= 409)) fail("InvalidArgument", `font size ${size}`, this.path);
    });
  }

  get color(): string {
    return this.read("color");
  }

  set color(color: string) {
    this.setFormat("color", color, (format) => {
      format.fontColor = checkColor(color, this.path);
    });
  }
}

export class FakeRangeFill extends FormatPart implements RangeFillApi {
  constructor(context: FakeRequestContext, path: string, range: FakeRange) {
    super(context, path, range);
  }

  get color(): string {
    return this.read("color");
  }

  set color(color: string) {
    this.setFormat("color", color, (format) => {
      format.fill = checkColor(color, this.path);
    });
  }
}

export class FakeRangeBorderCollection extends FormatPart implements RangeBorderCollectionApi {
  constructor(context: FakeRequestContext, path: string, range: FakeRange) {
    super(context, path, range);
  }

  getItem(index: BorderIndex): FakeRangeBorder {
    return new FakeRangeBorder(this.context, `${this.path}[${index}]`, this.range, index);
  }
}

type Side = "top" | "bottom" | "left" | "right";

export class FakeRangeBorder extends FormatPart implements RangeBorderApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    range: FakeRange,
    private readonly index: BorderIndex,
  ) {
    super(context, path, range);
  }

  get style(): RangeBorderApi["style"] {
    return this.read("style");
  }

  set style(style: RangeBorderApi["style"]) {
    this.setLine("style", { style: String(style) }, () => BORDER_STYLES.has(String(style)));
  }

  get weight(): RangeBorderApi["weight"] {
    return this.read("weight");
  }

  set weight(weight: RangeBorderApi["weight"]) {
    this.setLine("weight", { weight: String(weight) }, () => BORDER_WEIGHTS.has(String(weight)));
  }

  /** The edge's line on the cells it touches: the outer edges on the border cells, inside lines between cells. */
  private setLine(name: string, line: BorderLine, valid: () => boolean): void {
    this.write(name, line, () => {
      if (!valid()) fail("InvalidArgument", `border ${name} ${JSON.stringify(line)}`, this.path);
      const { area } = this.range.area();
      this.range.changeFormat(name, (format: CellFormat, row: number, col: number) => {
        const edge = (side: Side): void => {
          const borders = (format.borders ??= {});
          const current = (borders[side] ??= {});
          if (line.style !== undefined) current.style = line.style;
          if (line.weight !== undefined) current.weight = line.weight;
        };
        switch (this.index) {
          case "EdgeTop":
            if (row === area.startRow) edge("top");
            break;
          case "EdgeBottom":
            if (row === area.endRow) edge("bottom");
            break;
          case "EdgeLeft":
            if (col === area.startCol) edge("left");
            break;
          case "EdgeRight":
            if (col === area.endCol) edge("right");
            break;
          case "InsideHorizontal":
            if (row > area.startRow) edge("top");
            if (row < area.endRow) edge("bottom");
            break;
          case "InsideVertical":
            if (col > area.startCol) edge("left");
            if (col < area.endCol) edge("right");
            break;
        }
      });
    });
  }
}
