/**
 * The live workbook as the pane's WorkbookHost: the composition root calls createExcelHost() inside Excel and
 * hands the result to the components, which never see Office.js. Each method is one Excel.run (see excelRun).
 */
import type { WorkbookHost } from "../host/workbookHost";
import { checkActiveSheet, clearMarks, selectCell } from "./checkSheet";
import { mergeIntoWorkbook } from "./mergeWorkbook";
import { loadSettings, saveSettings } from "./settings";
import { insertTemplate, openTemplateWorkbook } from "./templates";

export function createExcelHost(): WorkbookHost {
  return {
    kind: "excel",
    loadSettings,
    saveSettings,
    insertTemplate,
    openTemplateWorkbook,
    checkActiveSheet,
    clearMarks,
    selectCell,
    mergeIntoWorkbook,
  };
}
