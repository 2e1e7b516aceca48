/**
 * Number formats as styles.xml numbers them: Excel's built-in formats have fixed ids and are never declared
 * (ECMA-376 Part 1, §18.8.30); any other format code gets an id from 164 up and a <numFmt> of its own.
 */

/** The built-in ids a palette may name; a code outside this table is declared as a custom format. */
const BUILT_IN: ReadonlyMap<string, number> = new Map([
  ["General", 0],
  ["0", 1],
  ["0.00", 2],
  ["#,##0", 3],
  ["#,##0.00", 4],
  ["0%", 9],
  ["0.00%", 10],
  ["0.00E+00", 11],
  ["@", 49],
]);

/** The first id Excel leaves to a workbook's own formats. */
export const FIRST_CUSTOM_FORMAT_ID = 164;

export function builtInFormatId(code: string): number | undefined {
  return BUILT_IN.get(code);
}
