import { readFileSync } from "node:fs";
import path from "node:path";
import * as XLSX from "@e965/xlsx";
import type { Cell, RawSheet } from "../src/core/rawSheet";
import { classifyLibraryError } from "../src/files/readErrors";
import { DEFAULT_READ_LIMITS, isIgnoredFileName, readWorkbook, type ReadResult } from "../src/files/readWorkbook";
import { buildZip } from "./support/handmadeZip";

// ---- helpers: workbooks and containers built in memory ----

const DATE_2024_04_22 = 45404; // Excel serial (1900 system) of 2024-04-22

/** A workbook in the shape of a returned template, plus a hidden and a very hidden sheet. */
function sampleWorkbook(): XLSX.WorkBook {
  const sheet: XLSX.WorkSheet = XLSX.utils.aoa_to_sheet([
    ["2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）", null, null],
    ["单位名称：上海市市场监督管理局", null, null],
    ["主办单位", "活动时间", "活动规模\r\n（人数）"],
    ["市市场监管局", { t: "n", v: DATE_2024_04_22, z: "yyyy/m/d" }, 300],
    ["=HYPERLINK(\"x\")", "4/22", true],
    [{ t: "e", v: 0x2a }, "李晴 13816261234", 0.5],
  ]);
  sheet["!merges"] = [XLSX.utils.decode_range("A1:C1")];
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, "活动安排");
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([["meta"]]), "隐藏");
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([["veryhidden"]]), "深度隐藏");
  workbook.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }] };
  return workbook;
}

function writeBook(workbook: XLSX.WorkBook, bookType: XLSX.BookType, compression = true): Uint8Array {
  return new Uint8Array(XLSX.write(workbook, { type: "array", bookType, compression }) as ArrayBuffer);
}

