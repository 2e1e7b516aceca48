/**
 * The port between the task pane and files, for the pane opened in a plain browser (no Excel, WPS offices, a fresh
 * machine): templates and the master become downloads, the returns and an existing master are files the clerk
 * picks, and the week and roster are kept in the browser. Everything stays on the machine: nothing is uploaded.
 * Reading and checking returns is the same for both hosts (src/files/readReturns, in the pane).
 */
import type { IncomingReturn, MergeResult } from "../core/merge/merge";
import type { PickedFile } from "../files/readReturns";
import type { MergeIntoWorkbookOptions, PaneSettings, TemplateRequest, WorkbookHost } from "./workbookHost";

export interface FilesMergeOutcome {
  result: MergeResult;
  /** Rows of 活动汇总 in the master picked (0 for a new master). */
  rowsBefore: number;
  /** The name the master was offered for download under. */
  fileName: string;
}

export interface FilesHost {
  readonly kind: "files";
  /** The week and roster kept in this browser, or the defaults. */
  loadSettings(): Promise<PaneSettings>;
  saveSettings(settings: PaneSettings): Promise<void>;
  /** Writes 附件1/附件2 as .xlsx (the same sheet plans as inside Excel and the command line) and downloads it. */
  downloadTemplate(request: TemplateRequest): Promise<{ fileName: string }>;
  /** One template per unit, its 单位名称 filled in, all in one .zip download. */
  downloadRosterTemplates(request: Omit<TemplateRequest, "unit">, units: readonly string[]): Promise<{ fileName: string; count: number }>;
  /**
   * Merges returns, read and checked in the pane, into the master the clerk picked (updated: other sheets kept) or a
   * new one, exactly as `huizong merge` would, and downloads the result. `result.files` in input order.
   * @throws HostError "master-unreadable" or "master-not-updatable" when the picked master cannot be used.
   */
  mergeIntoMasterFile(
    returns: readonly IncomingReturn[],
    master: PickedFile | undefined,
    options: MergeIntoWorkbookOptions,
  ): Promise<FilesMergeOutcome>;
}

/** What the composition root hands the pane: the live workbook inside Excel, files anywhere else. */
export type PaneHost = WorkbookHost | FilesHost;
