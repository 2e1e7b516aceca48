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
