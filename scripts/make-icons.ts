/**
 * Renders the app icon for every installer target from resources/icon.svg
 * (the mark of src/ui/Logo.tsx) with Chromium, and writes:
 *
 * - resources/icon.png         1024×1024, the source electron-builder scales for Linux
 * - resources/icons/N×N.png    Linux hicolor sizes (AppImage, deb)
 * - resources/icon.ico         Windows: 16–48, 64 and 128 px as 32-bit bitmaps, 256 px as PNG
 * - resources/icon.icns        macOS: PNG entries 16–1024 px, drawn on Apple's icon grid
 *                              (an 824 px body on a 1024 px canvas, with a soft shadow)
 *
 * Run with `npm run icons` after changing the mark; the outputs are committed,
 * so packaging needs neither Chromium nor this script.
 */
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = path.resolve(__dirname, '..');
const resources = path.join(root, 'resources');
const svg = readFileSync(path.join(resources, 'icon.svg'), 'utf8');

interface Rendered {
  size: number;
  png: Buffer;
  /** Straight (not premultiplied) RGBA, top row first. */
  rgba: Buffer;
}

const drawInPage = `async ({ svg, sizes, style }) => {
  const image = new Image();
  image.src = 'data:image/svg+xml;base64,' + btoa(svg);
  await image.decode();
  return sizes.map((size) => {
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    context.imageSmoothingQuality = 'high';
    if (style === 'mac') {
      // Apple's grid: the body is 824/1024 of the canvas, centred, lifted by a soft shadow.
      const body = Math.round((size * 824) / 1024);
      const inset = (size - body) / 2;
      context.shadowColor = 'rgba(0, 0, 0, 0.28)';
      context.shadowBlur = size * 0.02;
      context.shadowOffsetY = size * 0.01;
      context.drawImage(image, inset, inset, body, body);
    } else {
      context.drawImage(image, 0, 0, size, size);
    }
    const pixels = context.getImageData(0, 0, size, size).data;
    // Raw pixels only where the ICO needs bitmaps; PNG for the rest.
    return { size, png: canvas.toDataURL('image/png').split(',')[1], pixels: size < 256 ? Array.from(pixels) : [] };
  });
}`;

async function render(sizes: number[], style: 'full' | 'mac'): Promise<Map<number, Rendered>> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>icon</title>');
    // Runs in the page; a string, because this file is compiled without the DOM's types.
    const drawn = (await page.evaluate(`(${drawInPage})(${JSON.stringify({ svg, sizes, style })})`)) as Array<{
      size: number;
      png: string;
      pixels: number[];
    }>;
    return new Map(
      drawn.map((d) => [d.size, { size: d.size, png: Buffer.from(d.png, 'base64'), rgba: Buffer.from(d.pixels) }] as const),
    );
  } finally {
    await browser.close();
  }
}

/** An ICO file: bitmaps below 256 px (every Windows version and NSIS read those), PNG at 256 px. */
export function ico(images: Rendered[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  const datas: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const image of images) {
    const data = image.size >= 256 ? image.png : dib(image);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(image.size >= 256 ? 0 : image.size, 0);
    entry.writeUInt8(image.size >= 256 ? 0 : image.size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
    datas.push(data);
  }
  return Buffer.concat([header, ...entries, ...datas]);
}

/** A 32-bit BGRA device-independent bitmap as ICO stores it: bottom row first, then an all-opaque AND mask. */
function dib({ size, rgba }: Rendered): Buffer {
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0);
  info.writeInt32LE(size, 4);
  info.writeInt32LE(size * 2, 8);
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(0, 16);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels[to] = rgba[from + 2]!;
      pixels[to + 1] = rgba[from + 1]!;
      pixels[to + 2] = rgba[from]!;
      pixels[to + 3] = rgba[from + 3]!;
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([info, pixels, Buffer.alloc(maskRow * size)]);
}

/** An ICNS file of PNG entries. */
export function icns(entries: Array<[type: string, png: Buffer]>): Buffer {
  const chunks = entries.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function main(): Promise<void> {
  const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
  const windowsSizes = [16, 20, 24, 32, 40, 48, 64, 128, 256];
  const full = await render([...new Set([...linuxSizes, ...windowsSizes])], 'full');
  const mac = await render([16, 32, 64, 128, 256, 512, 1024], 'mac');

  writeFileSync(path.join(resources, 'icon.png'), full.get(1024)!.png);
  mkdirSync(path.join(resources, 'icons'), { recursive: true });
  for (const size of linuxSizes) writeFileSync(path.join(resources, 'icons', `${size}x${size}.png`), full.get(size)!.png);
  writeFileSync(path.join(resources, 'icon.ico'), ico(windowsSizes.map((size) => full.get(size)!)));
  const m = (size: number) => mac.get(size)!.png;
  writeFileSync(
    path.join(resources, 'icon.icns'),
    icns([
      ['icp4', m(16)],
      ['icp5', m(32)],
      ['icp6', m(64)],
      ['ic07', m(128)],
      ['ic08', m(256)],
      ['ic09', m(512)],
      ['ic10', m(1024)],
      ['ic11', m(32)],
      ['ic12', m(64)],
      ['ic13', m(256)],
      ['ic14', m(512)],
    ]),
  );
  console.log('icons written to resources/');
}

void main();
