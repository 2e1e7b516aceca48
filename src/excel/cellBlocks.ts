/**
 * Cells grouped into rectangles of one key (a style name, a number format), so that formatting a sheet takes a
 * call per rectangle instead of one per cell: the master's 20,000 body rows share a handful of column styles and
 * become a handful of rectangles.
 */
import type { CellRange } from "../core/rawSheet";

export interface KeyedRange<K> {
  key: K;
  range: CellRange;
}

/**
 * Rectangles covering every cell that has a key, each of one key. Each column is cut into runs of equal keys;
 * runs of the same rows and key in neighbouring columns are joined side by side. Cells without a key (undefined)
 * are left out.
 */
export function rectanglesByKey<K extends string>(
  rowCount: number,
  columnCount: number,
  keyOf: (row: number, col: number) => K | undefined,
  firstRow = 0,
): KeyedRange<K>[] {
  const rectangles: KeyedRange<K>[] = [];
  // Rectangles that reach the previous column, by their rows and key: the next column's equal run extends them.
  let open = new Map<string, KeyedRange<K>>();
  for (let col = 0; col < columnCount; col++) {
    const next = new Map<string, KeyedRange<K>>();
    for (const run of columnRuns(rowCount, col, keyOf, firstRow)) {
      const id = `${run.startRow}:${run.endRow}:${run.key}`;
      const extended = open.get(id);
      if (extended) {
        extended.range.endCol = col;
        next.set(id, extended);
      } else {
        const rectangle = { key: run.key, range: { startRow: run.startRow, startCol: col, endRow: run.endRow, endCol: col } };
        rectangles.push(rectangle);
        next.set(id, rectangle);
      }
    }
    open = next;
  }
  return rectangles;
}

function columnRuns<K>(
  rowCount: number,
  col: number,
  keyOf: (row: number, col: number) => K | undefined,
  firstRow: number,
): Array<{ key: K; startRow: number; endRow: number }> {
  const runs: Array<{ key: K; startRow: number; endRow: number }> = [];
  let current: { key: K; startRow: number; endRow: number } | undefined;
  for (let row = firstRow; row < firstRow + rowCount; row++) {
    const key = keyOf(row, col);
    if (key !== undefined && current && current.key === key && current.endRow === row - 1) {
      current.endRow = row;
      continue;
    }
    if (key === undefined) {
      current = undefined;
      continue;
    }
    current = { key, startRow: row, endRow: row };
    runs.push(current);
  }
  return runs;
}
