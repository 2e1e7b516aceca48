import type { Cell, RawSheet } from "./rawSheet";

/**
 * A view of a sheet in which every cell of a merged range reads as its top-left cell. Units merge the 主办单位
 * of several activities into one tall cell, and the notices merge the title across the table; both read
 * naturally through this view.
 */
/** Excel's column limit (XFD); cells are keyed by row * MAX_COLUMNS + col. */
const MAX_COLUMNS = 16384;

export interface SheetView {
  readonly sheet: RawSheet;
  readonly rowCount: number;
  cell(row: number, col: number): Cell | undefined;
  /** The merged range's width in columns when (row, col) is its top-left cell, else 1. */
  mergeWidth(row: number, col: number): number;
}

export function viewOf(sheet: RawSheet): SheetView {
  const anchors = new Map<number, number>(); // covered cell key -> anchor key
  const widths = new Map<number, number>();
  const key = (row: number, col: number) => row * MAX_COLUMNS + col;
  for (const merge of sheet.merges) {
    const anchor = key(merge.startRow, merge.startCol);
    widths.set(anchor, merge.endCol - merge.startCol + 1);
    // Guard against absurd merges (a whole column merged) blowing up the map: the table never needs them.
    const area = (merge.endRow - merge.startRow + 1) * (merge.endCol - merge.startCol + 1);
    if (area > 100_000) continue;
    for (let r = merge.startRow; r <= merge.endRow; r++) {
      for (let c = merge.startCol; c <= merge.endCol; c++) {
        if (r !== merge.startRow || c !== merge.startCol) anchors.set(key(r, c), anchor);
      }
    }
  }
  return {
    sheet,
    rowCount: sheet.rows.length,
    cell(row, col) {
      const own = sheet.rows[row]?.[col];
      if (own || anchors.size === 0) return own ?? undefined;
      const anchor = anchors.get(key(row, col));
      if (anchor === undefined) return undefined;
      return sheet.rows[Math.floor(anchor / MAX_COLUMNS)]?.[anchor % MAX_COLUMNS] ?? undefined;
    },
    mergeWidth(row, col) {
      return widths.get(key(row, col)) ?? 1;
    },
  };
}
