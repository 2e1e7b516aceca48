import { crc32, deflateRawSync } from "node:zlib";

/** One entry of a zip built by hand: what it holds, and what it claims. */
export interface ZipSpec {
  name: string;
  data: Uint8Array | string;
  /** Stored deflated (zlib's raw DEFLATE of `data`). */
  deflate?: boolean;
  /** Raw DEFLATE bytes to store as the entry's data, true to `data` or not (damaged, cut short, a bomb). */
  packed?: Uint8Array;
  /** Streamed like Java's ZipOutputStream: zero sizes in the local header, a data descriptor after the data. */
  streamed?: boolean;
  /** Lie about the uncompressed size (in the central directory, and in the local header unless streamed). */
  declaredSize?: number;
  encrypted?: boolean;
}

/** Little-endian fields, each [width in bytes, value]. */
function fields(...values: Array<[2 | 4, number]>): number[] {
  return values.flatMap(([width, value]) => Array.from({ length: width }, (_, i) => Math.floor(value / 256 ** i) % 256));
}

/** A minimal zip writer, so tests can build containers that no well-behaved library would write. */
export function buildZip(specs: ZipSpec[]): Uint8Array {
  const local: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const spec of specs) {
    const raw = typeof spec.data === "string" ? new TextEncoder().encode(spec.data) : spec.data;
    const stored = spec.packed ?? (spec.deflate ? new Uint8Array(deflateRawSync(raw)) : raw);
    const name = new TextEncoder().encode(spec.name);
    const size = spec.declaredSize ?? raw.length;
    const flags = (spec.streamed ? 0x8 : 0) | (spec.encrypted ? 0x1 : 0);
    const method = spec.packed || spec.deflate ? 8 : 0;
    const crc = crc32(raw);
    const header = spec.streamed ? [0, 0, 0] : [crc, stored.length, size];
    const descriptor = spec.streamed ? fields([4, 0x08074b50], [4, crc], [4, stored.length], [4, size]) : [];
    const entry = Buffer.concat([
      Uint8Array.from(fields([4, 0x04034b50], [2, 20], [2, flags], [2, method], [4, 0], [4, header[0] ?? 0], [4, header[1] ?? 0], [4, header[2] ?? 0], [2, name.length], [2, 0])),
      name,
      stored,
      Uint8Array.from(descriptor),
    ]);
    central.push(
      Uint8Array.from(fields([4, 0x02014b50], [2, 20], [2, 20], [2, flags], [2, method], [4, 0], [4, crc], [4, stored.length], [4, size], [2, name.length], [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset])),
      name,
    );
    local.push(entry);
    offset += entry.length;
  }
  const directory = Buffer.concat(central);
  const end = fields([4, 0x06054b50], [2, 0], [2, 0], [2, specs.length], [2, specs.length], [4, directory.length], [4, offset], [2, 0]);
  return new Uint8Array(Buffer.concat([...local, directory, Uint8Array.from(end)]));
}
