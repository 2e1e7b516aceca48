/**
 * How Excel treats what is written to `Range.values`, and what `text` and `valueTypes` give back, as far as the
 * adapter's work needs it:
 *
 * - a string written to a cell whose number format is not text ("@") is parsed as the user's typing would be: one
 *   that starts with `=`, `+`, `-` or `@` becomes a formula (the Range.values reference: "If the returned value
 *   starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"), and a
 *   plain number such as 13812345678 becomes a number and 2024-04-20 a date. Under "@" every string stays text.
 * - `text` is the value as shown under its number format: General, 0, 0.00, @, and the usual date formats.
 */
import type { CellValue, FakeCell } from "./model";

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The cell after `value` is written to it; null leaves it unchanged and "" empties it, as in Office.js. */
export function writeValue(cell: FakeCell, value: unknown): FakeCell {
  if (value === null || value === undefined) return cell;
  const next: FakeCell = { ...cell, formula: undefined };
  delete next.formula;
  if (value === "") return { ...next, value: null };
  if (typeof value === "number" || typeof value === "boolean") return { ...next, value };
  const text = String(value);
  if (cell.numberFormat === "@") return { ...next, value: text };
  if (/^[=+\-@]./s.test(text)) {
    const formula = text.startsWith("=") ? text : `=${text}`;
    return { ...next, formula, value: evaluate(formula) };
  }
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { ...next, value: Number(trimmed) };
  const day = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (day) {
    const serial = Math.round((Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) - Date.UTC(1899, 11, 30)) / 86_400_000);
    return { ...next, value: serial, numberFormat: cell.numberFormat === "General" ? "yyyy/m/d" : cell.numberFormat };
  }
  return { ...next, value: text };
}

/** What a formula shows: a signed number evaluates to itself, anything else is a #NAME? error here. */
function evaluate(formula: string): CellValue {
  const body = formula.slice(1).trim();
  return NUMBER.test(body) ? Number(body) : { error: "#NAME?" };
}

export function valueTypeOf(cell: FakeCell | undefined): string {
  const value = cell?.value ?? null;
  if (value === null) return "Empty";
  if (typeof value === "string") return "String";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "Error";
}

/** `values` as Office.js returns them: "" for empty, the error text for errors. */
export function valueOf(cell: FakeCell | undefined): string | number | boolean {
  const value = cell?.value ?? null;
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return value;
}

export function textOf(cell: FakeCell | undefined): string {
  const value = cell?.value ?? null;
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") return value.error;
  return formatNumber(value, cell?.numberFormat ?? "General");
}

function formatNumber(value: number, format: string): string {
  if (format === "0") return String(Math.round(value));
  if (format === "0.00") return value.toFixed(2);
  if (format === "@" || format === "General" || !/[ymd]/i.test(format.replace(/"[^"]*"/g, ""))) return general(value);
  return formatDate(value, format);
}

function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** Date formats made of yyyy/yy, m/mm, d/dd and literal separators (quoted or not), as Huizong writes them. */
function formatDate(serial: number, format: string): string {
  const whole = Math.floor(serial);
  const date = new Date(Date.UTC(1899, 11, 30) + (whole < 61 ? whole + 1 : whole) * 86_400_000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return format
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"|yyyy|yy|mm|m|dd|d/g, (token, literal: string | undefined) => {
      if (literal !== undefined) return literal;
      switch (token) {
        case "yyyy":
          return String(year);
        case "yy":
          return String(year % 100).padStart(2, "0");
        case "mm":
          return String(month).padStart(2, "0");
        case "m":
          return String(month);
        case "dd":
          return String(day).padStart(2, "0");
        default:
          return String(day);
      }
    });
}
