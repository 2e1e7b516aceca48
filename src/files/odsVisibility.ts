/**
 * Sheet visibility in OpenDocument spreadsheets. SheetJS reports hidden sheets for Excel files but not for .ods,
 * so it is read here from content.xml with a few regular expressions, and .ods sheets are flagged hidden the same
 * way Excel sheets are.
 */

/**
 * Sheets hidden in an OpenDocument spreadsheet: a `<table:table>` whose automatic style has
 * `<style:table-properties table:display="false"/>` (ODF 1.2 §17.15). SheetJS ignores this attribute.
 */
export function odsHiddenSheets(contentXml: string): Set<string> {
  const hiddenStyles = new Set<string>();
  for (const match of contentXml.matchAll(/<style:style\b([^>]*)>/g)) {
    const attributes = match[1] ?? "";
    if (attributes.endsWith("/") || xmlAttribute(attributes, "style:family") !== "table") continue;
    const body = contentXml.slice(match.index + match[0].length, contentXml.indexOf("</style:style>", match.index));
    const name = xmlAttribute(attributes, "style:name");
    if (name !== undefined && /table:display\s*=\s*["']false["']/.test(body)) hiddenStyles.add(name);
  }
  const hidden = new Set<string>();
  for (const match of contentXml.matchAll(/<table:table(?=[\s>/])([^>]*)>/g)) {
    const attributes = match[1] ?? "";
    const style = xmlAttribute(attributes, "table:style-name");
    const name = xmlAttribute(attributes, "table:name");
    if (style !== undefined && name !== undefined && hiddenStyles.has(style)) hidden.add(name);
  }
  return hidden;
}

function xmlAttribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  const value = match ? (match[1] ?? match[2]) : undefined;
  return value === undefined ? undefined : decodeXmlEntities(value);
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith("#")) {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[entity] ?? whole;
  });
}
