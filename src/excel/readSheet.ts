/**
 * Live worksheets -> RawSheet, the shape the core reads whichever host it came from: each cell's kind (text,
 * number, date, boolean, error) from `valueTypes` and the number format, the text the user sees from `text`, and
 * merged areas where the host can list them (ExcelApi 1.13; older hosts read without merges, as the core allows).
 *
 * One sync learns each sheet's used range; then the cells are loaded in row blocks of at most READ_CELLS cells,
 * several small sheets sharing a sync. Excel on the web refuses a response over 5 MB: a block that still comes
 * back too large (cells of long text) is halved and read again, and the rest of the read keeps the smaller size,
 * so the number of syncs stays about cells / READ_CELLS, plus one failed sync per halving.
 */
import type { Cell, CellRange, RawSheet } from "../core/rawSheet";
import { parseAreas } from "./addresses";
import { isDateFormat } from "./dateFormat";
import { isApiSupported, officeErrorCode } from "./excelRun";
import type { ContextApi, RangeApi, RangeAreasApi, WorksheetApi } from "./officeApi";

/** Cells per read sync: values, text, format and type of a master's cells average ~46 bytes, so ~2.8 MB a block. */
export const READ_CELLS = 60_000;

export interface SheetToRead {
  name: string;
  hidden: boolean;
  sheet: WorksheetApi;
}

interface UsedArea {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

interface Block {
  target: number;
  startRow: number;
  rowCount: number;
  columnCount: number;
  withMerges: boolean;
}

interface SheetCells {
  used: UsedArea | undefined;
  rows: Array<Array<Cell | null>>;
  merges: CellRange[];
}

/** Reads the sheets' cells (in the order given); a sheet with no values reads as an empty RawSheet. */
export async function readSheets(context: ContextApi, sheets: readonly SheetToRead[]): Promise<RawSheet[]> {
  if (sheets.length === 0) return [];
  const usedRanges = sheets.map(({ sheet }) => {
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return used;
  });
  await context.sync();

  const cells: SheetCells[] = usedRanges.map((used) => ({
    used: used.isNullObject ? undefined : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount },
    rows: [],
    merges: [],
  }));
  const batches = packBlocks(cells.flatMap((sheetCells, target) => blocksOf(sheetCells.used, target)));
  const reader = new BlockReader(context, sheets, cells);
  await batches.reduce<Promise<void>>((previous, batch) => previous.then(() => reader.read(batch)), Promise.resolve());

  return sheets.map((sheet, index) => {
    const sheetCells = cells[index];
    // Rows above the used range are empty (and so is every row of a block Excel returned nothing for).
    const rows = Array.from(sheetCells?.rows ?? [], (row) => row ?? []);
    return { name: sheet.name, hidden: sheet.hidden, rows, merges: sheetCells?.merges ?? [] };
  });
}

function blocksOf(used: UsedArea | undefined, target: number): Block[] {
  if (!used) return [];
  const rowsPerBlock = Math.max(1, Math.floor(READ_CELLS / used.columnCount));
  const blocks: Block[] = [];
  for (let start = 0; start < used.rowCount; start += rowsPerBlock) {
    const rowCount = Math.min(rowsPerBlock, used.rowCount - start);
    blocks.push({ target, startRow: used.rowIndex + start, rowCount, columnCount: used.columnCount, withMerges: start === 0 });
  }
  return blocks;
}

