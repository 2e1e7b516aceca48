/**
 * The sheets an Office Open XML workbook lists, checked against its parts before SheetJS parses them. SheetJS
 * parses a sheet part once for every `<sheet>` that names it: a 460 KB file listing one 20,000-row sheet 300 times
 * costs minutes before any cell budget can count it. No spreadsheet program writes two sheets onto one part.
 */
import { readFailure, type ReadFailure } from "./readErrors";

/** Why the workbook's sheet list cannot be honest, or undefined. `files` are the package's unpacked parts. */
export function sheetListProblem(files: ReadonlyMap<string, Uint8Array>): ReadFailure | undefined {
  const workbookName = [...files.keys()].find((name) => /(^|\/)workbook\.xml$/i.test(name));
  if (!workbookName) return undefined;
  const decode = (name: string) => new TextDecoder().decode(files.get(name));
  const relsName = workbookName.replace(/([^/]+)$/, "_rels/$1.rels");
  const targets = new Map<string, string>();
  for (const [, attributes = ""] of decode(relsName).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
    const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
    if (id !== undefined && target !== undefined) targets.set(id, target.replace(/^\/?(xl\/)?/, "").toLowerCase());
  }
  const listed = new Set<string>();
  for (const [, attributes = ""] of decode(workbookName).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const id = /\b\w+:id\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1];
    const target = id === undefined ? undefined : targets.get(id);
    if (target === undefined) continue;
    if (listed.has(target)) return readFailure("corrupt", `the workbook lists the sheet part ${target} more than once`);
    listed.add(target);
  }
  return undefined;
}
