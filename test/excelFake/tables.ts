/** Tables: a sheet's or the workbook's collection, and a table's name, style and banding. */
import type { CellRange } from "../../src/core/rawSheet";
import type { TableApi, TableCollectionApi } from "../../src/excel/officeApi";
import { parseAddress } from "./a1";
import { FakeCollection } from "./collection";
import { cellKey, intersects, type FakeTable, type WorkbookModel } from "./model";
import { fail } from "./officeError";
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";
import type { FakeWorksheet } from "./worksheet";

export class FakeTableCollection extends FakeCollection<FakeTableItem, FakeTable> implements TableCollectionApi {
  /** `sheet` undefined: the workbook's collection, every table. */
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: FakeWorksheet | undefined,
  ) {
    super(context, path);
  }

  protected targets(): FakeTable[] {
    const tables = this.context.excel.model.tables;
    if (!this.sheet) return tables;
    const sheetId = this.sheet.target().id;
    return tables.filter((table) => table.sheetId === sheetId);
  }

  protected itemFor(table: FakeTable): FakeTableItem {
    return new FakeTableItem(this.context, `tables[${table.name}]`, () => table.id);
  }

  getItem(key: string): FakeTableItem {
    return new FakeTableItem(this.context, `tables[${key}]`, () => this.byName(key)?.id);
  }

  getItemOrNullObject(key: string): FakeTableItem {
    return new FakeTableItem(this.context, `tables[${key}]?`, () => this.byName(key)?.id, true);
  }

  private byName(name: string): FakeTable | undefined {
    return this.targets().find((table) => table.name.toLowerCase() === name.toLowerCase());
  }

  add(address: string, hasHeaders: boolean): FakeTableItem {
    let id: number | undefined;
    this.invoke("add", [address, hasHeaders], () => {
      if (!this.sheet) throw new Error("fake Excel: add tables through a worksheet's collection");
      const sheet = this.sheet.target();
      const model = this.context.excel.model;
      const range = parseAddress(address);
      if (model.tables.some((table) => table.sheetId === sheet.id && intersects(table.range, range))) {
        fail("InvalidOperation", "A table can't overlap another table.");
      }
      if (sheet.merges.some((merge) => intersects(merge, range))) fail("MergedRangeConflict", "A table can't overlap merged cells.");
      if (hasHeaders) nameEmptyHeaders(model, sheet.id, range);
      id = model.nextId++;
      model.tables.push({ id, name: defaultTableName(model), sheetId: sheet.id, range, style: "TableStyleMedium2", showBandedRows: true });
    });
    return new FakeTableItem(this.context, `${this.path}.add(${address})`, () => id);
  }
}

export class FakeTableItem extends FakeProxy implements TableApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly id: () => number | undefined,
    nullable = false,
  ) {
    super(context, path, nullable);
  }

  target(): FakeTable {
    const table = this.context.excel.model.tables.find((candidate) => candidate.id === this.id());
    if (!table) fail("ItemNotFound", "The table does not exist.", this.path);
    return table;
  }

  protected exists(): boolean {
    const id = this.id();
    return this.context.excel.model.tables.some((table) => table.id === id);
  }

  protected loadValue(name: string): unknown {
    const table = this.target();
    switch (name) {
      case "name":
        return table.name;
      case "style":
        return table.style;
      case "showBandedRows":
        return table.showBandedRows;
      case "worksheet/name":
        return this.context.excel.model.sheets.find((sheet) => sheet.id === table.sheetId)?.name;
      default:
        return unknownProperty(this.path, name);
    }
  }

  /** The table's sheet; its name is readable after loading "worksheet/name". */
  get worksheet(): { readonly name: string } {
    const read = (): string => this.read("worksheet/name");
    return {
      get name() {
        return read();
      },
    };
  }

  get name(): string {
    return this.read("name");
  }

  set name(name: string) {
    this.write("name", name, () => {
      const table = this.target();
      checkTableName(this.context.excel.model, name, table);
      table.name = name;
    });
  }

  get style(): string {
    return this.read("style");
  }

  set style(style: string) {
    this.write("style", style, () => {
      if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(style)) fail("InvalidArgument", `table style ${style}`, this.path);
      this.target().style = style;
    });
  }

  get showBandedRows(): boolean {
    return this.read("showBandedRows");
  }

  set showBandedRows(show: boolean) {
    this.write("showBandedRows", show, () => (this.target().showBandedRows = show), "1.3");
  }
}

/**
 * Excel's rules: letters (any script: 附件1活动表 is a name), digits, underscores (and dots), not a cell reference,
 * unique in the workbook.
 */
function checkTableName(model: WorkbookModel, name: string, renaming: FakeTable): void {
  const valid = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[RrCc]$/.test(name) && name.length <= 255;
  if (!valid) fail("InvalidArgument", `The table name ${name} is not valid.`);
  const other = model.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
  if (other && other !== renaming) fail("InvalidArgument", `A table named ${name} already exists.`);
}

function defaultTableName(model: WorkbookModel): string {
  for (let n = 1; ; n++) {
    const name = `Table${n}`;
    if (!model.tables.some((table) => table.name.toLowerCase() === name.toLowerCase())) return name;
  }
}

/** A table needs a name for every column: Excel writes Column1, Column2... into empty header cells. */
function nameEmptyHeaders(model: WorkbookModel, sheetId: number, range: CellRange): void {
  const sheet = model.sheets.find((candidate) => candidate.id === sheetId);
  if (!sheet) return;
  for (let col = range.startCol; col <= range.endCol; col++) {
    const key = cellKey(range.startRow, col);
    const cell = sheet.cells.get(key);
    if (cell?.value === null || cell === undefined) {
      sheet.cells.set(key, { value: `Column${col - range.startCol + 1}`, numberFormat: cell?.numberFormat ?? "General", format: cell?.format ?? {} });
    }
  }
}
