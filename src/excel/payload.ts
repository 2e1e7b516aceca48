/**
 * Request sizes. Excel on the web rejects a request (or response) over 5 MB with RequestPayloadSizeLimitExceeded
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
 * and a request carries each queued call with its arguments as JSON. So writes are cut into operations whose JSON
 * size is estimated here, and packed into batches of at most BATCH_BYTES, one sync each.
 */

/** What one sync may carry: 1 MB under the web's limit, for the request's own framing and the estimate's slack. */
export const BATCH_BYTES = 4_000_000;

/** Per queued call: the object path, the property or method name and the request's framing. */
export const OPERATION_BYTES = 200;

/** One queued operation: what it costs in the request, and how to put it on the context. */
export interface WriteOp {
  bytes: number;
  queue(): void;
}

export function op(bytes: number, queue: () => void): WriteOp {
  return { bytes: OPERATION_BYTES + bytes, queue };
}

/** UTF-8 bytes of a value's JSON: what the request carries for it. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one four-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Packs operations, in order, into batches of at most `limit` bytes. An operation is never split (callers cut
 * large writes into row slabs well under the limit first); one larger than the limit gets a batch of its own.
 */
export function packBatches(ops: readonly WriteOp[], limit = BATCH_BYTES): WriteOp[][] {
  const batches: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const next of ops) {
    if (current.length > 0 && size + next.bytes > limit) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(next);
    size += next.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
