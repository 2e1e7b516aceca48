/**
 * Chinese numerals as they appear in written dates: years digit by digit (二〇二四, 二零二四), months and days
 * positionally (十二, 二十二) or with the contracted tens 廿 (20) and 卅 (30). Nothing above 99 is positional,
 * because no date part needs it.
 */

const DIGIT_VALUES: ReadonlyMap<string, number> = new Map([
  ["〇", 0], ["○", 0], ["零", 0],
  ["一", 1], ["二", 2], ["三", 3], ["四", 4], ["五", 5], ["六", 6], ["七", 7], ["八", 8], ["九", 9],
]);

/** The tens that can open a positional numeral: 十 alone is ten, 廿 and 卅 are contractions of 二十 and 三十. */
const TENS_VALUES: ReadonlyMap<string, number> = new Map([["十", 10], ["廿", 20], ["卅", 30]]);

/** The characters a Chinese numeral in a date is made of. */
export const CHINESE_NUMERAL_CHARS: readonly string[] = [...DIGIT_VALUES.keys(), ...TENS_VALUES.keys()];

/**
 * The value of a Chinese numeral (二〇二四 → 2024, 四 → 4, 二十二 → 22, 廿二 → 22, 十 → 10); undefined when the
 * characters do not form a number (十十, 二十零).
 */
export function chineseNumeralValue(text: string): number | undefined {
  if (text.length === 0) return undefined;
  return digitByDigit(text) ?? positional(text);
}

/** 二〇二四: every character a digit, read left to right like Arabic digits. */
function digitByDigit(text: string): number | undefined {
  let value = 0;
  for (const ch of text) {
    const digit = DIGIT_VALUES.get(ch);
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** [digit]十[digit], 廿[digit] or 卅[digit]: a tens part and an optional non-zero unit. */
function positional(text: string): number | undefined {
  const split = splitTens(text);
  if (!split) return undefined;
  const [tens, rest] = split;
  if (rest === "") return tens;
  const unit = rest.length === 1 ? DIGIT_VALUES.get(rest) : undefined;
  return unit === undefined || unit === 0 ? undefined : tens + unit;
}

function splitTens(text: string): [number, string] | undefined {
  const first = text.charAt(0);
  const contracted = TENS_VALUES.get(first);
  if (contracted !== undefined) return [contracted, text.slice(1)];
  const digit = DIGIT_VALUES.get(first);
  if (digit !== undefined && digit > 0 && text.charAt(1) === "十") return [digit * 10, text.slice(2)];
  return undefined;
}

const DIGIT_CHARS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;

/**
 * 1 → 一, 12 → 十二, 23 → 二十三: the numbers of outline headings (一、上海海关). Beyond 99, where headings stop
 * being numbered in words, the Arabic digits.
 */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value);
  const tens = Math.floor(value / 10);
  const units = DIGIT_CHARS[value % 10] ?? "";
  if (tens === 0) return units;
  return `${tens === 1 ? "" : DIGIT_CHARS[tens]}十${units}`;
}
