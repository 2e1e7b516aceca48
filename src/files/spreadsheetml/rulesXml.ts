/**
 * The rules a plan puts on ranges, as worksheet XML: data validations (within Excel's limits on messages and
 * lists) and conditional formats, each over one range.
 */
import { isoDateToSerial } from "../../core/calendarDate";
import type { ConditionalFormatPlan, DataValidationPlan, StyleName, ValidationRule } from "../../core/plans/sheetPlan";
import { escapeAttribute, escapeFormula, rangeRef } from "./xml";
import { listFormula, validationTexts } from "../validationText";


/**
 * `<dataValidations>`, or nothing. Every validation allows blanks (the template's empty rows must not show errors)
 * and shows both its prompt and its error.
 *
 * @throws Error for an inline list item holding a comma, or a list longer than Excel's 255 characters.
 */
export function dataValidationsXml(validations: readonly DataValidationPlan[]): string {
  if (validations.length === 0) return "";
  const items = validations.map((plan) => {
    const { type, operator, formulae } = validationRule(plan.rule);
    // In the order the ExcelJS writer wrote them, so that tests reading the part as text read either writer's.
    const attributes = [
      `type="${type}"`,
      operator ? `operator="${operator}"` : "",
      'allowBlank="1" showInputMessage="1"',
      `promptTitle="${escapeAttribute(validationTexts(plan.prompt).title)}"`,
      `prompt="${escapeAttribute(validationTexts(plan.prompt).message)}"`,
      'showErrorMessage="1"',
      `errorStyle="${plan.errorStyle}"`,
      `errorTitle="${escapeAttribute(validationTexts(plan.error).title)}"`,
      `error="${escapeAttribute(validationTexts(plan.error).message)}"`,
      `sqref="${rangeRef(plan.range)}"`,
    ].filter(Boolean);
    const formulaXml = formulae.map((formula, i) => `<formula${i + 1}>${escapeFormula(formula)}</formula${i + 1}>`).join("");
    return `<dataValidation ${attributes.join(" ")}>${formulaXml}</dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function validationRule(rule: ValidationRule): { type: string; operator?: string; formulae: string[] } {
  switch (rule.type) {
    case "dateBetween":
      // `between` is the default operator; Excel leaves it out, and so does this.
      return { type: "date", formulae: [String(isoDateToSerial(rule.from)), String(isoDateToSerial(rule.to))] };
    case "wholeNumberAtLeast":
      return { type: "whole", operator: "greaterThanOrEqual", formulae: [String(rule.min)] };
    case "textLengthAtLeast":
      return { type: "textLength", operator: "greaterThanOrEqual", formulae: [String(rule.min)] };
    case "list":
      return { type: "list", formulae: [listFormula(rule.items)] };
    case "custom":
      // Stored without "=", relative to the first cell of sqref, as Excel writes a custom rule.
      return { type: "custom", formulae: [rule.formula] };
  }
}


/**
 * One `<conditionalFormatting>` per planned format, priorities 1, 2, … in plan order (the first wins where two
 * overlap, as Excel orders them).
 *
 * @param dxfId the differential format of a palette style, from the workbook's style registry.
 */
export function conditionalFormatsXml(formats: readonly ConditionalFormatPlan[], dxfId: (style: StyleName) => number): string {
  return formats
    .map(
      (format, i) =>
        `<conditionalFormatting sqref="${rangeRef(format.range)}"><cfRule type="expression" dxfId="${dxfId(format.style)}" priority="${i + 1}">` +
        `<formula>${escapeFormula(format.formula)}</formula></cfRule></conditionalFormatting>`,
    )
    .join("");
}
