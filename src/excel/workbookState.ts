/**
 * What the adapter needs to know about a workbook before it writes: its sheets in tab order, every table and its
 * sheet (table names are unique across the workbook) and the active sheet. One sync.
 */
import type { ContextApi, TableApi, WorksheetApi } from "./officeApi";

export type Visibility = WorksheetApi["visibility"];

export interface ExistingSheet {
  name: string;
  visibility: Visibility;
  /** Bound to this sheet whatever it is renamed to later in the same run. */
  sheet: WorksheetApi;
}

export interface ExistingTable {
  name: string;
  sheetName: string;
  /** Bound to this table, to rename it aside when its sheet is replaced. */
  table: TableApi;
}

export interface WorkbookState {
  sheets: ExistingSheet[];
  tables: ExistingTable[];
  active: WorksheetApi;
  activeName: string;
  /** The document title (File > Info), put back if a merge that sets it fails. */
  title: string;
}

export async function loadWorkbookState(context: ContextApi): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets;
  worksheets.load(["items/name", "items/visibility", "items/position"]);
  const tables = context.workbook.tables;
  tables.load(["items/name", "items/worksheet/name"]);
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const properties = context.workbook.properties;
  properties.load("title");
  await context.sync();
  const ordered = [...worksheets.items].sort((a, b) => a.position - b.position);
  return {
    sheets: ordered.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility, sheet })),
    tables: tables.items.map((table) => ({ name: table.name, sheetName: table.worksheet.name, table })),
    active,
    activeName: active.name,
    title: properties.title,
  };
}

/** Excel compares sheet and table names without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function findSheet(state: WorkbookState, name: string): ExistingSheet | undefined {
  return state.sheets.find((sheet) => sameName(sheet.name, name));
}

/** `base`, or `base` with the first free suffix, among names compared without case. */
export function uniqueName(base: string, taken: Iterable<string>, suffix: (n: number) => string): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${suffix(n)}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
