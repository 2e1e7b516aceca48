import { addDays, chineseMonthDay, ymdOf, type IsoDate } from "../calendarDate";
import { campaignYear, type CampaignSettings } from "../campaign";
import { metadataRows, METADATA_SHEET_NAME } from "../templateMetadata";
import { cellRef, type CellRange } from "../rawSheet";
import { templateTitle, type ColumnRule, type HeaderField, type Template, type TemplateColumn } from "../templates/templateSchema";
import { templateText, weekText } from "../../messages/zhCN";
import { hiddenKeyValueSheetPlan, type DataValidationPlan, type PlannedCell, type SheetPlan, type StyleName, type ValidationRule, type WorkbookPlan } from "./sheetPlan";

/** Empty activity rows in a fresh template; units add more inside the table and validation follows them. */
export const TEMPLATE_BODY_ROWS = 20;

export interface TemplateOptions {
  campaign: CampaignSettings;
  /** Pre-fills 单位名称 when the clerk sends a template to one unit. */
  unit?: string | undefined;
  bodyRows?: number;
}

/** Where things sit in a written template (0-based rows), so writers and tests need not recount. */
export interface TemplateLayout {
  /** 附件1 / 附件2, alone at the top left. */
  labelRow: number;
  titleRow: number;
  fieldRows: Record<string, number>;
  noteRow: number;
  headerRow: number;
  firstBodyRow: number;
  lastBodyRow: number;
}

export function templateLayout(template: Template, bodyRows = TEMPLATE_BODY_ROWS): TemplateLayout {
  const titleRow = 1;
  const fieldRows = Object.fromEntries(template.headerFields.map((field, i) => [field.key, titleRow + 1 + i]));
  const noteRow = titleRow + 1 + template.headerFields.length;
  const headerRow = noteRow + 1;
  return { labelRow: 0, titleRow, fieldRows, noteRow, headerRow, firstBodyRow: headerRow + 1, lastBodyRow: headerRow + bodyRows };
}

/** The style of a body cell by how the column is checked: dates and numbers typed stay real, text stays text. */
const bodyStyleOf: Record<ColumnRule, StyleName> = {
  text: "bodyText",
  contact: "bodyText",
  activityTime: "bodyDate",
  headCount: "body",
};

/** The cells a header field's value is written in: a box from column B over up to three columns. */
function fieldInputColumns(template: Template): { first: number; last: number } {
  return { first: 1, last: Math.min(template.columns.length - 1, 3) };
}

/**
 * 附件1 or 附件2 as a workbook ready to send: the 附件 label and the notice's title, the 单位名称 (and 填表时间) lines, a guidance
 * note, the header row and empty rows as an Excel table, input prompts and data validation for a unit contact
 * who has no add-in, print setup, and the hidden metadata that tells the reader which template and week it is.
 */
export function templateWorkbookPlan(template: Template, options: TemplateOptions): WorkbookPlan {
  const title = templateTitle(template, campaignYear(options.campaign));
  return {
    sheets: [templateSheetPlan(template, options), metadataSheetPlan(template, options)],
    properties: { title, subject: templateText.subject(template.attachment), creator: templateText.creator },
  };
}

