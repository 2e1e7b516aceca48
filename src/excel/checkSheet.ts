/**
 * Checking the sheet the clerk (or a unit contact) has open: read it as the core reads any returned sheet, check
 * it against the week, and mark each problem cell in place. The old marks go first, so the list and the marks
 * follow the user's fixes; clearing, marking and jumping to a cell are the other doors of this room.
 *
 * Syncs: one for the sheet, the workbook's sheet names and the existing marks; one for the used ranges (and the
 * marks' details); one per block of cells read; then one per 4 MB of new marks (one, in practice).
 */
import type { CampaignSettings } from "../core/campaign";
import { checkWorkbook } from "../core/checkWorkbook";
import { issueCell } from "../core/issueLocation";
import type { Severity } from "../core/issues";
import { locateTable } from "../core/locateTable";
import type { RawSheet } from "../core/rawSheet";
import { METADATA_SHEET_NAME, readTemplateMetadata } from "../core/templateMetadata";
import type { SheetCheckResult, SheetIssue } from "../host/workbookHost";
import { isApiSupported, runExcel, syncEach } from "./excelRun";
import { SheetMarks, type MarkedCell } from "./marks";
import type { ContextApi } from "./officeApi";
import { packBatches, type WriteOp } from "./payload";
import { readSheets } from "./readSheet";

export async function checkActiveSheet(campaign: CampaignSettings): Promise<SheetCheckResult> {
  const notesSupported = isApiSupported("1.18");
  return runExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const active = worksheets.getActiveWorksheet();
    active.load("name");
    const marks = new SheetMarks(active, notesSupported);
    await context.sync();

    const metadataSheet = worksheets.items.find((sheet) => sheet.name === METADATA_SHEET_NAME);
    marks.queueDetails();
    const [sheet, metadata] = await readSheets(context, [
      { name: active.name, hidden: false, sheet: active },
      ...(metadataSheet ? [{ name: METADATA_SHEET_NAME, hidden: true, sheet: metadataSheet }] : []),
    ]);
    if (!sheet) throw new Error("the active sheet was not read");

    const check = checkWorkbook({ sheets: withMetadata(sheet, metadata) }, { campaign });
    const issues: SheetIssue[] =
      check.status === "not-a-template"
        ? []
        : check.submission.issues.map((issue) => ({ ...issue, address: issueCell(check.submission, issue)?.address ?? null }));
    const cells = check.status === "not-a-template" ? [] : markedCellsOf(check.submission, issues);
    await applyOps(context, [...marks.clearOps(), ...marks.markOps(cells)]);
    return { sheetName: active.name, check, issues, markedCells: cells.length, notesSupported };
  });
}

/** Removes the marks Huizong added on a sheet (its rules and notes), nothing else; returns the cells it unmarked. */
export async function clearMarks(sheetName?: string): Promise<number> {
  const notesSupported = isApiSupported("1.18");
  return runExcel(async (context) => {
    const worksheets = context.workbook.worksheets;
    const sheet = sheetName === undefined ? worksheets.getActiveWorksheet() : worksheets.getItem(sheetName);
    const marks = new SheetMarks(sheet, notesSupported);
    await context.sync();
    marks.queueDetails();
    await context.sync();
    const cleared = marks.markedCells();
    await applyOps(context, marks.clearOps());
    return cleared;
  });
}

/** Activates a sheet and selects one cell, e.g. "C7". */
export async function selectCell(sheetName: string, address: string): Promise<void> {
  await runExcel(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(address).select();
    await context.sync();
  });
}

/**
 * The template's metadata comes along (its kind guides reading), unless the sheet's own title and headers say it
 * is the other template: a clerk's workbook can hold an inserted 附件1 and 附件2, and `_huizong` names the last.
 */
function withMetadata(sheet: RawSheet, metadataSheet: RawSheet | undefined): RawSheet[] {
  if (!metadataSheet) return [sheet];
  const metadata = readTemplateMetadata([metadataSheet]);
  const located = locateTable(sheet);
  const otherKind = metadata && located?.kindCertain && located.template.kind !== metadata.kind;
  return otherKind ? [sheet] : [sheet, metadataSheet];
}

/** One mark per cell: the worst severity found there, and every message about it. */
function markedCellsOf(submission: Parameters<typeof issueCell>[0], issues: readonly SheetIssue[]): MarkedCell[] {
  const byCell = new Map<string, MarkedCell>();
  for (const issue of issues) {
    const cell = issue.address === null ? undefined : issueCell(submission, issue);
    if (!cell) continue;
    const marked = byCell.get(cell.address) ?? { row: cell.row, col: cell.col, severity: "warning" as Severity, messages: [] };
    if (issue.severity === "error") marked.severity = "error";
    marked.messages.push(issue.message);
    byCell.set(cell.address, marked);
  }
  return [...byCell.values()];
}

/** Queued in payload-sized batches, one sync each (usually one in all). */
async function applyOps(context: ContextApi, ops: WriteOp[]): Promise<void> {
  await syncEach(context, packBatches(ops), (batch) => {
    for (const write of batch) write.queue();
  });
}
