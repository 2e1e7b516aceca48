import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readWorkbook } from "../src/files/readWorkbook";
import { parseCsv } from "./support/csv";
import { describeWithLibreOffice, exportSheetsAsCsv } from "./support/libreoffice";

/**
 * The reader against an independent one: LibreOffice opens every returned-workbook fixture (Excel, LibreOffice and
 * WPS formats) and exports each sheet as CSV; every text cell we read must be exactly what LibreOffice reads there.
 */
const fixtures = path.resolve(__dirname, "fixtures/returns");
const spreadsheets = readdirSync(fixtures).filter((file) => /\.(xlsx|xls|ods|et)$/.test(file) && !file.startsWith("~$") && !file.includes("corrupt"));

describeWithLibreOffice("the reader agrees with LibreOffice", () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "huizong-lo-read-"));
  /** Copies named after the whole file name: LibreOffice names CSVs after the base name, and 02-… comes in three formats. */
  const copyOf = (file: string) => path.join(work, `${file.replace(/\./g, "_")}${path.extname(file)}`);
  let csvs = new Map<string, Map<string, string>>();

  beforeAll(async () => {
    for (const file of spreadsheets) copyFileSync(path.join(fixtures, file), copyOf(file));
    csvs = await exportSheetsAsCsv(spreadsheets.map(copyOf), work);
  }, 120_000);

  it.each(spreadsheets)("%s: every text cell as LibreOffice reads it", (file) => {
    const read = readWorkbook(new Uint8Array(readFileSync(path.join(fixtures, file))), file);
    if (!read.ok) throw new Error(`${file}: ${read.code}`);
    const sheets = csvs.get(copyOf(file));
    let compared = 0;
    for (const sheet of read.workbook.sheets.filter((candidate) => !candidate.hidden)) {
      const csvFile = sheets?.get(sheet.name);
      expect({ sheet: sheet.name, exported: csvFile !== undefined }).toEqual({ sheet: sheet.name, exported: true });
      const theirs = parseCsv(readFileSync(csvFile ?? "", "utf8"));
      sheet.rows.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (cell?.kind !== "text") return;
          expect({ at: [r, c], text: theirs[r]?.[c] }).toEqual({ at: [r, c], text: cell.text });
          compared++;
        }),
      );
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });
});
