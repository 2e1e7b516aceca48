/**
 * Excel's limits on a data validation's texts, shared by both workbook writers (ExcelJS for templates, the own
 * SpreadsheetML writer for the master): a longer title, message or inline list makes Excel repair the file and
 * drop the validation.
 */
const MAX_TITLE = 32;
const MAX_MESSAGE = 255;

/** A prompt's or an error's title and message, each cut to what Excel keeps, with an ellipsis where cut. */
export function validationTexts(texts: { title: string; message: string }): { title: string; message: string } {
  return { title: clip(texts.title, MAX_TITLE), message: clip(texts.message, MAX_MESSAGE) };
}

/** An inline list: `"a,b,c"`, commas separating items, so an item cannot hold one; Excel caps it at 255. */
export function listFormula(items: readonly string[]): string {
  const bad = items.find((item) => item.includes(","));
  if (bad !== undefined) throw new Error(`list item ${bad} contains a comma, which an inline Excel list cannot hold`);
  const formula = `"${items.map((item) => item.replace(/"/g, '""')).join(",")}"`;
  if (formula.length > MAX_MESSAGE + 2) throw new Error(`list of ${items.length} items is longer than Excel's 255 characters`);
  return formula;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
