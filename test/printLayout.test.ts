/**
 * The master and the exported 附件 tables print as a clerk hands them on: LibreOffice prints each sheet to PDF, and
 * the pages are read back with poppler's pdftotext. Nothing prints smaller than 9-point text printed at full size
 * (measured against a 9-point calibration line through the same LibreOffice), and no text is cut: every character
 * of every cell is on the pages (LibreOffice leaves out the lines a row is too short to show). The pages are also
 * rendered to PNG under test-output/print/ for a person to look at.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { incomingReturn } from "../src/core/merge/merge";
import { MASTER_HEADERS } from "../src/core/merge/masterRow";
import type { SheetPlan } from "../src/core/plans/sheetPlan";
import { rosterFromRows, rosterRowsFromText } from "../src/core/roster";
import { cellText } from "../src/core/rawSheet";
import { checkFile } from "../src/files/checkFile";
import { exportConsolidated } from "../src/files/exportFile";
import { mergeIntoMasterFile } from "../src/files/masterFile";
import { readWorkbook } from "../src/files/readWorkbook";
import { writePlanWorkbook } from "../src/files/spreadsheetml/writePlanWorkbook";
import { convertWithLibreOffice, describeWithLibreOffice } from "./support/libreoffice";

const root = path.resolve(__dirname, "..");
const examples = path.join(root, "examples");
const outputDir = path.join(root, "test-output", "print");

interface PrintedWord {
  text: string;
  height: number;
  page: number;
  yMin: number;
  yMax: number;
  pageHeight: number;
}

/** Every word of a PDF with its box, by pdftotext -bbox. */
function wordsOf(pdf: string): PrintedWord[] {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const words: PrintedWord[] = [];
  html.split("<page ").slice(1).forEach((page, index) => {
    const pageHeight = Number(/height="([\d.]+)"/.exec(page)?.[1] ?? "0");
    for (const match of page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const yMin = Number(match[1]);
      const yMax = Number(match[2]);
      words.push({ text: unescapeHtml(match[3] ?? ""), height: yMax - yMin, page: index + 1, yMin, yMax, pageHeight });
    }
  });
  return words;
}

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** Counts of each Chinese character: what a cut line would lose. */
function hanCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const char of text.match(/[\u4e00-\u9fff]/g) ?? []) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

async function printToPdf(bytes: Uint8Array, name: string, dir: string): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  const [pdf] = await convertWithLibreOffice([file], "pdf", dir);
  if (!pdf) throw new Error(`LibreOffice printed nothing for ${name}`);
  return pdf;
}

/** The height pdftotext gives a word of 9-point 宋体 printed at full size. */
async function ninePointHeight(dir: string): Promise<number> {
  const line: SheetPlan = {
    name: "校准",
    visibility: "visible",
    rows: [[{ value: "九磅校准文字", style: "note" }]],
    merges: [],
    columnWidths: [40],
    dataValidations: [],
    conditionalFormats: [],
  };
  const pdf = await printToPdf(writePlanWorkbook({ sheets: [line], properties: { title: "校准", creator: "test" } }), "calibration", dir);
  const [word] = wordsOf(pdf);
  if (!word) throw new Error("the calibration line printed no text");
  return word.height;
}

describeWithLibreOffice("printing the master and the exported tables", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "huizong-print-"));
  const roster = rosterFromRows(rosterRowsFromText(readFileSync(path.join(examples, "roster.txt"), "utf8")));
  let minimum = 0;
  const printed = new Map<string, { pdf: string; bytes: Uint8Array }>();

  beforeAll(async () => {
    minimum = await ninePointHeight(dir);
    const files = readdirSync(path.join(examples, "returns")).sort();
    const returns = files.map((file, index) =>
      incomingReturn(checkFile(new Uint8Array(readFileSync(path.join(examples, "returns", file))), file, { roster }), 1_713_000_000_000 + index),
    );
    const merged = await mergeIntoMasterFile(undefined, returns, { roster, campaign: undefined, mergedAt: new Date(2024, 3, 15, 10, 30) });
    if (!merged.ok) throw new Error(merged.message);
    const exported = exportConsolidated({ bytes: merged.bytes, fileName: "汇总表.xlsx" }, { includeRowsWithProblems: false });
    if (!exported.ok) throw new Error(exported.message);
    for (const [name, bytes] of [["汇总表", merged.bytes], ["附件汇总", exported.bytes]] as const) {
      printed.set(name, { pdf: await printToPdf(bytes, name, dir), bytes });
    }
    mkdirSync(outputDir, { recursive: true });
    for (const [name, { pdf }] of printed) execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(outputDir, name)]);
  }, 240_000);

  it.each(["汇总表", "附件汇总"])("%s: prints nothing smaller than 9-point text at full size", (name) => {
    const words = wordsOf(printed.get(name)?.pdf ?? "");
    expect(words.length).toBeGreaterThan(50);
    const tooSmall = words.filter((word) => word.height < minimum * 0.97).map((word) => `p${word.page} ${word.text} (${word.height.toFixed(1)})`);
    expect(tooSmall).toEqual([]);
  });

  it.each(["汇总表", "附件汇总"])("%s: prints every character of every visible sheet, with page numbers", (name) => {
    const { pdf, bytes } = printed.get(name) ?? { pdf: "", bytes: new Uint8Array() };
    const read = readWorkbook(bytes, `${name}.xlsx`);
    if (!read.ok) throw new Error(read.detail);
    // Every cell of the visible sheets but the hidden 汇总标识 column, which does not print.
    const cells = read.workbook.sheets
      .filter((sheet) => !sheet.hidden)
      .flatMap((sheet) => {
        const keyColumn = (sheet.rows[0] ?? []).findIndex((cell) => cellText(cell) === MASTER_HEADERS.key);
        return sheet.rows.flatMap((row) => row.filter((_, col) => col !== keyColumn).map((cell) => cellText(cell)));
      });
    const words = wordsOf(pdf);
    // The page header and footer sit in the margins; the table's own text is what must all be there.
    const body = words.filter((word) => word.yMin > 50 && word.yMax < word.pageHeight - 50).map((word) => word.text);
    const onPages = hanCounts(body);
    const missing = [...hanCounts(cells)].filter(([char, count]) => (onPages.get(char) ?? 0) < count).map(([char, count]) => `${char}×${count - (onPages.get(char) ?? 0)}`);
    expect(missing).toEqual([]);
    const pages = Math.max(...words.map((word) => word.page));
    const footers = words.filter((word) => word.yMin > word.pageHeight - 50).map((word) => word.text).join("");
    for (let page = 1; page <= pages; page++) expect(footers).toContain(`第${page}页共`);
  });

  it("heads each page of 活动汇总 with the title and the time of the merge", () => {
    const words = wordsOf(printed.get("汇总表")?.pdf ?? "");
    const header = words.filter((word) => word.page === 1 && word.yMax < 50).map((word) => word.text).join("");
    expect(header).toContain("知识产权宣传周重点活动汇总表");
    expect(header).toContain("2024年4月15日");
  });
});