export function templateSheetPlan(template: Template, options: TemplateOptions): SheetPlan {
  const layout = templateLayout(template, options.bodyRows);
  const width = template.columns.length;
  const lastCol = width - 1;
  const rows: PlannedCell[][] = [];
  const fullWidth = (row: number) => ({ startRow: row, startCol: 0, endRow: row, endCol: lastCol });

  const input = fieldInputColumns(template);

  rows[layout.labelRow] = [{ value: template.attachment, style: "attachmentLabel" }];
  rows[layout.titleRow] = [{ value: templateTitle(template, campaignYear(options.campaign)), style: "title" }];
  for (const field of template.headerFields) {
    const row = layout.fieldRows[field.key] ?? 0;
    const value = field.key === "unit" ? (options.unit ?? "") : "";
    const style: StyleName = field.key === "fillDate" ? "fieldDate" : "fieldInput";
    // Every cell of the merged box carries the style: Office.js draws a merged area's right edge from its last cell.
    const box: PlannedCell[] = [];
    for (let col = input.first; col <= input.last; col++) box.push({ value: col === input.first ? value : null, style });
    rows[row] = [{ value: `${field.label}：`, style: "fieldLabel" }, ...box];
  }
  rows[layout.noteRow] = [{ value: guidanceNote(template, options.campaign), style: "note" }];
  rows[layout.headerRow] = template.columns.map((column) => ({ value: column.header, style: "header" as const }));
  for (let row = layout.firstBodyRow; row <= layout.lastBodyRow; row++) {
    rows[row] = template.columns.map((column) => ({ value: null, style: bodyStyleOf[column.rule] }));
  }

  return {
    name: templateText.sheetName(template),
    visibility: "visible",
    rows,
    merges: [
      fullWidth(layout.titleRow),
      ...Object.values(layout.fieldRows).map((row) => ({ startRow: row, startCol: input.first, endRow: row, endCol: input.last })),
      fullWidth(layout.noteRow),
    ],
    columnWidths: template.columns.map((column) => column.width),
    rowHeights: {
      [layout.labelRow]: 24,
      [layout.titleRow]: 36,
      ...Object.fromEntries(Object.values(layout.fieldRows).map((row) => [row, 22])),
      [layout.noteRow]: 48,
      [layout.headerRow]: 32,
    },
    table: {
      name: templateTableName(template),
      range: { startRow: layout.headerRow, startCol: 0, endRow: layout.lastBodyRow, endCol: lastCol },
      style: "TableStyleLight9",
    },
    dataValidations: templateValidations(template, options, layout),
    conditionalFormats: [],
    freeze: { rows: layout.headerRow + 1, columns: 0 },
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: layout.headerRow, last: layout.headerRow } },
  };
}

/**
 * The table's name as Excel shows it in Name Manager, the table design tab and formulas: 附件1活动表. Excel accepts
 * Chinese letters in a name; it must start with a letter and hold no spaces.
 */
export function templateTableName(template: Template): string {
  return `${template.attachment}活动表`;
}

/** Example 活动时间 spellings inside the campaign's own week, so the guidance never shows a date that fails. */
export function dateExamples(campaign: CampaignSettings): string {
  const day = addDays(campaign.start, 2) <= campaign.end ? addDays(campaign.start, 2) : campaign.start;
  const { year, month, day: dayOfMonth } = ymdOf(day);
  const sameMonth = ymdOf(campaign.start).month === month;
  const range = `${chineseMonthDay(campaign.start)}-${sameMonth ? `${dayOfMonth}日` : chineseMonthDay(day)}`;
  return `${year}/${month}/${dayOfMonth}、${chineseMonthDay(day)}上午9:30、${range}`;
}

function guidanceNote(template: Template, campaign: CampaignSettings): string {
  return templateText.guidance({
    year: campaignYear(campaign),
    week: weekText(campaign.start, campaign.end),
    examples: dateExamples(campaign),
    required: template.columns.filter((column) => column.required).map((column) => column.header.replace(/（.*）$/, "")).join("、"),
  });
}

/**
 * What a data-validation rule checks and says; every rule is a Warning or Information, so nothing typed is lost.
 * The rule is a function of the range's top-left cell reference: custom formulas are written relative to it.
 */
type RuleSpec = Pick<DataValidationPlan, "errorStyle"> & { rule: (topLeft: string) => ValidationRule; prompt: string; error: string };

/** Excel's DATE(y,m,d) for a day: the same day in every locale, unlike a date typed as text. */
function excelDate(day: IsoDate): string {
  const { year, month, day: dayOfMonth } = ymdOf(day);
  return `DATE(${year},${month},${dayOfMonth})`;
}

/**
 * A custom rule that lets any text through and holds a number (a date is one) to `numberTest`. It branches with
 * IF, never with OR(ISTEXT(…),AND(…)): Excel and LibreOffice evaluate every argument of OR and AND, and INT of a
 * text is #VALUE!, which would fail the rule for the very text it means to let through.
 */
