/**
 * The files host: the pane in a plain browser works on files the clerk picks and downloads it makes, all in the
 * page. Templates and the master are written by src/files (loaded on first use, as the reader is), offered as
 * downloads, and the week and roster live in this browser's storage. Nothing is uploaded: no network request.
 */
import type { IncomingReturn } from "../core/merge/merge";
import type { PickedFile } from "../files/readReturns";
import type { FilesHost, FilesMergeOutcome } from "../host/filesHost";
import { HostError, type MergeIntoWorkbookOptions, type PaneSettings, type TemplateRequest } from "../host/workbookHost";
import { paneText } from "../messages/pane";
import { loadBrowserSettings, saveBrowserSettings } from "./browserSettings";
import { downloadBytes, XLSX_MIME, ZIP_MIME } from "./download";

export interface FilesHostOptions {
  /** Offers bytes as a download; the page's <a download> by default, a recorder in tests. */
  download?: (bytes: Uint8Array, fileName: string, mimeType: string) => void;
  storage?: Storage;
}

export function createFilesHost(options: FilesHostOptions = {}): FilesHost {
  const download = options.download ?? ((bytes: Uint8Array, fileName: string, mimeType: string) => downloadBytes(bytes, fileName, mimeType));
  return {
    kind: "files",

    async loadSettings(): Promise<PaneSettings> {
      return loadBrowserSettings(options.storage);
    },

    async saveSettings(settings: PaneSettings): Promise<void> {
      try {
        saveBrowserSettings(settings, options.storage);
      } catch (error) {
        throw new HostError("unknown", `could not store the settings: ${String(error)}`);
      }
    },

    async downloadTemplate(request: TemplateRequest): Promise<{ fileName: string }> {
      const { templateFile } = await import("../files/templateFiles");
      const file = await templateFile(request);
      download(file.bytes, file.fileName, XLSX_MIME);
      return { fileName: file.fileName };
    },

    async downloadRosterTemplates(request: Omit<TemplateRequest, "unit">, units: readonly string[]): Promise<{ fileName: string; count: number }> {
      const { rosterTemplatesZip } = await import("../files/templateFiles");
      const zip = await rosterTemplatesZip(request, units);
      download(zip.bytes, zip.fileName, ZIP_MIME);
      return { fileName: zip.fileName, count: zip.count };
    },

    async mergeIntoMasterFile(
      returns: readonly IncomingReturn[],
      master: PickedFile | undefined,
      mergeOptions: MergeIntoWorkbookOptions,
    ): Promise<FilesMergeOutcome> {
      const existing = master ? { bytes: await bytesOf(master), fileName: master.name } : undefined;
      const { mergeIntoMasterFile } = await import("../files/masterFile");
      const outcome = await mergeIntoMasterFile(existing, returns, { roster: mergeOptions.roster, campaign: mergeOptions.campaign, mergedAt: mergeOptions.mergedAt });
      if (!outcome.ok) throw new HostError(outcome.code, outcome.message);
      // An updated master keeps its name, so it can replace the old file; a new one gets the command line's name.
      const fileName = master?.name ?? paneText.merge.newMasterFileName;
      download(outcome.bytes, fileName, XLSX_MIME);
      return { result: outcome.result, rowsBefore: outcome.rowsBefore, fileName };
    },
  };
}

async function bytesOf(file: PickedFile): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new HostError("master-unreadable", `could not read ${file.name}: ${String(error)}`);
  }
}
