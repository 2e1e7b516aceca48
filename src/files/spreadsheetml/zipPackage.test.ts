import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as zlib from "node:zlib";
import { strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough, zipSync } from "fflate";
import { DEFAULT_CAMPAIGN } from "../../core/campaign";
import { emptyValues, type MasterRow } from "../../core/merge/masterRow";
import { masterWorkbookPlan } from "../../core/plans/masterPlan";
import { readWorkbook } from "../readWorkbook";
import { readZipDirectory, type ZipEntry } from "../zipArchive";
import * as workerThreads from "node:worker_threads";
import { backgroundCompression, type WorkerThreads } from "./backgroundDeflate";
import { fflateCompression, nodeCompression, tableCrc32, type Compression } from "./deflateRaw";
import { platformCompression } from "./platformCompression";
import { replacePlanSheets } from "./replacePlanSheets";
import { writePlanWorkbook } from "./writePlanWorkbook";
import { ZipPackage } from "./zipPackage";

/** The zip writer (zipPackage, deflateRaw) with Node's zlib and with fflate, and replacePlanSheets copying parts still compressed. */

const UNZIP_AVAILABLE = spawnSync("unzip", ["-v"]).status === 0;

/** `unzip -t`: every entry's CRC and sizes checked by a zip reader that is not ours. */
function unzipTest(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "huizong-zip-"));
  try {
    const file = path.join(dir, "test.xlsx");
    writeFileSync(file, bytes);
    const result = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`unzip -t failed: ${result.stdout}${result.stderr}`);
    return result.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const itWithUnzip = UNZIP_AVAILABLE ? it : it.skip;

function directory(zip: Uint8Array): ZipEntry[] {
  const entries = readZipDirectory(zip);
  if ("ok" in entries) throw new Error(entries.detail);
  return entries;
}

const storedBytes = (zip: Uint8Array, entry: ZipEntry) => Buffer.from(zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize));

/** Sheet-like XML of about `rows` rows, Chinese text included, in pieces as a sheet writer produces it. */
function* sheetPieces(rows: number): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>';
  for (let r = 1; r <= rows; r++) yield `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>上海市第${r}场知识产权宣传活动</t></is></c><c r="B${r}"><v>${r * 7}</v></c></row>`;
  yield "</sheetData></worksheet>";
}

describe("tableCrc32", () => {
  it("is zlib's CRC-32, continued across pieces", () => {
    const data = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251);
    expect(tableCrc32(data)).toBe(zlib.crc32(data));
    expect(tableCrc32(data.subarray(40_000), tableCrc32(data.subarray(0, 40_000)))).toBe(zlib.crc32(data));
    expect(tableCrc32(new Uint8Array(0))).toBe(0);
  });
});

