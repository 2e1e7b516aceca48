/**
 * Workbooks to start from: sheets given as RawSheet-like rows (the core's Cell, or shorthand strings and numbers),
 * e.g. a master the command line wrote and src/files/readWorkbook read back, or a returned sheet for checking.
 * Cells are put in place as they would be after typing, without any parsing: text stays text.
 */
import type { Cell, CellRange } from "../../src/core/rawSheet";
import { cellKey, emptyWorkbook, newSheet, type CellFormat, type FakeCell, type FakeConditionalFormat, type FakeNote, type Visibility, type WorkbookModel } from "./model";

export type SeedCell = Cell | string | number | boolean | null | undefined;

export interface SeedSheet {
  name: string;
  /** As RawSheet has it; `visibility` wins when given. */
  hidden?: boolean;
  visibility?: Visibility;
  rows: ReadonlyArray<ReadonlyArray<SeedCell>>;
  merges?: ReadonlyArray<CellRange>;
  tables?: ReadonlyArray<{ name: string; range: CellRange; style?: string }>;
  /** Fills and notes the user made, which Huizong must leave alone. */
  fills?: ReadonlyArray<{ range: CellRange; color: string }>;
  notes?: ReadonlyArray<Omit<FakeNote, "author"> & { author?: string }>;
  conditionalFormats?: ReadonlyArray<Omit<FakeConditionalFormat, "id">>;
  numberFormats?: ReadonlyArray<{ range: CellRange; format: string }>;
}

/** A workbook holding exactly these sheets, the first visible one active. */
export function seedWorkbook(sheets: readonly SeedSheet[], title = ""): WorkbookModel {
  const model = emptyWorkbook();
  model.sheets = [];
  model.title = title;
  for (const seed of sheets) {
    const sheet = newSheet(model, seed.name);
    sheet.visibility = seed.visibility ?? (seed.hidden ? "Hidden" : "Visible");
    seed.rows.forEach((row, r) =>
      row.forEach((input, c) => {
        const cell = seedCell(input);
        if (cell) sheet.cells.set(cellKey(r, c), cell);
      }),
    );
    sheet.merges = (seed.merges ?? []).map((merge) => ({ ...merge }));
    for (const { range, format } of seed.numberFormats ?? []) eachCell(sheet.cells, range, (cell) => ({ ...cell, numberFormat: format }));
    for (const { range, color } of seed.fills ?? []) eachCell(sheet.cells, range, (cell) => ({ ...cell, format: { ...cell.format, fill: color.toUpperCase() } }));
    sheet.notes = (seed.notes ?? []).map((note) => ({ author: "用户", ...note }));
    sheet.conditionalFormats = (seed.conditionalFormats ?? []).map((format) => ({ ...format, id: `{CF-${model.nextId++}}` }));
    for (const table of seed.tables ?? []) {
      model.tables.push({ id: model.nextId++, name: table.name, sheetId: sheet.id, range: { ...table.range }, style: table.style ?? "TableStyleLight9", showBandedRows: true });
    }
    model.sheets.push(sheet);
  }
  const active = model.sheets.find((sheet) => sheet.visibility === "Visible");
  if (!active) throw new Error("a workbook needs a visible sheet");
  model.activeSheetId = active.id;
  return model;
}

function seedCell(input: SeedCell): FakeCell | undefined {
  const plain = (value: FakeCell["value"], numberFormat = "General"): FakeCell => ({ value, numberFormat, format: {} });
  if (input === null || input === undefined || input === "") return undefined;
  if (typeof input === "string" || typeof input === "number" || typeof input === "boolean") return plain(input);
  switch (input.kind) {
    case "text":
      return input.text === "" ? undefined : plain(input.text);
    case "number":
      return plain(input.value);
    case "date":
      return plain(input.serial, "yyyy/m/d");
    case "boolean":
      return plain(input.value);
    case "error":
      return plain({ error: input.text });
  }
}

function eachCell(cells: Map<number, FakeCell>, range: CellRange, change: (cell: FakeCell) => FakeCell): void {
  for (let row = range.startRow; row <= range.endRow; row++) {
    for (let col = range.startCol; col <= range.endCol; col++) {
      const key = cellKey(row, col);
      cells.set(key, change(cells.get(key) ?? { value: null, numberFormat: "General", format: {} as CellFormat }));
    }
  }
}
