/**
 * Installs a FakeExcel as the `Excel` and `Office` globals the adapter (src/excel) and the task pane's composition
 * root use: Excel.run, Excel.createWorkbook, Office.context.requirements.isSetSupported and Office.onReady. Works
 * the same under jest and in a browser page.
 *
 * The globals are typed by @types/office-js with the real RequestContext; the fake's run hands its own context,
 * which implements the slice of the API the adapter is allowed to use (src/excel/officeApi.ts), hence the casts.
 */
import { FakeExcel, type FakeExcelOptions } from "./fakeExcel";

interface Globals {
  Excel?: unknown;
  Office?: unknown;
}

let previous: { excel: unknown; office: unknown } | undefined;

export function install(excelOrOptions: FakeExcel | FakeExcelOptions = {}): FakeExcel {
  const excel = excelOrOptions instanceof FakeExcel ? excelOrOptions : new FakeExcel(excelOrOptions);
  const globals = globalThis as Globals;
  previous ??= { excel: globals.Excel, office: globals.Office };
  const requirements: Pick<Office.RequirementSetSupport, "isSetSupported"> = {
    isSetSupported: (name: string, minVersion?: string | number) => name === "ExcelApi" && excel.supports(String(minVersion ?? "1.1")),
  };
  globals.Excel = {
    run: (...args: Parameters<FakeExcel["run"]>) => excel.run(...args),
    createWorkbook: (base64?: string) => excel.createWorkbook(base64),
  };
  globals.Office = {
    context: { requirements, host: "Excel" },
    HostType: { Excel: "Excel" },
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  return excel;
}

export function uninstall(): void {
  if (!previous) return;
  const globals = globalThis as Globals;
  if (previous.excel === undefined) delete globals.Excel;
  else globals.Excel = previous.excel;
  if (previous.office === undefined) delete globals.Office;
  else globals.Office = previous.office;
  previous = undefined;
}
