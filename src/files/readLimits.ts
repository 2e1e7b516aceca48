// Kept apart from the reader so that code needing only the limits (the CLI's worker pool, the task pane's file
// picker) does not load the spreadsheet library to learn them.

/** Ceilings that keep one hostile or absurd file from exhausting memory or time. */
export interface ReadLimits {
  /** Size of the file itself. */
  maxFileBytes: number;
  /** Sum of the uncompressed sizes a zip-based file (xlsx, ods) declares for its entries. */
  maxUnpackedBytes: number;
  /** Non-empty cells over all sheets. */
  maxCells: number;
  /** Cells covered by merged ranges over all sheets (each range counted by its area). */
  maxMergedCells: number;
  /** Activity rows in one returned table; a return with more is refused, not merged. */
  maxReturnRows: number;
}

/**
 * A returned schedule is 10-100 KB; with pasted photos (WPS embeds them happily) a few MB. 20 MB is what Chinese
 * government mail systems typically let through as one attachment. Sheet XML compresses about 10:1, so 20 MB
 * holds at most ~200 MB of honest XML, while a zip bomb declares 1000:1. Two million cells (a 50,000-row extra
 * sheet of 40 columns) cost ~200 MB as RawSheet cells, the most a task pane can afford. A returned table merges a
 * title row and a few tall 主办单位 cells, hundreds of cells; every covered cell costs the checker a map entry, so
 * 200,000 is generous, while a 4 KB file of 20,000 overlapping merges (two billion covered cells) is refused at once.
 * A unit returns tens of activities; 100,000 is far beyond any real week and what a master built on an office PC
 * can take from one file (README, Limits).
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxCells: 2_000_000,
  maxMergedCells: 200_000,
  maxReturnRows: 100_000,
};
