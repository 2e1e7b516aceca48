import { useRef, useState } from "react";
import type { CampaignSettings } from "../../core/campaign";
import type { PickedFile } from "../../files/readReturns";
import type { WorkbookMergeOutcome } from "../../host/workbookHost";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";

export type MergePhase =
  | { step: "idle" }
  | { step: "reading"; done: number; total: number; current: string }
  | { step: "writing" };

/** A finished merge, with the files as they were picked (the report's entries are in the same order). */
export interface MergeReport {
  outcome: WorkbookMergeOutcome;
  files: ReadonlyArray<{ name: string; size: number }>;
  campaign: CampaignSettings;
}

const say = paneText.merge;
const sameFile = (a: PickedFile, b: PickedFile) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * Picking returned files, reading them in the pane (the spreadsheet reader is loaded only now, on first use) and
 * merging them into the workbook. Cancelling stops between two files, before anything is written.
 */
export function useMergeSection() {
  const { host, settings, showStatus, showError, clearStatus } = usePane();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [phase, setPhase] = useState<MergePhase>({ step: "idle" });
  const [report, setReport] = useState<MergeReport>();
  const reading = useRef<AbortController>(undefined);

  const addFiles = (picked: readonly PickedFile[]) => {
    setFiles((current) => [...current, ...picked.filter((file) => !current.some((known) => sameFile(known, file)))]);
  };
  const removeFile = (index: number) => setFiles((current) => current.filter((_, at) => at !== index));
  const clearFiles = () => setFiles([]);

  const merge = async () => {
    if (files.length === 0 || phase.step !== "idle") return;
    const controller = new AbortController();
    reading.current = controller;
    const campaign = settings.campaign;
    clearStatus();
    setPhase({ step: "reading", done: 0, total: files.length, current: files[0]?.name ?? "" });
    let reader: typeof import("../../files/readReturns");
    try {
      reader = await import("../../files/readReturns");
    } catch {
      setPhase({ step: "idle" });
      showStatus({ intent: "error", text: say.loadFailed });
      return;
    }
    try {
      const returns = await reader.readReturnFiles(files, { campaign }, (progress) => setPhase({ step: "reading", ...progress }), controller.signal);
      // 取消 pressed while the last file was read: still nothing is written.
      if (controller.signal.aborted) throw new reader.ReadCancelled("cancelled");
      setPhase({ step: "writing" });
      const outcome = await host.mergeIntoWorkbook(returns, { roster: settings.roster.length > 0 ? settings.roster : undefined, campaign });
      setReport({ outcome, files: files.map(({ name, size }) => ({ name, size })), campaign });
      setFiles([]);
      showStatus({ intent: "success", text: say.merged(outcome.result.rowsWritten, outcome.result.rows.length) });
    } catch (error) {
      if (error instanceof reader.ReadCancelled) showStatus({ intent: "info", text: say.cancelled });
      else showError(error);
    } finally {
      reading.current = undefined;
      setPhase({ step: "idle" });
    }
  };

  const cancel = () => reading.current?.abort();

  return { files, addFiles, removeFile, clearFiles, phase, merge, cancel, report, hasRoster: settings.roster.length > 0 };
}
