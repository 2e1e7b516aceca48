/**
 * Offering bytes made in the page as a download: a Blob, an object URL for it, and a temporary <a download>
 * clicked once. Nothing leaves the machine; the URL is revoked a little later (revoking at once can cut a
 * download short in some browsers), so the Blob does not stay in memory.
 */

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const ZIP_MIME = "application/zip";

/** Long enough for the browser to start writing the file; the bytes are freed after it. */
export const REVOKE_AFTER_MS = 10_000;

export function downloadBytes(bytes: Uint8Array, fileName: string, mimeType: string, doc: Document = document): void {
  // A view on a plain ArrayBuffer is a BlobPart as it is; anything else (a SharedArrayBuffer) is copied first.
  const part = bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  doc.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
