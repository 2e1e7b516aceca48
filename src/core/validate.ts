import { campaignYear, isInsideCampaign, type CampaignSettings } from "./campaign";
import { serialToIsoDate, type IsoDate } from "./calendarDate";
import type { IssueCode, Severity, ValidationIssue } from "./issues";
import type { LocatedTable, SkippedRow } from "./locateTable";
import type { RosterIndex } from "./roster";
import { identifyUnit, type UnitClues, type UnitSource } from "./unitIdentity";
import { memoByText } from "./memo";
import { parseActivityTime, type DateSpan } from "./parse/activityTime";
import { parseContact } from "./parse/contact";
import { parseHeadCount } from "./parse/headCount";
import { EXCEL_CELL_TEXT_LIMIT } from "./plans/storableText";
import { cellRef, cellText, type Cell } from "./rawSheet";
import type { ColumnKey, HeaderFieldKey, TemplateColumn, TemplateKind } from "./templates/templateSchema";
import { issueMessages as say, weekText } from "../messages/zhCN";

/** One activity as returned, with what validation found in it. `row` is 1-based as Excel shows it. */
export interface CheckedRow {
  row: number;
  cells: Partial<Record<ColumnKey, Cell>>;
  /** The first day the activity names, when 活动时间 could be read (inside the week or not). */
  firstDay: IsoDate | undefined;
  issues: ValidationIssue[];
}

/** A unit's returned table, read and checked. */
export interface Submission {
  kind: TemplateKind;
  /** Who sent it, by identifyUnit: the 单位名称 line, else the title, else the file name; null when none says. */
  unit: string | null;
  unitSource: UnitSource | null;
  /** What the return offers to name its unit, so the merge can resolve it again through its own roster. */
  unitClues: UnitClues;
  fillDate: IsoDate | null;
  sheetName: string;
  /** 0-based sheet columns of the template columns found, so an issue can be put back on its cell. */
  columns: Partial<Record<ColumnKey, number>>;
  /** 0-based cells holding the header fields' values (单位名称, 填表时间), when found. */
  fieldCells: Partial<Record<HeaderFieldKey, { row: number; col: number }>>;
  rows: CheckedRow[];
  /** Rows inside the table that are structure (section headings, examples…), 1-based as Excel shows them. */
  skippedRows: SkippedRow[];
  /** Table-level issues followed by every row's issues, in sheet order. */
  issues: ValidationIssue[];
}

/** Where the return came from, for naming its unit when 单位名称 is empty. */
export interface ReturnOrigin {
  fileName?: string | null | undefined;
  roster?: RosterIndex | undefined;
}

/** Checks a located table against its template and the campaign week. Bad input becomes issues, never a throw. */
export function validateTable(table: LocatedTable, campaign: CampaignSettings, origin: ReturnOrigin = {}): Submission {
  const template = table.template;
  const tableIssues: ValidationIssue[] = [];
  const issue = (severity: Severity, code: IssueCode, column: string | null, message: string) =>
    tableIssues.push({ severity, row: null, column, code, message });

  for (const column of template.columns) {
    if (column.required && table.columns[column.key] === undefined) {
      issue("error", "column-missing", column.header, say.columnMissing(column.header));
    }
  }
  const unitClues: UnitClues = { field: readUnit(table), title: table.title ?? null, fileName: origin.fileName ?? null };
  const identity = identifyUnit(unitClues, origin.roster);
  // Still the unit's to fix: the merge may have guessed right, but the form goes on to others without a name.
  if (!unitClues.field) issue("error", "unit-missing", "单位名称", say.unitMissing(identity));
  const fillDate = checkFillDate(table, campaign, tableIssues);
  if (!table.kindCertain) issue("warning", "kind-ambiguous", null, say.kindAmbiguous());
  if (table.rows.length === 0) issue("error", "no-rows", null, say.noRows());

  const parsers = rowParsers(campaignYear(campaign));
  const rows = table.rows.map((row) => checkRow(table, row.row, row.cells, campaign, parsers));
  return {
    kind: template.kind,
    unit: identity?.name ?? null,
    unitSource: identity?.source ?? null,
    unitClues,
    fillDate,
    sheetName: table.sheetName,
    columns: table.columns,
    fieldCells: Object.fromEntries(
      Object.entries(table.headerFields).map(([key, field]) => [key, { row: field.row, col: field.col }]),
    ),
    rows,
    skippedRows: table.skipped.map((skipped) => ({ ...skipped, row: skipped.row + 1 })),
    issues: [...tableIssues, ...rows.flatMap((row) => row.issues)],
  };
}

