/**
 * The returns the "returns" scenarios merge: 附件1 workbooks of 20 activity rows each, written by SheetJS and then
 * saved once by LibreOffice, as most returns reach the clerk (opened in an office suite, filled in, saved: styles,
 * shared strings and document properties of an office suite, not of SheetJS). Made once per count and kept under
 * .bench/lo-returns-<count>/, which later runs reuse.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { returnedWorkbook, seededRandom } from "./generate";
import { convert, hasSoffice } from "./libreOffice";

const BENCH_DIR = path.resolve(__dirname, "../.bench");
export const ROWS_PER_RETURN = 20;

export interface Corpus {
  dir: string;
  files: string[];
  /** Who wrote the files the merge reads: LibreOffice, or SheetJS when soffice is not on PATH. */
  writer: "LibreOffice" | "SheetJS";
}

const fileName = (i: number): string => `unit-${String(i).padStart(4, "0")}.xlsx`;

/** Complete means every expected file is there: a folder is only ever renamed into place once whole. */
function cached(dir: string, count: number): string[] | undefined {
  const files = Array.from({ length: count }, (_, i) => path.join(dir, fileName(i)));
  return files.every((file) => existsSync(file)) && readdirSync(dir).length === count ? files : undefined;
}

/** The same files for a count on every machine: seeded by the count, as the other scenarios' returns are. */
function writeSheetJsReturns(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  const random = seededRandom(count);
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, fileName(i));
    writeFileSync(file, returnedWorkbook(`单位${i}`, ROWS_PER_RETURN, random));
    return file;
  });
}

/** Built in a side folder and renamed into place, so an interrupted run never leaves a half corpus to be reused. */
function buildInPlace(dir: string, build: (partial: string) => void): void {
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  build(partial);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
}

/** SheetJS writes the originals; LibreOffice saves them again, the few it skips given a second chance. */
function convertReturns(count: number, outDir: string): void {
  const raw = mkdtempSync(path.join(os.tmpdir(), "huizong-raw-returns-"));
  try {
    const sources = writeSheetJsReturns(raw, count);
    convert(sources, "xlsx", outDir);
    const missing = sources.filter((source) => !existsSync(path.join(outDir, path.basename(source))));
    if (missing.length > 0) convert(missing, "xlsx", outDir);
    const stillMissing = sources.filter((source) => !existsSync(path.join(outDir, path.basename(source))));
    if (stillMissing.length > 0) throw new Error(`LibreOffice did not convert ${stillMissing.length} of ${count} returns (e.g. ${path.basename(stillMissing[0]!)})`);
  } finally {
    rmSync(raw, { recursive: true, force: true });
  }
}

export function returnsCorpus(count: number): Corpus {
  const withOffice = hasSoffice();
  const dir = path.join(BENCH_DIR, `${withOffice ? "lo" : "sheetjs"}-returns-${count}`);
  const writer = withOffice ? "LibreOffice" : "SheetJS";
  const files = cached(dir, count);
  if (files) return { dir, files, writer };
  console.error(`making ${count} returns${withOffice ? " through LibreOffice" : ""} (once; kept in ${path.relative(process.cwd(), dir)})…`);
  buildInPlace(dir, (partial) => (withOffice ? convertReturns(count, partial) : writeSheetJsReturns(partial, count)));
  return { dir, files: cached(dir, count)!, writer };
}
