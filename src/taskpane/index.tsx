/**
 * The composition root: the one place that decides which host the pane works on. Inside Excel it loads the
 * Excel adapter (a chunk of its own) and hands it to the App; anywhere else (office.js absent or silent, or
 * another host) the App works on files in the browser, and a late answer from Excel still brings the workbook in.
 * Only this file and officeReady.ts may mention the Office global.
 */
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import { createFilesHost } from "../browser/filesHost";
import type { PaneHost } from "../host/filesHost";
import type { WorkbookHost } from "../host/workbookHost";
import { paneText } from "../messages/pane";
import { App } from "./App";
import { waitForOffice } from "./officeReady";

/** Long enough for a slow desktop Excel to start office.js; a late answer still brings the workbook in. */
const OFFICE_TIMEOUT_MS = 8000;

/** `starting` until the host is known; then the App, on a host or (Excel's adapter failed) on none. */
function render(root: Root, host: PaneHost | undefined, starting = false): void {
  root.render(
    <FluentProvider theme={webLightTheme}>{starting ? <Spinner label={paneText.starting} /> : <App key={host?.kind ?? "none"} host={host} />}</FluentProvider>,
  );
}

async function excelHost(): Promise<WorkbookHost | undefined> {
  try {
    const { createExcelHost } = await import("../excel/excelHost");
    return createExcelHost();
  } catch {
    return undefined;
  }
}

async function start(root: Root): Promise<void> {
  render(root, undefined, true);
  const office = await waitForOffice(OFFICE_TIMEOUT_MS);
  const connect = async () => render(root, await excelHost());
  if (office.status === "ready" && office.isExcel) return connect();
  render(root, createFilesHost());
  if (office.status === "timeout") {
    if (await office.late.catch(() => false)) await connect();
  }
}

const container = document.getElementById("container");
if (container) void start(createRoot(container));