/** The unit's name without 盖章 remarks; the notice's own hint text (区知识产权联席会议办公室) is not a name. */
function readUnit(table: LocatedTable): string | null {
  const raw = table.headerFields.unit?.value ?? "";
  const name = raw.replace(/[（(]\s*(盖章|公章|签章)\s*[)）]/g, "").replace(/\s+/g, " ").trim();
  const placeholder = table.template.headerFields.find((field) => field.key === "unit")?.placeholder;
  if (name === "" || name === placeholder || /^[_＿\-—\s]+$/.test(name)) return null;
  return name;
}

function checkFillDate(table: LocatedTable, campaign: CampaignSettings, issues: ValidationIssue[]): IsoDate | null {
  if (!table.template.headerFields.some((field) => field.key === "fillDate")) return null;
  const found = table.headerFields.fillDate;
  const text = found?.value ?? "";
  const warn = (code: IssueCode, message: string) =>
    issues.push({ severity: "warning", row: found ? found.row + 1 : null, column: "填表时间", code, message });
  if (text === "") {
    warn("fill-date-missing", say.fillDateMissing());
    return null;
  }
  const day = found?.cell?.kind === "date" ? serialToIsoDate(found.cell.serial) : singleDay(text, campaign);
  if (!day) warn("fill-date-invalid", say.fillDateInvalid(text));
  return day ?? null;
}

function singleDay(text: string, campaign: CampaignSettings): IsoDate | undefined {
  const parsed = parseActivityTime(text, campaignYear(campaign));
  return parsed.ok && parsed.spans.length === 1 && parsed.spans[0]?.start === parsed.spans[0]?.end
    ? parsed.spans[0]?.start
    : undefined;
}

function checkRow(
  table: LocatedTable,
  row0: number,
  cells: Partial<Record<ColumnKey, Cell>>,
  campaign: CampaignSettings,
  parsers: Parsers,
): CheckedRow {
  const issues: ValidationIssue[] = [];
  let firstDay: IsoDate | undefined;
  for (const column of table.template.columns) {
    const col = table.columns[column.key];
    if (col === undefined) continue; // reported once as column-missing
    const cell = cells[column.key];
    const at = new CellAt(issues, row0, col, column);
    const length = cell?.text.length ?? 0;
    // No workbook cell holds more: the master would have to cut it, so the unit shortens it first.
    if (length > EXCEL_CELL_TEXT_LIMIT) at.report("cell-too-long", say.cellTooLong(at.ref, column.header, length));
    else if (cell?.kind === "error") at.report("formula-error", say.formulaError(at.ref, column.header, cell.text));
    else if (column.rule === "activityTime") firstDay = checkActivityTime(cell, at, campaign, parsers);
    else if (column.rule === "contact") checkContact(cell, at, parsers);
    else if (column.rule === "headCount") checkHeadCount(cell, at, parsers);
    else if (column.required && cellText(cell) === "") at.report("required-missing", say.requiredMissing(at.ref, column.header));
  }
  return { row: row0 + 1, cells, firstDay, issues };
}

/**
 * The cell being checked and where its issues go. A small class rather than closures: this runs for every cell
 * of every row, and the A1-style reference is only built when there is something to report.
 */
class CellAt {
  constructor(
    private readonly issues: ValidationIssue[],
    private readonly row0: number,
    private readonly col: number,
    readonly column: TemplateColumn,
  ) {}

  get ref(): string {
    return cellRef(this.row0, this.col);
  }

  report(code: IssueCode, message: string): void {
    this.issues.push({ severity: "error", row: this.row0 + 1, column: this.column.header, code, message });
  }
}

/**
 * The cell parsers for one table, each remembering its results by text: a unit writes the same 联系人, 活动规模 and
 * often 活动时间 on many rows. Made per table so nothing is kept between files.
 */
interface Parsers {
  activityTime: (text: string) => ReturnType<typeof parseActivityTime>;
  contact: (text: string) => ReturnType<typeof parseContact>;
  headCount: (text: string) => ReturnType<typeof parseHeadCount>;
}

