import { locateTable } from "./locateTable";
import { CITY_HEADER, CITY_TITLE, DISTRICT_HEADER, DISTRICT_TITLE, cityRow, citySheet, sheetOf } from "../../test/support/sheets";
import { cellText } from "./rawSheet";

function located(...args: Parameters<typeof sheetOf>) {
  const table = locateTable(sheetOf(...args));
  if (!table) throw new Error("no table located");
  return table;
}

describe("locateTable", () => {
  it("finds the 附件1 table as the notice prints it", () => {
    const table = locateTable(citySheet([cityRow(), cityRow({ 活动时间: "4月23日" })]));
    expect(table).toMatchObject({
      headerRow: 2,
      firstDataRow: 3,
      title: CITY_TITLE,
      kindCertain: true,
      columns: { host: 0, name: 1, time: 2, place: 3, scale: 4, coOrganiser: 5, contact: 6 },
    });
    expect(table?.template.kind).toBe("city");
    expect(table?.headerFields.unit?.value).toBe("上海市市场监督管理局");
    expect(table?.rows.map((row) => row.row)).toEqual([3, 4]);
  });

  it("finds the header row far down and columns in any order", () => {
    const header = ["联系人", "活动时间", "重点活动名称", "主办单位", "活动地点", "活动规模（人数）", "协办部门"];
    const table = located([["转发：关于开展宣传周活动的通知"], [], [], [CITY_TITLE], ["单位名称：上海海关"], header, ["李晴 021-23110861", "4月20日", "海关开放日", "上海海关", "外高桥", "50", ""]]);
    expect(table.headerRow).toBe(5);
    expect(table.columns).toMatchObject({ contact: 0, time: 1, name: 2, host: 3 });
    expect(cellText(table.rows[0]?.cells.host)).toBe("上海海关");
  });

  it.each([
    ["line breaks and half-width brackets", ["主办\n单位", "重点活动\n名称", "活动\n时间", "活动地点", "活动规模\n(人数)", "协办部门", "联 系 人"]],
    ["full-width spaces and required stars", ["*主办单位", "重点活动名称*", "活动时间　", "活动地点", "活动规模【人数】", "协办单位", "联系人及电话"]],
    ["short synonyms", ["主办方", "活动名称", "时间", "地点", "人数", "协办", "联系方式"]],
  ])("reads headers written with %s", (_, header) => {
    const table = located([[CITY_TITLE], ["单位名称：上海海关"], header, cityRow()]);
    expect(Object.keys(table.columns).sort()).toEqual(["coOrganiser", "contact", "host", "name", "place", "scale", "time"]);
  });

  it.each([
    ["单位名称：上海海关", [["单位名称：上海海关"]]],
    ["单位名称: 上海海关（盖章）", [["单位名称: 上海海关（盖章）"]]],
    ["the value in the next cell", [["单位名称：", null, "上海海关"]]],
    ["spaced label", [["单 位 名 称：上海海关"]]],
    ["填报单位", [["填报单位：上海海关"]]],
    ["the value on the line below", [["单位名称："], ["上海海关"]]],
  ])("lifts the unit name from %s", (_, lines) => {
    const table = located([[CITY_TITLE], ...(lines as string[][]), CITY_HEADER, cityRow()]);
    expect(table.headerFields.unit?.value.replace("（盖章）", "")).toBe("上海海关");
  });

  it("skips blank rows and stops at footer lines", () => {
    const table = located([
      [CITY_TITLE],
      ["单位名称：上海海关"],
      CITY_HEADER,
      cityRow(),
      [],
      [null, null, null],
      cityRow({ 活动时间: "4月24日" }),
      ["填表人：张三", null, null, "审核人：李四"],
      cityRow({ 活动时间: "4月25日" }),
    ]);
    expect(table.rows.map((row) => row.row)).toEqual([3, 6]);
    expect(table.footerRow).toBe(7);
  });

  it.each([["注：活动时间请写到具体日期"], ["备注：无"], ["说明：1.请于4月12日前报送"], ["制表人：王斌"], ["联系电话：021-23110863"]])(
    "treats %s as a footer",
    (footer) => {
      const table = located([[CITY_TITLE], CITY_HEADER, cityRow(), [footer], cityRow()]);
      expect(table.rows).toHaveLength(1);
    },
  );

  it("does not take a host name starting with a footer word for a footer", () => {
    const table = located([[CITY_TITLE], CITY_HEADER, cityRow({ 主办单位: "说明书编写协会" }), cityRow()]);
    expect(table.rows).toHaveLength(2);
  });

  it("reads a host merged down over several activities into each row", () => {
    const sheet = sheetOf([[CITY_TITLE], CITY_HEADER, cityRow(), cityRow({ 主办单位: null }), cityRow({ 主办单位: null })], {
      merges: [{ startRow: 2, startCol: 0, endRow: 4, endCol: 0 }],
    });
    const table = locateTable(sheet);
    expect(table?.rows.map((row) => cellText(row.cells.host))).toEqual(["上海市市场监督管理局", "上海市市场监督管理局", "上海市市场监督管理局"]);
  });

  it("joins a separate phone column into 联系人", () => {
    const header = [...CITY_HEADER, "联系电话"];
    const table = located([[CITY_TITLE], header, [...cityRow({ 联系人: "王斌" }), "13812345678"]]);
    expect(cellText(table.rows[0]?.cells.contact)).toBe("王斌 13812345678");
  });

  it("reads a two-row header where 联系人 spans 姓名 | 电话", () => {
    const header = ["主办单位", "重点活动名称", "活动时间", "活动地点", "活动规模（人数）", "协办部门", "联系人", null];
    const sub = [null, null, null, null, null, null, "姓名", "电话"];
    const sheet = sheetOf([[CITY_TITLE], header, sub, [...cityRow({ 联系人: "王斌" }), "021-23110863"]], {
      merges: [{ startRow: 1, startCol: 6, endRow: 1, endCol: 7 }],
    });
    const table = locateTable(sheet);
    expect(table?.firstDataRow).toBe(3);
    expect(cellText(table?.rows[0]?.cells.contact)).toBe("王斌 021-23110863");
  });

  it("skips example lines and repeated header rows, and lists them", () => {
    const table = located([[CITY_TITLE], CITY_HEADER, cityRow({ 主办单位: "示例：上海市知识产权局" }), CITY_HEADER, cityRow(), ["合计", null, null, null, 100]]);
    expect(table.rows.map((row) => row.row)).toEqual([4]);
    expect(table.skipped).toEqual([
      { row: 2, reason: "example", text: "示例：上海市知识产权局" },
      { row: 3, reason: "repeated-header", text: "主办单位" },
      { row: 5, reason: "subtotal", text: "合计" },
    ]);
  });

  describe("section headings inside the table", () => {
    const WIDE = { startCol: 0, endCol: CITY_HEADER.length - 1 };
    it.each<[string, Array<string | null>, boolean]>([
      ["一、线下活动", ["一、线下活动"], false],
      ["二、线上活动", ["二、线上活动"], false],
      ["（一）主题宣传", ["（一）主题宣传"], false],
      ["(二)培训讲座", ["(二)培训讲座"], false],
      ["第一部分 市级重点活动", ["第一部分 市级重点活动"], false],
      ["第二类：进校园", ["第二类：进校园"], false],
      ["线上活动：", ["线上活动："], false],
      ["线下活动:", ["线下活动:"], false],
      ["线上活动", ["线上活动"], false],
      ["其他活动", ["其他活动"], false],
      ["Ⅰ.线下活动", ["Ⅰ.线下活动"], false],
      ["1、线下活动", ["1、线下活动"], false],
      ["一、 线 下 活 动 (full-width spaces)", ["一、　线　下　活　动"], false],
      ["merged across the table", ["一、线下活动"], true],
      ["a number in its own cell, the name beside it", ["一", "线下活动"], false],
      ["in the second column, merged across the rest", [null, "二、线上活动"], false],
    ])("%s", (_, cells, merged) => {
      const heading = 3;
      const sheet = sheetOf([[CITY_TITLE], ["单位名称：上海海关"], CITY_HEADER, cells, cityRow()], {
        merges: merged ? [{ startRow: heading, endRow: heading, ...WIDE }] : [],
      });
      const table = locateTable(sheet);
      expect(table?.rows.map((row) => row.row)).toEqual([4]);
      expect(table?.skipped).toEqual([expect.objectContaining({ row: heading, reason: "section" })]);
    });

    it.each<[string, Array<string | null>]>([
      ["an activity with only its name typed", [null, "知识产权进校园活动"]],
      ["an activity numbered 1、 with only its name", [null, "1、知识产权进校园"]],
      ["a numbered activity in a full row", ["一、上海海关", "海关开放日", "4月22日", "外高桥", "50", "", "李晴 021-23110861"]],
      ["only the host typed", ["上海海关"]],
      ["a 序号 and a name of its own", ["1", "知识产权进校园"]],
      ["a heading and something else", ["一、线下活动", null, "4月22日"]],
    ])("keeps %s as an activity", (_, cells) => {
      const table = located([[CITY_TITLE], ["单位名称：上海海关"], CITY_HEADER, cells, cityRow()]);
      expect(table.rows.map((row) => row.row)).toEqual([3, 4]);
      expect(table.skipped).toEqual([]);
    });
  });

  it.each([
    ["the title", [[DISTRICT_TITLE], ["单位名称：浦东新区"], CITY_HEADER], "district"],
    ["the district columns", [["单位名称：浦东新区"], DISTRICT_HEADER], "district"],
    ["the city columns", [["单位名称：上海海关"], CITY_HEADER], "city"],
    ["填表时间 above the table", [["单位名称：浦东新区"], ["填表时间：2024年4月10日"], ["主办单位", "重点活动名称", "活动时间", "活动地点", "活动规模", "联系人"]], "district"],
  ])("tells city from district by %s", (_, rows, kind) => {
    expect(located(rows as string[][]).template.kind).toBe(kind);
  });

  it("says when nothing decided the kind", () => {
    const table = located([["主办单位", "重点活动名称", "活动时间", "活动地点", "活动规模", "联系人"]]);
    expect(table.kindCertain).toBe(false);
  });

  it.each([
    ["an empty sheet", []],
    ["unrelated data", [["姓名", "部门", "电话"], ["张三", "办公室", "13812345678"]]],
    ["a notice with only two matching words", [["活动时间", "活动地点"], ["4月22日", "会议室"]]],
  ])("finds no table in %s", (_, rows) => {
    expect(locateTable(sheetOf(rows as string[][]))).toBeUndefined();
  });
});
