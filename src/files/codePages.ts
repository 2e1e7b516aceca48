/**
 * SheetJS's code page tables, for Excel 95 (BIFF5) files, still written by old PHP and Java exporters, which store
 * text in the workbook's code page (936/GBK for Chinese). SheetJS's ES module build does not load them itself.
 * They are ~470 KB of JavaScript, a tenth of the command line's start-up to parse, and only a compound file
 * (.xls/.et) can need them: loaded the first time one is read.
 */
import * as XLSX from "@e965/xlsx";

let loaded = false;

export function loadCodePages(): void {
  if (loaded) return;
  // A require, not an import: reading is synchronous, and the command line's bundle leaves this file to be loaded
  // from node_modules when first needed (the browser bundle includes it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  XLSX.set_cptable(require("@e965/xlsx/dist/cpexcel.full") as Parameters<typeof XLSX.set_cptable>[0]);
  loaded = true;
}
