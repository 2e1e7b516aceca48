/** Bytes as base64, for Excel.createWorkbook: plain code, so the pane needs neither Node's Buffer nor btoa. */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Built in pieces: one string per 48 KB of input keeps a 10 MB workbook from making millions of small strings.
  for (let start = 0; start < bytes.length; start += 49_152) {
    parts.push(encodeChunk(bytes, start, Math.min(bytes.length, start + 49_152)));
  }
  return parts.join("");
}

function encodeChunk(bytes: Uint8Array, start: number, end: number): string {
  let out = "";
  for (let i = start; i < end; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    out += ALPHABET[(triple >> 18) & 63];
    out += ALPHABET[(triple >> 12) & 63];
    out += i + 1 < end ? ALPHABET[(triple >> 6) & 63] : "=";
    out += i + 2 < end ? ALPHABET[triple & 63] : "=";
  }
  return out;
}