describe.each<[string, Compression]>([
  ["Node's zlib", nodeCompression(zlib)],
  ["Node's zlib on a second thread", backgroundCompression(zlib, workerThreads)],
  ["fflate", fflateCompression],
])("ZipPackage with %s", (_, compression) => {
  function written(): { bytes: Uint8Array; sheet: string } {
    const zip = new ZipPackage(compression);
    zip.addText("[Content_Types].xml", "<Types/>");
    const sheet = [...sheetPieces(20_000)].join("");
    const part = zip.open("xl/worksheets/sheet1.xml");
    for (const piece of sheetPieces(20_000)) part.write(piece);
    part.end();
    zip.addText("xl/empty.xml", "");
    zip.addBytes("xl/media/图片1.png", Uint8Array.from({ length: 5000 }, (_, i) => (i * 31) % 256));
    return { bytes: zip.finish(), sheet };
  }

  it("writes parts that read back as written, across many deflated pieces", () => {
    const { bytes, sheet } = written();
    expect(sheet.length).toBeGreaterThan(4 * 262_144); // many pieces, each deflated on its own under Node
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/empty.xml", "xl/media/图片1.png"]);
    expect(Buffer.from(files["xl/worksheets/sheet1.xml"] ?? []).toString("utf8")).toBe(sheet);
    expect(files["xl/empty.xml"]).toHaveLength(0);
    // The CRCs and sizes in the directory are those of the data, the names flagged UTF-8 only where they need it.
    const entries = directory(bytes);
    for (const entry of entries) {
      const data = storedBytes(bytes, entry);
      const unpacked = zlib.inflateRawSync(data);
      expect([entry.name, unpacked.length, zlib.crc32(unpacked)]).toEqual([entry.name, entry.declaredSize, entry.crc32]);
    }
    expect(entries.map((entry) => entry.flags)).toEqual([0, 0, 0, 0x800]);
  });

  itWithUnzip("writes a zip that unzip -t accepts", () => {
    expect(unzipTest(written().bytes)).toMatch(/No errors detected/);
  });

  it("refuses to write past 4 GB instead of writing a broken zip", () => {
    const block = new Uint8Array(64 * 1024 * 1024);
    // A compressor that says it produced 4 GB and more, without the memory.
    const huge: Compression = { deflater: () => ({ push: () => Array<Uint8Array>(65).fill(block) }), crc32: () => 0 };
    const zip = new ZipPackage(huge);
    expect(() => zip.addBytes("big.bin", new Uint8Array(1))).toThrow(/over 4 GB/);
  });

  it("refuses to finish while a part is still open", () => {
    const zip = new ZipPackage(compression);
    zip.open("xl/worksheets/sheet1.xml").write("<worksheet/>");
    expect(() => zip.finish()).toThrow(/never ended/);
  });
});

