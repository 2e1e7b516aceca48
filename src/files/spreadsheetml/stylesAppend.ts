/**
 * An existing xl/styles.xml extended with the records a plan's sheets need. Existing records keep their indices (the
 * kept sheets refer to them by number): new fonts, fills, borders, cell formats and differential formats go after
 * the last of their kind, new number formats take ids above every id in use, and each list's count is restated.
 */
import type { StyleBase, StyleRegistry } from "./styleRegistry";
import { FIRST_CUSTOM_FORMAT_ID } from "./numberFormats";
import { NS } from "./xml";
import { prefixElements, prefixOf, qualified, startTags, withAttributes } from "./xmlTags";

type Collection = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";

const RECORD: Record<Collection, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellXfs: "xf", dxfs: "dxf" };

/** CT_Stylesheet's children in schema order: a list that is missing goes before the first later one present. */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

export class ExistingStyles {
  private readonly prefix: string;

  constructor(private readonly xml: string) {
    const prefix = prefixOf(xml, NS.main);
    if (prefix === undefined) throw new Error("xl/styles.xml is not a SpreadsheetML style sheet");
    this.prefix = prefix;
  }

  /** Where the registry's new records start. */
  base(): StyleBase {
    const ids = startTags(this.block("numFmts")?.content ?? "", qualified(this.prefix, "numFmt")).map((tag) => Number(tag.attributes.get("numFmtId")));
    return {
      fonts: this.count("fonts"),
      fills: this.count("fills"),
      borders: this.count("borders"),
      cellXfs: this.count("cellXfs"),
      dxfs: this.count("dxfs"),
      firstFormatId: Math.max(FIRST_CUSTOM_FORMAT_ID, ...ids.filter(Number.isFinite).map((id) => id + 1)),
    };
  }

  /** The style sheet with the registry's additions; the text is unchanged where nothing was added. */
  withAdditions(registry: StyleRegistry): string {
    const added = registry.added();
    let xml = this.xml;
    for (const collection of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const) {
      const records = added[collection];
      if (records.length > 0) xml = new ExistingStyles(xml).appended(collection, prefixElements(records.join(""), this.prefix), records.length);
    }
    return xml;
  }

  private appended(collection: Collection, records: string, added: number): string {
    const name = qualified(this.prefix, collection);
    const block = this.block(collection);
    if (block) {
      const count = this.count(collection) + added;
      const open = withAttributes(block.start.replace(/\s*\/>$/, ">"), { count: String(count) });
      const replacement = `${open}${block.content}${records}</${name}>`;
      return this.xml.slice(0, block.index) + replacement + this.xml.slice(block.index + block.length);
    }
    const list = `<${name} count="${added}">${records}</${name}>`;
    const later = ORDER.slice(ORDER.indexOf(collection) + 1)
      .map((other) => startTags(this.xml, qualified(this.prefix, other))[0])
      .find((tag) => tag !== undefined);
    const at = later ? later.index : this.xml.lastIndexOf(`</${qualified(this.prefix, "styleSheet")}>`);
    return this.xml.slice(0, at) + list + this.xml.slice(at);
  }

  /** A list element: its start tag, what it holds, and where it is. */
  private block(collection: Collection): { start: string; content: string; index: number; length: number } | undefined {
    const name = qualified(this.prefix, collection);
    const [start] = startTags(this.xml, name);
    if (!start) return undefined;
    if (start.selfClosing) return { start: start.text, content: "", index: start.index, length: start.text.length };
    const close = this.xml.indexOf(`</${name}>`, start.index);
    if (close < 0) throw new Error(`xl/styles.xml: <${name}> is not closed`);
    const content = this.xml.slice(start.index + start.text.length, close);
    return { start: start.text, content, index: start.index, length: close + `</${name}>`.length - start.index };
  }

  /** The records a list holds, counted (its count attribute is not always right). */
  private count(collection: Collection): number {
    return startTags(this.block(collection)?.content ?? "", qualified(this.prefix, RECORD[collection])).length;
  }
}
