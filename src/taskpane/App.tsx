import { MessageBar, MessageBarBody, Spinner, Tab, TabList } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { PaneHost } from "../host/filesHost";
import { paneText } from "../messages/pane";
import { useAppStyles } from "./App.styles";
import { CheckSection } from "./check/CheckSection";
import { errorText } from "./errorText";
import { MergeSection } from "./merge/MergeSection";
import { PaneContext, TAB_IDS, type PaneContextValue, type PaneStatus, type TabId } from "./paneContext";
import { SettingsSection } from "./settings/SettingsSection";
import { StatusArea } from "./StatusArea";
import { readStoredTab, storeTab } from "./storedTab";
import { TemplateSection } from "./template/TemplateSection";
import { usePaneSettings } from "./usePaneSettings";

export interface AppProps {
  /** The open workbook inside Excel, files in a plain browser; undefined when Excel was there but its adapter did not start. */
  host: PaneHost | undefined;
}

const sections: Record<TabId, () => JSX.Element> = {
  template: TemplateSection,
  check: CheckSection,
  merge: MergeSection,
  settings: SettingsSection,
};

export const App = ({ host }: AppProps) => {
  const styles = useAppStyles();
  const { settings, setSettings, loading, loadError } = usePaneSettings(host);
  const [tab, setTab] = useState<TabId>(readStoredTab);
  const [status, setStatus] = useState<PaneStatus>();

  useEffect(() => {
    if (loadError !== undefined) setStatus({ intent: "warning", text: paneText.settingsLoadFailed(errorText(loadError)) });
  }, [loadError]);

  const goToTab = useCallback((next: TabId) => {
    setTab(next);
    storeTab(next);
    setStatus(undefined); // a message belongs to the section it came from
  }, []);

  const pane = useMemo((): PaneContextValue | undefined => {
    if (!host) return undefined;
    return {
      host,
      settings,
      setSettings,
      showStatus: setStatus,
      showError: (error) => setStatus({ intent: "error", text: errorText(error) }),
      clearStatus: () => setStatus(undefined),
      goToTab,
    };
  }, [host, settings, setSettings, goToTab]);

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>{paneText.title}</h1>
        <p className={styles.week}>{paneText.week(settings.campaign.start, settings.campaign.end)}</p>
      </header>
      {host?.kind === "files" && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{paneText.filesMode}</MessageBarBody>
        </MessageBar>
      )}
      {!pane ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{paneText.excelFailed}</MessageBarBody>
        </MessageBar>
      ) : loading ? (
        <Spinner size="small" label={paneText.loadingSettings} />
      ) : (
        <PaneContext.Provider value={pane}>
          <TabList
            className={styles.tabs}
            selectedValue={tab}
            onTabSelect={(_, data) => goToTab(data.value as TabId)}
            aria-label={paneText.tabListLabel}
          >
            {TAB_IDS.map((id) => (
              <Tab key={id} value={id} id={`tab-${id}`} aria-controls={`panel-${id}`}>
                {paneText.tabs[id]}
              </Tab>
            ))}
          </TabList>
          {/* Every section stays mounted, so picked files, results and drafts survive a look at another tab. */}
          {TAB_IDS.map((id) => {
            const Section = sections[id];
            return (
              <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id} className={styles.panel}>
                <Section />
              </div>
            );
          })}
        </PaneContext.Provider>
      )}
      <StatusArea status={status} onDismiss={() => setStatus(undefined)} className={styles.status} />
    </div>
  );
};
App.displayName = "App";
