// Draws the add-in's icons (assets/icon-*.png) from one small vector design: a green rounded square with a stack of
// returned sheets, the front one a table, and an amber badge with a sigma for "sum". PNGs are written by hand
// (zlib + CRC) so the script needs no image library; the PNGs are committed, so a fresh machine needs nothing.
//
//   npx tsx scripts/makeIcons.ts                      writes assets/icon-{16,32,64,80,128}.png
//   npx tsx scripts/makeIcons.ts --preview out.png    also writes an enlarged contact sheet to look at
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deflateSync } from "node:zlib";

type Rgba = [number, number, number, number];
/** A layer: which points (unit square, y down) it covers, and its colour there. */
type Layer = { inside: (x: number, y: number) => boolean; color: (x: number, y: number) => Rgba };

const SIZES = [16, 32, 64, 80, 128];
const hex = (h: string, a = 1): Rgba => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];
const solid = (c: Rgba) => () => c;

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number) {
  return (x: number, y: number) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };
}
const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** A stroke from a to b of the given width with round ends. */
function stroke(ax: number, ay: number, bx: number, by: number, width: number) {
  return (x: number, y: number) => {
    const vx = bx - ax, vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    return (x - ax - t * vx) ** 2 + (y - ay - t * vy) ** 2 <= (width / 2) ** 2;
  };
}
const union = (...parts: Array<(x: number, y: number) => boolean>) => (x: number, y: number) => parts.some((p) => p(x, y));

/** The design; small sizes drop detail that would only blur into grey. */
function layers(size: number): Layer[] {
  const small = size <= 16;
  const green = hex("#137447");
  const line = small ? 0.07 : 0.04;
  // The front sheet, a table: header band, then grid lines in the background green.
  const [tx0, ty0, tx1, ty1] = small ? [0.14, 0.26, 0.86, 0.86] : [0.16, 0.3, 0.78, 0.84];
  const cols = [tx0 + (tx1 - tx0) / 3, tx0 + (2 * (tx1 - tx0)) / 3];
  const header = ty0 + (ty1 - ty0) * 0.26;
  const rows = small ? [header, (header + ty1) / 2] : [header, header + (ty1 - header) / 3, header + (2 * (ty1 - header)) / 3];
  const grid = union(
    ...cols.map((cx) => stroke(cx, header, cx, ty1, line)),
    ...rows.slice(1).map((ry) => stroke(tx0, ry, tx1, ry, line)),
  );
  const result: Layer[] = [
    {
      inside: roundRect(0.02, 0.02, 0.98, 0.98, 0.2),
      color: (_x, y) => mix(hex("#27A86F"), hex("#106B40"), y),
    },
    // Two sheets behind the table: the returns that are being collected.
    { inside: roundRect(tx0 + 0.12, ty0 - 0.16, tx1 + 0.1, ty1 - 0.2, 0.04), color: solid(hex("#FFFFFF", 0.45)) },
    { inside: roundRect(tx0 + 0.06, ty0 - 0.08, tx1 + 0.05, ty1 - 0.1, 0.04), color: solid(hex("#FFFFFF", 0.7)) },
    { inside: roundRect(tx0, ty0, tx1, ty1, 0.05), color: solid(hex("#FFFFFF")) },
    { inside: (x, y) => roundRect(tx0, ty0, tx1, ty1, 0.05)(x, y) && y <= header, color: solid(hex("#A8DDBF")) },
    { inside: grid, color: solid(green) },
  ];
  if (small) return result;
  // The badge: an amber disc, ringed in white, with a sigma: the sum of the returns.
  const [bx, by, br] = [0.74, 0.74, 0.2];
  const [gw, gh] = [0.085, 0.105];
  result.push(
    { inside: circle(bx, by, br + 0.035), color: solid(hex("#FFFFFF")) },
    { inside: circle(bx, by, br), color: solid(hex("#F2A20C")) },
    {
      inside: union(
        stroke(bx - gw, by - gh, bx + gw, by - gh, 0.05),
        stroke(bx - gw, by - gh, bx + 0.02, by, 0.05),
        stroke(bx + 0.02, by, bx - gw, by + gh, 0.05),
        stroke(bx - gw, by + gh, bx + gw, by + gh, 0.05),
      ),
      color: solid(hex("#FFFFFF")),
    },
  );
  return result;
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [0, 1, 2, 3].map((i) => a[i]! + (b[i]! - a[i]!) * t) as Rgba;
}

/** Renders RGBA pixels with 8×8 supersampling, compositing the layers front over back. */
function render(size: number): Buffer {
  const ss = 8;
  const design = layers(size);
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          // Premultiplied "over" compositing.
          let cr = 0, cg = 0, cb = 0, ca = 0;
          for (const layer of design) {
            if (!layer.inside(x, y)) continue;
            const [lr, lg, lb, la] = layer.color(x, y);
            cr = lr * la + cr * (1 - la);
            cg = lg * la + cg * (1 - la);
            cb = lb * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr; g += cg; b += cb; a += ca;
        }
      }
      const o = (py * size + px) * 4;
      const alpha = a / (ss * ss);
      pixels[o] = alpha ? Math.round(r / a) : 0;
      pixels[o + 1] = alpha ? Math.round(g / a) : 0;
      pixels[o + 2] = alpha ? Math.round(b / a) : 0;
      pixels[o + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG, every row with filter 0 ("none"). */
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

/** Every size side by side, enlarged 4× with square pixels, on a light grey ground. */
function contactSheet(): Buffer {
  const zoom = 4, gap = 16;
  const width = SIZES.reduce((sum, s) => sum + s * zoom + gap, gap);
  const height = Math.max(...SIZES) * zoom + 2 * gap;
  const sheet = Buffer.alloc(width * height * 4, 0xee);
  let left = gap;
  for (const size of SIZES) {
    const icon = render(size);
    for (let y = 0; y < size * zoom; y++) {
      for (let x = 0; x < size * zoom; x++) {
        const i = (Math.floor(y / zoom) * size + Math.floor(x / zoom)) * 4;
        const o = ((gap + y) * width + left + x) * 4;
        const alpha = icon[i + 3]! / 255;
        for (let c = 0; c < 3; c++) sheet[o + c] = Math.round(icon[i + c]! * alpha + 0xee * (1 - alpha));
      }
    }
    left += size * zoom + gap;
  }
  return encodePng(width, height, sheet);
}

const assets = resolve(__dirname, "..", "assets");
mkdirSync(assets, { recursive: true });
for (const size of SIZES) writeFileSync(join(assets, `icon-${size}.png`), encodePng(size, size, render(size)));
const previewAt = process.argv.indexOf("--preview");
const previewFile = previewAt >= 0 ? process.argv[previewAt + 1] : undefined;
if (previewFile) writeFileSync(previewFile, contactSheet());
console.log(`assets/icon-{${SIZES.join(",")}}.png written`);
