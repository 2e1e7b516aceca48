import { checkWorkbook, type WorkbookCheck } from "./checkWorkbook";
import { metadataRows, METADATA_SHEET_NAME } from "./templateMetadata";
import { CITY_HEADER, CITY_TITLE, DISTRICT_HEADER, DISTRICT_TITLE, cityRow, citySheet, date, sheetOf } from "../../test/support/sheets";
import type { RawSheet } from "./rawSheet";

function check(...sheets: RawSheet[]): Extract<WorkbookCheck, { status: "ok" | "invalid" }> {
  const result = checkWorkbook({ sheets });
  if (result.status === "not-a-template") throw new Error("expected a template");
  return result;
}

/** Issues as "row column code" lines: compact to read, exact to compare. */
function findings(result: ReturnType<typeof check>): string[] {
  return result.submission.issues.map((issue) => `${issue.row ?? "-"} ${issue.column ?? "-"} ${issue.code}`);
}

describe("checkWorkbook", () => {
  it("passes a clean 附件1 return", () => {
    const result = check(citySheet([cityRow(), cityRow({ 活动时间: date(45405, "2024/4/23") }), cityRow({ 活动时间: 45406 })]));
    expect(result.status).toBe("ok");
    expect(result.submission).toMatchObject({ kind: "city", unit: "上海市市场监督管理局", sheetName: "Sheet1" });
    expect(result.submission.rows.map((row) => row.firstDay)).toEqual(["2024-04-22", "2024-04-23", "2024-04-24"]);
    expect(findings(result)).toEqual([]);
  });

  it("names each problem by sheet row and canonical column", () => {
    const result = check(
      citySheet([
        cityRow({ 活动时间: "4月27日" }),
        cityRow({ 活动时间: "4月下旬", 联系人: "王斌" }),
        cityRow({ 活动时间: "4月31日", "活动规模（人数）": "若干" }),
        cityRow({ 主办单位: null, 联系人: "李晴 021-6218xxxx" }),
        cityRow({ 活动时间: "2023年4月22日", 活动地点: null }),
      ]),
    );
    expect(result.status).toBe("invalid");
    expect(findings(result)).toEqual([
      "4 活动时间 date-outside-campaign",
      "5 活动时间 date-no-day",
      "5 联系人 contact-no-phone",
      "6 活动时间 date-impossible",
      "6 活动规模（人数） head-count-invalid",
      "7 主办单位 required-missing",
      "7 联系人 contact-phone-placeholder",
      "8 活动时间 date-wrong-year",
      "8 活动地点 required-missing",
    ]);
  });

  it("writes messages that name the cell and say how to fix it", () => {
    const [issue] = check(citySheet([cityRow({ 活动时间: "4月27日" })])).submission.issues;
    expect(issue?.message).toBe("C4：活动时间“4月27日”不在宣传周（4月20日至26日）内，请改为宣传周内的日期。");
  });

  it("names a cell longer than an Excel cell holds, in any column, and checks nothing else of it", () => {
    const long = "很长".repeat(20_000);
    const result = check(citySheet([cityRow({ 重点活动名称: long }), cityRow({ 活动时间: `4月22日${long}` }), cityRow({ 重点活动名称: "好".repeat(32_767) })]));
    expect(findings(result)).toEqual(["4 重点活动名称 cell-too-long", "5 活动时间 cell-too-long"]);
    expect(result.submission.issues[0]?.message).toBe(
      "B4：“重点活动名称”长达 40000 字，超过 Excel 单元格最多 32767 字的上限，请精简到 32767 字以内（详细材料可另附文件）。",
    );
  });

  it("reports the canonical header whatever the file's header looked like", () => {
    const sheet = sheetOf([[CITY_TITLE], ["单位名称：上海海关"], ["主办方", "活动名称", "日期", "地点", "人数", "协办", "联系人及电话"], cityRow({ 活动时间: "待定", "活动规模（人数）": "待定" })]);
    expect(findings(check(sheet))).toEqual(["4 活动时间 date-no-day", "4 活动规模（人数） head-count-invalid"]);
  });

  it("flags a missing unit name and a missing required column once each", () => {
    const header = CITY_HEADER.slice(0, 6);
    const sheet = sheetOf([[CITY_TITLE], ["单位名称："], header, cityRow().slice(0, 6)]);
    expect(findings(check(sheet))).toEqual(["- 联系人 column-missing", "- 单位名称 unit-missing"]);
  });

  it("checks 附件2 with 活动内容 required and 填表时间 as a date", () => {
    const row = ["浦东新区知识产权局", "知识产权进校园", "4月24日", "建平中学", null, "区领导", "300", "张敏 13900001111"];
    const sheet = sheetOf([[DISTRICT_TITLE], ["单位名称：浦东新区知识产权联席会议办公室"], ["填表时间：下周"], DISTRICT_HEADER, row]);
    const result = check(sheet);
    expect(result.submission.kind).toBe("district");
    expect(findings(result)).toEqual(["3 填表时间 fill-date-invalid", "5 活动内容 required-missing"]);
    expect(result.submission.issues[0]?.severity).toBe("warning");
  });

  it("treats the notice's hint line as no unit name", () => {
    const sheet = sheetOf([[DISTRICT_TITLE], ["单位名称："], ["区知识产权联席会议办公室"], ["填表时间：2024年4月10日"], DISTRICT_HEADER]);
    const result = check(sheet);
    expect(result.submission.unit).toBeNull();
    expect(result.submission.fillDate).toBe("2024-04-10");
    expect(findings(result)).toEqual(["- 单位名称 unit-missing", "- - no-rows"]);
  });

  it("finds the table on any sheet and warns about a second filled table", () => {
    const notes = sheetOf([["填表说明"], ["请于4月12日前报送"]], { name: "说明" });
    const first = { ...citySheet([cityRow()]), name: "市级" };
    const second = { ...citySheet([cityRow()]), name: "补充" };
    const result = check(notes, first, second);
    expect(result.submission.sheetName).toBe("市级");
    expect(findings(result)).toEqual(["- - extra-table-ignored"]);
    expect(result.status).toBe("ok");
  });

  it("is not a template when no sheet holds an activity table", () => {
    expect(checkWorkbook({ sheets: [sheetOf([["姓名", "电话"], ["张三", "13812345678"]])] }).status).toBe("not-a-template");
  });

  it("takes the campaign week and kind from the template's hidden metadata", () => {
    const metadata = sheetOf(metadataRows({ kind: "city", templateVersion: 1, campaignStart: "2025-04-20", campaignEnd: "2025-04-26" }), {
      name: METADATA_SHEET_NAME,
      hidden: true,
    });
    const sheet = sheetOf([["单位名称：上海海关"], ["主办单位", "重点活动名称", "活动时间", "活动地点", "活动规模", "联系人"], cityRow({ 活动时间: "4月21日" }).filter((_, i) => i !== 5)]);
    const result = check(sheet, metadata);
    expect(result.campaign).toEqual({ start: "2025-04-20", end: "2025-04-26" });
    expect(result.submission.kind).toBe("city");
    expect(result.submission.rows[0]?.firstDay).toBe("2025-04-21");
    expect(findings(result)).toEqual([]);
  });

  it("lets an explicit week win over the metadata", () => {
    const result = checkWorkbook({ sheets: [citySheet([cityRow({ 活动时间: "4月22日" })])] }, { campaign: { start: "2024-04-23", end: "2024-04-29" } });
    expect(result.status).toBe("invalid");
  });

  it("reports formula errors as errors in their cell", () => {
    const result = check(citySheet([cityRow({ 活动地点: { kind: "error", text: "#REF!" } })]));
    expect(findings(result)).toEqual(["4 活动地点 formula-error"]);
  });
});
