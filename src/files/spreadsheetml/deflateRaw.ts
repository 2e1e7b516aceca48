/**
 * Raw DEFLATE and CRC-32 for the zip writer (zipPackage): Node's native zlib where there is one (the command line),
 * fflate and a table in the browser. Both synchronous: the writer streams a sheet's text as it is produced and
 * needs each piece compressed before the next (the browser's CompressionStream is asynchronous only).
 */
import { Deflate } from "fflate";
import type { NodeZlib } from "../nodeZlib";

/** One part's compressor: each piece of the part in order, `final` with the last; returns what it compressed to. */
export interface PartDeflater {
  push(data: Uint8Array, final: boolean): Uint8Array[];
}

export type DeflateLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface Compression {
  deflater(level: DeflateLevel): PartDeflater;
  /** The CRC-32 of `data` continuing from `previous` (0 to start). */
  crc32(data: Uint8Array, previous: number): number;
}

/**
 * Each piece is deflated as a raw stream of its own, ended by a sync flush (which leaves the stream byte-aligned
 * with no final block) except the last, ended normally: one after another they form one valid DEFLATE stream.
 * Node has no synchronous streaming deflater; the cost of starting afresh is that a piece cannot refer back to
 * text in the piece before it: a per cent or two in size on the 256 KB pieces PartWriter feeds it.
 */
export function nodeCompression(zlib: NodeZlib): Compression {
  const { Z_FINISH, Z_SYNC_FLUSH } = zlib.constants;
  return {
    deflater: (level) => ({
      push: (data, final) => [zlib.deflateRawSync(data, { level, finishFlush: final ? Z_FINISH : Z_SYNC_FLUSH })],
    }),
    crc32: (data, previous) => zlib.crc32(data, previous),
  };
}

/** fflate's streaming deflater, which calls back before push returns. */
export const fflateCompression: Compression = {
  deflater(level) {
    const output: Uint8Array[] = [];
    const deflate = new Deflate({ level }, (chunk) => output.push(chunk));
    return {
      push(data, final) {
        deflate.push(data, final);
        return output.splice(0);
      },
    };
  },
  crc32: tableCrc32,
};


/** CRC-32 as zip defines it (reflected polynomial 0xEDB88320), a byte at a time from a 256-entry table. */
const CRC_TABLE = Int32Array.from({ length: 256 }, (_, byte) => {
  let crc = byte;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc;
});

export function tableCrc32(data: Uint8Array, previous = 0): number {
  let crc = ~previous;
  for (let i = 0; i < data.length; i++) crc = (CRC_TABLE[(crc ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return ~crc >>> 0;
}
