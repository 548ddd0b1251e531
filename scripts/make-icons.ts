/**
 * Draws the extension's icons (two halves, internal and external, meeting in the middle) as
 * PNGs into public/icon/, so the icons are made by the project rather than fetched.
 * Run: npx tsx scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const INTERNAL: [number, number, number] = [4, 120, 87];
const EXTERNAL: [number, number, number] = [180, 83, 9];

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  const r = size / 2;
  const corner = size * 0.22;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // A rounded square, split by a gentle S-curve: inside on the left, outside on the right.
      const dx = Math.max(corner - x - 0.5, x + 0.5 - (size - corner), 0);
      const dy = Math.max(corner - y - 0.5, y + 0.5 - (size - corner), 0);
      const inside = Math.hypot(dx, dy) <= corner;
      const split = r + Math.sin(((y + 0.5) / size) * Math.PI * 2) * size * 0.08;
      const [red, green, blue] = x + 0.5 < split ? INTERNAL : EXTERNAL;
      row.set([red, green, blue, inside ? 255 : 0], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
console.log('Wrote public/icon/{16,32,48,96,128}.png');
