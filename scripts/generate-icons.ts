// Draws the shop's icon set from public/icons/icon.svg (and maskable.svg, its full-bleed variant with the
// mark inside the safe zone) with sharp; the outputs are committed, so a build needs no image tooling.
// Run again after changing the SVGs: npx tsx scripts/generate-icons.ts
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import sharp from "sharp";

const root = resolve(import.meta.dirname, "..");
const icon = readFileSync(resolve(root, "public/icons/icon.svg"));
const maskable = readFileSync(resolve(root, "public/icons/maskable.svg"));

const png = (svg: Buffer, size: number) => sharp(svg, { density: 72 * (size / 64) * 2 }).resize(size, size).png().toBuffer();

/** An .ico of PNG images (allowed since Windows Vista; every browser reads it). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel
    header.writeUInt32LE(data.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.data)]);
}

writeFileSync(resolve(root, "public/icons/icon-192.png"), await png(icon, 192));
writeFileSync(resolve(root, "public/icons/icon-512.png"), await png(icon, 512));
writeFileSync(resolve(root, "public/icons/maskable-512.png"), await png(maskable, 512));
// Next's file conventions: app/favicon.ico, app/icon.svg and app/apple-icon.png become <link>s on every page.
writeFileSync(resolve(root, "app/apple-icon.png"), await png(maskable, 180));
writeFileSync(resolve(root, "app/favicon.ico"), ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(icon, size) })))));
copyFileSync(resolve(root, "public/icons/icon.svg"), resolve(root, "app/icon.svg"));
console.log("icons written");