/** Blocks of several sheets share a sync while their cells fit READ_CELLS together. */
function packBlocks(blocks: Block[]): Block[][] {
  const batches: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const block of blocks) {
    const cellCount = block.rowCount * block.columnCount;
    if (current.length > 0 && size + cellCount > READ_CELLS) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(block);
    size += cellCount;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

class BlockReader {
  constructor(
    private readonly context: ContextApi,
    private readonly sheets: readonly SheetToRead[],
    private readonly cells: SheetCells[],
  ) {}

  /** Cells a sync may ask for; halved for the rest of the read whenever a response came back too large. */
  private cellLimit = READ_CELLS;

  /** One sync for a batch of blocks; a response too large for the host is read again in halves. */
  async read(blocks: Block[]): Promise<void> {
    const halves = cellsOf(blocks) > this.cellLimit ? halve(blocks) : undefined;
    if (halves) {
      await this.read(halves[0]);
      await this.read(halves[1]);
      return;
    }
    const queued = blocks.map((block) => this.queue(block));
    try {
      await this.context.sync();
    } catch (error) {
      const smaller = officeErrorCode(error) === "ResponsePayloadSizeLimitExceeded" ? halve(blocks) : undefined;
      if (!smaller) throw error;
      this.cellLimit = Math.max(1, Math.floor(cellsOf(blocks) / 2));
      await this.read(smaller[0]);
      await this.read(smaller[1]);
      return;
    }
    queued.forEach(({ block, range, merged }) => this.store(block, range, merged));
  }

  private queue(block: Block): { block: Block; range: RangeApi; merged: RangeAreasApi | undefined } {
    const { sheet } = this.sheets[block.target] as SheetToRead;
    const used = this.cells[block.target]?.used as UsedArea;
    const range = sheet.getRangeByIndexes(block.startRow, used.columnIndex, block.rowCount, used.columnCount);
    range.load(["values", "text", "numberFormat", "valueTypes"]);
    let merged: RangeAreasApi | undefined;
    if (block.withMerges && isApiSupported("1.13")) {
      merged = sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, used.rowCount, used.columnCount).getMergedAreasOrNullObject();
      merged.load("address");
    }
    return { block, range, merged };
  }

  private store(block: Block, range: RangeApi, merged: RangeAreasApi | undefined): void {
    const sheetCells = this.cells[block.target] as SheetCells;
    const used = sheetCells.used as UsedArea;
    const { values, text, numberFormat, valueTypes } = range;
    for (let r = 0; r < block.rowCount; r++) {
      const row: Array<Cell | null> = new Array<Cell | null>(used.columnIndex + used.columnCount).fill(null);
      for (let c = 0; c < used.columnCount; c++) {
        row[used.columnIndex + c] = toCell(values[r]?.[c], text[r]?.[c], numberFormat[r]?.[c], valueTypes[r]?.[c]);
      }
      sheetCells.rows[block.startRow + r] = row;
    }
    if (merged && !merged.isNullObject) for (const area of parseAreas(merged.address)) sheetCells.merges.push(area);
  }
}

function cellsOf(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + block.rowCount * block.columnCount, 0);
}

function halve(blocks: Block[]): [Block[], Block[]] | undefined {
  if (blocks.length > 1) {
    const middle = Math.ceil(blocks.length / 2);
    return [blocks.slice(0, middle), blocks.slice(middle)];
  }
  const [block] = blocks;
  if (!block || block.rowCount < 2) return undefined;
  const first = Math.ceil(block.rowCount / 2);
  return [
    [{ ...block, rowCount: first }],
    [{ ...block, startRow: block.startRow + first, rowCount: block.rowCount - first, withMerges: false }],
  ];
}

/** One live cell as the core sees it. */
export function toCell(value: unknown, text: string | undefined, format: unknown, type: string | undefined): Cell | null {
  const shown = normaliseLineBreaks(text ?? "");
  switch (type) {
    case "Empty":
      return null;
    case "String": {
      const written = normaliseLineBreaks(typeof value === "string" ? value : shown);
      return written === "" ? null : { kind: "text", text: written };
    }
    case "Double":
    case "Integer":
      if (typeof value !== "number") return shown === "" ? null : { kind: "text", text: shown };
      return isDateFormat(format) ? { kind: "date", serial: value, text: shown } : { kind: "number", value, text: shown };
    case "Boolean":
      return { kind: "boolean", value: value === true, text: shown };
    case "Error":
      return { kind: "error", text: typeof value === "string" && value !== "" ? value : shown };
    default:
      return shown === "" ? null : { kind: "text", text: shown };
  }
}

function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
