/**
 * The few XML spellings every part of the package needs: escaping text and attribute values, SpreadsheetML's own
 * `_xHHHH_` escape, and A1 references. Strings only, no DOM: parts are built as text and streamed into the zip.
 */
import { cellRef, type CellRange } from "../../core/rawSheet";

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRelationships: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/main",
} as const;

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
/**
 * In an attribute a raw line break or tab would be normalised to a space by every XML parser (XML 1.0 §3.3.3),
 * so a two-line prompt would arrive as one line: they are written as character references instead.
 */
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" };

/** Element content. `>` is escaped too, so `]]>` in a unit's text can never end anything. */
export function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replace(/[&<>]/g, (ch) => TEXT_ESCAPES[ch] ?? ch) : text;
}

/**
 * Formula text (a defined name's, a rule's): every markup character escaped, quotes and apostrophes too, as Excel's
 * other writers spell it. The same XML as escapeText gives; this spelling keeps tests that read parts as text
 * valid for either writer.
 */
export function escapeFormula(formula: string): string {
  return escapeText(formula).replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** An attribute value written between double quotes. */
export function escapeAttribute(text: string): string {
  return /[&<>"\n\r\t]/.test(text) ? text.replace(/[&<>"\n\r\t]/g, (ch) => ATTRIBUTE_ESCAPES[ch] ?? ch) : text;
}

/**
 * SpreadsheetML spells a character as `_xHHHH_` inside cell text and table column names (ECMA-376 Part 1,
 * §22.9.2.19) and every reader decodes it, so a unit's literal `_x0041_` would come back as `A`. Spelling the
 * leading underscore itself as `_x005F_` makes readers give back exactly what was written.
 */
export function escapeOoxmlSequences(text: string): string {
  return text.includes("_x") || text.includes("_X") ? text.replace(/_([xX][0-9A-Fa-f]{4}_)/g, "_x005F_$1") : text;
}

/** `A1` for a single cell, `A1:C9` otherwise: the spelling of sqref, ref and mergeCell. */
export function rangeRef(range: CellRange): string {
  const start = cellRef(range.startRow, range.startCol);
  const end = cellRef(range.endRow, range.endCol);
  return start === end ? start : `${start}:${end}`;
}

/** A sheet name as a formula spells it: always quoted, an apostrophe doubled. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
