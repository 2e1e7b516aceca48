import { spawnSync } from "node:child_process";
import { PLAN_CONTEXT } from "./support/sheets";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { DEFAULT_CAMPAIGN } from "../src/core/campaign";
import { emptyValues, type MasterRow } from "../src/core/merge/masterRow";
import type { RosterEntry } from "../src/core/merge/rosterStatus";
import { masterWorkbookPlan } from "../src/core/plans/masterPlan";
import { EXCEL_CELL_TEXT_LIMIT, storableText } from "../src/core/plans/storableText";
import { mergeIntoMasterFile, readMasterFile } from "../src/files/masterFile";
import { writeWorkbook } from "../src/files/writeWorkbook";
import { csvRecords } from "./support/csv";
import { describeWithLibreOffice, exportSheetsAsCsv } from "./support/libreoffice";

/**
 * The master holds whatever the returns held: every class of code point (those XML cannot carry among them) and
 * texts longer than an Excel cell. Written, it stays well-formed XML, reads back, takes the next merge, and
 * LibreOffice reads every string (an ill-formed part once made it drop every string after the first bad one).
 */

const CODE_POINT_CLASSES: Record<string, string> = {
  "C0 controls": Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join(""),
  "DEL and C1": "\u007F\u0080\u0085\u009F",
  "U+FFFE, U+FFFF": "\uFFFE\uFFFF",
  "lone surrogates": "\uD800x\uDFFF",
  "noncharacters XML allows": "\uFDD0\uFDEF",
  "byte-order mark": "\uFEFF",
  "private use": "\uE000",
  "astral (emoji, ideograph)": "😀𠀀",
  "markup characters": "<&>\"'",
  "Excel's own escape spelling": "_x0041_",
};

const LONG = "很长的活动名称".repeat(6000); // 42,000 characters

function row(index: number, name: string, problems = ""): MasterRow {
  const values = { ...emptyValues(), host: "上海海关", name, time: "4月22日", place: "会议室", scale: "50", contact: "王斌 13812345678" };
  return { unit: "上海海关", level: "市级", firstDay: "2024-04-22", values, problems, sourceFile: "上海海关\u0007.xlsx", key: "city|上海海关", order: index + 4 };
}

const rows: MasterRow[] = [
  ...Object.values(CODE_POINT_CLASSES).map((text, index) => row(index, `活动${text}结束`)),
  // One cell far too long, and 校验结果 collecting several long messages.
  row(20, LONG, [LONG.slice(0, 20_000), LONG.slice(0, 20_000)].join("；")),
];

/** Everything the written package holds as text: each XML part by name. */
function xmlParts(bytes: Uint8Array): Map<string, string> {
  return new Map(Object.entries(unzipSync(bytes)).filter(([name]) => /\.(xml|rels)$/.test(name)).map(([name, data]) => [name, strFromU8(data)]));
}

/** A character XML 1.0 forbids; the written parts must hold none. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("a master holding every class of code point and over-long text", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const roster: RosterEntry[] = [{ unit: "上海海关\uFFFF", aliases: ["海关\u0001"], status: "has-errors", rows: rows.length, rowsWithErrors: 1, file: "上海海关\u0007.xlsx" }];
    bytes = await writeWorkbook(masterWorkbookPlan(rows, roster, { campaign: DEFAULT_CAMPAIGN }, PLAN_CONTEXT));
  });

  it("writes only characters XML allows, in every part", () => {
    for (const [name, xml] of xmlParts(bytes)) expect([name, NOT_XML.exec(xml)?.[0]]).toEqual([name, undefined]);
  });

  it("writes well-formed XML in every part (xmllint)", () => {
    const xmllint = spawnSync("xmllint", ["--version"]);
    if (xmllint.error) {
      if (process.env.CI === "true") throw new Error("xmllint is not installed, and CI=true: apt-get install libxml2-utils");
      console.warn("\n*** xmllint not found: SKIPPING the well-formedness check of the written master ***\n");
      return;
    }
    for (const [name, xml] of xmlParts(bytes)) {
      const result = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
      expect([name, result.status, result.stderr]).toEqual([name, 0, ""]);
    }
  });

  it("reads back with each text as stored: replaced characters, the long cell cut to the limit with its mark", () => {
    const read = readMasterFile({ bytes, fileName: "汇总表.xlsx" });
    if (!read.ok) throw new Error(read.message);
    // XML turns a carriage return into a line feed, and the reader reads every line break as one.
    const asRead = (text: string) => storableText(text).replace(/\r\n?/g, "\n");
    expect(read.state.rows.map((master) => master.values.name)).toEqual(rows.map((master) => asRead(master.values.name)));
    const long = read.state.rows.at(-1);
    expect(long?.values.name).toHaveLength(EXCEL_CELL_TEXT_LIMIT);
    expect(long?.values.name).toMatch(/……（原文共 42000 字，超出 Excel 单元格上限，以下已截断）$/);
    expect(long?.problems.length).toBeLessThanOrEqual(EXCEL_CELL_TEXT_LIMIT);
    expect(long?.problems).toMatch(/以下已截断）$/);
    expect(read.state.rows[0]?.sourceFile).toBe("上海海关\uFFFD.xlsx");
  });

  it("takes the next merge", async () => {
    const merged = await mergeIntoMasterFile({ bytes, fileName: "汇总表.xlsx" }, [], { roster: undefined, campaign: undefined });
    if (!merged.ok) throw new Error(merged.message);
    expect(merged.result.rows).toHaveLength(rows.length);
  });

  describeWithLibreOffice("in LibreOffice", () => {
    it("reads every row's strings, after the replaced characters too", async () => {
      const work = mkdtempSync(path.join(tmpdir(), "huizong-storable-"));
      try {
        const file = path.join(work, "master.xlsx");
        writeFileSync(file, bytes);
        const csv = (await exportSheetsAsCsv([file], work)).get(file)?.get("活动汇总");
        if (!csv) throw new Error("LibreOffice wrote no CSV for 活动汇总");
        const records = csvRecords(readFileSync(csv, "utf8"));
        expect(records).toHaveLength(rows.length);
        expect(records.map((record) => record["联系人"])).toEqual(rows.map(() => "王斌 13812345678"));
        expect(records.at(-1)?.["重点活动名称"]).toMatch(/以下已截断）$/);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
