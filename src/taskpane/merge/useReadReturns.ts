import { useRef, useState } from "react";
import type { CampaignSettings } from "../../core/campaign";
import type { IncomingReturn } from "../../core/merge/merge";
import type { PickedFile } from "../../files/readReturns";
import { usePane } from "../paneContext";

export type ReadPhase =
  | { step: "idle" }
  | { step: "reading"; done: number; total: number; current: string }
  | { step: "writing" };

/** What a finished read gives back: the returns, the files they came from (same order), and the week used. */
export interface ReadReturns {
  returns: IncomingReturn[];
  files: ReadonlyArray<{ name: string; size: number }>;
  campaign: CampaignSettings;
}

const sameFile = (a: PickedFile, b: PickedFile) => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

/**
 * The picked returned files and reading them in the pane (the reader is loaded only now, on first use, and reads
 * on a Web Worker): progress per file, and 取消, which stops between files. Shared by 校验 and 汇总 on files.
 * `read` gives undefined when it was cancelled or failed, having said so in the status area.
 */
export function useReadReturns(texts: { cancelled: string; loadFailed: string }) {
  const { settings, showStatus, showError, clearStatus } = usePane();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [phase, setPhase] = useState<ReadPhase>({ step: "idle" });
  const reading = useRef<AbortController>(undefined);

  const addFiles = (picked: readonly PickedFile[]) => {
    setFiles((current) => [...current, ...picked.filter((file) => !current.some((known) => sameFile(known, file)))]);
  };
  const removeFile = (index: number) => setFiles((current) => current.filter((_, at) => at !== index));
  const clearFiles = () => setFiles([]);

  const read = async (): Promise<ReadReturns | undefined> => {
    if (files.length === 0 || phase.step !== "idle") return undefined;
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
      showStatus({ intent: "error", text: texts.loadFailed });
      return undefined;
    }
    try {
      // The roster names units as the clerk knows them, in 校验 as in 汇总.
      const roster = settings.roster.length > 0 ? settings.roster : undefined;
      const onProgress = (progress: { done: number; total: number; current: string }) => setPhase({ step: "reading", ...progress });
      const returns = await reader.readReturnFiles(files, { campaign, roster }, onProgress, controller.signal);
      // 取消 pressed while the last file was read: still nothing more is done.
      if (controller.signal.aborted) throw new reader.ReadCancelled("cancelled");
      return { returns, files: files.map(({ name, size }) => ({ name, size })), campaign };
    } catch (error) {
      setPhase({ step: "idle" });
      if (error instanceof reader.ReadCancelled) showStatus({ intent: "info", text: texts.cancelled });
      else showError(error);
      return undefined;
    } finally {
      reading.current = undefined;
    }
  };

  const cancel = () => reading.current?.abort();

  return { files, addFiles, removeFile, clearFiles, phase, setPhase, read, cancel };
}