describe("replacePlanSheets keeps the parts it does not rewrite as they were stored", () => {
  function masterRow(index: number, unit: string): MasterRow {
    const values = { ...emptyValues(), host: unit, name: `${unit}活动${index}`, time: "4月22日", place: "会议室", scale: "30", contact: "王斌 13812345678" };
    return { unit, level: "市级", firstDay: "2024-04-22", values, problems: "", sourceFile: `${unit}.xlsx`, key: `city|${unit}`, order: index + 4 };
  }
  const context = { mergedAt: "2024年4月15日 10:30" };
  const oldPlan = masterWorkbookPlan([masterRow(0, "旧单位")], undefined, { campaign: DEFAULT_CAMPAIGN }, context);
  const plan = masterWorkbookPlan([masterRow(0, "上海海关"), masterRow(1, "浦东")], undefined, { campaign: DEFAULT_CAMPAIGN }, context);

  /** An old master's parts plus a picture and a custom part, each with the level another writer might choose. */
  function existingParts(): Array<[string, Uint8Array, 0 | 6 | 9]> {
    return [
      ...Object.entries(unzipSync(writePlanWorkbook(oldPlan))).map(([name, data]): [string, Uint8Array, 6] => [name, data, 6]),
      ["xl/media/图片1.png", Uint8Array.from({ length: 3000 }, (_, i) => (i * 131) % 256), 0],
      ["customXml/item1.xml", strToU8(`<note>${"手工备注".repeat(500)}</note>`), 9],
    ];
  }

  /** Sizes in the local headers, as most writers store them. */
  function zippedWhole(): Uint8Array {
    return zipSync(Object.fromEntries(existingParts().map(([name, data, level]) => [name, [data, { level }]])));
  }

  /** Sizes in data descriptors after the data, as streaming writers store them (fflate's Zip, Java's ZipOutputStream). */
  function zippedStreaming(): Uint8Array {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, data, level] of existingParts()) {
      const file = level === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level });
      zip.add(file);
      file.push(data, true);
    }
    zip.end();
    return new Uint8Array(Buffer.concat(chunks));
  }

  describe.each([
    ["sizes in the local headers", zippedWhole],
    ["data descriptors", zippedStreaming],
  ])("from a zip with %s", (_, existingMaster) => {
    it("copies their compressed bytes, method, CRC and sizes unchanged", () => {
      const existing = existingMaster();
      const updated = replacePlanSheets(existing, plan);
      const before = new Map(directory(existing).map((entry) => [entry.name, entry]));
      const after = directory(updated);
      const kept = ["xl/theme/theme1.xml", "xl/sharedStrings.xml", "docProps/app.xml", "_rels/.rels", "xl/media/图片1.png", "customXml/item1.xml"];
      for (const name of kept) {
        const old = before.get(Buffer.from(name).toString("latin1"));
        const now = after.find((entry) => entry.name === old?.name);
        if (!old || !now) throw new Error(`${name} missing`);
        expect({ name, method: now.method, crc32: now.crc32, size: now.declaredSize, packed: now.compressedSize }).toEqual({
          name,
          method: old.method,
          crc32: old.crc32,
          size: old.declaredSize,
          packed: old.compressedSize,
        });
        expect(storedBytes(updated, now).equals(storedBytes(existing, old))).toBe(true);
        expect(now.flags & 0x800).toBe(old.flags & 0x800);
        expect(now.flags & 0x8).toBe(0); // sizes before the data now, no descriptor after it
      }
      // The rewritten parts are this writer's own, and the whole reads back as a workbook.
      expect(after.find((entry) => entry.name === "xl/worksheets/sheet1.xml")?.crc32).not.toBe(before.get("xl/worksheets/sheet1.xml")?.crc32);
      const read = readWorkbook(updated, "master.xlsx");
      expect(read.ok && read.workbook.sheets.map((sheet) => sheet.name)).toEqual(plan.sheets.map((sheet) => sheet.name));
    });

    itWithUnzip("writes a zip that unzip -t accepts", () => {
      expect(unzipTest(replacePlanSheets(existingMaster(), plan))).toMatch(/No errors detected/);
    });
  });

  it("compresses again an entry it cannot copy as stored: a name with a leading slash, which the directory walk drops", () => {
    const parts = Object.fromEntries(existingParts().map(([name, data, level]) => [name, [data, { level }] as const]));
    const existing = zipSync({ ...parts, "/docs/readme.txt": [strToU8("说明".repeat(100)), { level: 9 }] });
    const updated = unzipSync(replacePlanSheets(existing, plan));
    expect(Buffer.from(updated["/docs/readme.txt"] ?? []).toString("utf8")).toBe("说明".repeat(100));
    expect(Buffer.from(updated["customXml/item1.xml"] ?? []).toString("utf8")).toBe(`<note>${"手工备注".repeat(500)}</note>`);
  });

  it("uses Node's zlib under Node", () => {
    expect(platformCompression).not.toBe(fflateCompression);
  });
});

describe("backgroundCompression", () => {
  /** A part of many pieces written with `compression`: its bytes. */
  function largePart(compression: Compression): Buffer {
    const zip = new ZipPackage(compression);
    const part = zip.open("xl/worksheets/sheet1.xml");
    for (const piece of sheetPieces(60_000)) part.write(piece);
    part.end();
    return Buffer.from(zip.finish());
  }

  it("writes the very bytes zlib on this thread writes, piece for piece", () => {
    const here = largePart(nodeCompression(zlib));
    expect(here.length).toBeGreaterThan(100_000);
    expect(largePart(backgroundCompression(zlib, workerThreads)).equals(here)).toBe(true);
  });

  it("deflates on this thread when the second one cannot start", () => {
    const noThreads = { ...workerThreads, Worker: class { constructor() { throw new Error("no threads here"); } } } as unknown as WorkerThreads;
    expect(largePart(backgroundCompression(zlib, noThreads)).equals(largePart(nodeCompression(zlib)))).toBe(true);
  });

  it("deflates on this thread what a second thread that never answers was given", () => {
    class SilentWorker {
      unref() {}
      on() {}
    }
    const silent = { ...workerThreads, Worker: SilentWorker } as unknown as WorkerThreads;
    const started = performance.now();
    expect(largePart(backgroundCompression(zlib, silent, 50)).equals(largePart(nodeCompression(zlib)))).toBe(true);
    // One stall, not one per piece: the silent thread is given up once.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
