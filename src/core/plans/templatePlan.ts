import { addDays, chineseMonthDay, ymdOf } from "../calendarDate";
import { campaignYear, type CampaignSettings } from "../campaign";
import { metadataRows, METADATA_SHEET_NAME } from "../templateMetadata";
import { templateTitle, type ColumnRule, type Template } from "../templates/templateSchema";
import { templateText, weekText } from "../../messages/zhCN";
import type { DataValidationPlan, PlannedCell, SheetPlan, StyleName, WorkbookPlan } from "./sheetPlan";

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

function templateValidations(template: Template, options: TemplateOptions, layout: TemplateLayout): DataValidationPlan[] {
  const { campaign } = options;
  const week = weekText(campaign.start, campaign.end);
  const plans: DataValidationPlan[] = [];
  const body = (col: number) => ({ startRow: layout.firstBodyRow, startCol: col, endRow: layout.lastBodyRow, endCol: col });
  template.columns.forEach((column, col) => {
    const prompt = { title: column.header, message: column.prompt };
    if (column.rule === "activityTime") {
      plans.push({
        range: body(col),
        rule: { type: "dateBetween", from: campaign.start, to: campaign.end },
        // Warning, not Stop: 4月22日上午9:30 is text and must stay possible.
        errorStyle: "warning",
        prompt: { title: column.header, message: templateText.timePrompt(week, dateExamples(campaign)) },
        error: { title: templateText.checkTitle, message: templateText.timeError(week) },
      });
    } else if (column.rule === "headCount") {
      plans.push({
        range: body(col),
        rule: { type: "wholeNumberAtLeast", min: 1 },
        errorStyle: "warning",
        prompt,
        error: { title: templateText.checkTitle, message: templateText.headCountError },
      });
    } else if (column.rule === "contact") {
      plans.push({
        range: body(col),
        // Shortest real contact: a two-character name and a 7-digit local number.
        rule: { type: "textLengthAtLeast", min: 9 },
        errorStyle: "warning",
        prompt,
        error: { title: templateText.checkTitle, message: templateText.contactError },
      });
    } else {
      plans.push({ range: body(col), rule: { type: "textLengthAtLeast", min: 1 }, errorStyle: "information", prompt, error: { title: templateText.checkTitle, message: column.prompt } });
    }
  });
  for (const field of template.headerFields) {
    const row = layout.fieldRows[field.key] ?? 0;
    const range = { startRow: row, startCol: 1, endRow: row, endCol: 1 };
    plans.push(
      field.key === "fillDate"
        ? {
            range,
            rule: { type: "dateBetween", from: `${campaignYear(campaign)}-01-01`, to: `${campaignYear(campaign)}-12-31` },
            errorStyle: "warning",
            prompt: { title: field.label, message: templateText.fillDatePrompt },
            error: { title: templateText.checkTitle, message: templateText.fillDatePrompt },
          }
        : {
            range,
            rule: { type: "textLengthAtLeast", min: 2 },
            errorStyle: "warning",
            prompt: { title: field.label, message: templateText.unitPrompt },
            error: { title: templateText.checkTitle, message: templateText.unitPrompt },
          },
    );
  }
  return plans;
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
  return {
    name: METADATA_SHEET_NAME,
    visibility: "veryHidden",
    rows: rows.map((row) => row.map((value) => ({ value, style: "bodyText" as const }))),
    merges: [],
    columnWidths: [20, 30],
    dataValidations: [],
    conditionalFormats: [],
  };
}
