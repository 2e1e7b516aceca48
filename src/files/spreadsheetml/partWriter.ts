/**
 * A part's XML as UTF-8 bytes, gathered in fixed-size pieces for the deflater. Text of any kind goes in through
 * `write`; the sheet writer's hot path (a master is millions of `<c r="B7" s="2" t="s"><v>41</v></c>`) goes in
 * through `bytes`, `ascii` and `integer`, which copy bytes straight into the piece: no string is built per cell,
 * so there is nothing to join, encode or collect afterwards. On a 60,000-row master that was most of writing it.
 */

/** Bytes gathered before they are deflated: large enough that each deflate call (and its sync flush) costs little. */
export const PIECE_BYTES = 1 << 18;

const encoder = new TextEncoder();

/** Where a part's pieces go, in order; `final` with the last. The piece may be kept: it is never written again. */
export type PieceSink = (piece: Uint8Array, final: boolean) => void;

/** Markup spelt once as bytes, for {@link PartWriter.bytes}. ASCII only. */
export function asciiBytes(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length !== text.length) throw new Error(`not ASCII: ${text}`);
  return bytes;
}

export class PartWriter {
  private piece = new Uint8Array(PIECE_BYTES);
  private used = 0;
  private ended = false;

  constructor(
    private readonly sink: PieceSink,
    private readonly onEnd: () => void = () => {},
  ) {}

  /** Any text, as UTF-8. */
  write(text: string): void {
    // Three bytes per UTF-16 unit always suffice.
    const most = text.length * 3;
    if (most > PIECE_BYTES - this.used) {
      this.flush();
      if (most > PIECE_BYTES) {
        this.sink(encoder.encode(text), false);
        return;
      }
    }
    this.used += encoder.encodeInto(text, this.piece.subarray(this.used)).written;
  }

  /** Bytes spelt beforehand ({@link asciiBytes}). */
  bytes(bytes: Uint8Array): void {
    if (bytes.length > PIECE_BYTES - this.used) this.flush();
    if (bytes.length > PIECE_BYTES) return this.sink(bytes.slice(), false);
    this.piece.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Text that is usually ASCII (a cell reference, a number's digits), copied a byte per character. */
  ascii(text: string): void {
    if (text.length > PIECE_BYTES - this.used) this.flush();
    const piece = this.piece;
    let at = this.used;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      // Not ASCII after all: the rest goes through the encoder, so a caller's mistake costs time, never the file.
      if (code >= 0x80) {
        this.used = at;
        return this.write(text.slice(i));
      }
      piece[at++] = code;
    }
    this.used = at;
  }

  /** A number as XML spells it (JavaScript's shortest round-trip form); integers digit by digit. */
  number(value: number): void {
    if (!(Number.isSafeInteger(value) && value >= 0)) return this.ascii(String(value));
    if (this.used + 16 > PIECE_BYTES) this.flush();
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    const piece = this.piece;
    let at = this.used + digits;
    this.used = at;
    let rest = value;
    do {
      piece[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** The last piece goes to the sink, marked final. */
  end(): void {
    if (this.ended) throw new Error("part ended twice");
    this.ended = true;
    this.sink(this.piece.subarray(0, this.used), true);
    this.onEnd();
  }

  /** The gathered piece goes to the sink; a fresh one takes its place, since the sink may keep it. */
  private flush(): void {
    if (this.used === 0) return;
    this.sink(this.piece.subarray(0, this.used), false);
    this.piece = new Uint8Array(PIECE_BYTES);
    this.used = 0;
  }
}
