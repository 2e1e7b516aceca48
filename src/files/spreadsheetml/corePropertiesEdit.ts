/**
 * An existing docProps/core.xml updated as the merge into it should leave it: the plan's title (and subject), the
 * plan's author as "last modified by", now as the modification time. The original author and creation time stay,
 * as writing into a workbook through ExcelJS kept them; every other property stays as written.
 */
import { storableText } from "../../core/plans/storableText";
import type { WorkbookPlan } from "../../core/plans/sheetPlan";
import { w3cdtf } from "./packageParts";
import { escapeText } from "./xml";
import { prefixOf, qualified, rootTag, startTags, withAttributes } from "./xmlTags";

const NAMESPACES = {
  cp: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
  dc: "http://purl.org/dc/elements/1.1/",
  dcterms: "http://purl.org/dc/terms/",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

export function editedCoreProperties(original: string, properties: WorkbookPlan["properties"], now: Date): string {
  let xml = original;
  const prefixes = {} as Record<keyof typeof NAMESPACES, string>;
  for (const [conventional, namespace] of Object.entries(NAMESPACES) as Array<[keyof typeof NAMESPACES, string]>) {
    const found = prefixOf(xml, namespace);
    if (found !== undefined) {
      prefixes[conventional] = found;
      continue;
    }
    // Not declared yet: declared on the root under its usual prefix (or a variant, should that be taken).
    const root = rootTag(xml);
    if (!root) throw new Error("docProps/core.xml has no root element");
    const prefix = root.attributes.has(`xmlns:${conventional}`) ? `hz${conventional}` : conventional;
    xml = xml.slice(0, root.index) + withAttributes(root.text, { [`xmlns:${prefix}`]: namespace }) + xml.slice(root.index + root.text.length);
    prefixes[conventional] = prefix;
  }
  const text = (value: string) => escapeText(storableText(value));
  xml = withElement(xml, qualified(prefixes.dc, "title"), text(properties.title));
  if (properties.subject !== undefined) xml = withElement(xml, qualified(prefixes.dc, "subject"), text(properties.subject));
  if (startTags(xml, qualified(prefixes.dc, "creator")).length === 0) xml = withElement(xml, qualified(prefixes.dc, "creator"), text(properties.creator));
  xml = withElement(xml, qualified(prefixes.cp, "lastModifiedBy"), text(properties.creator));
  const typed = ` ${prefixes.xsi}:type="${qualified(prefixes.dcterms, "W3CDTF")}"`;
  return withElement(xml, qualified(prefixes.dcterms, "modified"), w3cdtf(now), typed);
}

/** The element's content set (the element replaced when present, added before the root's end otherwise). */
function withElement(xml: string, name: string, content: string, attributes = ""): string {
  const element = `<${name}${attributes}>${content}</${name}>`;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const existing = new RegExp(`<${escaped}(?=[\\s>/])(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*(?:/>|>[\\s\\S]*?</${escaped}>)`);
  if (existing.test(xml)) return xml.replace(existing, () => element);
  const root = rootTag(xml);
  const close = root ? xml.lastIndexOf("</") : -1;
  return close < 0 ? xml : `${xml.slice(0, close)}${element}${xml.slice(close)}`;
}