function textOrNumber(cell: string, numberTest: string): ValidationRule {
  return { type: "custom", formula: `IF(ISNUMBER(${cell}),${numberTest},ISTEXT(${cell}))` };
}

/**
 * The Excel rule for each kind of column. A rule never warns on an entry the checker accepts: text passes
 * (4月22日上午9:30, 约300人 are what units write, and only the checker can read them); a number or a date is held
 * to what the checker holds it to. Warning, not Stop, even so: the unit contact is only asked to look again.
 */
function columnRule(column: TemplateColumn, campaign: CampaignSettings): RuleSpec {
  const week = weekText(campaign.start, campaign.end);
  switch (column.rule) {
    case "activityTime":
      // A date cell (or a date serial) counts by its day, so a time of day on the last day is still inside.
      return {
        rule: (cell) => textOrNumber(cell, `AND(${cell}>=${excelDate(campaign.start)},${cell}<${excelDate(addDays(campaign.end, 1))})`),
        errorStyle: "warning",
        prompt: templateText.timePrompt(week, dateExamples(campaign)),
        error: templateText.timeError(week),
      };
    case "headCount":
      // The checker takes a number cell only as a whole count of at least one.
      return {
        rule: (cell) => textOrNumber(cell, `AND(${cell}>=1,${cell}=INT(${cell}))`),
        errorStyle: "warning",
        prompt: column.prompt,
        error: templateText.headCountError,
      };
    case "contact":
    case "text":
      // Only the prompt: no length or pattern tells a real contact from a wrong one as well as the checker does, and
      // a rule that is stricter than the checker would warn on entries it accepts.
      return { rule: () => ({ type: "textLengthAtLeast", min: 1 }), errorStyle: "information", prompt: column.prompt, error: column.prompt };
  }
}

function fieldRule(field: HeaderField): RuleSpec {
  // The checker takes any single day as 填表时间, typed as a date or as text, of any year.
  return field.key === "fillDate"
    ? {
        rule: (cell) => ({ type: "custom", formula: `OR(ISTEXT(${cell}),ISNUMBER(${cell}))` }),
        errorStyle: "warning",
        prompt: templateText.fillDatePrompt,
        error: templateText.fillDatePrompt,
      }
    : { rule: () => ({ type: "textLengthAtLeast", min: 1 }), errorStyle: "warning", prompt: templateText.unitPrompt, error: templateText.unitPrompt };
}

function validationAt(range: CellRange, title: string, spec: RuleSpec): DataValidationPlan {
  return {
    range,
    rule: spec.rule(cellRef(range.startRow, range.startCol)),
    errorStyle: spec.errorStyle,
    prompt: { title, message: spec.prompt },
    error: { title: templateText.checkTitle, message: spec.error },
  };
}

function templateValidations(template: Template, options: TemplateOptions, layout: TemplateLayout): DataValidationPlan[] {
  const { campaign } = options;
  const columns = template.columns.map((column, col) =>
    validationAt({ startRow: layout.firstBodyRow, startCol: col, endRow: layout.lastBodyRow, endCol: col }, column.header, columnRule(column, campaign)),
  );
  const fields = template.headerFields.map((field) => {
    const row = layout.fieldRows[field.key] ?? 0;
    return validationAt({ startRow: row, startCol: 1, endRow: row, endCol: 1 }, field.label, fieldRule(field));
  });
  return [...columns, ...fields];
}
/** The hidden sheet that carries template identity through Excel, WPS and LibreOffice. */
export function metadataSheetPlan(template: Template, options: TemplateOptions): SheetPlan {
  const rows = metadataRows({
    kind: template.kind,
    templateVersion: template.version,
    campaignStart: options.campaign.start,
    campaignEnd: options.campaign.end,
    unit: options.unit,
  });
  return hiddenKeyValueSheetPlan(METADATA_SHEET_NAME, rows);
}
