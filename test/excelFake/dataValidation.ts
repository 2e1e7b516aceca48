/** A range's data validation (ExcelApi 1.8): one rule, with its error alert and input prompt, per range. */
import type { DataValidationApi } from "../../src/excel/officeApi";
import { intersects, sameRange, type FakeValidation } from "./model";
import { fail } from "./officeError";
import type { FakeRange } from "./range";
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";

const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"];
/** Excel refuses longer titles and messages. */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;

export class FakeDataValidation extends FakeProxy implements DataValidationApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly range: FakeRange,
  ) {
    super(context, path);
  }

  protected exists(): boolean {
    return true;
  }

  protected loadValue(name: string): unknown {
    return unknownProperty(this.path, name);
  }

  get rule(): DataValidationApi["rule"] {
    return this.read("rule");
  }

  set rule(rule: DataValidationApi["rule"]) {
    this.write("rule", rule, () => {
      const kinds = Object.keys(rule).filter((kind) => (rule as Record<string, unknown>)[kind] !== undefined);
      if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0] ?? "")) fail("InvalidArgument", "a rule has exactly one kind", this.path);
      this.entry().rule = JSON.parse(JSON.stringify(rule)) as Record<string, unknown>;
    }, "1.8");
  }

  get errorAlert(): DataValidationApi["errorAlert"] {
    return this.read("errorAlert");
  }

  set errorAlert(alert: DataValidationApi["errorAlert"]) {
    this.write("errorAlert", alert, () => {
      checkText(alert.title, alert.message, this.path);
      if (!["Stop", "Warning", "Information"].includes(String(alert.style))) fail("InvalidArgument", `alert style ${String(alert.style)}`, this.path);
      this.entry().errorAlert = { ...alert };
    }, "1.8");
  }

  get prompt(): DataValidationApi["prompt"] {
    return this.read("prompt");
  }

  set prompt(prompt: DataValidationApi["prompt"]) {
    this.write("prompt", prompt, () => {
      checkText(prompt.title, prompt.message, this.path);
      this.entry().prompt = { ...prompt };
    }, "1.8");
  }

  get ignoreBlanks(): boolean {
    return this.read("ignoreBlanks");
  }

  set ignoreBlanks(ignore: boolean) {
    this.write("ignoreBlanks", ignore, () => (this.entry().ignoreBlanks = ignore), "1.8");
  }

  /** The validation of exactly this range; a range that cuts through another's is refused, as Excel does. */
  private entry(): FakeValidation {
    const { sheet, area } = this.range.area();
    const existing = sheet.validations.find((validation) => sameRange(validation.range, area));
    if (existing) return existing;
    if (sheet.validations.some((validation) => intersects(validation.range, area))) {
      fail("InvalidOperation", "The range holds another data validation; clear it first.", this.path);
    }
    const created: FakeValidation = { range: { ...area }, rule: null };
    sheet.validations.push(created);
    return created;
  }
}

function checkText(title: string | undefined, message: string | undefined, path: string): void {
  if ((title?.length ?? 0) > MAX_TITLE || (message?.length ?? 0) > MAX_MESSAGE) fail("InvalidArgument", "validation title or message too long", path);
}
