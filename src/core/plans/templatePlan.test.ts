import { cityTemplate } from "../templates/city";
import { districtTemplate } from "../templates/district";
import { dateExamples, templateLayout, templateWorkbookPlan } from "./templatePlan";
import { parseActivityTime } from "../parse/activityTime";

const week2025 = { start: "2025-04-20", end: "2025-04-26" };

describe("the template plan", () => {
  it("lays out 附件2 as the notice prints it: title, 单位名称, 填表时间, note, header, body", () => {
    expect(templateLayout(districtTemplate, 20)).toEqual({
      titleRow: 0,
      fieldRows: { unit: 1, fillDate: 2 },
      noteRow: 3,
      headerRow: 4,
      firstBodyRow: 5,
      lastBodyRow: 24,
    });
  });

  it("writes the campaign year into the title and the unit into 单位名称", () => {
    const [sheet] = templateWorkbookPlan(cityTemplate, { campaign: week2025, unit: "上海海关" }).sheets;
    expect(sheet?.rows[0]?.[0]?.value).toBe("2025年市知识产权联席会议各成员单位重点活动安排表（市级层面）");
    expect(sheet?.rows[1]?.map((cell) => cell.value)).toEqual(["单位名称：", "上海海关"]);
    expect(sheet?.rows[3]?.map((cell) => cell.value)).toEqual(cityTemplate.columns.map((column) => column.header));
  });

  it("guides the unit with a date rule on the campaign week that warns instead of blocking", () => {
    const [sheet] = templateWorkbookPlan(cityTemplate, { campaign: week2025 }).sheets;
    const timeCol = cityTemplate.columns.findIndex((column) => column.key === "time");
    const rule = sheet?.dataValidations.find((validation) => validation.range.startCol === timeCol && validation.range.startRow > 3);
    expect(rule).toMatchObject({ rule: { type: "dateBetween", from: "2025-04-20", to: "2025-04-26" }, errorStyle: "warning" });
    expect(sheet?.dataValidations.every((validation) => validation.errorStyle !== "stop")).toBe(true);
    expect(sheet?.dataValidations.every((validation) => validation.prompt.message.length <= 255)).toBe(true);
  });

  it("carries kind, version and week on a very hidden metadata sheet", () => {
    const [, metadata] = templateWorkbookPlan(districtTemplate, { campaign: week2025 }).sheets;
    expect(metadata?.visibility).toBe("veryHidden");
    expect(metadata?.rows.map((row) => row.map((cell) => cell.value))).toEqual([
      ["huizong-template", "1"],
      ["kind", "district"],
      ["templateVersion", "1"],
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
