import * as zlib from "node:zlib";
import { fflateInflater, nodeInflater, platformInflater, type RawInflater } from "./inflateRaw";
import { nodeZlib } from "./nodeZlib";
import { UnpackedSizeExceeded } from "./readErrors";
import { readZipDirectory, unpackEntries } from "./zipArchive";
import { buildZip } from "../../test/support/handmadeZip";

/** Unpacking zip entries (zipArchive's unpackEntries) with Node's zlib and with fflate, the browser's inflater. */

function unpack(zip: Uint8Array, inflate: RawInflater) {
  const entries = readZipDirectory(zip);
  if ("ok" in entries) throw new Error(entries.detail);
  return unpackEntries({ bytes: zip, entries }, inflate);
}

/** Text that deflates about 3:1, so that a megabyte of it packs to more than fflate inflates in one call. */
function digits(length: number): Uint8Array {
  let state = 12345; // xorshift32
  return Uint8Array.from({ length }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return 0x30 + ((state >>> 0) % 10);
  });
}

const text = (value: string) => new Uint8Array(Buffer.from(value));
const deflated = (data: Uint8Array, level = 6) => new Uint8Array(zlib.deflateRawSync(data, { level }));

/** Each way of unpacking: Node's zlib, fflate in one call, and fflate in steps (entries packed beyond 256 KB). */
const INFLATERS: Array<[string, RawInflater]> = [
  ["Node's zlib", nodeInflater(zlib)],
  ["fflate", fflateInflater],
];

/** Entries that exercise each kind of DEFLATE block and both of fflate's ways. */
const STREAMS: Array<[string, Uint8Array, Uint8Array]> = [
  ["Huffman-coded", text("<sheetData>" + "<row><c><v>1</v></c></row>".repeat(2000) + "</sheetData>"), deflated(text("<sheetData>" + "<row><c><v>1</v></c></row>".repeat(2000) + "</sheetData>"))],
  ["stored blocks", digits(100_000), deflated(digits(100_000), 0)],
  ["packed beyond 256 KB", digits(1_000_000), deflated(digits(1_000_000), 1)],
];

describe("unpackEntries", () => {
  it("uses Node's zlib under Node", () => {
    expect(nodeZlib).toBeDefined();
    expect(platformInflater).not.toBe(fflateInflater);
  });

  it("makes the stream of the packed-beyond-256 KB case long enough to take fflate's stepped way", () => {
    expect(STREAMS[2]?.[2].length).toBeGreaterThan(256 * 1024);
  });

  describe.each(INFLATERS)("with %s", (_, inflate) => {
    it.each(STREAMS)("unpacks %s entries, stored entries and empty ones, each to its own bytes", (_kind, data, packed) => {
      const zip = buildZip([
        { name: "[Content_Types].xml", data: text("<Types/>") },
        { name: "xl/worksheets/sheet1.xml", data, packed },
        { name: "empty.bin", data: new Uint8Array(0), packed: deflated(new Uint8Array(0)) },
        { name: "written-empty.bin", data: new Uint8Array(0), packed: new Uint8Array(0) },
      ]);
      const files = unpack(zip, inflate);
      expect([...files.keys()]).toEqual(["[Content_Types].xml", "xl/worksheets/sheet1.xml", "empty.bin", "written-empty.bin"]);
      expect(Buffer.from(files.get("[Content_Types].xml") ?? []).toString()).toBe("<Types/>");
      expect(Buffer.from(files.get("xl/worksheets/sheet1.xml") ?? []).equals(Buffer.from(data))).toBe(true);
      expect(files.get("empty.bin")).toHaveLength(0);
    });

    it("keeps the first of two entries with the same name, as SheetJS would read them", () => {
      const zip = buildZip([
        { name: "xl/workbook.xml", data: text("<first/>"), packed: deflated(text("<first/>")) },
        { name: "xl/workbook.xml", data: text("<second/>") },
        { name: "after.xml", data: text("<after/>"), packed: deflated(text("<after/>")) },
      ]);
      const files = unpack(zip, inflate);
      expect([...files].map(([name, bytes]) => [name, Buffer.from(bytes).toString()])).toEqual([
        ["xl/workbook.xml", "<first/>"],
        ["after.xml", "<after/>"],
      ]);
    });

    it.each(STREAMS)("refuses a %s entry that unpacks to more than it declares", (_kind, data, packed) => {
      for (const declaredSize of [0, 1, data.length - 1, Math.floor(data.length / 2)]) {
        const zip = buildZip([{ name: "xl/worksheets/sheet1.xml", data, packed, declaredSize }, { name: "after.xml", data: text("<after/>") }]);
        expect(() => unpack(zip, inflate)).toThrow(UnpackedSizeExceeded);
      }
    });

    it.each(STREAMS)("refuses a %s entry that unpacks to less than it declares", (_kind, data, packed) => {
      for (const declaredSize of [data.length + 1, data.length * 2]) {
        const zip = buildZip([{ name: "xl/worksheets/sheet1.xml", data, packed, declaredSize }]);
        expect(() => unpack(zip, inflate)).toThrow(/unpacks to \d+ bytes, not the \d+ it declares/);
      }
    });

    it("refuses a damaged stream, and a stream cut short", () => {
      const data = STREAMS[0]?.[1] ?? new Uint8Array();
      const damaged = deflated(data);
      damaged.fill(0xff, 10, 30);
      expect(() => unpack(buildZip([{ name: "a.xml", data, packed: damaged }]), inflate)).toThrow();
      const cut = deflated(data).subarray(0, 40);
      expect(() => unpack(buildZip([{ name: "a.xml", data, packed: cut }]), inflate)).toThrow();
    });

    it("refuses a bomb that declares 1 KB quickly, without room for what it unpacks to", () => {
      const zeros = new Uint8Array(20 * 1024 * 1024);
      const zip = buildZip([{ name: "xl/worksheets/sheet1.xml", data: zeros, packed: deflated(zeros, 9), declaredSize: 1024 }]);
      const started = performance.now();
      expect(() => unpack(zip, inflate)).toThrow(UnpackedSizeExceeded);
      expect(performance.now() - started).toBeLessThan(2000);
    });
  });
});