function bytesOf(...parts: Array<string | number[] | Uint8Array>): Uint8Array {
  const chunks = parts.map((part) => (typeof part === "string" ? new TextEncoder().encode(part) : Uint8Array.from(part)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** The entries of a zip as SheetJS's own container reader sees them. */
function zipEntries(zip: Uint8Array): Array<{ name: string; data: Uint8Array }> {
  const container = XLSX.CFB.read(zip, { type: "array" }) as { FullPaths: string[]; FileIndex: Array<{ type: number; content: ArrayLike<number> }> };
  return container.FileIndex.flatMap((entry, i) =>
    entry.type === 2 ? [{ name: (container.FullPaths[i] ?? "").replace(/^[^/]*\//, ""), data: Uint8Array.from(entry.content) }] : [],
  );
}

function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(container, `/${name}`, data);
  return new Uint8Array(XLSX.CFB.write(container, { type: "array" }) as ArrayLike<number>);
}

function indexOf(bytes: Uint8Array, text: string): number {
  return Buffer.from(bytes).indexOf(text);
}

function expectOk(result: ReadResult) {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.detail}`);
  return result;
}

function cells(sheet: RawSheet | undefined): Array<Array<Cell | null | undefined>> {
  return (sheet?.rows ?? []).map((row) => [...row]);
}

// ---- tests ----

describe("readWorkbook: formats that hold a workbook", () => {
  it("reads an xlsx with merges, hidden sheets, dates, numbers, booleans, errors and line breaks", () => {
    const result = expectOk(readWorkbook(writeBook(sampleWorkbook(), "xlsx"), "上海市市场监督管理局.xlsx"));
    expect(result.format).toBe("xlsx");
    expect(result.workbook.sheets.map((s) => [s.name, s.hidden])).toEqual([["活动安排", false], ["隐藏", true], ["深度隐藏", true]]);
    const [sheet] = result.workbook.sheets;
    expect(sheet?.merges).toEqual([{ startRow: 0, startCol: 0, endRow: 0, endCol: 2 }]);
    const rows = cells(sheet);
    expect(rows[2]?.[2]).toEqual({ kind: "text", text: "活动规模\n（人数）" });
    expect(rows[3]).toEqual([
      { kind: "text", text: "市市场监管局" },
      { kind: "date", serial: DATE_2024_04_22, text: "2024/4/22" },
      { kind: "number", value: 300, text: "300" },
    ]);
    expect(rows[4]).toEqual([
      { kind: "text", text: "=HYPERLINK(\"x\")" },
      { kind: "text", text: "4/22" },
      { kind: "boolean", value: true, text: "TRUE" },
    ]);
    expect(rows[5]?.[0]).toEqual({ kind: "error", text: "#N/A" });
    expect(rows[5]?.[1]).toEqual({ kind: "text", text: "李晴 13816261234" });
  });

  it.each([
    ["xls", "returned.xls", "xls"],
    ["xls", "returned.et", "et"],
    ["ods", "returned.ods", "ods"],
    ["xlsm", "returned.xlsm", "xlsm"],
  ] as const)("reads a %s written as %s", (bookType, fileName, format) => {
    const result = expectOk(readWorkbook(writeBook(sampleWorkbook(), bookType), fileName));
    expect(result.format).toBe(format);
    const rows = cells(result.workbook.sheets[0]);
    expect(rows[0]?.[0]?.text).toBe("2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）");
    expect(rows[3]?.[1]).toMatchObject({ kind: "date", serial: DATE_2024_04_22 });
    expect(result.workbook.sheets[0]?.merges).toEqual([{ startRow: 0, startCol: 0, endRow: 0, endCol: 2 }]);
  });

  it("flags hidden sheets in an xls", () => {
    const result = expectOk(readWorkbook(writeBook(sampleWorkbook(), "xls"), "returned.xls"));
    expect(result.workbook.sheets.map((s) => s.hidden)).toEqual([false, true, true]);
  });

  it("converts 1904-system dates to 1900 serials", () => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([[{ t: "n", v: DATE_2024_04_22 - 1462, z: "yyyy-mm-dd" }]]), "Mac");
    workbook.Workbook = { WBProps: { date1904: true } };
    const result = expectOk(readWorkbook(writeBook(workbook, "xlsx"), "mac.xlsx"));
    expect(cells(result.workbook.sheets[0])[0]?.[0]).toEqual({ kind: "date", serial: DATE_2024_04_22, text: "2024-04-22" });
  });

  it("keeps a sheet whose range is enormous but sparse without walking the range", () => {
    // Hand-written sheet XML: SheetJS's own writer would walk all 17 billion cells of the range.
    const sparseSheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>首</t></is></c></row>` +
      `<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>尾</t></is></c></row></sheetData></worksheet>`;
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([["placeholder"]]), "Sheet1");
    const entries = zipEntries(writeBook(workbook, "xlsx"));
    const zip = buildZip(entries.map((e) => (e.name === "xl/worksheets/sheet1.xml" ? { ...e, data: sparseSheet } : e)));
    const started = performance.now();
    const result = expectOk(readWorkbook(zip, "sparse.xlsx"));
    expect(performance.now() - started).toBeLessThan(5000);
    const rows = result.workbook.sheets[0]?.rows ?? [];
    expect(rows.length).toBe(1_048_576);
    expect(rows[0]?.[0]?.text).toBe("首");
    expect(rows[1_048_575]?.[16_383]?.text).toBe("尾");
    // Empty rows in between are real (empty) arrays, so `for...of` over rows never meets undefined.
    expect(rows[500_000]).toEqual([]);
  });

  it("reads a streamed xlsx (sizes in data descriptors, as Java exporters write them)", () => {
    const entries = zipEntries(writeBook(sampleWorkbook(), "xlsx"));
    const streamed = buildZip(entries.map((entry) => ({ ...entry, deflate: true, streamed: true })));
    const result = expectOk(readWorkbook(streamed, "poi-export.xlsx"));
    expect(cells(result.workbook.sheets[0])[3]?.[0]?.text).toBe("市市场监管局");
  });
});

