/**
 * The app icon for every installer target (issue 7), made from the app's own
 * mark by `npm run icons` (scripts/make-icons.ts) and committed. These tests
 * read the files back: right formats, every size a target asks for.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const resources = path.resolve(__dirname, '../../../resources');
const read = (name: string) => readFileSync(path.join(resources, name));

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the app icon', () => {
  it('is drawn from the same shapes as the mark in the app (src/ui/Logo.tsx)', () => {
    const logo = readFileSync(path.resolve(__dirname, '../../../src/ui/Logo.tsx'), 'utf8');
    const svg = read('icon.svg').toString('utf8');
    const shapes = (text: string) => [...text.matchAll(/<(rect|circle|path)\s([^>]*?)\/?>/g)].map((m) => m[2]!.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim());
    expect(shapes(svg)).toEqual(shapes(logo));
    expect(svg).toContain('fill="#0b7a6f"');
  });

  it('has a 1024 px PNG and the Linux sizes from 16 to 1024 px', () => {
    expect(pngSize(read('icon.png'))).toEqual({ width: 1024, height: 1024 });
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(read(`icons/${size}x${size}.png`)), `${size}`).toEqual({ width: size, height: size });
    }
  });

  it('has a Windows .ico with 16 to 48 px bitmaps for small places and a 256 px image for large ones', () => {
    const ico = read('icon.ico');
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const entries = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const at = 6 + i * 16;
      const size = ico.readUInt8(at) || 256;
      const offset = ico.readUInt32LE(at + 12);
      const length = ico.readUInt32LE(at + 8);
      const data = ico.subarray(offset, offset + length);
      expect(data.length, `${size}`).toBe(length);
      return { size, bits: ico.readUInt16LE(at + 6), png: data.subarray(1, 4).toString('latin1') === 'PNG', data };
    });
    expect(entries.map((e) => e.size)).toEqual([16, 20, 24, 32, 40, 48, 64, 128, 256]);
    expect(entries.every((e) => e.bits === 32)).toBe(true);
    for (const entry of entries.filter((e) => e.size < 256)) {
      expect(entry.png).toBe(false);
      // BITMAPINFOHEADER: 40 bytes, width, twice the height (image and mask), 32 bits per pixel.
      expect([entry.data.readUInt32LE(0), entry.data.readInt32LE(4), entry.data.readInt32LE(8), entry.data.readUInt16LE(14)]).toEqual([
        40,
        entry.size,
        entry.size * 2,
        32,
      ]);
    }
    const large = entries.find((e) => e.size === 256)!;
    expect(pngSize(large.data)).toEqual({ width: 256, height: 256 });
  });

  it('has a macOS .icns with every size from 16 to 1024 px, Retina included', () => {
    const icns = read('icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Record<string, number> = {};
    for (let at = 8; at < icns.length; ) {
      const type = icns.subarray(at, at + 4).toString('latin1');
      const length = icns.readUInt32BE(at + 4);
      found[type] = pngSize(icns.subarray(at + 8, at + length)).width;
      at += length;
    }
    expect(found).toEqual({ icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 });
  });
});
