import { masterText } from "../../messages/zhCN";

/** The most characters one Excel cell holds; a longer text makes Excel repair the file (and ExcelJS throw). */
export const EXCEL_CELL_TEXT_LIMIT = 32_767;

/**
 * Characters XML 1.0 does not allow (§2.2 Char): C0 controls but tab, line feed and carriage return; U+FFFE and
 * U+FFFF; and UTF-16 halves without their other half. One of them in a written part makes the whole workbook
 * ill-formed: LibreOffice drops every string after it, Excel repairs the file, and the next merge cannot read
 * the master it wrote. They reach us from .xls, .et and CSV returns, which have no such rule. DEL is allowed but
 * discouraged, and ExcelJS drops it without a trace: it is marked like the others.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Shown where a character was that no workbook can hold, so that the clerk sees that something was there. */
const REPLACEMENT = "\uFFFD";

/**
 * Text as a workbook can store it, for every writer (files and the live workbook alike): characters XML cannot
 * carry replaced by U+FFFD, and a text over Excel's cell limit cut with a visible mark that gives its length.
 */
export function storableText(text: string): string {
  const clean = text.replace(NOT_XML_CHARACTER, REPLACEMENT);
  if (clean.length <= EXCEL_CELL_TEXT_LIMIT) return clean;
  const mark = masterText.truncated(clean.length);
  let cut = EXCEL_CELL_TEXT_LIMIT - mark.length;
  // Never split a character outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph) in two.
  if (/[\uD800-\uDBFF]/.test(clean.charAt(cut - 1))) cut--;
  return clean.slice(0, cut) + mark;
}
