/**
 * Reads back a PNG for tests: its size from the header, and its pixels (8-bit RGB or RGBA, not
 * interlaced: what resvg writes), so a test can tell a picture from a blank one.
 */
import zlib from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  /** Bytes per pixel: 3 (RGB) or 4 (RGBA). */
  channels: number;
  /** Row after row, `channels` bytes a pixel. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must come first. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(bytes);
  if (!b.subarray(0, 8).equals(SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export function readPng(bytes: Uint8Array): Png {
  const b = Buffer.from(bytes);
  const { width, height } = pngSize(b);
  const depth = b[24]!;
  const colorType = b[25]!;
  const interlace = b[28]!;
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`readPng: only 8-bit RGB(A), not interlaced (depth ${depth}, colour type ${colorType})`);
  const idat: Buffer[] = [];
  for (let at = 8; at < b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  // Undo each row's filter (PNG spec, section 9).
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels]! : 0;
      const c = x >= channels ? up[x - channels]! : 0;
      const u = up[x]!;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = u;
      else if (filter === 3) predictor = (a + u) >> 1;
      else if (filter === 4) {
        const p = a + u - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - u), Math.abs(p - c)];
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? u : c;
      }
      row[x] = (src[x]! + predictor) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** The colour at (x, y) as #rrggbb. */
export function pixelAt(png: Png, x: number, y: number): string {
  const i = (y * png.width + x) * png.channels;
  return `#${[0, 1, 2].map((k) => png.pixels[i + k]!.toString(16).padStart(2, '0')).join('')}`;
}

/** The share of pixels in a box that are not white. */
export function inkShare(png: Png, box: { x: number; y: number; width: number; height: number } = { x: 0, y: 0, width: png.width, height: png.height }): number {
  let ink = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * png.width + x) * png.channels;
      if (png.pixels[i]! < 240 || png.pixels[i + 1]! < 240 || png.pixels[i + 2]! < 240) ink++;
    }
  }
  return ink / (box.width * box.height);
}