function rowParsers(year: number): Parsers {
  return {
    activityTime: memoByText((text) => parseActivityTime(text, year)),
    contact: memoByText(parseContact),
    headCount: memoByText((text) => parseHeadCount(text)),
  };
}

/** Text that is only an Excel serial, e.g. a date cell pasted as values into a text column. */
const SERIAL_TEXT = /^\d{5}(\.\d+)?$/;

function activitySpans(cell: Cell | undefined, parsers: Parsers) {
  if (cell?.kind === "date" || cell?.kind === "number") {
    // A bare number in this column is an Excel date serial (a date cell whose format was lost).
    const day = serialToIsoDate(cell.kind === "date" ? cell.serial : cell.value);
    return day ? { ok: true as const, spans: [{ start: day, end: day }] } : { ok: false as const, reason: "unrecognised" as const };
  }
  const text = cellText(cell);
  if (SERIAL_TEXT.test(text)) {
    const day = serialToIsoDate(Number(text));
    if (day) return { ok: true as const, spans: [{ start: day, end: day }] };
  }
  return parsers.activityTime(text);
}

function checkActivityTime(cell: Cell | undefined, at: CellAt, campaign: CampaignSettings, parsers: Parsers): IsoDate | undefined {
  const text = cellText(cell);
  const parsed = activitySpans(cell, parsers);
  if (parsed.ok && parsed.spans.every((span) => isInsideCampaign(span.start, campaign) && isInsideCampaign(span.end, campaign))) {
    return earliest(parsed.spans);
  }
  const ref = at.ref;
  if (!parsed.ok) {
    if (parsed.reason === "empty") at.report("date-empty", say.dateEmpty(ref));
    else if (parsed.reason === "no-specific-day") at.report("date-no-day", say.dateNoDay(ref, text));
    else if (parsed.reason === "deadline") at.report("date-deadline", say.dateDeadline(ref, text, parsed.fragment ?? text));
    else if (parsed.reason === "impossible-date") at.report("date-impossible", say.dateImpossible(ref, text, parsed.fragment ?? text));
    else at.report("date-unrecognised", say.dateUnrecognised(ref, text));
    return undefined;
  }
  const firstDay = earliest(parsed.spans);
  const year = campaignYear(campaign);
  if (parsed.spans.some((span) => Number(span.start.slice(0, 4)) !== year || Number(span.end.slice(0, 4)) !== year)) {
    at.report("date-wrong-year", say.dateWrongYear(ref, text, year));
  } else if (!parsed.spans.every((span) => isInsideCampaign(span.start, campaign) && isInsideCampaign(span.end, campaign))) {
    at.report("date-outside-campaign", say.dateOutside(ref, text, weekText(campaign.start, campaign.end)));
  }
  return firstDay;
}

function earliest(spans: DateSpan[]): IsoDate | undefined {
  return spans.reduce<IsoDate | undefined>((min, span) => (min === undefined || span.start < min ? span.start : min), undefined);
}

function checkContact(cell: Cell | undefined, at: CellAt, parsers: Parsers): void {
  const text = cellText(cell);
  const parsed = parsers.contact(text);
  if (parsed.ok) return;
  const ref = at.ref;
  switch (parsed.reason) {
    case "empty":
      return at.report("contact-empty", say.contactEmpty(ref));
    case "no-name":
      return at.report("contact-no-name", say.contactNoName(ref, text));
    case "no-phone":
      return at.report("contact-no-phone", say.contactNoPhone(ref, text));
    case "phone-malformed":
      return at.report("contact-phone-malformed", say.contactPhoneMalformed(ref, text, parsed.fragment ?? text, parsed.defect));
    case "phone-placeholder":
      return at.report("contact-phone-placeholder", say.contactPhonePlaceholder(ref, text));
  }
}

function checkHeadCount(cell: Cell | undefined, at: CellAt, parsers: Parsers): void {
  const input = cell?.kind === "number" ? cell.value : cellText(cell);
  const parsed = typeof input === "number" ? parseHeadCount(input) : parsers.headCount(input);
  if (parsed.ok) return;
  const { ref, column } = at;
  const text = cellText(cell);
  if (parsed.reason === "empty") at.report("head-count-empty", say.headCountEmpty(ref, column.header));
  else if (parsed.reason === "not-positive") at.report("head-count-not-positive", say.headCountNotPositive(ref, column.header, text));
  else at.report("head-count-invalid", say.headCountInvalid(ref, column.header, text));
}
