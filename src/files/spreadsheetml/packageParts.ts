/**
 * The small parts that tie a package together: [Content_Types].xml, the relationship parts and the document
 * properties (docProps/core.xml, docProps/app.xml). Each is a pure function of what the package holds.
 */
import { storableText } from "../../core/plans/storableText";
import type { WorkbookPlan } from "../../core/plans/sheetPlan";
import { escapeAttribute, escapeText, NS, XML_DECLARATION } from "./xml";

export const CONTENT_TYPES = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

const RELATIONSHIP_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
export const RELATIONSHIP_TYPES = {
  officeDocument: `${RELATIONSHIP_TYPE}officeDocument`,
  worksheet: `${RELATIONSHIP_TYPE}worksheet`,
  styles: `${RELATIONSHIP_TYPE}styles`,
  sharedStrings: `${RELATIONSHIP_TYPE}sharedStrings`,
  theme: `${RELATIONSHIP_TYPE}theme`,
  table: `${RELATIONSHIP_TYPE}table`,
  app: `${RELATIONSHIP_TYPE}extended-properties`,
  core: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
} as const;

/** `/xl/workbook.xml` -> its content type; parts not listed take the defaults for .rels and .xml. */
export function contentTypesPart(overrides: ReadonlyArray<[partName: string, contentType: string]>): string {
  return (
    `${XML_DECLARATION}<Types xmlns="${NS.contentTypes}">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override PartName="${escapeAttribute(part)}" ContentType="${type}"/>`).join("") +
    "</Types>"
  );
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationshipsPart(relationships: readonly Relationship[]): string {
  const items = relationships.map((rel) => `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${escapeAttribute(rel.target)}"/>`);
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">${items.join("")}</Relationships>`;
}

/** W3CDTF as the core properties want it: UTC, whole seconds. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Title, subject and author as File > Info shows them; the author is also "last modified by". */
export function corePropertiesPart(properties: WorkbookPlan["properties"], now: Date): string {
  const element = (name: string, text: string) => `<${name}>${escapeText(storableText(text))}</${name}>`;
  const when = w3cdtf(now);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element("dc:title", properties.title) +
    (properties.subject === undefined ? "" : element("dc:subject", properties.subject)) +
    element("dc:creator", properties.creator) +
    element("cp:lastModifiedBy", properties.creator) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

/**
 * The application properties Excel writes, with the sheet names it lists under Worksheets. The application is
 * named as Excel, as ExcelJS named it: some readers choose their import path by it.
 */
export function appPropertiesPart(sheetNames: readonly string[]): string {
  const names = sheetNames.map((name) => `<vt:lpstr>${escapeText(name)}</vt:lpstr>`).join("");
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>"
  );
}
