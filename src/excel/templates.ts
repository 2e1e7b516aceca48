/**
 * 附件1 / 附件2 for the live workbook: inserted as a new sheet of the clerk's workbook (with the hidden metadata
 * sheet that tells a reader which template and week it is), or opened as a workbook of its own, ready to save and
 * send. Both render the core's template plans, as the command line's `template` does.
 */
import { templateSheetPlan, templateWorkbookPlan, metadataSheetPlan } from "../core/plans/templatePlan";
import { templates } from "../core/templates/registry";
import { HostError, type TemplateRequest } from "../host/workbookHost";
import { templateText } from "../messages/zhCN";
import { toBase64 } from "./base64";
import { isApiSupported, MINIMUM_API, runExcel, toHostError } from "./excelRun";
import { SheetTransaction } from "./sheetTransaction";
import { loadWorkbookState, uniqueName } from "./workbookState";

/**
 * A new visible sheet, named after the template ("附件1 市级层面", or "附件1 市级层面 (2)" when taken), its table
 * named uniquely in the workbook; `_huizong` replaced with this template's metadata; the new sheet activated.
 */
export async function insertTemplate(request: TemplateRequest): Promise<{ sheetName: string }> {
  const template = templates[request.kind];
  const options = { campaign: request.campaign, unit: request.unit };
  return runExcel(async (context) => {
    const state = await loadWorkbookState(context);
    const sheetName = uniqueName(
      templateText.sheetName(template),
      state.sheets.map((sheet) => sheet.name),
      (n) => ` (${n})`,
    );
    const sheet = { ...templateSheetPlan(template, options), name: sheetName };
    await new SheetTransaction(context, state).write(
      [
        { plan: sheet, placement: "end" },
        { plan: metadataSheetPlan(template, options), placement: "end" },
      ],
      { activate: 0 },
    );
    return { sheetName };
  });
}

/**
 * The template as a workbook of its own (Excel.createWorkbook, ExcelApi 1.8), from the same .xlsx bytes the command
 * line writes. The file writer (ExcelJS) is loaded only now, so it stays out of the pane's first download.
 */
export async function openTemplateWorkbook(request: TemplateRequest): Promise<void> {
  if (typeof Excel === "undefined" || !isApiSupported(MINIMUM_API)) {
    throw new HostError("api-unsupported", `Excel.createWorkbook needs ExcelApi ${MINIMUM_API}`);
  }
  const { writeWorkbook } = await import("../files/writeWorkbook");
  const bytes = await writeWorkbook(templateWorkbookPlan(templates[request.kind], { campaign: request.campaign, unit: request.unit }));
  try {
    await Excel.createWorkbook(toBase64(bytes));
  } catch (error) {
    throw toHostError(error);
  }
}
