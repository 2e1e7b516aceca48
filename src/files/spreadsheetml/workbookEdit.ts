/**
 * An existing xl/workbook.xml read and edited as text: its sheets (name, id, relationship, visibility), which tab
 * it opens on, and the changes replacing sheets needs. Everything not named here stays as written: the kept sheets'
 * entries and names, external references, pivot caches, calculation settings, extensions.
 */
import type { SheetPlan } from "../../core/plans/sheetPlan";
import { escapeAttribute, NS } from "./xml";
import { decodeXml, prefixElements, prefixOf, qualified, rootTag, startTags, withAttributes } from "./xmlTags";

export interface ExistingSheet {
  name: string;
  sheetId: number;
  relationshipId: string;
  visibility: SheetPlan["visibility"];
}

export interface WorkbookEdits {
  /** Sheets replaced in place, by position: their new name (the plan's spelling) and visibility. */
  replaced: ReadonlyMap<number, { name: string; visibility: SheetPlan["visibility"] }>;
  /** `<sheet>` entries for new sheets, appended; written unprefixed, with `r:id`. */
  added: ReadonlyArray<{ name: string; sheetId: number; relationshipId: string; visibility: SheetPlan["visibility"] }>;
  /** `<definedName>` elements to add (print titles), written unprefixed. */
  definedNames: readonly string[];
  activeTab: number;
}

/** CT_Workbook's children after definedNames, in order: a missing <definedNames> goes before the first present. */
const AFTER_DEFINED_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

export class ExistingWorkbook {
  private readonly prefix: string;
  private readonly relationshipPrefix: string | undefined;

  constructor(private readonly xml: string) {
    const prefix = prefixOf(xml, NS.main);
    if (prefix === undefined) throw new Error("the workbook part is not Transitional SpreadsheetML (a Strict Open XML workbook cannot take these sheets)");
    this.prefix = prefix;
    this.relationshipPrefix = prefixOf(xml, NS.relationships);
  }

  sheets(): ExistingSheet[] {
    const idAttribute = this.relationshipPrefix ? `${this.relationshipPrefix}:id` : "r:id";
    return startTags(this.xml, qualified(this.prefix, "sheet")).map((tag) => {
      const state = tag.attributes.get("state");
      return {
        name: tag.attributes.get("name") ?? "",
        sheetId: Number(tag.attributes.get("sheetId")),
        relationshipId: tag.attributes.get(idAttribute) ?? "",
        visibility: state === "hidden" || state === "veryHidden" ? state : "visible",
      };
    });
  }

  /** The tab the workbook opens on (0 when it names none). */
  activeTab(): number {
    const view = startTags(this.xml, qualified(this.prefix, "workbookView"))[0];
    return Number(view?.attributes.get("activeTab") ?? 0) || 0;
  }

  edited(edits: WorkbookEdits): string {
    let xml = this.xml;
    const sheetTags = startTags(xml, qualified(this.prefix, "sheet"));
    // Back to front, so that earlier positions stay valid while later tags change length.
    for (const [position, change] of [...edits.replaced].sort((a, b) => b[0] - a[0])) {
      const tag = sheetTags[position];
      if (!tag) continue;
      const state = change.visibility === "visible" ? undefined : change.visibility;
      xml = xml.slice(0, tag.index) + withAttributes(tag.text, { name: change.name, state }) + xml.slice(tag.index + tag.text.length);
    }
    xml = this.withoutBuiltInNames(xml, new Set(edits.replaced.keys()));
    const { xml: declared, prefix: relationshipPrefix } = this.withRelationshipPrefix(xml);
    xml = declared;
    if (edits.added.length > 0) {
      const entries = edits.added.map((sheet) => {
        const state = sheet.visibility === "visible" ? "" : ` state="${sheet.visibility}"`;
        return `<${qualified(this.prefix, "sheet")} sheetId="${sheet.sheetId}" name="${escapeAttribute(sheet.name)}"${state} ${relationshipPrefix}:id="${sheet.relationshipId}"/>`;
      });
      const close = `</${qualified(this.prefix, "sheets")}>`;
      xml = xml.replace(close, () => `${entries.join("")}${close}`);
    }
    if (edits.definedNames.length > 0) xml = this.withDefinedNames(xml, prefixElements(edits.definedNames.join(""), this.prefix));
    if (edits.activeTab !== this.activeTab()) xml = this.withActiveTab(xml, edits.activeTab);
    return xml;
  }

  /**
   * Excel's built-in names that belong to a replaced sheet (print titles and area, its filter database…) describe
   * the old sheet, so they go; the new sheet's print titles are added. Names the clerk made stay.
   */
  private withoutBuiltInNames(xml: string, positions: ReadonlySet<number>): string {
    const name = qualified(this.prefix, "definedName");
    const pattern = new RegExp(`<${name}(?=[\\s>/])(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*(?:/>|>[\\s\\S]*?</${name}>)`, "g");
    return xml.replace(pattern, (element) => {
      const [tag] = startTags(element, name);
      const local = tag?.attributes.get("localSheetId");
      const builtIn = decodeXml(tag?.attributes.get("name") ?? "").startsWith("_xlnm.");
      return builtIn && local !== undefined && positions.has(Number(local)) ? "" : element;
    });
  }

  private withDefinedNames(xml: string, names: string): string {
    const list = qualified(this.prefix, "definedNames");
    const [existing] = startTags(xml, list);
    if (existing && !existing.selfClosing) return xml.replace(`</${list}>`, () => `${names}</${list}>`);
    if (existing) return xml.replace(existing.text, () => `${existing.text.replace(/\s*\/>$/, ">")}${names}</${list}>`);
    const later = AFTER_DEFINED_NAMES.map((child) => startTags(xml, qualified(this.prefix, child))[0]).find((tag) => tag !== undefined);
    const at = later ? later.index : xml.lastIndexOf(`</${qualified(this.prefix, "workbook")}>`);
    return `${xml.slice(0, at)}<${list}>${names}</${list}>${xml.slice(at)}`;
  }

  private withActiveTab(xml: string, activeTab: number): string {
    const [view] = startTags(xml, qualified(this.prefix, "workbookView"));
    if (view) return xml.slice(0, view.index) + withAttributes(view.text, { activeTab: String(activeTab) }) + xml.slice(view.index + view.text.length);
    const sheets = startTags(xml, qualified(this.prefix, "sheets"))[0];
    if (!sheets) return xml;
    const views = `<${qualified(this.prefix, "bookViews")}><${qualified(this.prefix, "workbookView")} activeTab="${activeTab}"/></${qualified(this.prefix, "bookViews")}>`;
    return xml.slice(0, sheets.index) + views + xml.slice(sheets.index);
  }

  /** The prefix of the relationships namespace, declared on the root when the part has none yet. */
  private withRelationshipPrefix(xml: string): { xml: string; prefix: string } {
    if (this.relationshipPrefix) return { xml, prefix: this.relationshipPrefix };
    const root = rootTag(xml);
    if (!root) return { xml, prefix: "r" };
    const prefix = root.attributes.has("xmlns:r") ? "hzr" : "r";
    const declared = withAttributes(root.text, { [`xmlns:${prefix}`]: NS.relationships });
    return { xml: xml.slice(0, root.index) + declared + xml.slice(root.index + root.text.length), prefix };
  }
}
