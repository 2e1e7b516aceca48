import { useState } from "react";
import { templates } from "../../core/templates/registry";
import type { TemplateKind } from "../../core/templates/templateSchema";
import type { TemplateRequest } from "../../host/workbookHost";
import { usePane } from "../paneContext";

/** Inside Excel: insert into this workbook or open a new one. In a browser: download one, or one per roster unit. */
export type TemplateAction = "insert" | "open" | "download" | "zip";

/** The template section's state: which 附件, for which unit, and running one host call at a time. */
export function useTemplateSection() {
  const { settings, showStatus, showError, clearStatus } = usePane();
  const [kind, setKind] = useState<TemplateKind>("city");
  const [unit, setUnit] = useState("");
  const [busy, setBusy] = useState<TemplateAction>();

  const request = (): TemplateRequest => ({ kind, campaign: settings.campaign, unit: unit.trim() || undefined });

  /** Runs one action; `work` makes the template and returns the sentence that says what it did. */
  const run = async (action: TemplateAction, work: () => Promise<string>) => {
    setBusy(action);
    clearStatus();
    try {
      showStatus({ intent: "success", text: await work() });
    } catch (error) {
      showError(error);
    } finally {
      setBusy(undefined);
    }
  };

  return {
    kind,
    setKind,
    unit,
    setUnit,
    request,
    attachment: templates[kind].attachment,
    /** The roster's units, offered in a combobox that still takes any text. */
    rosterUnits: settings.roster.map((entry) => entry.name),
    campaign: settings.campaign,
    busy,
    run,
  };
}

export type TemplateSectionState = ReturnType<typeof useTemplateSection>;
