import { indexRoster } from "./roster";
import { identifyUnit, unitInFileName, unitInTitle, type UnitClues } from "./unitIdentity";

describe("unitInFileName: the file name without its template words", () => {
  it.each<[string, string | undefined]>([
    ["上海海关.xlsx", "上海海关"],
    ["市公安局.xlsx", "市公安局"],
    ["附件1-市商务委重点活动安排表（修订）(1).xlsx", "市商务委"],
    ["附件2 浦东新区知识产权局 2024年知识产权宣传周重点活动安排表.xlsx", "浦东新区知识产权局"],
    ["市教育委员会-附件1-20240410.xls", "市教育委员会"],
    ["张店区_附件2_4.10.et", "张店区"],
    ["上海海关活动表（最终版）.ods", "上海海关"],
    ["市公安局(2).xlsx", "市公安局"],
    ["市公安局 - 副本.xlsx", "市公安局"],
    ["返回/补报/上海市新闻出版局重点活动.xlsx", "上海市新闻出版局"],
    ["D:\\报送\\市妇联（盖章）.xlsx", "市妇联"],
    ["２０２４年市科协重点活动安排.csv", "市科协"],
    ["青少年活动中心.xlsx", "青少年活动中心"],
    ["ABC协会.xlsx", "ABC协会"],
    // template words, dates and default names name no one
    ["附件1.xlsx", undefined],
    ["附件2（区级层面）.xlsx", undefined],
    ["附件1：2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）.xlsx", undefined],
    ["重点活动安排表.xlsx", undefined],
    ["新建 Microsoft Excel 工作表.xlsx", undefined],
    ["关于报送宣传周活动的函.xlsx", undefined],
    ["Book1.xlsx", undefined],
    ["20240410.xlsx", undefined],
    ["王斌填的.xlsx", undefined],
    ["上海市.xlsx", undefined],
  ])("%s -> %s", (fileName, unit) => {
    expect(unitInFileName(fileName)).toBe(unit);
  });
});

describe("unitInTitle: a unit named in the title line", () => {
  it.each<[string, string | undefined]>([
    ["上海市新闻出版局2024年知识产权宣传周重点活动安排表", "上海市新闻出版局"],
    ["2024年上海市新闻出版局知识产权宣传周重点活动安排表", "上海市新闻出版局"],
    ["浦东新区2024年知识产权宣传周重点活动安排表", "浦东新区"],
    ["市公安局关于知识产权宣传周活动安排表", "市公安局"],
    ["上海海关 2024年 知识产权宣传周 重点活动安排表", "上海海关"],
    ["２０２４年市教育委员会重点活动安排表", "市教育委员会"],
    // the template's own titles and bare places name no unit
    ["2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）", undefined],
    ["2024年区知识产权联席会议重点活动安排表（区级层面）", undefined],
    ["上海市2024年知识产权宣传周重点活动安排表", undefined],
    ["2024年上海知识产权宣传周重点活动安排表", undefined],
    ["重点活动安排表", undefined],
    ["知识产权宣传周活动一览表", undefined],
  ])("%s -> %s", (title, unit) => {
    expect(unitInTitle(title)).toBe(unit);
  });
});

describe("identifyUnit: one rule for validate and merge", () => {
  const roster = indexRoster([
    { name: "上海市商务委员会", aliases: ["市商务委"] },
    { name: "上海市新闻出版局", aliases: ["市新闻出版局"] },
    { name: "浦东新区知识产权局", aliases: ["浦东新区"] },
  ]);
  const clues = (field: string | null, title: string | null, fileName: string | null): UnitClues => ({ field, title, fileName });

  it.each<[string, UnitClues, ReturnType<typeof identifyUnit>, ReturnType<typeof identifyUnit>]>([
    ["the 单位名称 line wins", clues("市商务委", "上海市新闻出版局2024年重点活动安排表", "上海海关.xlsx"),
      { name: "市商务委", source: "field" }, { name: "上海市商务委员会", source: "field" }],
    ["else the title", clues(null, "上海市新闻出版局2024年知识产权宣传周重点活动安排表", "附件1.xlsx"),
      { name: "上海市新闻出版局", source: "title" }, { name: "上海市新闻出版局", source: "title" }],
    ["a roster alias inside the title", clues(null, "市新闻出版局2024年宣传周活动", "附件1.xlsx"),
      { name: "市新闻出版局", source: "title" }, { name: "上海市新闻出版局", source: "title" }],
    ["else the file name", clues(null, "2024年市知识产权联席会议各成员单位重点活动安排表（市级层面）", "附件1-市商务委（修订）.xlsx"),
      { name: "市商务委", source: "file-name" }, { name: "上海市商务委员会", source: "file-name" }],
    ["a roster name inside a file name of other words", clues(null, null, "浦东新区报来的表.xlsx"),
      null, { name: "浦东新区知识产权局", source: "file-name" }],
    ["nothing names a unit", clues(null, "重点活动安排表", "附件1.xlsx"), null, null],
    ["a unit the roster does not know keeps its own name", clues(null, null, "上海海关.xlsx"),
      { name: "上海海关", source: "file-name" }, { name: "上海海关", source: "file-name" }],
  ])("%s", (_, given, alone, withRoster) => {
    expect(identifyUnit(given)).toEqual(alone);
    expect(identifyUnit(given, roster)).toEqual(withRoster);
  });
});
