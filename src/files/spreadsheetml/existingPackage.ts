/**
 * The structure of an existing .xlsx package, read without inflating its large parts: the zip's entries in order,
 * every relationship, the content types, and the text of the few small parts that an update edits or needs to
 * know (the workbook, its styles, the core properties, the tables). The sheets' own data is not read here.
 */
import { strFromU8, unzipSync } from "fflate";
import { ContentTypes, parseRelationships, relationshipsPartOf, type PackageRelationship } from "./opcPackage";
import { CONTENT_TYPES, RELATIONSHIP_TYPES } from "./packageParts";

const STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

export class ExistingPackage {
  /** Zip entry names in the archive's order (directory entries included: they are kept as they are). */
  readonly entries: string[] = [];
  readonly contentTypes: ContentTypes;
  readonly workbookPart: string;
  private readonly byLowerName = new Map<string, string>();
  private readonly relationshipParts = new Map<string, PackageRelationship[]>();
  private readonly texts = new Map<string, string>();

  /** @throws Error when the bytes are not a zip, or not a SpreadsheetML package. */
  constructor(readonly bytes: Uint8Array) {
    const structure = unzip(bytes, (name) => {
      this.entries.push(name);
      this.byLowerName.set(name.toLowerCase(), name);
      return name === "[Content_Types].xml" || name.endsWith(".rels");
    });
    const contentTypes = structure["[Content_Types].xml"];
    if (!contentTypes) throw new Error("the existing workbook could not be read as .xlsx: it has no [Content_Types].xml");
    this.contentTypes = new ContentTypes(strFromU8(contentTypes));
    for (const [name, data] of Object.entries(structure)) {
      const source = /^((?:.*\/)?)_rels\/([^/]*)\.rels$/.exec(name);
      if (source) this.relationshipParts.set(`${source[1] ?? ""}${source[2] ?? ""}`.toLowerCase(), parseRelationships(`${source[1] ?? ""}${source[2] ?? ""}`, strFromU8(data)));
    }
    const root = this.relationships("");
    if (root.some((rel) => rel.type === STRICT_OFFICE_DOCUMENT)) throw new Error("the existing workbook is Strict Open XML, which these sheets cannot join");
    const workbook = root.find((rel) => rel.type === RELATIONSHIP_TYPES.officeDocument)?.part;
    if (!workbook || !this.has(workbook)) throw new Error("the existing workbook could not be read as .xlsx: it names no workbook part");
    this.workbookPart = this.entryName(workbook);

    const wanted = new Set([this.workbookPart, ...this.partsOfType(CONTENT_TYPES.table)]);
    for (const rel of this.relationships(this.workbookPart)) if (rel.type === RELATIONSHIP_TYPES.styles && rel.part) wanted.add(this.entryName(rel.part));
    for (const rel of root) if (rel.type === RELATIONSHIP_TYPES.core && rel.part && this.has(rel.part)) wanted.add(this.entryName(rel.part));
    for (const [name, data] of Object.entries(unzip(bytes, (entry) => wanted.has(entry)))) this.texts.set(name, strFromU8(data));
  }

  /** The relationships of a part ("" for the package), as the archive has them. */
  relationships(part: string): PackageRelationship[] {
    return this.relationshipParts.get(part.toLowerCase()) ?? [];
  }

  has(part: string): boolean {
    return this.byLowerName.has(part.toLowerCase());
  }

  /** The entry's name as the archive spells it (OPC part names compare ignoring case). */
  entryName(part: string): string {
    return this.byLowerName.get(part.toLowerCase()) ?? part;
  }

  /** The text of a part read up front (the workbook, styles, core properties, tables). */
  text(part: string): string | undefined {
    return this.texts.get(this.entryName(part));
  }

  partsOfType(contentType: string): string[] {
    return this.entries.filter((name) => !name.endsWith("/") && this.contentTypes.of(name) === contentType);
  }

  relationshipsPartOf(part: string): string | undefined {
    const rels = relationshipsPartOf(part);
    return this.has(rels) ? this.entryName(rels) : undefined;
  }

  /** The bytes of every entry `keep` accepts, inflated; the others (the parts being replaced) never are. */
  entriesKept(keep: (name: string) => boolean): Record<string, Uint8Array> {
    return unzip(this.bytes, keep);
  }
}

function unzip(bytes: Uint8Array, keep: (name: string) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes, { filter: (file) => keep(file.name) });
  } catch (error) {
    throw new Error(`the existing workbook could not be read as .xlsx: ${error instanceof Error ? error.message : String(error)}`);
  }
}
