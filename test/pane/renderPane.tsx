import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import type { TabId } from "../../src/taskpane/paneContext";
import type { FakeHost } from "./fakeHost";

/**
 * Renders the whole pane on a fake host with one tab open (as the clerk left it), and waits until the
 * workbook's settings are loaded. Returns a user-event session and the status area.
 */
export async function renderPane(host: FakeHost, tab: TabId) {
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
