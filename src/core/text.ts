/**
 * Text normalisation shared by the parsers and the table locator. Units type on Chinese keyboards, so full-width
 * digits, letters, brackets and the ideographic space are as common as their ASCII forms.
 */

import { memoByText } from "./memo";

/** Full-width ASCII (U+FF01..U+FF5E) and the ideographic space to their half-width forms. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(text: string): string {
  // Most cells have no full-width characters: testing first is several times cheaper than a replace.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** All white space, including line breaks inside cells and non-breaking spaces. */
const ANY_SPACE = /[\s\u00A0\u2000-\u200B\u202F\u205F\uFEFF]+/g;

export function removeSpaces(text: string): string {
  return text.replace(ANY_SPACE, "");
}

/**
 * The comparable form of a header cell: half-width, no spaces or line breaks, brackets unified to "()",
 * required-field stars and trailing colons removed. `活动规模\n（人数）*` and `活动规模(人数)` compare equal.
 * Remembered: finding a header and telling a master from a return normalise every cell of a sheet's first rows,
 * and the same texts come back in file after file of a folder.
 */
export const normaliseHeader = memoByText(function normaliseHeader(text: string): string {
  return removeSpaces(toHalfWidth(text))
    .replace(/[【[〔]/g, "(")
    .replace(/[】\]〕]/g, ")")
    .replace(/[*※★]/g, "")
    .replace(/[:：]+$/, "")
    .toLowerCase();
});

/** What normaliseHeader drops before a header's first character: white space of every kind and required-field stars. */
const DROPPED_LEAD = /^[\s\u00A0\u2000-\u200B\u202F\u205F\uFEFF\u3000*※★\uFF0A]*/;
const CHINESE_CHARACTER = /^[\u3400-\u9FFF]$/;
const ASCII_LETTER_OR_DIGIT = /^[0-9A-Za-z]$/;

/**
 * The first character of normaliseHeader(text), found without normalising, when it is certain: after the spaces
 * and stars normalising drops, a Chinese character (which it leaves as it is) or an ASCII letter or digit (which
 * it lower-cases); "" when nothing is left. Undefined when normalising might turn it into something else. Lets a
 * table scan pass over cells that cannot be a header without normalising, and remembering, every one of them.
 */
export function normalisedFirstChar(text: string): string | undefined {
  const first = text.charAt(DROPPED_LEAD.exec(text)?.[0].length ?? 0);
  if (first === "" || CHINESE_CHARACTER.test(first)) return first;
  return ASCII_LETTER_OR_DIGIT.test(first) ? first.toLowerCase() : undefined;
}
