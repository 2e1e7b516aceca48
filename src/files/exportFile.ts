/**
 * `huizong export`: the consolidated 附件1汇总 / 附件2汇总 sheets as a workbook of their own, ready to send. Built
 * from the master's rows, roster order and week, as the merge builds them, so the exported file and the sheets in
 * the master say the same.
 */
import { DEFAULT_CAMPAIGN } from "../core/campaign";
import type { MasterRow } from "../core/merge/masterRow";
import { readMasterState } from "../core/merge/masterState";
import { isMasterSheet } from "../core/merge/readMaster";
import { consolidatedSheetName, consolidatedSheetPlans } from "../core/plans/consolidatedPlan";
import { templates } from "../core/templates/registry";
import { cliMessages as say, exportText } from "../messages/zhCN";
import { readFailureMessage } from "./checkFile";
import type { MasterFileInput } from "./masterFile";
import { readWorkbook } from "./readWorkbook";
import { writePlanWorkbook } from "./spreadsheetml/writePlanWorkbook";

export type ExportOutcome =
  | { ok: true; bytes: Uint8Array; sheets: Array<{ name: string; rows: number }>; leftOut: number }
  | { ok: false; code: "master-unreadable" | "not-a-master" | "nothing-to-export"; message: string };

export function exportConsolidated(master: MasterFileInput, options: { includeRowsWithProblems: boolean }): ExportOutcome {
  // One parse: the sheets say whether this is a master and hold its rows, roster and week.
  const workbook = readWorkbook(master.bytes, master.fileName);
  if (!workbook.ok) return { ok: false, code: "master-unreadable", message: say.masterUnreadable(master.fileName, readFailureMessage(workbook)) };
  const { sheets } = workbook.workbook;
  if (!sheets.some(isMasterSheet)) return { ok: false, code: "not-a-master", message: exportText.notAMaster(master.fileName) };
  const { rows, roster, campaign } = readMasterState(sheets);
  const plans = consolidatedSheetPlans(rows, {
    campaign: campaign ?? DEFAULT_CAMPAIGN,
    unitOrder: roster?.map((unit) => unit.name) ?? [],
    includeRowsWithProblems: options.includeRowsWithProblems,
  });
  if (plans.length === 0) return { ok: false, code: "nothing-to-export", message: exportText.nothing(master.fileName) };
  const bytes = writePlanWorkbook({ sheets: plans, properties: { title: exportText.title, creator: exportText.creator } });
  // The rows each sheet lists, and those left out for their problems, as consolidatedSheetPlans chose them.
  const merged = rows.filter((row) => row.unit !== "" && row.level !== "");
  const listed = options.includeRowsWithProblems ? merged : merged.filter((row) => row.problems === "");
  const sheetOf = (row: MasterRow) => consolidatedSheetName(row.level === templates.city.level ? "city" : "district");
  const counts = plans.map((plan) => ({ name: plan.name, rows: listed.filter((row) => sheetOf(row) === plan.name).length }));
  return { ok: true, bytes, sheets: counts, leftOut: merged.length - listed.length };
}
