import { sharedColumns } from "./columns";
import { templateSchema, type Template } from "./templateSchema";

/** 附件1: 市知识产权联席会议各成员单位重点活动安排表（市级层面）, as the Shanghai notice prints it. */
export const cityTemplate: Template = templateSchema.parse({
  kind: "city",
  version: 2,
  attachment: "附件1",
  level: "市级",
  title: "{year}年市知识产权联席会议各成员单位重点活动安排表（市级层面）",
  titleMarkers: ["市级层面", "各成员单位"],
  headerFields: [
    { key: "unit", label: "单位名称", synonyms: ["填报单位", "报送单位", "单位"], required: true },
  ],
  columns: [
    sharedColumns.host,
    sharedColumns.name,
    sharedColumns.time,
    sharedColumns.place,
    sharedColumns.scale,
    sharedColumns.coOrganiser,
    sharedColumns.contact,
  ],
});
