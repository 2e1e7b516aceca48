/** Worksheets: the collection and a sheet (its frozen panes and page layout are in sheetView). */
import type { CellRange } from "../../src/core/rawSheet";
import type { WorksheetApi, WorksheetCollectionApi } from "../../src/excel/officeApi";
import { parseAddress } from "./a1";
import { FakeCollection } from "./collection";
import { keyCol, keyRow, newSheet, sheetByName, type FakeSheet, type Visibility, type WorkbookModel } from "./model";
import { FakeNoteCollection } from "./notes";
import { fail } from "./officeError";
import { FakeRange } from "./range";
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";
import { FakeFreezePanes, FakePageLayout } from "./sheetView";
import { FakeTableCollection } from "./tables";

const VISIBILITIES: readonly Visibility[] = ["Visible", "Hidden", "VeryHidden"];

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet, FakeSheet> implements WorksheetCollectionApi {
  constructor(context: FakeRequestContext) {
    super(context, "worksheets");
  }

  protected targets(): FakeSheet[] {
    return this.context.excel.model.sheets;
  }

  protected itemFor(sheet: FakeSheet): FakeWorksheet {
    return FakeWorksheet.bound(this.context, sheet);
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const proxy = new FakeWorksheet(this.context, `worksheets.add(${name ?? ""})`, () => created ?? null);
    this.invoke("add", [name], () => {
      const model = this.context.excel.model;
      const sheetName = name ?? defaultSheetName(model);
      checkSheetName(model, sheetName, undefined);
      created = newSheet(model, sheetName);
      model.sheets.push(created);
    });
    return proxy;
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets[${key}]`, () => sheetByName(this.context.excel.model, key) ?? null);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets[${key}]?`, () => sheetByName(this.context.excel.model, key) ?? null, true);
  }

  getActiveWorksheet(): FakeWorksheet {
    const model = (): WorkbookModel => this.context.excel.model;
    return new FakeWorksheet(this.context, "activeWorksheet", () => model().sheets.find((sheet) => sheet.id === model().activeSheetId) ?? null);
  }
}

