/**
 * xl/styles.xml of a new workbook: the default records and what the registry added, in the element order of
 * CT_Stylesheet (numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs, tableStyles).
 */
import { NEW_WORKBOOK_BASE, type StyleRegistry } from "./styleRegistry";
import { NS, XML_DECLARATION } from "./xml";

export function stylesPart(registry: StyleRegistry): string {
  const added = registry.added();
  const list = (name: string, base: readonly string[] | number, more: readonly string[]) => {
    const records = [...(typeof base === "number" ? [] : base), ...more];
    return records.length > 0 ? `<${name} count="${records.length}">${records.join("")}</${name}>` : `<${name} count="0"/>`;
  };
  return [
    XML_DECLARATION,
    `<styleSheet xmlns="${NS.main}">`,
    added.numFmts.length > 0 ? list("numFmts", [], added.numFmts) : "",
    list("fonts", NEW_WORKBOOK_BASE.fonts, added.fonts),
    list("fills", NEW_WORKBOOK_BASE.fills, added.fills),
    list("borders", NEW_WORKBOOK_BASE.borders, added.borders),
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    list("cellXfs", NEW_WORKBOOK_BASE.cellXfs, added.cellXfs),
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    list("dxfs", [], added.dxfs),
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>',
    "</styleSheet>",
  ].join("");
}
