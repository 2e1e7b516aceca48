import { useState } from "react";
import type { CampaignSettings } from "../../core/campaign";
import type { PickedFile } from "../../files/readReturns";
import { HostError, type WorkbookMergeOutcome } from "../../host/workbookHost";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";
import { useReadReturns, type ReadPhase } from "./useReadReturns";

export type MergePhase = ReadPhase;

/** A finished merge, with the files as they were picked (the report's entries are in the same order). */
export interface MergeReport {
  outcome: WorkbookMergeOutcome;
  files: ReadonlyArray<{ name: string; size: number }>;
  campaign: CampaignSettings;
  /** On files: the name the master was downloaded under. */
  downloadedAs?: string | undefined;
}

const say = paneText.merge;

/**
 * Picking returned files (and, on files, the master to update), reading them in the pane and merging them: into
 * the open workbook inside Excel, or into a master .xlsx downloaded in a browser. Cancelling stops between two
 * files, before anything is written.
 */
export function useMergeSection() {
  const { host, settings, showStatus, showError } = usePane();
  const reading = useReadReturns({ cancelled: say.cancelled, loadFailed: say.loadFailed });
  const [master, setMaster] = useState<PickedFile>();
  const [report, setReport] = useState<MergeReport>();

  const merge = async () => {
    const read = await reading.read();
    if (!read) return;
    reading.setPhase({ step: "writing" });
    const options = { roster: settings.roster.length > 0 ? settings.roster : undefined, campaign: read.campaign };
    try {
      if (host.kind === "excel") {
        const outcome = await host.mergeIntoWorkbook(read.returns, options);
        setReport({ outcome, files: read.files, campaign: read.campaign });
        showStatus({ intent: "success", text: say.merged(outcome.result.rowsWritten, outcome.result.rows.length) });
      } else {
        const outcome = await host.mergeIntoMasterFile(read.returns, master, options);
        setReport({ outcome, files: read.files, campaign: read.campaign, downloadedAs: outcome.fileName });
        setMaster(undefined); // the downloaded file is the master now; the one picked is out of date
        showStatus({ intent: "success", text: say.mergedFile(outcome.result.rowsWritten, outcome.result.rows.length, outcome.fileName) });
      }
      reading.clearFiles();
    } catch (error) {
      // On files the code means the picked file, not a sheet of the open workbook: its own sentence.
      if (host.kind === "files" && error instanceof HostError && error.code === "master-not-updatable") {
        showStatus({ intent: "error", text: say.masterFileNotUpdatable });
      } else showError(error);
    } finally {
      reading.setPhase({ step: "idle" });
    }
  };

  return {
    files: reading.files,
    addFiles: reading.addFiles,
    removeFile: reading.removeFile,
    clearFiles: reading.clearFiles,
    phase: reading.phase,
    cancel: reading.cancel,
    master,
    setMaster,
    merge,
    report,
  };
}
