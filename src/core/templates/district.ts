import { sharedColumns } from "./columns";
import { templateSchema, type Template } from "./templateSchema";

/** 附件2: 区知识产权联席会议重点活动安排表（区级层面）, as the Shanghai notice prints it. */
export const districtTemplate: Template = templateSchema.parse({
  kind: "district",
  version: 2,
  attachment: "附件2",
  level: "区级",
  title: "{year}年区知识产权联席会议重点活动安排表（区级层面）",
  titleMarkers: ["区级层面"],
  headerFields: [
    {
      key: "unit",
      label: "单位名称",
      synonyms: ["填报单位", "报送单位", "单位"],
      required: true,
      placeholder: "区知识产权联席会议办公室",
    },
    { key: "fillDate", label: "填表时间", synonyms: ["填表日期", "填报时间", "填报日期", "报送时间", "报送日期"], required: false },
  ],
  columns: [
    sharedColumns.host,
    sharedColumns.name,
    sharedColumns.time,
    sharedColumns.place,
    sharedColumns.content,
    sharedColumns.audience,
    { ...sharedColumns.scale, header: "活动规模（参与人数）", width: 20, prompt: "填写参与人数（正整数），可写“约300人”“100-200”。" },
    sharedColumns.contact,
  ],
});
