import { checkWorkbook } from "./checkWorkbook";
import { issueCell } from "./issueLocation";
import { CITY_HEADER, CITY_TITLE, cityRow, sheetOf } from "../../test/support/sheets";

function located(rows: Parameters<typeof sheetOf>[0]) {
  const result = checkWorkbook({ sheets: [sheetOf(rows)] });
  if (result.status === "not-a-template") throw new Error("expected a template");
  return result.submission.issues.map((issue) => `${issue.code}@${issueCell(result.submission, issue)?.address ?? "-"}`);
}

describe("issueCell", () => {
  it("puts a row issue on its column's cell, wherever the unit moved the column", () => {
    // 联系人 moved to the first column, the header pushed down a row.
    const header = ["联系人", ...CITY_HEADER.slice(0, -1)];
    const row = cityRow({ 活动时间: "4月27日", 联系人: "王斌" });
    expect(located([[CITY_TITLE], ["单位名称：上海海关"], [], header, [row[6] ?? null, ...row.slice(0, 6)]])).toEqual([
      "date-outside-campaign@D5",
      "contact-no-phone@A5",
    ]);
  });

  it("puts a missing unit name on the 单位名称 line and gives table-level issues no cell", () => {
    expect(located([[CITY_TITLE], ["单位名称："], CITY_HEADER.slice(0, 5)])).toEqual(["column-missing@-", "unit-missing@A2", "no-rows@-"]);
  });
});
