/** Conditional formats (ExcelApi 1.6): the ones over a range, and the custom-formula kind the adapter adds. */
import type {
  ConditionalFormatApi,
  ConditionalFormatCollectionApi,
  ConditionalFormatRuleApi,
  ConditionalRangeFormatApi,
  CustomConditionalFormatApi,
} from "../../src/excel/officeApi";
import { FakeCollection } from "./collection";
import { intersects, type FakeConditionalFormat, type FakeSheet } from "./model";
import { fail } from "./officeError";
import { FakeRange, guardProtection } from "./range";
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";
import { checkColor } from "./rangeFormat";
import type { FakeWorksheet } from "./worksheet";

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormatItem, FakeConditionalFormat> implements ConditionalFormatCollectionApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly range: FakeRange,
  ) {
    super(context, path);
  }

  protected targets(): FakeConditionalFormat[] {
    const { sheet, area } = this.range.area();
    return sheet.conditionalFormats.filter((format) => intersects(format.range, area));
  }

  protected itemFor(format: FakeConditionalFormat): FakeConditionalFormatItem {
    return new FakeConditionalFormatItem(this.context, `${this.path}[${format.id}]`, this.range.worksheet, () => format.id);
  }

  getItem(id: string): FakeConditionalFormatItem {
    return new FakeConditionalFormatItem(this.context, `${this.path}[${id}]`, this.range.worksheet, () => id);
  }

  getItemOrNullObject(id: string): FakeConditionalFormatItem {
    return new FakeConditionalFormatItem(this.context, `${this.path}[${id}]?`, this.range.worksheet, () => id, true);
  }

  add(type: "Custom"): FakeConditionalFormatItem {
    let id: string | undefined;
    this.invoke("add", [type], () => {
      const { sheet, area } = this.range.area();
      guardProtection(sheet, this.path);
      const model = this.context.excel.model;
      id = `{CF-${model.nextId++}}`;
      // Excel puts a new rule first (highest priority).
      sheet.conditionalFormats.unshift({ id, range: { ...area }, type, formula: "" });
    }, "1.6");
    return new FakeConditionalFormatItem(this.context, `${this.path}.add(${type})`, this.range.worksheet, () => id);
  }
}

/** One conditional format of the sheet. */
export class FakeConditionalFormatItem extends FakeProxy implements ConditionalFormatApi {
  readonly custom: FakeCustomConditionalFormat;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly worksheet: FakeWorksheet,
    private readonly id: () => string | undefined,
    nullable = false,
  ) {
    super(context, path, nullable);
    this.custom = new FakeCustomConditionalFormat(context, `${path}.custom`, this);
  }

  target(): { sheet: FakeSheet; format: FakeConditionalFormat } {
    const sheet = this.worksheet.target();
    const format = sheet.conditionalFormats.find((candidate) => candidate.id === this.id());
    if (!format) fail("ItemNotFound", "The conditional format does not exist.", this.path);
    return { sheet, format };
  }

  protected exists(): boolean {
    return this.worksheet.target().conditionalFormats.some((format) => format.id === this.id());
  }

  protected loadValue(name: string): unknown {
    if (name === "id") return this.target().format.id;
    if (name === "type") return this.target().format.type;
    return unknownProperty(this.path, name);
  }

  get type(): ConditionalFormatApi["type"] {
    return this.read("type");
  }

  delete(): void {
    this.invoke("delete", [], () => {
      const { sheet, format } = this.target();
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(format), 1);
    }, "1.6");
  }

  /** The one rectangle the fake's formats cover (a format over several areas would be a null object). */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(this.context, `${this.path}.range?`, this.worksheet, () => this.target().format.range, true);
  }
}

export class FakeCustomConditionalFormat implements CustomConditionalFormatApi {
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;

  constructor(context: FakeRequestContext, path: string, owner: FakeConditionalFormatItem) {
    this.rule = new FakeConditionalFormatRule(context, `${path}.rule`, owner);
    this.format = new FakeConditionalRangeFormat(context, `${path}.format`, owner);
  }
}

/** The custom part is there only on a custom format: anything else answers InvalidOperation. */
function customOf(owner: FakeConditionalFormatItem, path: string): FakeConditionalFormat {
  const { format } = owner.target();
  if (format.type !== "Custom") fail("InvalidOperation", `a ${format.type} conditional format has no custom rule`, path);
  return format;
}

export class FakeConditionalFormatRule extends FakeProxy implements ConditionalFormatRuleApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly owner: FakeConditionalFormatItem,
  ) {
    super(context, path);
  }

  protected exists(): boolean {
    return true;
  }

  protected loadValue(name: string): unknown {
    if (name === "formula") return customOf(this.owner, this.path).formula;
    return unknownProperty(this.path, name);
  }

  get formula(): string {
    return this.read("formula");
  }

  set formula(formula: string) {
    this.write("formula", formula, () => {
      if (!formula.startsWith("=")) fail("InvalidArgument", `a conditional format formula starts with "=": ${formula}`, this.path);
      customOf(this.owner, this.path).formula = formula;
    }, "1.6");
  }
}

export class FakeConditionalRangeFormat implements ConditionalRangeFormatApi {
  readonly fill: { color: string };
  readonly font: { color: string };

  constructor(context: FakeRequestContext, path: string, owner: FakeConditionalFormatItem) {
    this.fill = new ColorPart(context, `${path}.fill`, owner, "fill");
    this.font = new ColorPart(context, `${path}.font`, owner, "fontColor");
  }
}

class ColorPart extends FakeProxy {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly owner: FakeConditionalFormatItem,
    private readonly property: "fill" | "fontColor",
  ) {
    super(context, path);
  }

  protected exists(): boolean {
    return true;
  }

  protected loadValue(name: string): unknown {
    return unknownProperty(this.path, name);
  }

  get color(): string {
    return this.read("color");
  }

  set color(color: string) {
    this.write("color", color, () => {
      customOf(this.owner, this.path)[this.property] = checkColor(color, this.path);
    }, "1.6");
  }
}
