import { rowHeightFor } from "./rowHeights";
import { tablePrint } from "./tablePrint";
import type { ChaseEntry } from "../merge/chaseList";
import { chaseBlock, chaseHeading, chaseMessages } from "../../messages/zhCN";
import type { PlannedCell, SheetPlan, StyleName } from "./sheetPlan";

const statusStyle: Record<ChaseEntry["status"], StyleName> = { missing: "statusMissing", "has-errors": "statusError" };

/**
 * 催报: the units to chase, one a row, with what each must fix and the message to send it, ready to copy from its
 * cell. A plain range, no Excel table: the clerk copies from it and prints it, and nothing reads it back.
 *
 * The unit and its status carry the status colour; the two long texts are wrapped body text, since the status
 * styles do not wrap.
 */
export function chaseSheetPlan(entries: readonly ChaseEntry[], week: string, mergedAt: string): SheetPlan {
  const headers = chaseMessages.headers;
  const lastCol = headers.length - 1;
  const fullWidth = (row: number) => ({ startRow: row, startCol: 0, endRow: row, endCol: lastCol });
  const top: PlannedCell[][] = [
    [{ value: chaseMessages.title, style: "title" }],
    [{ value: chaseHeading(entries, mergedAt), style: "statusSummary" }],
  ];
  if (entries.length === 0) {
    return { ...sheet(top, [fullWidth(0), fullWidth(1)]), print: tablePrint(undefined) };
  }
  const headerRow = top.length;
  const rowHeights: Record<number, number> = { 0: 30, 1: 24 };
  const body = entries.map((entry, i): PlannedCell[] => {
    const problems = entry.problems.join("\n");
    const block = chaseBlock(entry, week);
    rowHeights[headerRow + 1 + i] = rowHeight([entry.unit, problems, block]);
    const style = statusStyle[entry.status];
    return [
      { value: entry.unit, style },
      { value: chaseMessages.statusLabel[entry.status], style },
      { value: problems, style: "bodyText" },
      { value: block, style: "bodyText" },
    ];
  });
  return {
    ...sheet([...top, headers.map((header) => ({ value: header, style: "header" as const })), ...body], [fullWidth(0), fullWidth(1)]),
    rowHeights,
    freeze: { rows: headerRow + 1, columns: 1 },
    print: tablePrint(headerRow),
  };
}

function sheet(rows: PlannedCell[][], merges: SheetPlan["merges"]): SheetPlan {
  return {
    name: chaseMessages.sheetName,
    visibility: "visible",
    rows,
    merges,
    columnWidths: [UNIT_WIDTH, 8, TEXT_WIDTH, TEXT_WIDTH],
    rowHeights: { 0: 30, 1: 24 },
    dataValidations: [],
    conditionalFormats: [],
  };
}

/** Width of the two text columns, in characters of 0; a Chinese character takes two. */
const TEXT_WIDTH = 45;

/** 单位's width; the two text columns take TEXT_WIDTH. */
const UNIT_WIDTH = 20;

/** Tall enough for the unit's name and the two wrapped texts (rowHeights.ts says why a writer must set it). */
function rowHeight([unit, ...texts]: readonly string[]): number {
  const cells = [{ text: unit ?? "", width: UNIT_WIDTH }, ...texts.map((text) => ({ text, width: TEXT_WIDTH }))];
  return rowHeightFor(cells) ?? 20;
}

