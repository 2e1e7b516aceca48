/**
 * The port between the task pane and the live workbook. The pane's components know only this interface; the
 * Excel adapter (src/excel) implements it with Office.js, and tests give the pane a fake. Every method works in
 * the core's terms (template kinds, campaign settings, issues, merge results), never in Office.js objects.
 */
import type { CampaignSettings } from "../core/campaign";
import type { WorkbookCheck } from "../core/checkWorkbook";
import type { ValidationIssue } from "../core/issues";
import type { IncomingReturn, MergeResult } from "../core/merge/merge";
import type { Roster } from "../core/roster";
import type { TemplateKind } from "../core/templates/templateSchema";

export interface TemplateRequest {
  kind: TemplateKind;
  campaign: CampaignSettings;
  /** Pre-fills 单位名称 when the template goes to one unit. */
  unit?: string | undefined;
}

/** What the workbook keeps for the pane and the command line alike. */
export interface PaneSettings {
  campaign: CampaignSettings;
  /** The roster remembered in 报送情况; empty when the workbook has none. */
  roster: Roster;
}

/** An issue found on the checked sheet, with the cell it is about when it has one (for marking and jumping). */
export interface SheetIssue extends ValidationIssue {
  /** A1 reference on the checked sheet, e.g. "C7"; null for issues about the whole table. */
  address: string | null;
}

export interface SheetCheckResult {
  /** The sheet that was checked (the active one). */
  sheetName: string;
  check: WorkbookCheck;
  /** Every issue in sheet order, located. Empty when the sheet is not a template. */
  issues: SheetIssue[];
  /** Cells marked in the sheet (fill, and a note where the host supports notes). */
  markedCells: number;
  /** Whether the host could add notes beside the fill (ExcelApi 1.18). */
  notesSupported: boolean;
}

export interface MergeIntoWorkbookOptions {
  /** The roster to report against (the pane's settings); undefined keeps the one 报送情况 remembers. */
  roster: Roster | undefined;
  /** The week the returns were checked against; stored with the master for the next merge. */
  campaign: CampaignSettings;
  /** When the merge ran, as the master says it; now when not given. */
  mergedAt?: Date | undefined;
}

export interface WorkbookMergeOutcome {
  result: MergeResult;
  /** Rows of 活动汇总 before the merge (merged and typed by hand). */
  rowsBefore: number;
}

export interface WorkbookHost {
  readonly kind: "excel";
  /** The week and roster this workbook keeps, or the defaults when it keeps none. */
  loadSettings(): Promise<PaneSettings>;
  /** Stores the week (and writes 报送情况 for the roster) so later merges, in Excel or on the command line, use them. */
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Inserts 附件1/附件2 as a new sheet of this workbook and activates it; returns the sheet's name. */
  insertTemplate(request: TemplateRequest): Promise<{ sheetName: string }>;
  /** Opens the template as a new workbook, ready to save and send. */
  openTemplateWorkbook(request: TemplateRequest): Promise<void>;
  /** Reads the active sheet, checks it against the week, marks problem cells in place (after clearing old marks). */
  checkActiveSheet(campaign: CampaignSettings): Promise<SheetCheckResult>;
  /**
   * Removes the fills and notes Huizong added on a sheet (the active one when no name is given, e.g. marks left
   * from an earlier day), nothing else; returns how many marked cells it cleared.
   */
  clearMarks(sheetName?: string): Promise<number>;
  /** Activates a sheet and selects one cell, e.g. "C7". */
  selectCell(sheetName: string, address: string): Promise<void>;
  /** Merges returns, read and checked in the pane, into 活动汇总 and 报送情况, all or nothing; `result.files` in input order. */
  mergeIntoWorkbook(returns: readonly IncomingReturn[], options: MergeIntoWorkbookOptions): Promise<WorkbookMergeOutcome>;
}

/** Why a host call failed, as a code the pane turns into a sentence from the catalogue. */
export type HostErrorCode =
  | "busy-editing" // the user is editing a cell
  | "api-unsupported" // this Excel lacks a requirement set the call needs
  | "sheet-protected"
  | "payload-too-large"
  | "not-found"
  | "master-not-updatable" // 活动汇总 exists but is not a Huizong master
  | "master-unreadable" // the master file picked in a browser cannot be read
  | "unknown";

export class HostError extends Error {
  override name = "HostError";
  constructor(
    readonly code: HostErrorCode,
    detail: string,
  ) {
    super(detail);
  }
}
