import { DEFAULT_CAMPAIGN, type CampaignSettings } from "./campaign";
import type { ValidationIssue } from "./issues";
import { locateTable, type LocatedTable } from "./locateTable";
import { isMasterSheet } from "./merge/readMaster";
import type { RawWorkbook } from "./rawSheet";
import { isMetadataSheet, metadataCampaign, readTemplateMetadata, type TemplateMetadata } from "./templateMetadata";
import { indexRoster, type Roster } from "./roster";
import { validateTable, type Submission } from "./validate";
import { issueMessages as say } from "../messages/zhCN";

export type WorkbookCheck =
  | {
      status: "ok" | "invalid";
      submission: Submission;
      /** The week the rows were checked against. */
      campaign: CampaignSettings;
      metadata: TemplateMetadata | undefined;
      errors: number;
      warnings: number;
    }
  | {
      status: "not-a-template";
      campaign: CampaignSettings;
      metadata: TemplateMetadata | undefined;
      /** A master merged by Huizong (活动汇总): worth saying, since clerks keep it beside the returns. */
      isMaster: boolean;
    };

export interface CheckOptions {
  /** An explicit week (e.g. --start/--end) wins over the template's metadata and the default. */
  campaign?: CampaignSettings | undefined;
  /** The week for a return without metadata when none is given (the master's own week), else the notice's. */
  fallbackCampaign?: CampaignSettings | undefined;
  /** The returned file's name, for naming a unit that left 单位名称 empty. */
  fileName?: string | undefined;
  /** The clerk's roster: the unit is reported by its roster name. Plain data, so options cross to workers. */
  roster?: Roster | undefined;
}

/**
 * Reads a returned workbook the way a clerk would: finds the sheet holding the activity table (any sheet, hidden
 * metadata aside), then checks it. The week comes from the options, else the template's metadata, else the
 * fallback week of the options, else the notice.
 */
export function checkWorkbook(workbook: RawWorkbook, options: CheckOptions = {}): WorkbookCheck {
  const metadata = readTemplateMetadata(workbook.sheets);
  const campaign = options.campaign ?? metadataCampaign(metadata) ?? options.fallbackCampaign ?? DEFAULT_CAMPAIGN;
  // A master merged by Huizong has the same columns as a return, and its consolidated 附件N汇总 sheets look like
  // filled templates: a master is never a unit's return.
  if (workbook.sheets.some(isMasterSheet)) return { status: "not-a-template", campaign, metadata, isMaster: true };
  const tables = workbook.sheets
    .filter((sheet) => !isMetadataSheet(sheet))
    .map((sheet) => ({ sheet, table: locateTable(sheet, metadata?.kind) }))
    .filter((found): found is { sheet: (typeof found)["sheet"]; table: LocatedTable } => found.table !== undefined);
  const best = pickBestTable(tables);
  if (!best) return { status: "not-a-template", campaign, metadata, isMaster: false };

  const origin = { fileName: options.fileName, roster: options.roster ? indexRoster(options.roster) : undefined };
  const submission = validateTable(best.table, campaign, origin);
  for (const other of tables) {
    if (other !== best && other.table.rows.length > 0) submission.issues.push(ignoredTableIssue(other.sheet.name));
  }
  const errors = countBy(submission.issues, "error");
  const warnings = submission.issues.length - errors;
  return { status: errors > 0 ? "invalid" : "ok", submission, campaign, metadata, errors, warnings };
}

/** Visible sheets first, then the table naming the most columns, then the one with the most rows. */
function pickBestTable<T extends { sheet: { hidden: boolean }; table: LocatedTable }>(tables: T[]): T | undefined {
  const score = ({ sheet, table }: T) =>
    (sheet.hidden ? 0 : 1_000_000_000) + Object.keys(table.columns).length * 1_000_000 + table.rows.length;
  return tables.reduce<T | undefined>((best, next) => (!best || score(next) > score(best) ? next : best), undefined);
}

function ignoredTableIssue(sheetName: string): ValidationIssue {
  return { severity: "warning", row: null, column: null, code: "extra-table-ignored", message: say.extraTableIgnored(sheetName) };
}

function countBy(issues: ValidationIssue[], severity: ValidationIssue["severity"]): number {
  return issues.filter((issue) => issue.severity === severity).length;
}
