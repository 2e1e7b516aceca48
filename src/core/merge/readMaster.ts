import { serialToIsoDate, parseIsoDate, toIsoDate, type IsoDate } from "../calendarDate";
import { cellText, type Cell, type RawSheet } from "../rawSheet";
import { normalisedFirstChar, normaliseHeader } from "../text";
import { emptyValues, MASTER_ACTIVITY_COLUMNS, MASTER_HEADERS, submissionKey, type MasterRow } from "./masterRow";
import { masterText, mergeMessages } from "../../messages/zhCN";
import { allTemplates } from "../templates/registry";
import { rosterFromRows, type Roster } from "../roster";

/** How far down the clerk may have pushed the header (a title typed above it). */
const HEADER_SEARCH_ROWS = 10;

/**
 * Reads the 活动汇总 sheet of an existing master back into rows, by header text (the clerk may reorder or add
 * columns). Rows without 汇总标识 were typed by hand and come back with key null, so the merge keeps them.
 * When the whole 汇总标识 column is gone, a row's key is rebuilt from its provenance (see {@link provenanceKey}):
 * taking every row for typed by hand would keep all of them next to their units' new rows, doubling the master.
 */
export function readMasterRows(sheet: RawSheet): MasterRow[] {
  const header = findHeader(sheet);
  if (!header) return [];
  const rows: MasterRow[] = [];
  // The merge sorts by day, then unit, then order: within each (day, unit), the last order seen.
  const lastOrder = new Map<string, number>();
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    if (!cells.some((cell) => cellText(cell) !== "")) continue;
    const row = rowFrom(cells, header, r);
    const group = `${row.firstDay ?? ""}|${row.unit}`;
    // A row typed by hand has no 来源行: it sorts just after the row above it among its day and unit (first, when
    // none is above), so writing the master back and merging again leaves it where the clerk put it.
    if (row.key === null) row.order = (lastOrder.get(group) ?? 0) + HAND_ROW_STEP;
    lastOrder.set(group, row.order);
    rows.push(row);
  }
  return rows;
}

/** Less than the step between two merged rows' 来源行, for up to a thousand hand-typed rows in a row. */
const HAND_ROW_STEP = 0.001;

type Columns = Map<string, number>;

/** Every header Huizong writes, normalised: any other header is a column the clerk added. */
const KNOWN_HEADERS = new Set(
  [...Object.values(MASTER_HEADERS), ...MASTER_ACTIVITY_COLUMNS.map((column) => column.header)].map(normaliseHeader),
);

interface MasterHeader {
  row: number;
  columns: Columns;
  /** Columns the clerk added: header text as written, and where. */
  extras: Array<[string, number]>;
}

/** What a sheet is, read as a master: Huizong's, Huizong's with its 汇总标识 column deleted, or something else. */
export type MasterSheetKind = "master" | "master-without-key" | "not-a-master";

export function masterSheetKind(sheet: RawSheet): MasterSheetKind {
  const header = findHeader(sheet);
  if (!header) return "not-a-master";
  return hasKeyColumn(header) ? "master" : "master-without-key";
}

function hasKeyColumn(header: MasterHeader): boolean {
  return header.columns.has(normaliseHeader(MASTER_HEADERS.key));
}

/** The first characters of 报送单位 and 来源文件, the two headers that make a master's header row. */
const UNIT_FIRST = normalisedFirstChar(MASTER_HEADERS.unit);
const SOURCE_FILE_FIRST = normalisedFirstChar(MASTER_HEADERS.sourceFile);

/**
 * Whether a row may hold both 报送单位 and 来源文件: a cell may normalise to one only if it starts with its first
 * character (or with one normalising might change). Every return is asked whether it is a master: this spares
 * normalising each cell of its first rows.
 */
function mayBeHeaderRow(cells: ReadonlyArray<Cell | null | undefined>): boolean {
  let unit = false;
  let sourceFile = false;
  for (const cell of cells) {
    const first = normalisedFirstChar(cellText(cell ?? undefined));
    if (first === undefined || first === UNIT_FIRST) unit = true;
    if (first === undefined || first === SOURCE_FILE_FIRST) sourceFile = true;
    if (unit && sourceFile) return true;
  }
  return false;
}

function findHeader(sheet: RawSheet): MasterHeader | undefined {
  for (let row = 0; row < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); row++) {
    if (!mayBeHeaderRow(sheet.rows[row] ?? [])) continue;
    const columns: Columns = new Map();
    const extras: Array<[string, number]> = [];
    (sheet.rows[row] ?? []).forEach((cell, col) => {
      const text = normaliseHeader(cellText(cell));
      if (text === "" || columns.has(text)) return;
      columns.set(text, col);
      if (!KNOWN_HEADERS.has(text)) extras.push([cellText(cell), col]);
    });
    if (columns.has(normaliseHeader(MASTER_HEADERS.unit)) && columns.has(normaliseHeader(MASTER_HEADERS.sourceFile))) {
      return { row, columns, extras };
    }
  }
  return undefined;
}

