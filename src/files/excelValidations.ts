/**
 * The rules a plan puts on cell ranges: data validations (within Excel's limits on messages and lists) and
 * conditional formats, each written as one range. Also the repair of validations ExcelJS loads from an existing
 * workbook, which it would otherwise write back as overlapping ranges. Part of writeWorkbook.
 */
import type { DataValidation, Worksheet } from "exceljs";
import { isoDateToSerial } from "../core/calendarDate";
import { cellRef, type CellRange } from "../core/rawSheet";
import type { ConditionalFormatPlan, DataValidationPlan, ValidationRule } from "../core/plans/sheetPlan";
import { conditionalStyle } from "./excelCells";
import { internals } from "./excelInternals";
import { listFormula, validationTexts } from "./validationText";

/**
 * ExcelJS loads each `<dataValidation sqref="A5:A24">` as one entry per cell, and on saving squeezes cells back
 * into ranges in text order of their addresses (A10 before A5), which yields overlapping ranges (A10:A24 and
 * A5:A24) that Excel repairs away. Squeezing them back here, column by column in row order, gives ranges that
 * never overlap, which ExcelJS then writes as they are.
 */
export function compactLoadedValidations(sheet: Worksheet): void {
  const store = internals(sheet).dataValidations;
  const byColumn = new Map<string, { row: number; validation: DataValidation }[]>();
  const compacted: Record<string, DataValidation> = {};
  for (const [address, validation] of Object.entries(store.model)) {
    if (!validation) continue; // ExcelJS removes a validation by setting it to undefined.
    const cell = /^([A-Z]+)(\d+)$/.exec(address);
    if (!cell?.[1] || !cell[2]) {
      compacted[address] = validation; // Already a range.
      continue;
    }
    const cells = byColumn.get(cell[1]) ?? [];
    cells.push({ row: Number(cell[2]), validation });
    byColumn.set(cell[1], cells);
  }
  for (const [column, cells] of byColumn) {
    cells.sort((a, b) => a.row - b.row);
    let start = 0;
    cells.forEach((cell, i) => {
      const next = cells[i + 1];
      const sameRun = next !== undefined && next.row === cell.row + 1 && sameValidation(next.validation, cell.validation);
      if (sameRun) return;
      const first = cells[start]?.row ?? cell.row;
      compacted[first === cell.row ? `${column}${first}` : `${column}${first}:${column}${cell.row}`] = cell.validation;
      start = i + 1;
    });
  }
  store.model = compacted;
}

function sameValidation(a: DataValidation, b: DataValidation): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

// ---------------------------------------------------------------------------------------------------------------
// Data validation and conditional formats


export function renderValidation(sheet: Worksheet, plan: DataValidationPlan): void {
  const validation: DataValidation = {
    ...validationRule(plan.rule),
    // Empty cells are fine: the template's empty rows must not show errors.
    allowBlank: true,
    errorStyle: plan.errorStyle,
    showInputMessage: true,
    promptTitle: validationTexts(plan.prompt).title,
    prompt: validationTexts(plan.prompt).message,
    showErrorMessage: true,
    errorTitle: validationTexts(plan.error).title,
    error: validationTexts(plan.error).message,
  };
  // One key for the whole range: the documented per-cell `cell.dataValidation` would make an entry per cell,
  // which ExcelJS then has to squeeze back into ranges; as one key it is one <dataValidation sqref="C6:C25">.
  internals(sheet).dataValidations.add(rangeRef(plan.range), validation);
}

function validationRule(rule: ValidationRule): Pick<DataValidation, "type" | "operator" | "formulae"> {
  switch (rule.type) {
    case "dateBetween":
      return { type: "date", operator: "between", formulae: [excelDate(rule.from), excelDate(rule.to)] };
    case "wholeNumberAtLeast":
      return { type: "whole", operator: "greaterThanOrEqual", formulae: [rule.min] };
    case "textLengthAtLeast":
      return { type: "textLength", operator: "greaterThanOrEqual", formulae: [rule.min] };
    case "list":
      return { type: "list", formulae: [listFormula(rule.items)] };
    case "custom":
      return { type: "custom", formulae: [rule.formula] };
  }
}

/**
 * ExcelJS writes a date rule's formulae through `dateToExcel(new Date(x))`, so it wants a Date; building that Date
 * from the core's serial makes the written number exactly the core's serial.
 */
function excelDate(iso: string): Date {
  const EXCEL_EPOCH_AS_UNIX_DAYS = 25569;
  return new Date((isoDateToSerial(iso) - EXCEL_EPOCH_AS_UNIX_DAYS) * 86_400_000);
}


export function renderConditionalFormat(sheet: Worksheet, plan: ConditionalFormatPlan, priority: number): void {
  sheet.addConditionalFormatting({
    ref: rangeRef(plan.range),
    rules: [{ type: "expression", priority, formulae: [plan.formula], style: conditionalStyle(plan.style) }],
  });
}

function rangeRef(range: CellRange): string {
  const start = cellRef(range.startRow, range.startCol);
  const end = cellRef(range.endRow, range.endCol);
  return start === end ? start : `${start}:${end}`;
}
