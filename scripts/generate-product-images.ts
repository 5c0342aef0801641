// Draws the demo catalog's product images as SVG into public/products/ (committed; nothing is fetched).
// Run: npx tsx scripts/generate-product-images.ts. Deterministic: the same data gives the same files.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seedCategories, seedProducts, type Glyph } from "../prisma/seed/catalog-data";

const outDir = join(import.meta.dirname, "..", "public", "products");

const glyphs: Record<Glyph, (fg: string, accent: string) => string> = {
  shoe: (fg, accent) => `
    <path d="M140 430 C140 360 170 300 230 290 L300 280 C330 330 390 350 450 350 C520 350 600 380 640 430 L650 470 L140 470 Z" fill="${fg}"/>
    <path d="M140 470 L650 470 L650 500 C650 510 640 515 630 515 L160 515 C150 515 140 510 140 500 Z" fill="${accent}"/>
    <path d="M300 300 L330 380 M340 300 L370 380 M380 310 L410 385" stroke="${accent}" stroke-width="10" stroke-linecap="round"/>`,
  shirt: (fg, accent) => `
    <path d="M280 190 L340 170 C360 205 440 205 460 170 L520 190 L610 270 L560 330 L520 300 L520 560 L280 560 L280 300 L240 330 L190 270 Z" fill="${fg}"/>
    <path d="M340 170 C360 215 440 215 460 170" fill="none" stroke="${accent}" stroke-width="12"/>
    <rect x="330" y="380" width="140" height="40" rx="8" fill="${accent}"/>`,
  device: (fg, accent) => `
    <rect x="250" y="160" width="300" height="440" rx="46" fill="${fg}"/>
    <rect x="275" y="200" width="250" height="330" rx="18" fill="${accent}"/>
    <circle cx="400" cy="565" r="18" fill="${accent}"/>
    <path d="M330 360 L380 410 L470 300" fill="none" stroke="${fg}" stroke-width="18" stroke-linecap="round" stroke-linejoin="round"/>`,
  mug: (fg, accent) => `
    <path d="M230 250 L510 250 L490 560 C488 580 470 595 450 595 L290 595 C270 595 252 580 250 560 Z" fill="${fg}"/>
    <path d="M505 310 C600 310 610 450 495 470" fill="none" stroke="${fg}" stroke-width="34"/>
    <rect x="230" y="330" width="280" height="36" fill="${accent}"/>
    <path d="M320 220 C300 190 340 170 320 140 M390 220 C370 190 410 170 390 140" fill="none" stroke="${accent}" stroke-width="10" stroke-linecap="round"/>`,
};

function svg(glyph: Glyph, hue: number, variant: number, label: string): string {
  const h = (hue + variant * 28) % 360;
  const bg1 = `hsl(${h} 80% 92%)`;
  const bg2 = `hsl(${(h + 40) % 360} 70% 78%)`;
  const fg = `hsl(${h} 55% ${variant === 2 ? 22 : 38}%)`;
  const accent = `hsl(${(h + 180) % 360} 75% 62%)`;
  const rotate = [0, -10, 8][variant] ?? 0;
  const scale = [1, 0.85, 1.1][variant] ?? 1;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 800" width="800" height="800" role="img" aria-label="${label}">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient></defs>
  <rect width="800" height="800" fill="url(#bg)"/>
  <circle cx="${620 - variant * 120}" cy="${170 + variant * 60}" r="${120 + variant * 30}" fill="#ffffff" opacity="0.35"/>
  <ellipse cx="400" cy="640" rx="260" ry="26" fill="#000000" opacity="0.08"/>
  <g transform="translate(400 400) rotate(${rotate}) scale(${scale}) translate(-400 -400)">${glyphs[glyph](fg, accent)}
  </g>
</svg>
`;
}

mkdirSync(outDir, { recursive: true });
const glyphOf = new Map(seedCategories.map((c) => [c.slug, c.glyph]));
let count = 0;
for (const product of seedProducts) {
  for (let v = 0; v < 3; v++) {
    const label = product.key.replace(/-/g, " ");
    writeFileSync(join(outDir, `${product.key}-${v + 1}.svg`), svg(glyphOf.get(product.category) ?? "mug", product.hue, v, label));
    count++;
  }
}
// Used by tests and as a fallback for products without images.
writeFileSync(join(outDir, "placeholder.svg"), svg("mug", 0, 0, "placeholder").replace(/hsl\(\d+ (\d+)%/g, "hsl(0 0%"));
console.log(`wrote ${count + 1} images to public/products/`);
