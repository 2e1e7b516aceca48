/**
 * The Open Packaging Conventions (ECMA-376 Part 2) as far as updating a package needs them: where a part's
 * relationships live, what they point at, which parts are reachable from the package root, and a part's content
 * type. Part names are zip entry names here (no leading slash); OPC compares them ignoring ASCII case.
 */
import { decodeXml, startTags } from "./xmlTags";

export interface PackageRelationship {
  id: string;
  type: string;
  /** The part it points at, resolved to a zip entry name; undefined for an external target (a URL, a file). */
  part: string | undefined;
  /** The `<Relationship .../>` element as written. */
  element: string;
}

/** `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; the package itself ("") -> `_rels/.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The relationships of a part (or of the package, for ""), from its .rels text. */
export function parseRelationships(source: string, relsXml: string): PackageRelationship[] {
  // A relationship part may be prefixed (`<pr:Relationship>`), though no writer seen does.
  const prefix = /<(\w+:)?Relationships[\s>]/.exec(relsXml)?.[1] ?? "";
  return startTags(relsXml, `${prefix}Relationship`).map((tag) => {
    const target = tag.attributes.get("Target") ?? "";
    const external = tag.attributes.get("TargetMode") === "External";
    return {
      id: tag.attributes.get("Id") ?? "",
      type: tag.attributes.get("Type") ?? "",
      part: external ? undefined : resolveTarget(source, target),
      element: tag.text,
    };
  });
}

/** A relationship target (relative to its source part's folder, or absolute from the package root) as an entry name. */
export function resolveTarget(source: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // A target that is not valid percent-encoding is taken as written.
  }
  path = path.split("#")[0] ?? "";
  const base = path.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/** Relationship targets from `from` to `to` (both entry names), as Excel writes them: relative to the source's folder. */
export function relativeTarget(from: string, to: string): string {
  const fromDir = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromDir.length && common < toParts.length - 1 && fromDir[common] === toParts[common]) common++;
  return [...fromDir.slice(common).map(() => ".."), ...toParts.slice(common)].join("/");
}

/**
 * Every part reachable through relationships from the package root (or from the parts given), lower-cased: OPC
 * compares part names ignoring case. The starting parts themselves are included.
 */
export function reachableParts(relationshipsOf: (part: string) => readonly PackageRelationship[], from: readonly string[] = [""]): Set<string> {
  const reached = new Set<string>(from.filter((part) => part !== "").map((part) => part.toLowerCase()));
  const queue = [...from];
  while (queue.length > 0) {
    const part = queue.pop() ?? "";
    for (const rel of relationshipsOf(part)) {
      if (rel.part === undefined || reached.has(rel.part.toLowerCase())) continue;
      reached.add(rel.part.toLowerCase());
      queue.push(rel.part);
    }
  }
  return reached;
}

/** [Content_Types].xml read: the content type of any part, by override or by extension. */
export class ContentTypes {
  private readonly overrides = new Map<string, string>();
  private readonly defaults = new Map<string, string>();

  constructor(readonly xml: string) {
    const prefix = /<(\w+:)?Types[\s>]/.exec(xml)?.[1] ?? "";
    for (const tag of startTags(xml, `${prefix}Override`)) {
      this.overrides.set(decodeXml(tag.attributes.get("PartName") ?? "").replace(/^\//, "").toLowerCase(), tag.attributes.get("ContentType") ?? "");
    }
    for (const tag of startTags(xml, `${prefix}Default`)) this.defaults.set((tag.attributes.get("Extension") ?? "").toLowerCase(), tag.attributes.get("ContentType") ?? "");
  }

  of(part: string): string | undefined {
    return this.overrides.get(part.toLowerCase()) ?? this.defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
  }

  /** The part's <Override> elements removed and new ones added, everything else as written. */
  edited(removed: ReadonlySet<string>, added: ReadonlyArray<[part: string, contentType: string]>): string {
    const prefix = /<(\w+:)?Types[\s>]/.exec(this.xml)?.[1] ?? "";
    let xml = this.xml;
    for (const tag of startTags(this.xml, `${prefix}Override`)) {
      const part = decodeXml(tag.attributes.get("PartName") ?? "").replace(/^\//, "").toLowerCase();
      if (removed.has(part)) xml = xml.replace(tag.selfClosing ? tag.text : new RegExp(`${escape(tag.text)}\\s*</${prefix}Override>`), () => "");
    }
    const overrides = added.map(([part, type]) => `<${prefix}Override PartName="/${part}" ContentType="${type}"/>`).join("");
    return xml.replace(new RegExp(`</${prefix}Types>\\s*$`), () => `${overrides}</${prefix}Types>`);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
