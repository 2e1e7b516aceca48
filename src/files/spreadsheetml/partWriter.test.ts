import { asciiBytes, PartWriter, PIECE_BYTES } from "./partWriter";

/** A writer whose pieces are gathered, and what they spell once joined. */
function gathered() {
  const pieces: Array<{ bytes: Uint8Array; final: boolean }> = [];
  const writer = new PartWriter((bytes, final) => pieces.push({ bytes: bytes.slice(), final }));
  const text = () => new TextDecoder().decode(Buffer.concat(pieces.map((piece) => piece.bytes)));
  return { writer, pieces, text };
}

describe("PartWriter", () => {
  it("spells text, bytes, ASCII and numbers in the order written", () => {
    const { writer, text, pieces } = gathered();
    writer.write("<c r=\"");
    writer.ascii("B");
    writer.number(7);
    writer.bytes(asciiBytes('" t="s"><v>'));
    writer.number(41);
    writer.write("</v></c><t>活动</t>");
    writer.end();
    expect(text()).toBe('<c r="B7" t="s"><v>41</v></c><t>活动</t>');
    expect(pieces.map((piece) => piece.final)).toEqual([true]);
  });

  it("spells numbers as JavaScript does: integers digit by digit, the rest by String()", () => {
    const { writer, text } = gathered();
    for (const value of [0, 9, 10, 99, 100, 45402, 9007199254740991, 1.5, -3, 1e21, 0.1 + 0.2]) {
      writer.number(value);
      writer.write(" ");
    }
    writer.end();
    expect(text()).toBe("0 9 10 99 100 45402 9007199254740991 1.5 -3 1e+21 0.30000000000000004 ");
  });

  it("takes text that is not ASCII after all through the encoder, losing nothing", () => {
    const { writer, text } = gathered();
    writer.ascii("A1汉字😀B");
    writer.end();
    expect(text()).toBe("A1汉字😀B");
  });

  it("hands over full pieces of at most PIECE_BYTES, and text larger than a piece whole", () => {
    const { writer, pieces, text } = gathered();
    const cell = '<c r="A1"/>';
    const count = Math.ceil((PIECE_BYTES * 2.5) / cell.length);
    for (let i = 0; i < count; i++) writer.ascii(cell);
    const large = "汉".repeat(PIECE_BYTES);
    writer.write(large);
    writer.bytes(new Uint8Array(PIECE_BYTES + 1).fill(0x61));
    writer.end();
    expect(text()).toBe(cell.repeat(count) + large + "a".repeat(PIECE_BYTES + 1));
    expect(pieces.slice(0, 2).every((piece) => piece.bytes.length <= PIECE_BYTES && piece.bytes.length > PIECE_BYTES - cell.length)).toBe(true);
    expect(pieces.filter((piece) => piece.final)).toHaveLength(1);
    expect(pieces.at(-1)?.final).toBe(true);
  });

  it("never reuses a piece it handed over", () => {
    const kept: Uint8Array[] = [];
    const writer = new PartWriter((bytes) => kept.push(bytes));
    for (let i = 0; i < PIECE_BYTES / 4; i++) writer.ascii("abcd");
    writer.ascii("zzzz");
    writer.end();
    expect(kept[0]?.[0]).toBe(0x61);
    expect(String.fromCharCode(...(kept.at(-1) ?? []))).toBe("zzzz");
  });

  it("refuses to end twice and markup that is not ASCII", () => {
    const writer = new PartWriter(() => {});
    writer.end();
    expect(() => writer.end()).toThrow(/ended twice/);
    expect(() => asciiBytes("表")).toThrow(/not ASCII/);
  });
});