describe("readWorkbook: text formats", () => {
  const GBK_主办单位 = [0xd6, 0xf7, 0xb0, 0xec, 0xb5, 0xa5, 0xce, 0xbb];

  it("decodes a GBK CSV (as Excel in China saves it) and keeps dates and phone numbers as typed", () => {
    const result = expectOk(readWorkbook(bytesOf(GBK_主办单位, ",活动时间\r\n", GBK_主办单位, ",4/22,0533-3188608,13816261234,00123\r\n"), "returned.csv"));
    expect(result.format).toBe("csv");
    const rows = cells(result.workbook.sheets[0]);
    // "活动时间" was written as UTF-8 into a GBK file: it must not turn the whole file into UTF-8.
    expect(rows[0]?.[0]).toEqual({ kind: "text", text: "主办单位" });
    expect(rows[1]?.map((cell) => cell?.text)).toEqual(["主办单位", "4/22", "0533-3188608", "13816261234", "00123"]);
    expect(rows[1]?.every((cell) => cell?.kind === "text")).toBe(true);
  });

  it("reads a UTF-8 CSV with a BOM, quoted line breaks and tabs", () => {
    const result = expectOk(readWorkbook(bytesOf([0xef, 0xbb, 0xbf], "联系人,活动名称\r\n\"王斌\r\n0533-3188608\",知识产权进校园\r\n"), "returned.csv"));
    const rows = cells(result.workbook.sheets[0]);
    expect(rows[0]?.[0]?.text).toBe("联系人"); // no BOM glued to the first header
    expect(rows[1]?.[0]?.text).toBe("王斌\n0533-3188608");
  });

  it("reads Excel's UTF-16 'Unicode text' saved as .xls", () => {
    const utf16 = Array.from("主办单位\t活动时间\n市局\t4/22\n", (ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]).flat();
    const result = expectOk(readWorkbook(bytesOf([0xff, 0xfe], utf16), "export.xls"));
    expect(result.format).toBe("csv");
    expect(cells(result.workbook.sheets[0])[1]?.map((c) => c?.text)).toEqual(["市局", "4/22"]);
  });

  it("reads an HTML table saved as .xls in GBK, with colspan and <br>", () => {
    const html = "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head><body><table>" +
      "<tr><td colspan=3>TITLE</td></tr><tr><td>A<br>B</td><td>4/22</td><td>13816261234</td></tr></table></body></html>";
    const [before, after] = html.split("TITLE") as [string, string];
    const result = expectOk(readWorkbook(bytesOf(before, GBK_主办单位, after), "系统导出.xls"));
    expect(result.format).toBe("html");
    const sheet = result.workbook.sheets[0];
    expect(sheet?.merges).toEqual([{ startRow: 0, startCol: 0, endRow: 0, endCol: 2 }]);
    expect(cells(sheet)[0]?.[0]?.text).toBe("主办单位");
    expect(cells(sheet)[1]?.map((c) => c?.text)).toEqual(["A\nB", "4/22", "13816261234"]);
  });

  it("reads SpreadsheetML 2003 saved as .xls, with its date cells and hidden sheets", () => {
    const xml = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
<Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy/m/d"/></Style></Styles>
<Worksheet ss:Name="活动"><Table><Row><Cell ss:MergeAcross="1"><Data ss:Type="String">标题</Data></Cell></Row>
<Row><Cell ss:StyleID="d"><Data ss:Type="DateTime">2024-04-22T00:00:00.000</Data></Cell><Cell><Data ss:Type="String">4/22</Data></Cell></Row></Table></Worksheet>
<Worksheet ss:Name="元数据"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>
<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>
</Workbook>`;
    const result = expectOk(readWorkbook(bytesOf(xml), "wps-export.xls"));
    expect(result.format).toBe("xml");
    expect(result.workbook.sheets.map((s) => s.hidden)).toEqual([false, true]);
    expect(cells(result.workbook.sheets[0])[1]?.[0]).toEqual({ kind: "date", serial: DATE_2024_04_22, text: "2024/4/22" });
  });

  it.each([
    ["notes.txt", "主办单位,活动时间\n", "plain text"],
    ["page.doc", "<html><body><table><tr><td>x</td></tr></table></body></html>", "HTML"],
    ["page.xls", "<html><body><p>no table here</p></body></html>", "without a table"],
    ["feed.xml", "<?xml version=\"1.0\"?><rss><channel/></rss>", "XML"],
    ["letter.xls", "{\\rtf1\\ansi hello}", "RTF"],
  ])("refuses %s as not a spreadsheet", (fileName, text, detail) => {
    const result = readWorkbook(bytesOf(text), fileName);
    expect(result).toMatchObject({ ok: false, code: "not-a-spreadsheet" });
    expect(!result.ok && result.detail).toContain(detail);
  });
});

describe("readWorkbook: refusals", () => {
  it("refuses an empty file", () => {
    expect(readWorkbook(new Uint8Array(0), "空.xlsx")).toMatchObject({ ok: false, code: "empty-file" });
  });

  it("refuses a file over the size limit before reading it", () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxFileBytes: 1000 };
    expect(readWorkbook(writeBook(sampleWorkbook(), "xlsx"), "big.xlsx", limits)).toMatchObject({ ok: false, code: "too-large" });
  });

  it("refuses a zip bomb by its declared sizes, in the central directory or the local header", () => {
    const bomb = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: "<workbook/>", declaredSize: 0x7fffffff },
    ]);
    expect(readWorkbook(bomb, "bomb.xlsx")).toMatchObject({ ok: false, code: "unpacked-too-large" });
    const limits = { ...DEFAULT_READ_LIMITS, maxUnpackedBytes: 1000 };
    const honest = buildZip([{ name: "xl/workbook.xml", data: "x".repeat(2000), deflate: true }]);
    expect(readWorkbook(honest, "big.xlsx", limits)).toMatchObject({ ok: false, code: "unpacked-too-large" });
  });

  it("refuses a zip bomb that lies about its sizes once it inflates past them", () => {
    const silent = buildZip([{ name: "xl/workbook.xml", data: "<workbook>" + "x".repeat(50_000), deflate: true, streamed: true, declaredSize: 0 }]);
    expect(readWorkbook(silent, "liar.xlsx")).toMatchObject({ ok: false, code: "unpacked-too-large" });
    const understated = buildZip([{ name: "xl/workbook.xml", data: "x".repeat(200_000), deflate: true, declaredSize: 100 }]);
    expect(readWorkbook(understated, "liar.xlsx")).toMatchObject({ ok: false, code: "unpacked-too-large" });
  });

  it("refuses a damaged deflate stream as corrupt instead of hanging (SheetJS's own inflater loops on it)", () => {
    const entries = zipEntries(writeBook(sampleWorkbook(), "xlsx"));
    const zip = buildZip(entries.map((entry) => ({ ...entry, deflate: true })));
    const sheetStart = indexOf(zip, "xl/worksheets/sheet1.xml") + "xl/worksheets/sheet1.xml".length;
    zip.fill(0xff, sheetStart + 20, sheetStart + 40);
    const started = performance.now();
    expect(readWorkbook(zip, "damaged.xlsx")).toMatchObject({ ok: false, code: "corrupt" });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("refuses too many cells", () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxCells: 5 };
    expect(readWorkbook(writeBook(sampleWorkbook(), "xlsx"), "many.xlsx", limits)).toMatchObject({ ok: false, code: "too-many-cells" });
  });

  it("refuses a truncated xlsx as corrupt", () => {
    const whole = writeBook(sampleWorkbook(), "xlsx");
    const result = readWorkbook(whole.subarray(0, Math.floor(whole.length / 2)), "truncated.xlsx");
    expect(result).toMatchObject({ ok: false, code: "corrupt" });
  });

  it("refuses an xlsx whose parts are damaged as corrupt, never by throwing", () => {
    const damaged = buildZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: "\u0000\u0001 not xml <<<" },
      { name: "xl/_rels/workbook.xml.rels", data: "garbage" },
    ]);
    expect(readWorkbook(damaged, "damaged.xlsx")).toMatchObject({ ok: false, code: "corrupt" });
  });

  it.each([
    [[{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w:document/>" }], "report.xlsx", "not-a-spreadsheet", "Word document (.docx)"],
    [[{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "ppt/presentation.xml", data: "<p/>" }], "slides.xlsx", "not-a-spreadsheet", "PowerPoint"],
    [[{ name: "mimetype", data: "application/vnd.oasis.opendocument.text" }, { name: "content.xml", data: "<x/>" }], "notice.ods", "not-a-spreadsheet", "OpenDocument text"],
    [[{ name: "photos/1.jpg", data: "x" }], "photos.zip", "not-a-spreadsheet", "zip archive of 1 files"],
    [[{ name: "OFD.xml", data: "<ofd/>" }], "notice.ofd", "not-a-spreadsheet", "OFD"],
    [[{ name: "Index/Document.iwa", data: "x" }, { name: "Index/CalculationEngine.iwa", data: "x" }], "plan.numbers", "unsupported-format", "Numbers"],
    [[{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "xl/workbook.bin", data: "x" }], "plan.xlsb", "unsupported-format", "xlsb"],
    [[{ name: "xl/workbook.xml", data: "x", encrypted: true }], "locked.xlsx", "encrypted", "password"],
  ] as const)("classifies zip %#: %s", (specs, fileName, code, detail) => {
    const result = readWorkbook(buildZip([...specs]), fileName);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.detail).toContain(detail);
  });

  it.each([
    [{ EncryptionInfo: new Uint8Array(64), EncryptedPackage: new Uint8Array(600) }, "locked.xlsx", "encrypted", "password-protected"],
    [{ WordDocument: new Uint8Array(600) }, "notice.doc", "not-a-spreadsheet", "Word 97-2003"],
    [{ "PowerPoint Document": new Uint8Array(600) }, "slides.xls", "not-a-spreadsheet", "PowerPoint"],
    [{ Contents: new Uint8Array(600) }, "thing.xls", "not-a-spreadsheet", "holds no workbook"],
  ] as const)("classifies OLE compound file %#: %s", (streams, fileName, code, detail) => {
    const result = readWorkbook(compoundFile(streams), fileName);
    expect(result).toMatchObject({ ok: false, code });
    expect(!result.ok && result.detail).toContain(detail);
  });

  it.each([
    [bytesOf("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "通知.pdf", "PDF"],
    [bytesOf("%PDF-1.4\n"), "通知.xlsx", "PDF"],
    [bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), "截图.png", "PNG"],
    [bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "photo.xls", "JPEG"],
    [bytesOf([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00]), "returns.rar", "RAR"],
  ])("refuses %s (%s) as not a spreadsheet", (bytes, fileName, detail) => {
    const result = readWorkbook(bytes, fileName);
    expect(result).toMatchObject({ ok: false, code: "not-a-spreadsheet" });
    expect(!result.ok && result.detail).toContain(detail);
  });

  it("calls unknown binary content corrupt when the name promises a spreadsheet, else not a spreadsheet", () => {
    const noise = bytesOf([0x01, 0x02, 0x03, 0x04, 0x00, 0x00, 0x05]);
    expect(readWorkbook(noise, "returned.xlsx")).toMatchObject({ ok: false, code: "corrupt" });
    expect(readWorkbook(noise, "returned.bin")).toMatchObject({ ok: false, code: "not-a-spreadsheet" });
  });

  it("turns an OLE header with a damaged directory into a failure, not a throw", () => {
    const header = new Uint8Array(1024);
    header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    header.set([0x09, 0x00], 0x1e); // 512-byte sectors, nothing else valid
    const result = readWorkbook(header, "broken.xls");
    expect(result.ok).toBe(false);
  });

  // Zip-based files only: SheetJS's BIFF parser can spin for tens of seconds on some damaged .xls records
  // (reading past a record's end yields `undefined` string lengths); only isolating the reader can bound that.
  it.each(["xlsx", "ods"] as const)("never throws or hangs on damaged %s files", (bookType) => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const good = writeBook(sampleWorkbook(), bookType);
    for (let i = 0; i < 100; i++) {
      const damaged = good.slice();
      const flips = 1 + Math.floor(random() * 20);
      for (let k = 0; k < flips; k++) damaged[Math.floor(random() * damaged.length)] = Math.floor(random() * 256);
      const started = performance.now();
      expect(() => readWorkbook(damaged, `damaged.${bookType}`)).not.toThrow();
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });
});

describe("readWorkbook on the returned-workbook fixtures", () => {
  const dir = path.join(__dirname, "fixtures", "returns");
  const expected = JSON.parse(readFileSync(path.join(dir, "expected.json"), "utf8")) as {
    files: Array<{ file: string; status: string; readFailure: string | null }>;
  };
  const formatByName: Array<[RegExp, string]> = [
    [/\.xlsx$/, "xlsx"], [/\.ods$/, "ods"], [/\.et$/, "et"], [/\.csv$/, "csv"],
    [/html-export\.xls$/, "html"], [/spreadsheetml-2003\.xls$/, "xml"], [/\.xls$/, "xls"],
  ];

  it.each(expected.files.map((entry) => [entry.file, entry] as const))("%s", (file, entry) => {
    if (entry.status === "ignored") {
      expect(isIgnoredFileName(file)).toBe(true);
      return;
    }
    expect(isIgnoredFileName(file)).toBe(false);
    const result = readWorkbook(new Uint8Array(readFileSync(path.join(dir, file))), file);
    if (entry.status === "unreadable") {
      expect(result).toMatchObject({ ok: false, code: entry.readFailure });
    } else {
      expect(result).toMatchObject({ ok: true, format: formatByName.find(([pattern]) => pattern.test(file))?.[1] });
    }
  });
});

describe("classifyLibraryError", () => {
  it.each([
    [new Error("File is password-protected"), "encrypted"],
    [new Error("Password is incorrect"), "encrypted"],
    [new Error("Unsupported ZIP encryption"), "encrypted"],
    [new Error("Bad state: workbook|false"), "corrupt"],
    ["Could not find message 1 in Numbers template", "corrupt"],
    [undefined, "corrupt"],
  ])("classifies %p as %s", (error, code) => {
    expect(classifyLibraryError(error).code).toBe(code);
  });
});

describe("isIgnoredFileName", () => {
  it.each([
    ["~$上海市教育委员会.xlsx", true],
    ["returns/~$x.xls", true],
    [".~lock.上海海关.xlsx#", true],
    ["Thumbs.db", true],
    ["THUMBS.DB", true],
    [".DS_Store", true],
    ["desktop.ini", true],
    ["__MACOSX/returns/上海海关.xlsx", true],
    ["returns\\._上海海关.xlsx", true],
    ["汇总表.xlsx.huizong-lock", true],
    [".汇总表.xlsx.4242.tmp", true],
    ["汇总表.xlsx.tmp", false],
    ["上海海关.xlsx", false],
    ["returns/浦东新区.et", false],
    ["~上海海关.xlsx", false],
    [".lock.xlsx", false],
  ])("%s -> %s", (fileName, ignored) => {
    expect(isIgnoredFileName(fileName)).toBe(ignored);
  });
});
