import { useState } from "react";
import type { IncomingReturn } from "../../core/merge/merge";
import { paneText } from "../../messages/pane";
import { useReadReturns } from "../merge/useReadReturns";

/** A checked file: its name and size as picked, and what the reader and the core made of it. */
export interface CheckedReturn {
  name: string;
  size: number;
  checked: IncomingReturn;
}

const say = paneText.check;

/**
 * In a browser: pick returned files, read and check them in the pane (the same reader and checks as the merge
 * and the command line), with progress and 取消; the result is each file's report, in the order picked.
 */
export function useFilesCheck() {
  const reading = useReadReturns({ cancelled: say.filesCancelled, loadFailed: say.loadFailed });
  const [results, setResults] = useState<CheckedReturn[]>();

  const check = async () => {
    const read = await reading.read();
    if (!read) return;
    setResults(read.returns.map((checked, index) => ({ name: read.files[index]?.name ?? checked.report.file, size: read.files[index]?.size ?? 0, checked })));
    reading.clearFiles();
    reading.setPhase({ step: "idle" });
  };

  return { ...reading, check, results };
}
