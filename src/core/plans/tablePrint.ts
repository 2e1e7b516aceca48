import { masterText } from "../../messages/zhCN";
import type { PrintPlan } from "./sheetPlan";

/**
 * How every table Huizong writes for the clerk's desk prints: A4 landscape, one page wide, its header row repeated
 * on each page (when it has one), and 第 N 页 共 M 页 at the foot.
 */
export function tablePrint(headerRow: number | undefined, header?: string): PrintPlan {
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: true,
    ...(headerRow === undefined ? {} : { repeatRows: { first: headerRow, last: headerRow } }),
    ...(header === undefined ? {} : { header }),
    footer: masterText.pageFooter,
  };
}
