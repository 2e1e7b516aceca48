import { addDays, chineseMonthDay, ymdOf } from "../calendarDate";
import { campaignYear, type CampaignSettings } from "../campaign";
import { metadataRows, METADATA_SHEET_NAME } from "../templateMetadata";
import type { CellRange } from "../rawSheet";
import { templateTitle, type ColumnRule, type HeaderField, type Template, type TemplateColumn } from "../templates/templateSchema";
import { templateText, weekText } from "../../messages/zhCN";
import { hiddenKeyValueSheetPlan, type DataValidationPlan, type PlannedCell, type SheetPlan, type StyleName, type WorkbookPlan } from "./sheetPlan";

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
  titleRow: number;
  fieldRows: Record<string, number>;
  noteRow: number;
  headerRow: number;
  firstBodyRow: number;
  lastBodyRow: number;
}

export function templateLayout(template: Template, bodyRows = TEMPLATE_BODY_ROWS): TemplateLayout {
  const fieldRows = Object.fromEntries(template.headerFields.map((field, i) => [field.key, 1 + i]));
  const noteRow = 1 + template.headerFields.length;
  const headerRow = noteRow + 1;
  return { titleRow: 0, fieldRows, noteRow, headerRow, firstBodyRow: headerRow + 1, lastBodyRow: headerRow + bodyRows };
}

/** The style of a body cell by how the column is checked: dates and numbers typed stay real, text stays text. */
const bodyStyleOf: Record<ColumnRule, StyleName> = {
  text: "bodyText",
  contact: "bodyText",
  activityTime: "bodyDate",
  headCount: "body",
};

/**
 * 附件1 or 附件2 as a workbook ready to send: the notice's title, the 单位名称 (and 填表时间) lines, a guidance
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

  rows[layout.titleRow] = [{ value: templateTitle(template, campaignYear(options.campaign)), style: "title" }];
  for (const field of template.headerFields) {
    const row = layout.fieldRows[field.key] ?? 0;
    const value = field.key === "unit" ? (options.unit ?? "") : "";
    rows[row] = [{ value: `${field.label}：`, style: "fieldLabel" }, { value, style: field.key === "fillDate" ? "bodyDate" : "fieldInput" }];
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
      ...Object.values(layout.fieldRows).map((row) => ({ startRow: row, startCol: 1, endRow: row, endCol: Math.min(lastCol, 3) })),
      fullWidth(layout.noteRow),
    ],
    columnWidths: template.columns.map((column) => column.width),
    rowHeights: { [layout.titleRow]: 36, [layout.noteRow]: 60, [layout.headerRow]: 32 },
    table: {
      name: `${template.kind === "city" ? "City" : "District"}Activities`,
      range: { startRow: layout.headerRow, startCol: 0, endRow: layout.lastBodyRow, endCol: lastCol },
      style: "TableStyleLight9",
    },
    dataValidations: templateValidations(template, options, layout),
    conditionalFormats: [],
    freeze: { rows: layout.headerRow + 1, columns: 0 },
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, repeatRows: { first: layout.headerRow, last: layout.headerRow } },
  };
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

/** What a data-validation rule checks and says; every rule is a Warning or Information, so nothing typed is lost. */
type RuleSpec = Pick<DataValidationPlan, "rule" | "errorStyle"> & { prompt: string; error: string };

/**
 * The Excel rule for each kind of column. Warning, not Stop: 4月22日上午9:30 and 约300人 are text and must stay
 * possible; the unit contact is only asked to look again.
 */
function columnRule(column: TemplateColumn, campaign: CampaignSettings): RuleSpec {
  const week = weekText(campaign.start, campaign.end);
  switch (column.rule) {
    case "activityTime":
      return {
        rule: { type: "dateBetween", from: campaign.start, to: campaign.end },
        errorStyle: "warning",
        prompt: templateText.timePrompt(week, dateExamples(campaign)),
        error: templateText.timeError(week),
      };
    case "headCount":
      return { rule: { type: "wholeNumberAtLeast", min: 1 }, errorStyle: "warning", prompt: column.prompt, error: templateText.headCountError };
    case "contact":
      // Shortest real contact: a two-character name and a 7-digit local number.
      return { rule: { type: "textLengthAtLeast", min: 9 }, errorStyle: "warning", prompt: column.prompt, error: templateText.contactError };
    case "text":
      return { rule: { type: "textLengthAtLeast", min: 1 }, errorStyle: "information", prompt: column.prompt, error: column.prompt };
  }
}

function fieldRule(field: HeaderField, campaign: CampaignSettings): RuleSpec {
  const year = campaignYear(campaign);
  return field.key === "fillDate"
    ? {
        rule: { type: "dateBetween", from: `${year}-01-01`, to: `${year}-12-31` },
        errorStyle: "warning",
        prompt: templateText.fillDatePrompt,
        error: templateText.fillDatePrompt,
      }
    : { rule: { type: "textLengthAtLeast", min: 2 }, errorStyle: "warning", prompt: templateText.unitPrompt, error: templateText.unitPrompt };
}

function validationAt(range: CellRange, title: string, spec: RuleSpec): DataValidationPlan {
  return {
    range,
    rule: spec.rule,
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
    return validationAt({ startRow: row, startCol: 1, endRow: row, endCol: 1 }, field.label, fieldRule(field, campaign));
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
