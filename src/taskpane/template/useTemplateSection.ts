import { useState } from "react";
import { templates } from "../../core/templates/registry";
import type { TemplateKind } from "../../core/templates/templateSchema";
import type { TemplateRequest } from "../../host/workbookHost";
import { paneText } from "../../messages/pane";
import { usePane } from "../paneContext";

export type TemplateAction = "insert" | "open";

/** The template section's state: which 附件, for which unit, and the two host calls that make it. */
export function useTemplateSection() {
  const { host, settings, showStatus, showError, clearStatus } = usePane();
  const [kind, setKind] = useState<TemplateKind>("city");
  const [unit, setUnit] = useState("");
  const [busy, setBusy] = useState<TemplateAction>();

  const request = (): TemplateRequest => ({ kind, campaign: settings.campaign, unit: unit.trim() || undefined });
  const attachment = templates[kind].attachment;

  const run = async (action: TemplateAction) => {
    setBusy(action);
    clearStatus();
    try {
      if (action === "insert") {
        const { sheetName } = await host.insertTemplate(request());
        showStatus({ intent: "success", text: paneText.template.inserted(attachment, sheetName) });
      } else {
        await host.openTemplateWorkbook(request());
        showStatus({ intent: "success", text: paneText.template.opened(attachment) });
      }
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
    /** The roster's units, offered in a combobox that still takes any text. */
    rosterUnits: settings.roster.map((entry) => entry.name),
    campaign: settings.campaign,
    busy,
    insert: () => run("insert"),
    open: () => run("open"),
  };
}
