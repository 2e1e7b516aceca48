import * as z from "zod/mini";
import { campaignSettingsSchema, type CampaignSettings } from "./campaign";
import { cellText, type RawSheet } from "./rawSheet";
import { templateKindSchema } from "./templates/templateSchema";

/**
 * Template identity. A template written by Huizong carries a hidden sheet of key/value text cells: plain cells
 * survive saving in Excel, WPS and LibreOffice (custom XML parts and settings do not), and both readers see
 * hidden sheets. A unit copying the visible sheet elsewhere loses it; the reader then falls back to headers.
 */
export const METADATA_SHEET_NAME = "_huizong";
export const METADATA_MARKER = "huizong-template";

export const templateMetadataSchema = z.object({
  kind: templateKindSchema,
  templateVersion: z.coerce.number().check(z.refine(Number.isInteger), z.positive()),
  campaignStart: z.string(),
  campaignEnd: z.string(),
  unit: z.optional(z.string()),
});
export type TemplateMetadata = z.infer<typeof templateMetadataSchema>;

/** The rows of the metadata sheet, first row the marker: what a writer puts on the hidden sheet. */
export function metadataRows(metadata: TemplateMetadata): string[][] {
  const rows: string[][] = [[METADATA_MARKER, "1"]];
  for (const [key, value] of Object.entries(metadata)) {
    if (value !== undefined) rows.push([key, String(value)]);
  }
  return rows;
}

/** Reads the metadata sheet when present and well-formed; anything else is treated as "no metadata". */
export function readTemplateMetadata(sheets: ReadonlyArray<RawSheet>): TemplateMetadata | undefined {
  const sheet = sheets.find((candidate) => candidate.name === METADATA_SHEET_NAME);
  if (!sheet || cellText(sheet.rows[0]?.[0]) !== METADATA_MARKER) return undefined;
  const pairs: Record<string, string> = {};
  for (const row of sheet.rows.slice(1)) {
    const key = cellText(row[0]);
    if (key !== "") pairs[key] = cellText(row[1]);
  }
  const parsed = templateMetadataSchema.safeParse(pairs);
  return parsed.success ? parsed.data : undefined;
}

/** The campaign week a template was issued for, if its metadata names a valid one. */
export function metadataCampaign(metadata: TemplateMetadata | undefined): CampaignSettings | undefined {
  if (!metadata) return undefined;
  const parsed = campaignSettingsSchema.safeParse({ start: metadata.campaignStart, end: metadata.campaignEnd });
  return parsed.success ? parsed.data : undefined;
}

export function isMetadataSheet(sheet: RawSheet): boolean {
  return sheet.name === METADATA_SHEET_NAME;
}
