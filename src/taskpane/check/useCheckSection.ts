import { useMemo, useState } from "react";
import type { SheetCheckResult, WorkbookHost } from "../../host/workbookHost";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";
import { groupIssues } from "./issueGroups";

export type CheckAction = "check" | "clear";

/** Checking the active sheet, jumping to a problem's cell, and clearing the marks the check left. */
export function useCheckSection(host: WorkbookHost) {
  const { settings, showStatus, showError, clearStatus } = usePane();
  const [result, setResult] = useState<SheetCheckResult>();
  const [busy, setBusy] = useState<CheckAction>();
  const groups = useMemo(() => (result ? groupIssues(result) : []), [result]);

  const check = async () => {
    setBusy("check");
    clearStatus();
    try {
      setResult(await host.checkActiveSheet(settings.campaign));
    } catch (error) {
      showError(error);
    } finally {
      setBusy(undefined);
    }
  };

  /** After a check, its sheet; before one, the active sheet (marks left by a check on an earlier day). */
  const clearMarks = async () => {
    setBusy("clear");
    clearStatus();
    try {
      const cleared = await host.clearMarks(result?.sheetName);
      if (result) setResult({ ...result, markedCells: 0 });
      showStatus({ intent: "success", text: paneText.check.cleared(cleared) });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(undefined);
    }
  };

  const selectCell = async (address: string) => {
    if (!result) return;
    try {
      await host.selectCell(result.sheetName, address);
    } catch (error) {
      showError(error);
    }
  };

  return { result, groups, busy, check, clearMarks, selectCell };
}
