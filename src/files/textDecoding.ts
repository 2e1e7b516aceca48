/**
 * Bytes -> text for CSV, HTML tables and SpreadsheetML 2003, which carry no reliable encoding label: units save
 * them from Excel and WPS in China as GBK as often as UTF-8. Also used for rosters, which arrive the same way.
 */
import { startsWith } from "./byteReader";

/**
 * Text as the producer meant it: a BOM decides; else valid UTF-8 is UTF-8; else GB18030, a superset of the GBK
 * in which Excel and WPS in China save CSV. Undefined when the bytes do not look like text at all.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes);
  // Excel's "Unicode text" is tab-separated UTF-16LE.
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes);
  if (looksBinary(bytes)) return undefined;
  return decodeUtf8Strictly(bytes) ?? new TextDecoder("gb18030").decode(bytes);
}

function decodeUtf8Strictly(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined; // not UTF-8: the caller tries the next encoding
  }
}

/** NUL bytes, or more than 2% control characters other than tab, line breaks, form feed and escape. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) controls++;
  }
  return controls > sample.length / 50;
}
