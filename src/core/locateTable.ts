import { matchHeader, matchHeaderField } from "./headerMatch";
import { viewOf, type SheetView } from "./mergedCells";
import { cellText, type Cell, type RawSheet } from "./rawSheet";
import { normaliseHeader, removeSpaces, toHalfWidth } from "./text";
import { templates } from "./templates/registry";
import type { ColumnKey, HeaderFieldKey, Template, TemplateKind } from "./templates/templateSchema";

/** How far down a sheet the header row may sit: copies of copies gain notice text and blank rows on top. */
const HEADER_SEARCH_ROWS = 40;
/** A header row must name at least this many template columns to count as the activity table. */
const MIN_HEADER_COLUMNS = 3;

/** A header field found above the table: where it stood and what the unit wrote. */
export interface FoundHeaderField {
  value: string;
  /** The cell holding the value (for date cells: the 填表时间 as a real date). */
  cell: Cell | undefined;
  row: number;
  col: number;
}

/**
 * Why a row inside the table is not an activity: a heading that groups the activities under it (一、线下活动), the
 * template's example line, a subtotal line, or the header pasted again. Listed in the report, never checked.
 */
export type SkippedRowReason = "section" | "example" | "subtotal" | "repeated-header";

export interface SkippedRow {
  /** 0-based sheet row. */
  row: number;
  reason: SkippedRowReason;
  /** The row's text as written (its first filled cell), for the report. */
  text: string;
}

/** One data row of the table: 0-based sheet row and the cells of the template's columns. */
export interface TableRow {
  row: number;
  cells: Partial<Record<ColumnKey, Cell>>;
}

/** The activity table of a sheet, located by header text rather than position. All rows/cols are 0-based. */
export interface LocatedTable {
  sheetName: string;
  template: Template;
  /** False when nothing but defaults decided city vs district. */
  kindCertain: boolean;
  title: string | undefined;
  headerRow: number;
  /** The row after the last header row (two-row headers push it down). */
  firstDataRow: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** The header text each column actually had in the returned file. */
  headerTexts: Partial<Record<ColumnKey, string>>;
  headerFields: Partial<Record<HeaderFieldKey, FoundHeaderField>>;
  rows: TableRow[];
  /** Rows between the header and the footer that are structure, not activities. */
  skipped: SkippedRow[];
  /** The row of the footer line that ended the table, if any. */
  footerRow: number | undefined;
}

interface HeaderCandidate {
  row: number;
  columns: Partial<Record<ColumnKey, number>>;
  headerTexts: Partial<Record<ColumnKey, string>>;
  phoneColumns: number[];
  score: number;
}

/**
 * Finds the activity table in a sheet: the header row anywhere in the first rows, columns by their normalised
 * header text, header fields (单位名称, 填表时间) from the lines above, data rows until a footer line.
 * Returns undefined when the sheet holds no recognisable activity table.
 */
export function locateTable(sheet: RawSheet, hint?: TemplateKind): LocatedTable | undefined {
  const view = viewOf(sheet);
  const header = findHeaderRow(view);
  if (!header) return undefined;
  const firstDataRow = extendHeaderDown(view, header);
  const title = findTitle(view, header.row);
  const headerFields = findHeaderFields(view, header.row);
  const { kind, certain } = decideKind(header, title, headerFields, hint);
  const { rows, skipped, footerRow } = collectRows(view, header, firstDataRow);
  return {
    sheetName: sheet.name,
    template: templates[kind],
    kindCertain: certain,
    title,
    headerRow: header.row,
    firstDataRow,
    columns: header.columns,
    headerTexts: header.headerTexts,
    headerFields,
    rows,
    skipped,
    footerRow,
  };
}

function findHeaderRow(view: SheetView): HeaderCandidate | undefined {
  let best: HeaderCandidate | undefined;
  const lastRow = Math.min(view.rowCount, HEADER_SEARCH_ROWS);
  for (let row = 0; row < lastRow; row++) {
    const candidate = readHeaderCandidate(view, row);
    if (candidate.score >= MIN_HEADER_COLUMNS && (!best || candidate.score > best.score)) best = candidate;
  }
  return best;
}

