import type { MasterRow } from "../../src/core/merge/masterRow";
import { mergeReturns, type IncomingReturn } from "../../src/core/merge/merge";
import { templates } from "../../src/core/templates/registry";
import type { PickedFile } from "../../src/files/readReturns";
import { HostError, type MergeIntoWorkbookOptions, type PaneSettings, type TemplateRequest } from "../../src/host/workbookHost";
import type { FilesHost, FilesMergeOutcome } from "../../src/host/filesHost";
import { SettingsRecorder } from "./callRecorder";

export type FilesHostMethod = Exclude<keyof FilesHost, "kind">;

export interface FakeFilesHostOptions {
  settings?: PaneSettings;
  /** The rows of masters the clerk may pick, by file name; a name not here is unreadable. */
  masters?: Record<string, MasterRow[]>;
  delayMs?: number;
}

/** A file the fake offered for download. */
export interface FakeDownload {
  fileName: string;
  /** Rows of 活动汇总 in a downloaded master; the units of a .zip of templates. */
  rows?: MasterRow[];
  units?: readonly string[];
}

/**
 * An in-memory FilesHost for the pane's tests and preview: it records every call and every download, merges
 * with the real core (mergeReturns) into the rows of the master picked, and fails or holds a call when told to.
 */
export class FakeFilesHost extends SettingsRecorder<FilesHostMethod> implements FilesHost {
  readonly kind = "files" as const;
  masters: Record<string, MasterRow[]>;
  readonly downloads: FakeDownload[] = [];

  constructor(options: FakeFilesHostOptions = {}) {
    super(options.settings, options.delayMs ?? 0);
    this.masters = options.masters ?? {};
  }

  async downloadTemplate(request: TemplateRequest): Promise<{ fileName: string }> {
    await this.enter("downloadTemplate", [request]);
    const fileName = `${templates[request.kind].attachment}${request.unit ? `-${request.unit}` : ""}.xlsx`;
    this.downloads.push({ fileName });
    return { fileName };
  }

  async downloadRosterTemplates(request: Omit<TemplateRequest, "unit">, units: readonly string[]): Promise<{ fileName: string; count: number }> {
    await this.enter("downloadRosterTemplates", [request, units]);
    const fileName = `${templates[request.kind].attachment}-各单位.zip`;
    this.downloads.push({ fileName, units });
    return { fileName, count: units.length };
  }

  async mergeIntoMasterFile(returns: readonly IncomingReturn[], master: PickedFile | undefined, options: MergeIntoWorkbookOptions): Promise<FilesMergeOutcome> {
    await this.enter("mergeIntoMasterFile", [returns, master, options]);
    const before = master ? this.masters[master.name] : [];
    if (!before) throw new HostError("master-unreadable", `${master?.name} is not a master`);
    const result = mergeReturns(before, returns, options.roster);
    const fileName = master?.name ?? "汇总表.xlsx";
    this.masters[fileName] = result.rows;
    this.downloads.push({ fileName, rows: result.rows });
    return { result, rowsBefore: before.length, fileName };
  }
}
