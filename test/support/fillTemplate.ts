/**
 * Fills a Huizong template the way a unit contact does, by script: 单位名称 (and 填表时间) in their field cells,
 * then activities into the body rows by header text. ExcelJS stands in for the unit's spreadsheet program; the
 * tests then save the result through LibreOffice so the file the reader meets was written by a real application.
 */
import { Workbook, type Worksheet } from "exceljs";
import { templateLayout } from "../../src/core/plans/templatePlan";
import { templates } from "../../src/core/templates/registry";
import type { TemplateKind } from "../../src/core/templates/templateSchema";

/** An activity by canonical header text (附件1 or 附件2), as the unit types it. */
export type Activity = Record<string, string | number>;

export interface TemplateFilling {
  kind: TemplateKind;
  /** Typed into 单位名称; leave out when the template was made with the unit already filled in. */
  unit?: string;
  fillDate?: Date;
  rows: Activity[];
}

/** The 1-based column of each header text in a sheet's header row. */
export function headerColumns(sheet: Worksheet, row: number): Map<string, number> {
  const columns = new Map<string, number>();
  sheet.getRow(row).eachCell((cell, col) => columns.set(String(cell.value), col));
  return columns;
}

/** The template's bytes with the filling typed in, as .xlsx bytes. */
export async function fillTemplate(template: Uint8Array, filling: TemplateFilling, name = "the template"): Promise<Uint8Array> {
  const workbook = new Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error(`${name} has no sheet`);
  const layout = templateLayout(templates[filling.kind]);
  const fieldCell = (key: string) => sheet.getCell((layout.fieldRows[key] ?? 0) + 1, 2);
  if (filling.unit !== undefined) fieldCell("unit").value = filling.unit;
  if (filling.fillDate) fieldCell("fillDate").value = filling.fillDate;
  const columns = headerColumns(sheet, layout.headerRow + 1);
  filling.rows.forEach((activity, i) => {
    for (const [header, value] of Object.entries(activity)) {
      const col = columns.get(header);
      if (col === undefined) throw new Error(`no column ${header} in ${name}`);
      sheet.getCell(layout.firstBodyRow + 1 + i, col).value = value;
    }
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