function readHeaderCandidate(view: SheetView, row: number): HeaderCandidate {
  const candidate: HeaderCandidate = { row, columns: {}, headerTexts: {}, phoneColumns: [], score: 0 };
  const width = view.sheet.rows[row]?.length ?? 0;
  for (let col = 0; col < width; col++) addHeaderCell(candidate, col, cellText(view.sheet.rows[row]?.[col]));
  // A lone 联系方式/联系电话 column is where this unit wrote its contact: name and number together.
  const phoneAsContact = candidate.columns.contact === undefined ? candidate.phoneColumns.shift() : undefined;
  if (phoneAsContact !== undefined) {
    candidate.columns.contact = phoneAsContact;
    candidate.headerTexts.contact = cellText(view.sheet.rows[row]?.[phoneAsContact]);
    candidate.score++;
  }
  return candidate;
}

/** Records what one header cell names; the first column to claim a key keeps it. */
function addHeaderCell(candidate: HeaderCandidate, col: number, text: string): void {
  if (text === "") return;
  const match = matchHeader(text);
  if (!match) return;
  if (match.kind === "phone") {
    candidate.phoneColumns.push(col);
    return;
  }
  if (candidate.columns[match.key] !== undefined) {
    // 联系人 followed by 联系方式: the second is the phone column.
    if (match.key === "contact") candidate.phoneColumns.push(col);
    return;
  }
  candidate.columns[match.key] = col;
  candidate.headerTexts[match.key] = text;
  candidate.score++;
}

/**
 * Two-row headers: a group cell such as 联系人 merged over 姓名 | 电话, or columns whose header text sits one row
 * lower. When the next row names columns the header row lacks and holds nothing else, it is part of the header.
 */
function extendHeaderDown(view: SheetView, header: HeaderCandidate): number {
  const next = header.row + 1;
  const texts = (view.sheet.rows[next] ?? []).map(cellText);
  const filled = texts.filter((text) => text !== "");
  const isHeaderText = (text: string) => matchHeader(text) !== undefined || /^(姓名|名字)$/.test(removeSpaces(text));
  const addsColumn = filled.some((text) => {
    const match = matchHeader(text);
    return match?.kind === "phone" || (match?.kind === "column" && header.columns[match.key] === undefined);
  });
  if (!addsColumn || !filled.every(isHeaderText)) return next;
  texts.forEach((text, col) => addHeaderCell(header, col, text));
  return next + 1;
}

function findTitle(view: SheetView, headerRow: number): string | undefined {
  for (let row = 0; row < headerRow; row++) {
    for (const cell of view.sheet.rows[row] ?? []) {
      const text = cellText(cell);
      if (/安排表|活动表|一览表|汇总表|计划表|重点活动/.test(text) && !matchHeaderField(text)) return text;
    }
  }
  return undefined;
}

function findHeaderFields(view: SheetView, headerRow: number): Partial<Record<HeaderFieldKey, FoundHeaderField>> {
  const fields: Partial<Record<HeaderFieldKey, FoundHeaderField>> = {};
  for (let row = 0; row < headerRow; row++) {
    const cells = view.sheet.rows[row] ?? [];
    for (let col = 0; col < cells.length; col++) {
      const found = matchHeaderField(cellText(cells[col]));
      if (!found || fields[found.key]?.value) continue;
      fields[found.key] = found.value !== ""
        ? { value: found.value, cell: cells[col] ?? undefined, row, col }
        : valueBeside(view, row, col, headerRow) ?? fields[found.key] ?? { value: "", cell: undefined, row, col };
    }
  }
  return fields;
}

/** The value of a bare label: the next filled cell to its right, else the line under it (above the header). */
function valueBeside(view: SheetView, row: number, col: number, headerRow: number): FoundHeaderField | undefined {
  const cells = view.sheet.rows[row] ?? [];
  for (let c = col + view.mergeWidth(row, col); c < cells.length; c++) {
    const text = cellText(cells[c]);
    if (text === "") continue;
    if (matchHeaderField(text)) break;
    return { value: text, cell: cells[c] ?? undefined, row, col: c };
  }
  const below = row + 1;
  if (below < headerRow) {
    const cell = view.sheet.rows[below]?.[col];
    const text = cellText(cell);
    if (text !== "" && !matchHeaderField(text) && !isNoteText(text)) return { value: text, cell: cell ?? undefined, row: below, col };
  }
  return undefined;
}

/** A guidance line (填表说明：…) or any long sentence is never a header field's value. */
function isNoteText(text: string): boolean {
  return text.length > 40 || FOOTER_START.test(removeSpaces(text));
}

