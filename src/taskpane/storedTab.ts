import { TAB_IDS, type TabId } from "./paneContext";

const KEY = "huizong.pane.tab";

/**
 * The last tab used, from localStorage. Storage can be missing or throw (privacy modes, some WebViews, a
 * sandboxed frame), and what it holds may be stale: any doubt gives the first tab.
 */
export function readStoredTab(): TabId {
  try {
    const stored = window.localStorage.getItem(KEY);
    return TAB_IDS.find((tab) => tab === stored) ?? TAB_IDS[0];
  } catch {
    return TAB_IDS[0];
  }
}

export function storeTab(tab: TabId): void {
  try {
    window.localStorage.setItem(KEY, tab);
  } catch {
    // Remembering the tab is a convenience; without storage the pane opens on the first tab.
  }
}
