import { rosterFromRows, rosterRowsFromText, type Roster } from "../core/roster";
import { cellText } from "../core/rawSheet";
import { decodeText, readWorkbook, type ReadFailure } from "./readWorkbook";

/**
 * A roster file to units: plain text (one unit a line, aliases after commas), or a CSV/XLSX/… whose first
 * visible sheet holds the unit in its first column and aliases in the next ones.
 */
export function readRoster(bytes: Uint8Array, fileName: string): { ok: true; roster: Roster } | ReadFailure {
  if (/\.(txt|text|lst)$/i.test(fileName) || !/\.[a-z]+$/i.test(fileName)) {
    const text = decodeText(bytes);
    if (text === undefined) return { ok: false, code: "not-a-spreadsheet", detail: "not readable as text" };
    return { ok: true, roster: rosterFromRows(rosterRowsFromText(text)) };
  }
  const read = readWorkbook(bytes, fileName);
  if (!read.ok) return read;
  const sheet = read.workbook.sheets.find((candidate) => !candidate.hidden) ?? read.workbook.sheets[0];
  const rows = (sheet?.rows ?? []).map((row) => Array.from(row, (cell) => cellText(cell)));
  return { ok: true, roster: rosterFromRows(rows) };
}
