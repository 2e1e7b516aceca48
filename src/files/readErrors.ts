/**
 * Why a returned file could not be read. The UI and the CLI key their (Chinese) messages on `code`; `detail` is a
 * short English note for logs and bug reports, never shown as the message itself.
 */

import type { ReadFailureCode as AnyReadFailureCode } from "../core/fileReport";

/** The failures the reader itself decides (the CLI adds file-not-found and read-timeout around it). */
export type ReadFailureCode = Exclude<AnyReadFailureCode, "file-not-found" | "read-timeout">;

/** What a refused file turned out to be, so the message can tell the clerk in their own words. */
export type LooksLike =
  | "pdf"
  | "image"
  | "archive"
  | "word"
  | "powerpoint"
  | "ofd"
  | "opendocument"
  | "rtf"
  | "text"
  | "html"
  | "email"
  | "numbers"
  | "xlsb"
  | "mht"
  | "zip64"
  | "quattro"
  | "other";

export interface ReadFailure {
  ok: false;
  code: ReadFailureCode;
  /** What the bytes looked like or what went wrong, e.g. "a PDF document", "a Word document (.docx)". */
  detail: string;
  /** For not-a-spreadsheet and unsupported-format: what the file is instead. */
  looksLike?: LooksLike;
}

export function readFailure(code: ReadFailureCode, detail: string, looksLike?: LooksLike): ReadFailure {
  return looksLike ? { ok: false, code, detail, looksLike } : { ok: false, code, detail };
}

/**
 * Thrown while unpacking a zip when an entry inflates beyond the size it declared: a zip bomb that lies about its
 * sizes, refused like one that tells the truth.
 */
export class UnpackedSizeExceeded extends Error {
  override name = "UnpackedSizeExceeded";
}

/** Longest library message kept in a detail: enough to recognise it, not a stack dump. */
const MAX_LIBRARY_MESSAGE = 200;

/**
 * Turns whatever the spreadsheet libraries threw into a ReadFailure. SheetJS throws `Error`s and, in a few places,
 * bare strings; its password errors ("File is password-protected", "Password is incorrect", "Unsupported ZIP
 * encryption", "EncryptionInfo mismatch") all mention a password or encryption, everything else means the bytes
 * were not what their container promised.
 */
export function classifyLibraryError(error: unknown): ReadFailure {
  if (error instanceof UnpackedSizeExceeded) return readFailure("unpacked-too-large", error.message);
  const message = (error instanceof Error ? error.message : String(error)).slice(0, MAX_LIBRARY_MESSAGE);
  if (/password|encrypt/i.test(message)) return readFailure("encrypted", `password-protected (${message})`);
  return readFailure("corrupt", `the spreadsheet library could not read it: ${message}`);
}

/** "1.5 MB": sizes in details are for people reading logs. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
