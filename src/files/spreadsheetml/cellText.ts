/**
 * How a text cell is spelt. A new workbook keeps its texts once each in a shared-string table (xl/sharedStrings.xml,
 * as Excel writes them: a master repeats its units, files and keys on every row); a sheet written into an existing
 * package carries its texts inline, so that package's own string table is left exactly as it was.
 *
 * Either way the cell is a text cell (`t="s"` or `t="inlineStr"`), never a formula: `=1+1` stays those characters.
 */
import { asciiBytes } from "./partWriter";
import { escapeText, NS, XML_DECLARATION } from "./xml";
import type { PartStream } from "./zipPackage";

export interface CellTextWriter {
  /** The rest of a text cell's `<c>` element, after its `r` and `s`: its type and text, through `</c>`. */
  writeCell(out: PartStream, text: string): void;
}

/** `<t>`, keeping leading and trailing spaces and line breaks, which a reader may otherwise trim. */
function textElement(text: string): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<t${preserve}>${escapeText(text)}</t>`;
}

export const inlineText: CellTextWriter = {
  writeCell: (out, text) => out.write(` t="inlineStr"><is>${textElement(text)}</is></c>`),
};

const SHARED_OPEN = asciiBytes(' t="s"><v>');
const SHARED_CLOSE = asciiBytes("</v></c>");

export class SharedStrings implements CellTextWriter {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];
  private references = 0;

  writeCell(out: PartStream, text: string): void {
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.index.set(text, id);
    }
    this.references++;
    out.bytes(SHARED_OPEN);
    out.number(id);
    out.bytes(SHARED_CLOSE);
  }

  /** xl/sharedStrings.xml in pieces of about `chunkChars`, so a large table is never one string. */
  *part(chunkChars = 1 << 16): Generator<string> {
    let chunk = `${XML_DECLARATION}<sst xmlns="${NS.main}" count="${this.references}" uniqueCount="${this.texts.length}">`;
    for (const text of this.texts) {
      chunk += `<si>${textElement(text)}</si>`;
      if (chunk.length >= chunkChars) {
        yield chunk;
        chunk = "";
      }
    }
    yield `${chunk}</sst>`;
  }
}
