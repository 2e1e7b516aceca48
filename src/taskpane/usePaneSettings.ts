import { useCallback, useEffect, useState } from "react";
import { DEFAULT_CAMPAIGN } from "../core/campaign";
import type { PaneHost } from "../host/filesHost";
import type { PaneSettings } from "../host/workbookHost";

export const DEFAULT_SETTINGS: PaneSettings = { campaign: { ...DEFAULT_CAMPAIGN }, roster: [] };

interface SettingsState {
  settings: PaneSettings;
  loading: boolean;
  /** Why loading failed; the pane then works with the defaults. */
  loadError: unknown;
}

/** The week and roster the host keeps (the workbook, or this browser), loaded once per host and shared by every section. */
export function usePaneSettings(host: PaneHost | undefined) {
  const [state, setState] = useState<SettingsState>({ settings: DEFAULT_SETTINGS, loading: host !== undefined, loadError: undefined });

  useEffect(() => {
    if (!host) return;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    host.loadSettings().then(
      (settings) => current && setState({ settings, loading: false, loadError: undefined }),
      (error: unknown) => current && setState({ settings: DEFAULT_SETTINGS, loading: false, loadError: error ?? "unknown" }),
    );
    return () => {
      current = false;
    };
  }, [host]);

  const setSettings = useCallback((settings: PaneSettings) => setState((previous) => ({ ...previous, settings })), []);
  return { ...state, setSettings };
}
