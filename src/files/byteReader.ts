/**
 * Byte-level reading for the sniffers, which must never throw on hostile input: little-endian integers (the zip
 * and OLE compound-file directories are both little-endian), magic-byte prefixes, and short Latin-1 strings.
 * Out-of-range reads are recorded, not thrown, so a truncated file becomes a ReadFailure, not an exception.
 */

/** Reads little-endian integers; out of range reads yield 0 and mark the reader as overrun instead of throwing. */
export class ByteReader {
  overrun = false;
  constructor(private readonly bytes: Uint8Array) {}
  u16(offset: number): number {
    if (offset < 0 || offset + 2 > this.bytes.length) return this.fail();
    return (this.bytes[offset] ?? 0) | ((this.bytes[offset + 1] ?? 0) << 8);
  }
  u32(offset: number): number {
    return this.u16(offset) + this.u16(offset + 2) * 0x10000;
  }
  u64(offset: number): number {
    return this.u32(offset) + this.u32(offset + 4) * 0x1_0000_0000;
  }
  private fail(): number {
    this.overrun = true;
    return 0;
  }
}

/** Whether the bytes begin with `magic` (a file signature or a byte-order mark). */
export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** One character per byte, of at most the first 4,096 bytes: for names and short markers, never whole files. */
export function latin1(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 4096));
}
