/**
 * What an existing .xlsx holds that writing it back through ExcelJS would lose, judged from the parts of its zip
 * package. ExcelJS keeps cells, styles, tables, validations, conditional formats, notes and pictures, and drops
 * everything below: a merge into such a workbook must say so before it writes. Browser-safe (no Node APIs).
 */
import { strFromU8, unzipSync } from "fflate";

export type UnkeptContent =
  | "charts"
  | "pivot-tables"
  | "shapes"
  | "form-controls"
  | "macros"
  | "slicers"
  | "external-links"
  | "threaded-comments"
  | "data-connections"
  | "embedded-objects";

/** Parts that exist only for content ExcelJS does not write back. */
const UNKEPT_PARTS: ReadonlyArray<[RegExp, UnkeptContent]> = [
  [/^xl\/(charts|chartsheets)\//i, "charts"],
  [/^xl\/(pivotTables|pivotCache)\//i, "pivot-tables"],
  [/^xl\/diagrams\//i, "shapes"],
  [/^xl\/(ctrlProps|activeX)\//i, "form-controls"],
  [/^xl\/vbaProject\.bin$/i, "macros"],
  [/^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//i, "slicers"],
  [/^xl\/externalLinks\//i, "external-links"],
  [/^xl\/(threadedComments|persons)\//i, "threaded-comments"],
  [/^xl\/(connections\.xml$|queryTables\/|model\/)/i, "data-connections"],
  [/^xl\/embeddings\//i, "embedded-objects"],
];

/** Drawings and VML are kept when they hold only pictures and notes; these parts are read to tell. */
const DRAWING_PART = /^xl\/drawings\/[^/]+\.(xml|vml)$/i;
/** Drawings are small; anything larger is judged by its name alone rather than unpacked. */
const MAX_DRAWING_BYTES = 4 * 1024 * 1024;

/**
 * A shape, text box, group or connector in a drawing: ExcelJS keeps only pictures. (Charts and SmartArt sit in
 * graphic frames too, but are named by their own parts above.)
 */
const SHAPE_ELEMENT = /<(\w+:)?(sp|grpSp|cxnSp)[\s>/]/;
/** A legacy form control (button, check box, list) in VML; ObjectType="Note" is a note, which ExcelJS keeps. */
const VML_CONTROL = /ObjectType\s*=\s*"(?!Note")/i;

/**
 * The kinds of content the workbook holds that a write through ExcelJS drops, each named once, in a fixed order.
 * Bytes that are not a zip package hold none of these (and are refused by the writer anyway).
 */
export function unkeptContent(bytes: Uint8Array): UnkeptContent[] {
  const found = new Set<UnkeptContent>();
  let drawings: Record<string, Uint8Array>;
  try {
    drawings = unzipSync(bytes, {
      filter: (file) => {
        for (const [pattern, kind] of UNKEPT_PARTS) if (pattern.test(file.name)) found.add(kind);
        if (!DRAWING_PART.test(file.name)) return false;
        if (file.originalSize > MAX_DRAWING_BYTES) found.add("shapes");
        return file.originalSize <= MAX_DRAWING_BYTES;
      },
    });
  } catch {
    return [];
  }
  for (const [name, data] of Object.entries(drawings)) {
    const text = strFromU8(data);
    if (/\.vml$/i.test(name) ? VML_CONTROL.test(text) : SHAPE_ELEMENT.test(text)) found.add(/\.vml$/i.test(name) ? "form-controls" : "shapes");
  }
  const order = UNKEPT_PARTS.map(([, kind]) => kind);
  return [...found].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
