import type { CampaignSettings } from "../../src/core/campaign";
import type { MasterRow } from "../../src/core/merge/masterRow";
import { mergeReturns, type IncomingReturn } from "../../src/core/merge/merge";
import type { RawSheet } from "../../src/core/rawSheet";
import { templates } from "../../src/core/templates/registry";
import type {
  MergeIntoWorkbookOptions,
  PaneSettings,
  SheetCheckResult,
  TemplateRequest,
  WorkbookHost,
  WorkbookMergeOutcome,
} from "../../src/host/workbookHost";
import { templateText } from "../../src/messages/zhCN";
import { citySheet, cityRow } from "../support/sheets";
import { SettingsRecorder } from "./callRecorder";
import { sheetCheckResult } from "./sheetChecks";

export type HostMethod = Exclude<keyof WorkbookHost, "kind">;

export interface FakeHostOptions {
  settings?: PaneSettings;
  /** The sheet checkActiveSheet reads; a clean 附件1 return by default. */
  activeSheet?: RawSheet;
  master?: MasterRow[];
  notesSupported?: boolean;
  /** Milliseconds each call takes, so a preview shows its busy states. */
  delayMs?: number;
}

/**
 * An in-memory WorkbookHost for the pane's tests and preview: it records every call, answers with results
 * built by the real core (checkWorkbook on a RawSheet, mergeReturns on the returns), and can be told to fail
 * or to hold a call open so a test sees the busy state.
 */
export class FakeHost extends SettingsRecorder<HostMethod> implements WorkbookHost {
  readonly kind = "excel" as const;
  activeSheet: RawSheet;
  master: MasterRow[];
  notesSupported: boolean;
  private readonly marks = new Map<string, number>();

  constructor(options: FakeHostOptions = {}) {
    super(options.settings, options.delayMs ?? 0);
    this.activeSheet = options.activeSheet ?? citySheet([cityRow()]);
    this.master = options.master ?? [];
    this.notesSupported = options.notesSupported ?? true;
  }

  async insertTemplate(request: TemplateRequest): Promise<{ sheetName: string }> {
    await this.enter("insertTemplate", [request]);
    return { sheetName: templateText.sheetName(templates[request.kind]) };
  }

  async openTemplateWorkbook(request: TemplateRequest): Promise<void> {
    await this.enter("openTemplateWorkbook", [request]);
  }

  async checkActiveSheet(campaign: CampaignSettings): Promise<SheetCheckResult> {
    await this.enter("checkActiveSheet", [campaign]);
    const result = sheetCheckResult(this.activeSheet, campaign, this.notesSupported);
    this.marks.set(result.sheetName, result.markedCells);
    return result;
  }

  async clearMarks(sheetName?: string): Promise<number> {
    await this.enter("clearMarks", [sheetName]);
    const sheet = sheetName ?? this.activeSheet.name;
    const cleared = this.marks.get(sheet) ?? 0;
    this.marks.delete(sheet);
    return cleared;
  }

  async selectCell(sheetName: string, address: string): Promise<void> {
    await this.enter("selectCell", [sheetName, address]);
  }

  async mergeIntoWorkbook(returns: readonly IncomingReturn[], options: MergeIntoWorkbookOptions): Promise<WorkbookMergeOutcome> {
    await this.enter("mergeIntoWorkbook", [returns, options]);
    const roster = options.roster ?? (this.settings.roster.length > 0 ? this.settings.roster : undefined);
    const result = mergeReturns(this.master, returns, roster);
    const rowsBefore = this.master.length;
    this.master = result.rows;
    return { result, rowsBefore };
  }
}

