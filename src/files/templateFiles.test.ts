import { unzipSync } from "fflate";
import type { CampaignSettings } from "../core/campaign";
import { checkWorkbook } from "../core/checkWorkbook";
import { readWorkbook } from "./readWorkbook";
import { fileNamePart, rosterTemplatesZip, templateFile, templateFileName } from "./templateFiles";
import { readZipDirectory } from "./zipArchive";

/** Templates as files (src/files/templateFiles.ts): their names, one file, and one per unit in a .zip. */
const WEEK: CampaignSettings = { start: "2025-04-19", end: "2025-04-25" };

/** What a unit's spreadsheet program and Huizong see in a template file: the kind, the unit it is for, the week. */
function readBack(bytes: Uint8Array, fileName: string) {
  const read = readWorkbook(bytes, fileName);
  if (!read.ok) throw new Error(`${fileName} does not read back: ${read.code}`);
  const check = checkWorkbook(read.workbook);
  return {
    kind: check.metadata?.kind,
    metadataUnit: check.metadata?.unit,
    unit: check.status === "not-a-template" ? undefined : check.submission.unit,
    campaign: check.campaign,
  };
}

/** The language-encoding flag (bit 11): names are UTF-8. */
const UTF8_NAMES = 0x800;

describe("templateFileName", () => {
  it.each([
    ["city", undefined, "附件1-市级层面.xlsx"],
    ["district", undefined, "附件2-区级层面.xlsx"],
    ["district", "浦东新区知识产权局", "附件2-浦东新区知识产权局.xlsx"],
    ["city", "  上海市 知识产权局 ", "附件1-上海市 知识产权局.xlsx"],
    ["city", '市委/市政府:"办公厅"<*?>|\\', "附件1-市委_市政府_办公厅_.xlsx"],
    ["city", "   ", "附件1-市级层面.xlsx"],
    ["city", "...", "附件1-市级层面.xlsx"],
    ["city", "某单位.", "附件1-某单位.xlsx"],
    ["city", "甲\t乙\n丙", "附件1-甲 乙 丙.xlsx"],
  ] as const)("names %s for %j %s", (kind, unit, expected) => {
    expect(templateFileName(kind, unit)).toBe(expected);
  });

  it("keeps at most 60 characters of a unit, never half a character", () => {
    expect(Array.from(fileNamePart("知".repeat(80)))).toHaveLength(60);
    const emoji = fileNamePart("𠀀".repeat(70));
    expect(Array.from(emoji)).toHaveLength(60);
    expect(emoji).toBe("𠀀".repeat(60));
  });
});

describe("templateFile", () => {
  it("writes the template for a unit, its 单位名称 filled in and the week stored", async () => {
    const file = await templateFile({ kind: "district", campaign: WEEK, unit: "浦东新区知识产权局" });
    expect(file.fileName).toBe("附件2-浦东新区知识产权局.xlsx");
    expect(readBack(file.bytes, file.fileName)).toEqual({ kind: "district", metadataUnit: "浦东新区知识产权局", unit: "浦东新区知识产权局", campaign: WEEK });
  });

  it("writes a template without a unit", async () => {
    const file = await templateFile({ kind: "city", campaign: WEEK });
    expect(file.fileName).toBe("附件1-市级层面.xlsx");
    expect(readBack(file.bytes, file.fileName)).toMatchObject({ kind: "city", metadataUnit: undefined, unit: null, campaign: WEEK });
  });
});

describe("rosterTemplatesZip", () => {
  const units = ["上海市商务委员会", "上海市公安局", "市委/市政府", "市委:市政府", "上海市公安局", "  ", "上海市教育委员会"];

  it("zips one template per unit, each with its own 单位名称, under unique UTF-8 names", async () => {
    const zip = await rosterTemplatesZip({ kind: "city", campaign: WEEK }, units);
    expect(zip.fileName).toBe("附件1-各单位模板.zip");
    expect(zip.count).toBe(5);

    const entries = readZipDirectory(zip.bytes);
    if (!Array.isArray(entries)) throw new Error(`the zip does not read back: ${entries.code}`);
    expect(entries.every((entry) => (entry.flags & UTF8_NAMES) !== 0)).toBe(true);
    expect(entries.every((entry) => entry.method === 0)).toBe(true);

    const files = unzipSync(zip.bytes);
    expect(Object.keys(files)).toEqual([
      "附件1-上海市商务委员会.xlsx",
      "附件1-上海市公安局.xlsx",
      "附件1-市委_市政府.xlsx",
      "附件1-市委_市政府(2).xlsx",
      "附件1-上海市教育委员会.xlsx",
    ]);
    expect(Object.entries(files).map(([name, bytes]) => readBack(bytes, name))).toEqual(
      ["上海市商务委员会", "上海市公安局", "市委/市政府", "市委:市政府", "上海市教育委员会"].map((unit) => ({
        kind: "city",
        metadataUnit: unit,
        unit,
        campaign: WEEK,
      })),
    );
  });

  it("names the zip for 附件2 and gives an empty zip for no units", async () => {
    const zip = await rosterTemplatesZip({ kind: "district", campaign: WEEK }, []);
    expect(zip).toMatchObject({ fileName: "附件2-各单位模板.zip", count: 0 });
    expect(unzipSync(zip.bytes)).toEqual({});
  });
});
