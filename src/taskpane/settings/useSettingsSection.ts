import { useState } from "react";
import { campaignSettingsSchema } from "../../core/campaign";
import type { Roster } from "../../core/roster";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";
import { addUnit, sameRoster } from "./rosterDraft";
import { weekWarnings } from "./weekWarnings";

export type SettingsAction = "save" | "import";

const say = paneText.settings;

/**
 * A draft of the week and the roster, checked as it is typed (the core's zod schema), saved on 保存 to the
 * workbook (or, on files, to this browser). The sections work with the saved settings until then.
 */
export function useSettingsSection(currentYear: number = new Date().getFullYear()) {
  const { host, settings, setSettings, showStatus, showError, clearStatus } = usePane();
  const [start, setStart] = useState(settings.campaign.start);
  const [end, setEnd] = useState(settings.campaign.end);
  const [roster, setRoster] = useState<Roster>(settings.roster);
  const [busy, setBusy] = useState<SettingsAction>();

  const week = campaignSettingsSchema.safeParse({ start, end });
  const weekErrors: { start?: string; end?: string } = {};
  if (!week.success) {
    for (const issue of week.error.issues) {
      const field = issue.path[0];
      if ((field === "start" || field === "end") && !weekErrors[field]) weekErrors[field] = issue.message;
    }
  }
  const warnings = week.success ? weekWarnings(week.data, currentYear) : [];
  const dirty = start !== settings.campaign.start || end !== settings.campaign.end || !sameRoster(roster, settings.roster);

  const add = (name: string, aliases: string): string | undefined => {
    const added = addUnit(roster, name, aliases);
    if ("error" in added) return added.error;
    setRoster(added.roster);
    return undefined;
  };
  const remove = (name: string) => setRoster((current) => current.filter((unit) => unit.name !== name));

  const importRoster = async (file: File) => {
    setBusy("import");
    clearStatus();
    try {
      const { readRoster } = await import("../../files/readRoster");
      const read = readRoster(new Uint8Array(await file.arrayBuffer()), file.name);
      if (!read.ok) showStatus({ intent: "error", text: say.importFailed(file.name) });
      else if (read.roster.length === 0) showStatus({ intent: "warning", text: say.importEmpty(file.name) });
      else {
        setRoster(read.roster);
        showStatus({ intent: "success", text: say.imported(file.name, read.roster.length) });
      }
    } catch {
      showStatus({ intent: "error", text: say.importFailed(file.name) });
    } finally {
      setBusy(undefined);
    }
  };

  const save = async () => {
    if (!week.success) {
      showStatus({ intent: "error", text: say.fixWeekFirst });
      return;
    }
    setBusy("save");
    clearStatus();
    const next = { campaign: week.data, roster };
    try {
      await host.saveSettings(next);
      setSettings(next);
      showStatus({ intent: "success", text: host.kind === "files" ? say.filesSaved : say.saved });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(undefined);
    }
  };

  return { start, setStart, end, setEnd, weekErrors, warnings, roster, add, remove, importRoster, save, busy, dirty, valid: week.success };
}
