/**
 * `huizong export`: the consolidated 附件1汇总 / 附件2汇总 sheets as a workbook of their own, ready to send. Built
 * from the master's rows, roster order and week, as the merge builds them, so the exported file and the sheets in
 * the master say the same.
 */
import { DEFAULT_CAMPAIGN } from "../core/campaign";
import { isMasterSheet } from "../core/merge/readMaster";
import { consolidatedSheetPlans } from "../core/plans/consolidatedPlan";
import { exportText } from "../messages/zhCN";
import { readMasterFile, type MasterFileInput } from "./masterFile";
import { readWorkbook } from "./readWorkbook";
import { writePlanWorkbook } from "./spreadsheetml/writePlanWorkbook";

export type ExportOutcome =
  | { ok: true; bytes: Uint8Array; sheets: Array<{ name: string; rows: number }>; leftOut: number }
  | { ok: false; code: "master-unreadable" | "not-a-master" | "nothing-to-export"; message: string };

export function exportConsolidated(master: MasterFileInput, options: { includeRowsWithProblems: boolean }): ExportOutcome {
  const workbook = readWorkbook(master.bytes, master.fileName);
  if (workbook.ok && !workbook.workbook.sheets.some(isMasterSheet)) {
    return { ok: false, code: "not-a-master", message: exportText.notAMaster(master.fileName) };
  }
  const read = readMasterFile(master);
  if (!read.ok) return read;
  const { rows, roster, campaign } = read.state;
  const plans = consolidatedSheetPlans(rows, {
    campaign: campaign ?? DEFAULT_CAMPAIGN,
    unitOrder: roster?.map((unit) => unit.name) ?? [],
    includeRowsWithProblems: options.includeRowsWithProblems,
  });
  if (plans.length === 0) return { ok: false, code: "nothing-to-export", message: exportText.nothing(master.fileName) };
  const merged = rows.filter((row) => row.unit !== "" && row.level !== "");
  const listed = options.includeRowsWithProblems ? merged : merged.filter((row) => row.problems === "");
  const bytes = writePlanWorkbook({ sheets: plans, properties: { title: exportText.title, creator: exportText.creator } });
  const sheets = plans.map((plan) => ({
    name: plan.name,
    rows: listed.filter((row) => plan.name.startsWith(row.level === "市级" ? "附件1" : "附件2")).length,
  }));
  return { ok: true, bytes, sheets, leftOut: merged.length - listed.length };
}
