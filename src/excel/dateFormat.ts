/**
 * Whether an Excel number format shows a number as a date or time, so that a live cell holding 45404 under
 * `yyyy/m/d` reads as the date cell it is (the file reader gets the same answer from SheetJS's format table).
 * Office.js hands back the format code itself (`Range.numberFormat`, locale-independent), never a category on the
 * hosts this adapter supports, so the code is read here: date and time tokens (y m d h s, and 年 月 日 时 分 秒
 * as WPS and zh-CN Excel write them unquoted) count only outside quoted literals, escaped characters and
 * bracketed parts ([$-804] locales, [Red] colours, [DBNum1]); `General`, `0.00`, `@` and `#,##0"元"` are not dates.
 */

const cache = new Map<string, boolean>();

export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "") return false;
  let known = cache.get(format);
  if (known === undefined) {
    known = test(format);
    if (cache.size < 1000) cache.set(format, known);
  }
  return known;
}

function test(format: string): boolean {
  const firstSection = splitSections(format)[0] ?? "";
  const bare = stripLiterals(firstSection)
    .replace(/general/gi, "")
    // Elapsed-time brackets are time tokens; every other bracket (locale, colour, condition, DBNum) is not.
    .replace(/\[(h+|m+|s+)\]/gi, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/AM\/PM|A\/P/gi, "h");
  return /[ymdhs年月日时分秒]/i.test(bare);
}

/** Splits at the section separators (`;`) that are not inside quotes, brackets or escapes. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const char = format[i] ?? "";
    if (!quoted && !bracket && (char === "\\" || char === "_" || char === "*")) {
      current += char + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (char === '"' && !bracket) quoted = !quoted;
    else if (char === "[" && !quoted) bracket = true;
    else if (char === "]" && !quoted) bracket = false;
    if (char === ";" && !quoted && !bracket) {
      sections.push(current);
      current = "";
    } else {
      current += char;
    }
  }
  sections.push(current);
  return sections;
}

/** Drops "quoted text", \x escapes, and the _x (space of x) and *x (repeat x) pairs. */
function stripLiterals(section: string): string {
  return section.replace(/"[^"]*"?/g, "").replace(/[\\_*]./g, "");
}
