// Reads a PNG back into pixels (8-bit RGB/RGBA, non-interlaced: what resvg writes), so tests can
// check what a chart really shows rather than only that bytes exist.
import { inflateSync } from 'node:zlib';

export type Pixels = { width: number; height: number; channels: number; data: Buffer };

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(SIGNATURE);
}

export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (!isPng(bytes)) throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function decodePng(bytes: Buffer): Pixels {
  const { width, height } = pngSize(bytes);
  const bitDepth = bytes.readUInt8(24);
  const colorType = bytes.readUInt8(25);
  if (bitDepth !== 8 || (colorType !== 2 && colorType !== 6) || bytes.readUInt8(28) !== 0) throw new Error('unsupported PNG');
  const channels = colorType === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const byte = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? data[y * stride + x - channels]! : 0;
      const b = y > 0 ? data[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth : -1;
      if (predictor < 0) throw new Error(`bad PNG filter ${filter}`);
      data[y * stride + x] = (byte + predictor) & 0xff;
    }
  }
  return { width, height, channels, data };
}

/** How many pixels have exactly this colour ("#rrggbb"). */
export function countColor(pixels: Pixels, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += pixels.channels) {
    if (pixels.data[i] === r && pixels.data[i + 1] === g && pixels.data[i + 2] === b) count++;
  }
  return count;
}
