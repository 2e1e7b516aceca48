import type { TemplateColumn } from "./templateSchema";

/**
 * The columns both templates share, with the header spellings units really use. Each template picks its own
 * subset and order and may override the header text (活动规模（人数） vs 活动规模（参与人数）).
 */
export const sharedColumns = {
  host: {
    key: "host",
    header: "主办单位",
    synonyms: ["主办", "主办方", "主办部门", "主办机构", "举办单位", "主办单位名称"],
    required: true,
    rule: "text",
    width: 18,
    prompt: "填写主办单位全称，如：上海市市场监督管理局。",
  },
  name: {
    key: "name",
    header: "重点活动名称",
    synonyms: ["活动名称", "重点活动", "活动项目", "活动主题", "项目名称", "名称"],
    required: true,
    rule: "text",
    width: 30,
    prompt: "填写活动的正式名称。",
  },
  time: {
    key: "time",
    header: "活动时间",
    synonyms: ["时间", "活动日期", "日期", "举办时间", "开展时间", "活动时间安排", "具体时间"],
    required: true,
    rule: "activityTime",
    width: 16,
    prompt: "须在宣传周内，写到具体日期，如 2024/4/22、4月22日上午9:30 或 4月20日-22日。",
  },
  place: {
    key: "place",
    header: "活动地点",
    synonyms: ["地点", "举办地点", "活动场所", "场地", "活动地址"],
    required: true,
    rule: "text",
    width: 20,
    prompt: "填写具体地点；线上活动请写明平台，如：线上（微信视频号）。",
  },
  content: {
    key: "content",
    header: "活动内容",
    synonyms: ["内容", "主要内容", "活动简介", "活动概况", "活动内容简介", "活动主要内容"],
    required: true,
    rule: "text",
    width: 36,
    prompt: "简要说明活动内容。",
  },
  audience: {
    key: "audience",
    header: "出席范围",
    synonyms: ["出席人员", "参加范围", "参加人员", "参会范围", "参会人员", "出席领导", "出席对象", "参加对象"],
    required: false,
    rule: "text",
    width: 22,
    prompt: "填写出席的领导、嘉宾和参加对象。",
  },
  scale: {
    key: "scale",
    header: "活动规模（人数）",
    synonyms: [
      "活动规模",
      "规模",
      "人数",
      "参与人数",
      "参加人数",
      "活动人数",
      "预计人数",
      "规模(人数)",
      "活动规模(人数)",
      "活动规模(参与人数)",
      "活动规模(参加人数)",
    ],
    required: true,
    rule: "headCount",
    width: 16,
    prompt: "填写人数（正整数），可写“约300人”“100-200”。",
  },
  coOrganiser: {
    key: "coOrganiser",
    header: "协办部门",
    synonyms: ["协办单位", "协办", "协办方", "合作单位", "联合单位", "联办单位", "支持单位"],
    required: false,
    rule: "text",
    width: 18,
    prompt: "有协办部门的请填写，没有可留空。",
  },
  contact: {
    key: "contact",
    header: "联系人",
    synonyms: [
      "联系人及电话",
      "联系人及联系方式",
      "联系人和电话",
      "联系人/电话",
      "联系人(电话)",
      "联系人(姓名、电话)",
      "联系人姓名及电话",
      "联系人、联系电话",
      "联系人及手机",
    ],
    required: true,
    rule: "contact",
    width: 22,
    prompt: "同一格内写姓名和电话，如：王斌 13812345678 或 王斌 021-23110863。",
  },
} as const satisfies Record<string, TemplateColumn>;

/**
 * Headers of a separate phone column. The notices want name and phone in one 联系人 cell, but returned files
 * often split them; the reader joins such a column into 联系人 so the row is judged on what the unit gave.
 */
export const phoneColumnSynonyms = ["联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "办公电话", "电话号码"];
