import * as z from "zod/mini";

/**
 * What a template is: the shape both 附件 share. Each template file (city.ts, district.ts) is data checked
 * against this schema; the types below come from it, never from a hand-written twin.
 */

export const columnKeySchema = z.enum([
  "host", // 主办单位
  "name", // 重点活动名称
  "time", // 活动时间
  "place", // 活动地点
  "content", // 活动内容
  "audience", // 出席范围
  "scale", // 活动规模
  "coOrganiser", // 协办部门
  "contact", // 联系人
]);
export type ColumnKey = z.infer<typeof columnKeySchema>;

/** How a column's cells are checked. */
export const columnRuleSchema = z.enum(["text", "activityTime", "headCount", "contact"]);
export type ColumnRule = z.infer<typeof columnRuleSchema>;

export const templateColumnSchema = z.object({
  key: columnKeySchema,
  /** The header exactly as the notice prints it; also the canonical column name in JSON and the master. */
  header: z.string().check(z.minLength(1)),
  /** Other headers units write for the same column; compared after normaliseHeader. */
  synonyms: z.array(z.string().check(z.minLength(1))),
  required: z.boolean(),
  rule: columnRuleSchema,
  /** Column width in characters for the written template. */
  width: z.number().check(z.positive()),
  /** The input prompt a unit contact sees on the cell in Excel (data validation prompt), ≤ 255 characters. */
  prompt: z.string().check(z.maxLength(255)),
});
export type TemplateColumn = z.infer<typeof templateColumnSchema>;

export const headerFieldKeySchema = z.enum(["unit", "fillDate"]);
export type HeaderFieldKey = z.infer<typeof headerFieldKeySchema>;

export const headerFieldSchema = z.object({
  key: headerFieldKeySchema,
  /** "单位名称" — printed above the table as "单位名称：". */
  label: z.string().check(z.minLength(1)),
  synonyms: z.array(z.string().check(z.minLength(1))),
  required: z.boolean(),
  /** What the notice prints under the line as a hint (附件2: 区知识产权联席会议办公室); never a real value. */
  placeholder: z.optional(z.string()),
});
export type HeaderField = z.infer<typeof headerFieldSchema>;

export const templateKindSchema = z.enum(["city", "district"]);
export type TemplateKind = z.infer<typeof templateKindSchema>;

export const templateSchema = z.object({
  kind: templateKindSchema,
  /** Bumped whenever the written layout changes; stored in the template's hidden metadata. */
  version: z.int().check(z.positive()),
  attachment: z.string(),
  /** 层级 in the master: 市级 or 区级. */
  level: z.enum(["市级", "区级"]),
  /** The title with `{year}` for the campaign year, as the notice prints it. */
  title: z.string().check(z.includes("{year}")),
  /** Words of the title that tell the two templates apart when a returned file has no metadata. */
  titleMarkers: z.array(z.string()),
  headerFields: z.array(headerFieldSchema),
  columns: z.array(templateColumnSchema).check(z.minLength(1)),
});
export type Template = z.infer<typeof templateSchema>;

/** The title of a template for a campaign year. */
export function templateTitle(template: Template, year: number): string {
  return template.title.replace("{year}", String(year));
}
