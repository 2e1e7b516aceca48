import { createContext, useContext } from "react";
import type { PaneHost } from "../host/filesHost";
import type { PaneSettings } from "../host/workbookHost";

export const TAB_IDS = ["template", "check", "merge", "settings"] as const;
export type TabId = (typeof TAB_IDS)[number];

export type StatusIntent = "success" | "info" | "warning" | "error";

/** The one line the status area shows: success, a warning or an error, in the catalogue's words. */
export interface PaneStatus {
  intent: StatusIntent;
  text: string;
}

/**
 * What every section shares: the host (the open workbook inside Excel, files in a plain browser: sections narrow
 * on `host.kind`), its settings, the status area and the tabs.
 */
export interface PaneContextValue {
  host: PaneHost;
  settings: PaneSettings;
  setSettings(settings: PaneSettings): void;
  showStatus(status: PaneStatus): void;
  /** Shows why a host call failed, as a sentence from the catalogue (never the error's own text). */
  showError(error: unknown): void;
  clearStatus(): void;
  goToTab(tab: TabId): void;
}

export const PaneContext = createContext<PaneContextValue | undefined>(undefined);

export function usePane(): PaneContextValue {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error("usePane outside <PaneContext.Provider>");
  return pane;
}
