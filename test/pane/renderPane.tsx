import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { TabId } from "../../src/taskpane/paneContext";
import type { PaneHost } from "../../src/host/filesHost";

/**
 * Renders the whole pane on a fake host (a workbook or files) with one tab open (as the clerk left it), and waits
 * until the host's settings are loaded. Returns a user-event session and the status area.
 */
export async function renderPane(host: PaneHost, tab: TabId) {
  window.localStorage.setItem("huizong.pane.tab", tab);
  const user = userEvent.setup();
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
  await screen.findByRole("tablist");
  return { user, view, status: () => screen.getByRole("status") };
}
