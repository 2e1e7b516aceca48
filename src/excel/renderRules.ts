/**
 * The rules a plan puts on cell ranges, as Office.js spells them: data validations (ExcelApi 1.8; within Excel's
 * limits on titles and messages, as the file writer keeps them) and custom-formula conditional formats (1.6).
 * Part of renderSheet, the live-workbook twin of src/files/excelValidations.
 */
import { palette, type ConditionalFormatPlan, type DataValidationPlan, type ValidationRule } from "../core/plans/sheetPlan";
import { rangeAddress } from "./addresses";
import type { DataValidationApi } from "./officeApi";
import { jsonBytes, op, OPERATION_BYTES, type WriteOp } from "./payload";
import type { SheetTarget } from "./renderSheet";

/** Excel's limits on validation messages: a longer one is refused. */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;

const ERROR_STYLES = { stop: "Stop", warning: "Warning", information: "Information" } as const;

export function validationOp(plan: DataValidationPlan, target: SheetTarget): WriteOp {
  const rule = excelRule(plan.rule);
  const errorAlert = { style: ERROR_STYLES[plan.errorStyle], title: clip(plan.error.title, MAX_TITLE), message: clip(plan.error.message, MAX_MESSAGE), showAlert: true };
  const prompt = { title: clip(plan.prompt.title, MAX_TITLE), message: clip(plan.prompt.message, MAX_MESSAGE), showPrompt: true };
  const address = rangeAddress(plan.range);
  return op(jsonBytes([address, rule, errorAlert, prompt]) + 3 * OPERATION_BYTES, () => {
    const validation = target.sheet().getRange(address).dataValidation;
    // The rule first: the alert and the prompt belong to it. Blank cells are fine (the template's empty rows).
    validation.rule = rule;
    validation.errorAlert = errorAlert;
    validation.prompt = prompt;
    validation.ignoreBlanks = true;
  });
}

function excelRule(rule: ValidationRule): DataValidationApi["rule"] {
  switch (rule.type) {
    case "dateBetween":
      // ISO dates are one of the forms a date rule takes ("a stringified date/time in ISO8601 format").
      return { date: { formula1: rule.from, formula2: rule.to, operator: "Between" } };
    case "wholeNumberAtLeast":
      return { wholeNumber: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
    case "textLengthAtLeast":
      return { textLength: { formula1: rule.min, operator: "GreaterThanOrEqualTo" } };
    case "list": {
      const bad = rule.items.find((item) => item.includes(","));
      if (bad !== undefined) throw new Error(`list item ${bad} contains a comma, which an inline Excel list cannot hold`);
      return { list: { inCellDropDown: true, source: rule.items.join(",") } };
    }
    case "custom":
      // Office.js reads a custom rule's formula relative to the range's top-left cell, with the leading "=".
      return { custom: { formula: `=${rule.formula}` } };
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function conditionalFormatOp(plan: ConditionalFormatPlan, target: SheetTarget): WriteOp {
  const style = palette[plan.style];
  const address = rangeAddress(plan.range);
  return op(jsonBytes([address, plan.formula]) + 3 * OPERATION_BYTES, () => {
    const format = target.sheet().getRange(address).conditionalFormats.add("Custom");
    // The plan's formula is relative to the range's top-left cell, as Office.js reads a custom rule.
    format.custom.rule.formula = `=${plan.formula}`;
    if (style.fill) format.custom.format.fill.color = `#${style.fill}`;
    if (style.fontColor) format.custom.format.font.color = `#${style.fontColor}`;
  });
}
