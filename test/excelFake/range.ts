/** Ranges: their cells' values, text, formats and types, merges, selection, and the objects hanging off them. */
import type { CellRange } from "../../src/core/rawSheet";
import type { RangeApi, RangeAreasApi } from "../../src/excel/officeApi";
import { qualified } from "./a1";
import { textOf, valueOf, valueTypeOf, writeValue } from "./cellValues";
import { FakeConditionalFormatCollection } from "./conditionalFormats";
import { FakeDataValidation } from "./dataValidation";
import { cellKey, intersects, type CellFormat, type FakeCell, type FakeSheet } from "./model";
import { fail } from "./officeError";
import { FakeRangeFormat } from "./rangeFormat";
import { FakeProxy, unknownProperty } from "./proxy";
import type { FakeRequestContext } from "./requestContext";
import type { FakeWorksheet } from "./worksheet";

/** Cell-by-cell changes beyond this many cells are not modelled (a whole-column format would be 1,048,576). */
const MAX_CELLWISE = 3_000_000;

/** "A range is limited to five million cells for get operations" (Excel's resource limits). */
const MAX_READ_CELLS = 5_000_000;

export class FakeRange extends FakeProxy implements RangeApi {
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    context: FakeRequestContext,
    path: string,
    readonly worksheet: FakeWorksheet,
    private readonly locate: () => CellRange | null,
    nullable = false,
    private readonly minApi?: string,
  ) {
    super(context, path, nullable);
    this.format = new FakeRangeFormat(context, `${path}.format`, this);
    this.dataValidation = new FakeDataValidation(context, `${path}.dataValidation`, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(context, `${path}.conditionalFormats`, this);
    if (minApi) context.enqueue(path, "range", [], () => undefined, minApi);
  }

  /** The sheet and the rectangle, now; ItemNotFound for a range that does not exist (a null used range). */
  area(): { sheet: FakeSheet; area: CellRange } {
    const sheet = this.worksheet.target();
    const area = this.locate();
    if (!area) fail("ItemNotFound", "The range does not exist.", this.path);
    return { sheet, area };
  }

  protected exists(): boolean {
    return this.locate() !== null;
  }

  protected loadValue(name: string): unknown {
    const { sheet, area } = this.area();
    const cellCount = (area.endRow - area.startRow + 1) * (area.endCol - area.startCol + 1);
    if (["values", "text", "numberFormat", "valueTypes"].includes(name) && cellCount > MAX_READ_CELLS) {
      fail("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.", this.path);
    }
    switch (name) {
      case "address":
        return qualified(sheet.name, area);
      case "rowIndex":
        return area.startRow;
      case "columnIndex":
        return area.startCol;
      case "rowCount":
        return area.endRow - area.startRow + 1;
      case "columnCount":
        return area.endCol - area.startCol + 1;
      case "values":
        return grid(sheet, area, valueOf);
      case "text":
        return grid(sheet, area, textOf);
      case "numberFormat":
        return grid(sheet, area, (cell) => cell?.numberFormat ?? "General");
      case "valueTypes":
        return grid(sheet, area, valueTypeOf);
      case "columnHidden":
        return columnsOf(area).every((col) => sheet.hiddenColumns.has(col));
      default:
        return unknownProperty(this.path, name);
    }
  }

  get address(): string {
    return this.read("address");
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  get columnIndex(): number {
    return this.read("columnIndex");
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get text(): string[][] {
    return this.read("text");
  }

  get valueTypes(): RangeApi["valueTypes"] {
    return this.read("valueTypes");
  }

  get values(): RangeApi["values"] {
    return this.read("values");
  }

  /** A 2-D array the size of the range, or one value for every cell; null leaves a cell as it is. */
  set values(values: RangeApi["values"]) {
    this.write("values", values, () => this.eachCell(values, "values", (cell, value) => writeValue(cell, value)));
  }

  get numberFormat(): RangeApi["numberFormat"] {
    return this.read("numberFormat");
  }

  set numberFormat(formats: RangeApi["numberFormat"]) {
    this.write("numberFormat", formats, () =>
      this.eachCell(formats, "numberFormat", (cell, format) => {
        if (format === null || format === undefined) return cell;
        if (typeof format !== "string") fail("InvalidArgument", "a number format is a string", this.path);
        return { ...cell, numberFormat: format === "" ? "General" : format };
      }),
    );
  }

  get columnHidden(): boolean {
    return this.read("columnHidden");
  }

  set columnHidden(hidden: boolean) {
    this.write("columnHidden", hidden, () => {
      const { sheet, area } = this.area();
      for (const col of columnsOf(area)) {
        if (hidden) sheet.hiddenColumns.add(col);
        else sheet.hiddenColumns.delete(col);
      }
    });
  }

  merge(across?: boolean): void {
    this.invoke("merge", [across], () => {
      const { sheet, area } = this.area();
      guardProtection(sheet, this.path);
      if (across) throw new Error("fake Excel: merge(true) is not modelled");
      if (sheet.merges.some((merge) => intersects(merge, area))) fail("InvalidOperation", "Cannot merge over merged cells.", this.path);
      const tables = this.context.excel.model.tables.filter((table) => table.sheetId === sheet.id && intersects(table.range, area));
      if (tables.length > 0) fail("MergedRangeConflict", "Cannot merge cells in a table.", this.path);
      // Excel keeps the top-left value of a merged area.
      for (let row = area.startRow; row <= area.endRow; row++) {
        for (let col = area.startCol; col <= area.endCol; col++) {
          const cell = sheet.cells.get(cellKey(row, col));
          if (cell && (row !== area.startRow || col !== area.startCol)) sheet.cells.set(cellKey(row, col), { ...cell, value: null });
        }
      }
      sheet.merges.push({ ...area });
    }, "1.2");
  }

  select(): void {
    this.invoke("select", [], () => {
      const { sheet, area } = this.area();
      const model = this.context.excel.model;
      if (model.activeSheetId !== sheet.id) fail("InvalidOperation", "Only a range on the active sheet can be selected.", this.path);
      model.selection = { sheetId: sheet.id, range: { ...area } };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = (): CellRange[] => {
      const { sheet, area } = this.area();
      return sheet.merges.filter((merge) => intersects(merge, area));
    };
    return new FakeRangeAreas(this.context, `${this.path}.mergedAreas?`, this.worksheet, areas, "1.13");
  }

  /** Applies one value per cell (a 2-D array of the range's size) or one value to all (a scalar). */
  private eachCell(input: unknown, property: string, change: (cell: FakeCell, value: unknown) => FakeCell): void {
    const { sheet, area } = this.area();
    guardProtection(sheet, this.path);
    const rows = area.endRow - area.startRow + 1;
    const cols = area.endCol - area.startCol + 1;
    if (rows * cols > MAX_CELLWISE) throw new Error(`fake Excel: setting ${property} on ${rows * cols} cells is not modelled`);
    const isGrid = Array.isArray(input);
    if (isGrid && (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols))) {
      fail("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`, this.path);
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const value = isGrid ? (input as unknown[][])[r]?.[c] : input;
        const key = cellKey(area.startRow + r, area.startCol + c);
        const existing = sheet.cells.get(key);
        const cell = existing ?? { value: null, numberFormat: "General", format: {} };
        const changed = change(cell, value);
        // null leaves a cell as it was: an empty cell stays absent.
        if (existing || changed !== cell) sheet.cells.set(key, changed);
      }
    }
  }

  /** Changes, in place, the format of every cell of the range (the cells formatting calls reach). */
  changeFormat(property: string, change: (format: CellFormat, row: number, col: number) => void): void {
    const { sheet, area } = this.area();
    guardProtection(sheet, this.path);
    const rows = area.endRow - area.startRow + 1;
    const cols = area.endCol - area.startCol + 1;
    if (rows * cols > MAX_CELLWISE) throw new Error(`fake Excel: setting ${property} on ${rows * cols} cells is not modelled`);
    for (let row = area.startRow; row <= area.endRow; row++) {
      for (let col = area.startCol; col <= area.endCol; col++) {
        const key = cellKey(row, col);
        let cell = sheet.cells.get(key);
        if (!cell) {
          cell = { value: null, numberFormat: "General", format: {} };
          sheet.cells.set(key, cell);
        }
        change(cell.format, row, col);
      }
    }
  }
}

export class FakeRangeAreas extends FakeProxy implements RangeAreasApi {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly worksheet: FakeWorksheet,
    private readonly areas: () => CellRange[],
    minApi: string,
  ) {
    super(context, path, true);
    context.enqueue(path, "getMergedAreasOrNullObject", [], () => undefined, minApi);
  }

  protected exists(): boolean {
    return this.areas().length > 0;
  }

  protected loadValue(name: string): unknown {
    if (name !== "address") return unknownProperty(this.path, name);
    const sheet = this.worksheet.target();
    return this.areas()
      .map((area) => qualified(sheet.name, area))
      .join(", ");
  }

  get address(): string {
    return this.read("address");
  }
}

export function guardProtection(sheet: FakeSheet, path: string): void {
  if (sheet.protected) fail("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.", path);
}

function grid<T>(sheet: FakeSheet, area: CellRange, read: (cell: FakeCell | undefined) => T): T[][] {
  const rows: T[][] = [];
  for (let row = area.startRow; row <= area.endRow; row++) {
    const cells: T[] = [];
    for (let col = area.startCol; col <= area.endCol; col++) cells.push(read(sheet.cells.get(cellKey(row, col))));
    rows.push(cells);
  }
  return rows;
}

function columnsOf(area: CellRange): number[] {
  const cols: number[] = [];
  for (let col = area.startCol; col <= area.endCol; col++) cols.push(col);
  return cols;
}
