/**
 * Reading and editing start tags in XML text, without a DOM: what updating an existing package needs to find a
 * `<sheet>` or a `<Relationship>`, read its attributes, and change one attribute while leaving every other
 * character of the part as it was. Attribute values may hold `>` (XML allows it unescaped), so tags are matched
 * attribute by attribute, never with `[^>]*`.
 */

export interface StartTag {
  /** The tag's text, `<name ...>` or `<name .../>`. */
  text: string;
  index: number;
  selfClosing: boolean;
  attributes: Map<string, string>;
}

/** One attribute, capturing its name and quoted value; and the same without captures, to repeat inside a tag. */
const ATTRIBUTE = String.raw`\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')`;
const ANY_ATTRIBUTE = String.raw`\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*')`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every start (or empty-element) tag of the element with this qualified name, e.g. `sheet` or `x:sheet`. */
export function startTags(xml: string, qualifiedName: string): StartTag[] {
  const pattern = new RegExp(`<${escapeRegExp(qualifiedName)}((?:${ANY_ATTRIBUTE})*)\\s*(/?)>`, "g");
  return [...xml.matchAll(pattern)].map((match) => ({
    text: match[0],
    index: match.index ?? 0,
    selfClosing: match[2] === "/",
    attributes: attributesOf(match[1] ?? ""),
  }));
}

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(new RegExp(ATTRIBUTE, "g"))) attributes.set(match[1] ?? "", decodeXml((match[2] ?? "").slice(1, -1)));
  return attributes;
}

/** A start tag with attributes set (in place when present, appended otherwise) or removed (`undefined`). */
export function withAttributes(tag: string, changes: Record<string, string | undefined>): string {
  let result = tag;
  const appended: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const existing = new RegExp(`\\s+${escapeRegExp(name)}\\s*=\\s*("[^"]*"|'[^']*')`);
    if (existing.test(result)) {
      result = result.replace(existing, value === undefined ? "" : ` ${name}="${escapeValue(value)}"`);
    } else if (value !== undefined) {
      appended.push(` ${name}="${escapeValue(value)}"`);
    }
  }
  return result.replace(/\s*(\/?)>$/, `${appended.join("")}$1>`);
}

function escapeValue(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}

/** The root element's start tag: the first tag that is not a declaration, a processing instruction or a comment. */
export function rootTag(xml: string): StartTag | undefined {
  const match = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)(?=[\s/>])/.exec(xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, (skipped) => " ".repeat(skipped.length)));
  return match?.[1] ? startTags(xml, match[1]).find((tag) => tag.index === match.index) : undefined;
}

/**
 * The prefix the part's root binds to a namespace: "" for the default namespace, undefined when unbound. Writers
 * differ: Excel writes SpreadsheetML unprefixed, some .NET libraries as `x:`.
 */
export function prefixOf(xml: string, namespace: string): string | undefined {
  const root = rootTag(xml);
  if (!root) return undefined;
  for (const [name, value] of root.attributes) {
    if (value !== namespace) continue;
    if (name === "xmlns") return "";
    if (name.startsWith("xmlns:")) return name.slice("xmlns:".length);
  }
  return undefined;
}

/** `name` qualified with a prefix as prefixOf gives it. */
export function qualified(prefix: string, name: string): string {
  return prefix === "" ? name : `${prefix}:${name}`;
}

/**
 * Records written unprefixed (`<font><b/></font>`) spelt for a part whose SpreadsheetML elements carry a prefix.
 * Only for markup this module's writers produce: every element in it is SpreadsheetML.
 */
export function prefixElements(xml: string, prefix: string): string {
  return prefix === "" ? xml : xml.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}:$2`);
}
