/**
 * The composition root: the one place that decides which host the pane works on. Inside Excel it loads the
 * Excel adapter (a chunk of its own) and hands it to the App; anywhere else the App starts without a workbook
 * and says so. Only this file and officeReady.ts may mention the Office global.
 */
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { WorkbookHost } from "../host/workbookHost";
import { paneText } from "../messages/pane";
import { App, type HostProblem } from "./App";
import { waitForOffice } from "./officeReady";

/** Long enough for a slow desktop Excel to start office.js; a late answer still brings the workbook in. */
const OFFICE_TIMEOUT_MS = 8000;

function render(root: Root, host: WorkbookHost | undefined, hostProblem?: HostProblem): void {
  root.render(
    <FluentProvider theme={webLightTheme}>
      {host || hostProblem ? <App host={host} hostProblem={hostProblem} /> : <Spinner label={paneText.starting} />}
    </FluentProvider>,
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
  render(root, undefined);
  const office = await waitForOffice(OFFICE_TIMEOUT_MS);
  const connect = async () => {
    const host = await excelHost();
    render(root, host, host ? undefined : "excel-failed");
  };
  if (office.status === "ready" && office.isExcel) return connect();
  render(root, undefined, "outside-excel");
  if (office.status === "timeout") {
    if (await office.late.catch(() => false)) await connect();
  }
}

const container = document.getElementById("container");
if (container) void start(createRoot(container));