function decideKind(
  header: HeaderCandidate,
  title: string | undefined,
  fields: Partial<Record<HeaderFieldKey, FoundHeaderField>>,
  hint: TemplateKind | undefined,
): { kind: TemplateKind; certain: boolean } {
  if (hint) return { kind: hint, certain: true };
  const titleText = title ?? "";
  if (templates.district.titleMarkers.some((marker) => titleText.includes(marker))) return { kind: "district", certain: true };
  if (templates.city.titleMarkers.some((marker) => titleText.includes(marker))) return { kind: "city", certain: true };
  let district = 0;
  let city = 0;
  if (header.columns.content !== undefined) district++;
  if (header.columns.audience !== undefined) district++;
  if (fields.fillDate) district++;
  if (header.columns.coOrganiser !== undefined) city++;
  const scaleHeader = normaliseHeader(header.headerTexts.scale ?? "");
  if (scaleHeader.includes("参与")) district++;
  else if (scaleHeader.includes("人数")) city++;
  if (district === city) return { kind: "city", certain: false };
  return { kind: district > city ? "district" : "city", certain: true };
}

function collectRows(
  view: SheetView,
  header: HeaderCandidate,
  firstDataRow: number,
): { rows: TableRow[]; skipped: SkippedRow[]; footerRow: number | undefined } {
  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  const entries = Object.entries(header.columns) as Array<[ColumnKey, number]>;
  const structureOf = structureTest(header);
  const width = Math.max(view.sheet.rows[header.row]?.length ?? 0, ...entries.map(([, col]) => col + 1));
  for (let row = firstDataRow; row < view.rowCount; row++) {
    if (isFooterLine(view, row)) return { rows, skipped, footerRow: row };
    const cells: Partial<Record<ColumnKey, Cell>> = {};
    let filled = false;
    for (const [key, col] of entries) {
      const cell = view.cell(row, col);
      if (cell && cellText(cell) !== "") {
        cells[key] = cell;
        filled = true;
      }
    }
    const phone = header.phoneColumns.length > 0 ? phoneText(view, row, header.phoneColumns) : "";
    if (phone) {
      cells.contact = joinPhone(cells.contact, phone);
      filled = true;
    }
    if (!filled) continue;
    const heading = sectionHeading(view, row, width);
    const structure = heading !== undefined ? { reason: "section" as const, text: heading } : structureOf(cells);
    if (structure) skipped.push({ row, ...structure });
    else rows.push({ row, cells });
  }
  return { rows, skipped, footerRow: undefined };
}

function phoneText(view: SheetView, row: number, phoneColumns: number[]): string {
  return phoneColumns.map((col) => cellText(view.cell(row, col))).filter((text) => text !== "").join(" ");
}

function joinPhone(contact: Cell | undefined, phone: string): Cell {
  const text = [cellText(contact), phone].filter((part) => part !== "").join(" ");
  return { kind: "text", text };
}

const EXAMPLE_LINE = /^\s*(示例|例[:：]|填写示例|填表示例|样例)/;
const SUBTOTAL_LINE = /^\s*(合计|总计|小计)/;

/**
 * Example lines, subtotal lines and repeated header rows (a table pasted twice) are not activities. A pasted-again
 * header repeats the header's own text, so plain string comparison finds it without re-matching every cell.
 */
function structureTest(header: HeaderCandidate): (cells: Partial<Record<ColumnKey, Cell>>) => Omit<SkippedRow, "row"> | undefined {
  const headerTexts = Object.entries(header.headerTexts) as Array<[ColumnKey, string]>;
  return (cells) => {
    let first: string | undefined;
    for (const key in cells) {
      const cell = cells[key as ColumnKey];
      if (cell !== undefined) {
        first = cell.text;
        break;
      }
    }
    if (first === undefined) return undefined;
    if (EXAMPLE_LINE.test(first)) return { reason: "example", text: first };
    if (SUBTOTAL_LINE.test(first)) return { reason: "subtotal", text: first };
    let repeated = 0;
    for (const [key, text] of headerTexts) if (cells[key]?.text.trim() === text) repeated++;
    return repeated >= MIN_HEADER_COLUMNS ? { reason: "repeated-header", text: first } : undefined;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Section headings: units group their activities under headings inside the table.

/** 一、 （一） 第一部分 Ⅰ、 — outline numbers that only headings take. */
const HEADING_NUMBER =
  /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十\d]+(?:部分|类|章|节|篇|板块|阶段|批|组)|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.]?)/;