export class FakeWorksheet extends FakeProxy implements WorksheetApi {
  private boundId: number | undefined;
  readonly tables: FakeTableCollection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly notes: FakeNoteCollection;

  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly locate: () => FakeSheet | null,
    nullable = false,
  ) {
    super(context, path, nullable);
    this.tables = new FakeTableCollection(context, `${path}.tables`, this);
    this.freezePanes = new FakeFreezePanes(context, `${path}.freezePanes`, this);
    this.pageLayout = new FakePageLayout(context, `${path}.pageLayout`, this);
    this.notes = new FakeNoteCollection(context, `${path}.notes`, this);
  }

  static bound(context: FakeRequestContext, sheet: FakeSheet): FakeWorksheet {
    const proxy = new FakeWorksheet(context, `worksheets[${sheet.name}]`, () => sheet);
    proxy.boundId = sheet.id;
    return proxy;
  }

  /** The sheet this proxy stands for, bound at first use so that a rename later in the run keeps it. */
  target(): FakeSheet {
    const model = this.context.excel.model;
    if (this.boundId !== undefined) {
      const bound = model.sheets.find((sheet) => sheet.id === this.boundId);
      if (!bound) fail("ItemNotFound", "The requested resource doesn't exist.", this.path);
      return bound;
    }
    const found = this.locate();
    if (!found) fail("ItemNotFound", "The requested resource doesn't exist.", this.path);
    this.boundId = found.id;
    return found;
  }

  protected exists(): boolean {
    if (this.boundId !== undefined) return this.context.excel.model.sheets.some((sheet) => sheet.id === this.boundId);
    const found = this.locate();
    if (found) this.boundId = found.id;
    return found !== null;
  }

  protected loadValue(name: string): unknown {
    const sheet = this.target();
    switch (name) {
      case "name":
        return sheet.name;
      case "visibility":
        return sheet.visibility;
      case "position":
        return this.context.excel.model.sheets.indexOf(sheet);
      default:
        return unknownProperty(this.path, name);
    }
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.write("name", value, () => {
      const sheet = this.target();
      checkSheetName(this.context.excel.model, value, sheet);
      sheet.name = value;
    });
  }

  get visibility(): WorksheetApi["visibility"] {
    return this.read("visibility");
  }

  set visibility(value: WorksheetApi["visibility"]) {
    this.write("visibility", value, () => {
      const model = this.context.excel.model;
      const sheet = this.target();
      if (!VISIBILITIES.includes(value as Visibility)) fail("InvalidArgument", `visibility ${String(value)}`, this.path);
      if (value !== "Visible" && sheet.visibility === "Visible" && visibleCount(model) === 1) {
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.", this.path);
      }
      sheet.visibility = value as Visibility;
      if (value !== "Visible" && model.activeSheetId === sheet.id) activateNextVisible(model, sheet);
    });
  }

  get position(): number {
    return this.read("position");
  }

  set position(value: number) {
    this.write("position", value, () => {
      const model = this.context.excel.model;
      const sheet = this.target();
      if (!Number.isInteger(value) || value < 0 || value >= model.sheets.length) fail("InvalidArgument", `position ${value}`, this.path);
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      model.sheets.splice(value, 0, sheet);
    });
  }

  activate(): void {
    this.invoke("activate", [], () => {
      const sheet = this.target();
      if (sheet.visibility !== "Visible") fail("InvalidOperation", "A hidden sheet cannot be activated.", this.path);
      this.context.excel.model.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    this.invoke("delete", [], () => {
      const model = this.context.excel.model;
      const sheet = this.target();
      if (sheet.visibility === "Visible" && visibleCount(model) === 1) {
        fail("InvalidOperation", "A workbook must contain at least one visible worksheet.", this.path);
      }
      if (model.activeSheetId === sheet.id) activateNextVisible(model, sheet);
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      model.tables = model.tables.filter((table) => table.sheetId !== sheet.id);
      if (model.selection?.sheetId === sheet.id) model.selection = null;
    });
  }

  getRange(address?: string): FakeRange {
    const area = address === undefined ? undefined : parseAddress(address);
    return new FakeRange(this.context, `${this.path}.range(${address ?? ""})`, this, () => area ?? { startRow: 0, startCol: 0, endRow: 1_048_575, endCol: 16_383 });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const area: CellRange = { startRow, startCol: startColumn, endRow: startRow + rowCount - 1, endCol: startColumn + columnCount - 1 };
    const valid = rowCount > 0 && columnCount > 0 && startRow >= 0 && startColumn >= 0;
    return new FakeRange(
      this.context,
      `${this.path}.rangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      this,
      () => (valid ? area : fail("InvalidArgument", "bad range indexes", this.path)),
      false,
      "1.7",
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, `${this.path}.usedRange(${String(valuesOnly)})?`, this, () => usedArea(this.target(), valuesOnly === true), true, "1.4");
  }
}

/** The bounding rectangle of the cells with a value (and, unless valuesOnly, with a format); null when none. */
export function usedArea(sheet: FakeSheet, valuesOnly: boolean): CellRange | null {
  let area: CellRange | null = null;
  for (const [key, cell] of sheet.cells) {
    if (cell.value === null && cell.formula === undefined && (valuesOnly || (Object.keys(cell.format).length === 0 && cell.numberFormat === "General"))) continue;
    const row = keyRow(key);
    const col = keyCol(key);
    area = area
      ? { startRow: Math.min(area.startRow, row), startCol: Math.min(area.startCol, col), endRow: Math.max(area.endRow, row), endCol: Math.max(area.endCol, col) }
      : { startRow: row, startCol: col, endRow: row, endCol: col };
  }
  return area;
}

function visibleCount(model: WorkbookModel): number {
  return model.sheets.filter((sheet) => sheet.visibility === "Visible").length;
}

function activateNextVisible(model: WorkbookModel, leaving: FakeSheet): void {
  const index = model.sheets.indexOf(leaving);
  const candidates = [...model.sheets.slice(index + 1), ...model.sheets.slice(0, index).reverse()];
  const next = candidates.find((sheet) => sheet.visibility === "Visible" && sheet !== leaving);
  if (next) model.activeSheetId = next.id;
}

function defaultSheetName(model: WorkbookModel): string {
  for (let n = model.sheets.length + 1; ; n++) if (!sheetByName(model, `Sheet${n}`)) return `Sheet${n}`;
}

/** Excel's rules for sheet names: 1-31 characters, none of : \ / ? * [ ], no leading or trailing ', unique. */
function checkSheetName(model: WorkbookModel, name: string, renaming: FakeSheet | undefined): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    fail("InvalidArgument", `The sheet name ${name} is not valid.`);
  }
  const other = sheetByName(model, name);
  if (other && other !== renaming) fail("ItemAlreadyExists", `A sheet named ${name} already exists.`);
}