function rowFrom(cells: ReadonlyArray<Cell | null | undefined>, header: MasterHeader, row0: number): MasterRow {
  const { columns, extras } = header;
  const cellOf = (header: string) => {
    const col = columns.get(normaliseHeader(header));
    return col === undefined ? undefined : (cells[col] ?? undefined);
  };
  const text = (header: string) => cellText(cellOf(header));
  const values = emptyValues();
  for (const column of MASTER_ACTIVITY_COLUMNS) values[column.key] = text(column.header);
  const level = text(MASTER_HEADERS.level);
  const sourceRow = Number(text(MASTER_HEADERS.sourceRow));
  const provenance = {
    unit: text(MASTER_HEADERS.unit),
    level: level === "市级" || level === "区级" ? level : "",
    sourceFile: text(MASTER_HEADERS.sourceFile),
    sourceRow: columns.has(normaliseHeader(MASTER_HEADERS.sourceRow)) ? sourceRow : undefined,
  } as const;
  const key = hasKeyColumn(header) ? text(MASTER_HEADERS.key) : provenanceKey(provenance);
  return {
    unit: provenance.unit,
    level: provenance.level,
    firstDay: dayOf(cellOf(MASTER_HEADERS.firstDay)),
    values,
    problems: text(MASTER_HEADERS.problems),
    sourceFile: provenance.sourceFile,
    key: key === "" ? null : key,
    // Rows typed by hand get their place from readMasterRows.
    order: key !== "" && Number.isInteger(sourceRow) && sourceRow > 0 ? sourceRow : row0 + 1,
    ...(extras.length > 0 ? { extras: Object.fromEntries(extras.map(([name, col]) => [name, cellText(cells[col])])) } : {}),
  };
}

/**
 * The 汇总标识 a merge gave a row, rebuilt from what the row still says about where it came from: a merged row
 * always has 报送单位, 层级 (市级/区级, hence its template) and 来源文件, and a 来源行 when that column is there; a
 * row typed by hand rarely has them all. "" (typed by hand) when any is missing.
 */
function provenanceKey(row: { unit: string; level: string; sourceFile: string; sourceRow: number | undefined }): string {
  const kind = allTemplates.find((template) => template.level === row.level)?.kind;
  if (!kind || row.unit === "" || row.sourceFile === "") return "";
  if (row.sourceRow !== undefined && !(Number.isInteger(row.sourceRow) && row.sourceRow > 0)) return "";
  // A return without 单位名称 was keyed on its file name, and its 报送单位 says so.
  if (row.unit === mergeMessages.unitFromFile(row.sourceFile)) return submissionKey(kind, { fileName: row.sourceFile });
  return submissionKey(kind, { unit: row.unit });
}

/** 活动日期 as written by Huizong (a date cell) or typed by the clerk (2024-04-22, 2024/4/22). */
function dayOf(cell: Cell | undefined): IsoDate | null {
  if (!cell) return null;
  if (cell.kind === "date" || cell.kind === "number") return serialToIsoDate(cell.kind === "date" ? cell.serial : cell.value) ?? null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cellText(cell));
  if (!match) return null;
  const ymd = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return parseIsoDate(toIsoDate(ymd)) ? toIsoDate(ymd) : null;
}

/** Whether a sheet is a Huizong master (so it is never mistaken for a unit's return). */
export function isMasterSheet(sheet: RawSheet): boolean {
  return masterSheetKind(sheet) !== "not-a-master";
}

/**
 * The roster a previous merge stored in 报送情况 (unit, status, …, aliases), so `merge` without `--roster` keeps
 * tracking the same units. Units listed as not on the roster are not part of it.
 */
export function readStatusRoster(sheet: RawSheet): Roster {
  const [unitHeader, statusHeader] = masterText.statusHeaders;
  const aliasHeader = masterText.statusHeaders[masterText.statusHeaders.length - 1];
  const headerRow = statusHeaderRow(sheet);
  if (headerRow === undefined) return [];
  const header = sheet.rows[headerRow]?.map((cell) => cellText(cell)) ?? [];
  const unitCol = header.indexOf(unitHeader);
  const statusCol = header.indexOf(statusHeader);
  const aliasCol = header.indexOf(aliasHeader ?? "");
  const rows = sheet.rows
    .slice(headerRow + 1)
    .filter((cells) => cellText(cells[statusCol]) !== masterText.statusLabel["not-on-roster"])
    .map((cells) => [cellText(cells[unitCol]), ...(aliasCol >= 0 ? cellText(cells[aliasCol]).split("，") : [])]);
  return rosterFromRows(rows);
}

/**
 * The header row of 报送情况 (单位, 报送情况, …): the first row since a merge puts the time of the merge and the
 * counts above it; the first row in masters merged before that.
 */
export function statusHeaderRow(sheet: RawSheet): number | undefined {
  const [unitHeader, statusHeader] = masterText.statusHeaders;
  for (let row = 0; row < Math.min(sheet.rows.length, 10); row++) {
    const texts = (sheet.rows[row] ?? []).map((cell) => cellText(cell));
    if (texts.includes(unitHeader) && texts.includes(statusHeader)) return row;
  }
  return undefined;
}