/** 1、 A. — numbers activities take too: a heading only when a group's name follows. */
const LIST_NUMBER = /^(?:\d{1,2}[、.]|[A-H][、.]|\(\d{1,2}\))/;
/** A number standing alone in its own cell (a 序号 column): 一 （一） 1 Ⅰ. */
const LONE_NUMBER = /^(?:[一二三四五六七八九十]+[、.]?|\([一二三四五六七八九十\d]+\)|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.]?|\d{1,2}[、.]?)$/;
/** A group's name ending in a colon: 线上活动：, 主题宣传： */
const HEADING_LABEL = /^[\u4e00-\u9fa5()、]{2,20}:$/;
/**
 * A group's name without number or colon. Only words that name kinds of activity: a row holding just an activity's
 * own name (知识产权进校园活动) is an activity with its other cells missing, and must be reported, not skipped.
 */
const GROUP_NAME =
  /^(?:线上|线下|网上|网络|现场|户外|主题|重点|系列|专题|专项|其他|其它|常规|特色|集中|日常|配套|市级|区级|街镇|社区|媒体|新媒体)(?:宣传)?(?:活动|宣传)类?$/;
/** Longer than this, a numbered line is an activity's name typed alone, not a heading. */
const HEADING_MAX_LENGTH = 40;

/**
 * The heading text when a row is a section heading: one text across the row (in its first cell, or one cell merged
 * across), or a lone number in a 序号 cell followed by the heading, with the rest of the row empty.
 */
function sectionHeading(view: SheetView, row: number, width: number): string | undefined {
  const texts: string[] = [];
  for (let col = 0; col < width; col++) {
    const text = cellText(view.cell(row, col)).trim();
    // A merged heading reads the same in every cell it covers.
    if (text !== "" && texts[texts.length - 1] !== text) texts.push(text);
    if (texts.length > 2) return undefined;
  }
  const [first, second] = texts;
  if (first === undefined) return undefined;
  if (second === undefined) return isHeadingText(first) ? first : undefined;
  const number = removeSpaces(toHalfWidth(first));
  return LONE_NUMBER.test(number) && (isHeadingText(second) || isGroupName(second)) ? `${first} ${second}` : undefined;
}

function isHeadingText(text: string): boolean {
  const compact = removeSpaces(toHalfWidth(text));
  if (compact.length > HEADING_MAX_LENGTH) return false;
  if (HEADING_NUMBER.test(compact) || HEADING_LABEL.test(compact) || GROUP_NAME.test(compact)) return true;
  const listed = LIST_NUMBER.exec(compact);
  return listed !== null && isGroupLabel(compact.slice(listed[0].length));
}

function isGroupName(text: string): boolean {
  return isGroupLabel(removeSpaces(toHalfWidth(text)));
}

function isGroupLabel(compact: string): boolean {
  return GROUP_NAME.test(compact.replace(/:$/, "")) || HEADING_LABEL.test(compact);
}

const FOOTER_START =
  /^(注|备注|说明|填表说明|填报说明|填表人|填报人|审核人|审核|核稿|制表人|制表|联系电话|联系人|负责人|单位负责人|分管领导|签发人|签发|盖章|单位盖章|\(盖章\)|报送时间)/;

/**
 * A footer line (填表人：…, 注：…) ends the table. It is a line of its own: a few cells, or one cell merged across
 * the table, whose text starts with a footer word followed by a colon or, for 注/说明, a list marker.
 */
function isFooterLine(view: SheetView, row: number): boolean {
  const cells = view.sheet.rows[row];
  if (!cells) return false;
  let firstCol = -1;
  let filled = 0;
  cells.forEach((cell, col) => {
    if (cellText(cell) === "") return;
    filled++;
    if (firstCol < 0) firstCol = col;
  });
  if (firstCol < 0) return false;
  const text = toHalfWidth(removeSpaces(cellText(cells[firstCol])));
  const match = FOOTER_START.exec(text);
  if (!match) return false;
  const after = text.slice(match[0].length);
  const looksLikeLabel = after === "" || /^[:：]/.test(after) || (/^(注|备注|说明)$/.test(match[0]) && /^[0-9一二三四五六七八九十、.(（]/.test(after));
  if (!looksLikeLabel) return false;
  return filled <= 4 || view.mergeWidth(row, firstCol) > 1;
}
