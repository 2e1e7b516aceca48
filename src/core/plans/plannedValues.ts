import type { PlannedValue } from "./sheetPlan";

/** A plain count stays a number so the clerk can sum it; anything decorated (约300人) stays as written. */
export function headCountValue(text: string): PlannedValue {
  return /^[1-9]\d{0,6}$/.test(text) ? Number(text) : text;
}
