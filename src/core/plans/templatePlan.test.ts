import { cityTemplate } from "../templates/city";
import { districtTemplate } from "../templates/district";
import { dateExamples, templateLayout, templateWorkbookPlan } from "./templatePlan";
import { palette } from "./sheetPlan";
import { parseActivityTime } from "../parse/activityTime";

const week2025 = { start: "2025-04-20", end: "2025-04-26" };

describe("the template plan", () => {
  it("lays out 附件2 as the notice prints it: 附件2, title, 单位名称, 填表时间, note, header, body", () => {
    expect(templateLayout(districtTemplate, 20)).toEqual({
      labelRow: 0,
      titleRow: 1,
      fieldRows: { unit: 2, fillDate: 3 },
      noteRow: 4,
      headerRow: 5,
      firstBodyRow: 6,
      lastBodyRow: 25,
    });
  });

  it("writes 附件1 above the title, the campaign year into the title and the unit into a boxed 单位名称", () => {
    const [sheet] = templateWorkbookPlan(cityTemplate, { campaign: week2025, unit: "上海海关" }).sheets;
    expect(sheet?.rows[0]).toEqual([{ value: "附件1", style: "attachmentLabel" }]);
    expect(sheet?.rows[1]?.[0]?.value).toBe("2025年市知识产权联席会议各成员单位重点活动安排表（市级层面）");
    expect(sheet?.rows[2]?.map((cell) => cell.value)).toEqual(["单位名称：", "上海海关", null, null]);
    // The whole merged box is bordered, so every writer draws its right edge too.
    expect(sheet?.rows[2]?.slice(1).map((cell) => cell.style)).toEqual(["fieldInput", "fieldInput", "fieldInput"]);
    expect(palette.fieldInput.border).toBe(true);
    expect(sheet?.merges).toContainEqual({ startRow: 2, startCol: 1, endRow: 2, endCol: 3 });
    expect(sheet?.rows[4]?.map((cell) => cell.value)).toEqual(cityTemplate.columns.map((column) => column.header));
  });

  it("boxes 填表时间 on 附件2 under a date format", () => {
    const [sheet] = templateWorkbookPlan(districtTemplate, { campaign: week2025 }).sheets;
    expect(sheet?.rows[3]?.map((cell) => [cell.value, cell.style])).toEqual([
      ["填表时间：", "fieldLabel"],
      ["", "fieldDate"],
      [null, "fieldDate"],
      [null, "fieldDate"],
    ]);
    expect(palette.fieldDate).toMatchObject({ border: true, numberFormat: "yyyy/m/d" });
  });

  it("sets the form in 宋体 with 黑体 headings, and a plain (not italic) guidance note", () => {
    const [sheet] = templateWorkbookPlan(districtTemplate, { campaign: week2025 }).sheets;
    const fontOf = (row: number, col = 0) => palette[sheet?.rows[row]?.[col]?.style ?? "body"];
    expect(fontOf(0).fontName).toBe("黑体");
    expect(fontOf(1)).toMatchObject({ fontName: "黑体", bold: true });
    expect(fontOf(5)).toMatchObject({ fontName: "黑体", bold: true });
    expect(fontOf(6).fontName).toBe("宋体");
    expect(fontOf(2, 1).fontName).toBe("宋体");
    expect(fontOf(4)).toMatchObject({ fontName: "宋体" });
    expect(fontOf(4).italic).toBeFalsy();
  });

  it("names the table in Chinese, as Name Manager shows it", () => {
    const [city] = templateWorkbookPlan(cityTemplate, { campaign: week2025 }).sheets;
    const [district] = templateWorkbookPlan(districtTemplate, { campaign: week2025 }).sheets;
    expect([city?.table?.name, district?.table?.name]).toEqual(["附件1活动表", "附件2活动表"]);
  });

  it("does not ask units to leave the header alone (nothing enforces it), but says rows may be inserted", () => {
    const [sheet] = templateWorkbookPlan(districtTemplate, { campaign: week2025 }).sheets;
    const note = String(sheet?.rows[4]?.[0]?.value);
    expect(note).toContain("插入行");
    expect(note).not.toMatch(/表头|不要修改|请勿改动/);
  });

  it("checks 活动时间 with a formula that lets text through and holds dates to the week, warning instead of blocking", () => {
    const [sheet] = templateWorkbookPlan(cityTemplate, { campaign: week2025 }).sheets;
    const timeCol = cityTemplate.columns.findIndex((column) => column.key === "time");
    const rule = sheet?.dataValidations.find((validation) => validation.range.startCol === timeCol && validation.range.startRow > 4);
    expect(rule).toMatchObject({
      range: { startRow: 5, startCol: 2, endRow: 24, endCol: 2 },
      rule: { type: "custom", formula: "IF(ISNUMBER(C6),AND(C6>=DATE(2025,4,20),C6<DATE(2025,4,27)),ISTEXT(C6))" },
      errorStyle: "warning",
    });
    expect(sheet?.dataValidations.every((validation) => validation.errorStyle !== "stop")).toBe(true);
    expect(sheet?.dataValidations.every((validation) => validation.prompt.message.length <= 255)).toBe(true);
  });

  it("carries kind, version and week on a very hidden metadata sheet", () => {
    const [, metadata] = templateWorkbookPlan(districtTemplate, { campaign: week2025 }).sheets;
    expect(metadata?.visibility).toBe("veryHidden");
    expect(metadata?.rows.map((row) => row.map((cell) => cell.value))).toEqual([
      ["huizong-template", "1"],
      ["kind", "district"],
      ["templateVersion", "2"],
      ["campaignStart", "2025-04-20"],
      ["campaignEnd", "2025-04-26"],
    ]);
  });

  it.each([week2025, { start: "2024-04-28", end: "2024-05-04" }, { start: "2024-04-20", end: "2024-04-20" }])(
    "gives date examples that pass inside the week %j",
    (campaign) => {
      for (const example of dateExamples(campaign).split("、")) {
        const parsed = parseActivityTime(example, Number(campaign.start.slice(0, 4)));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) for (const span of parsed.spans) expect(span.start >= campaign.start && span.end <= campaign.end).toBe(true);
      }
    },
  );
});
