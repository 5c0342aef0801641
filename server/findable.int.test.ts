// What search engines and link previews read, from the production server (server/index.ts on the production
// build): a product page's title, description, canonical, OpenGraph/Twitter images and JSON-LD Offer; the
// legal footer; sitemap.xml and robots.txt from the catalog; the icon set and manifest; and product images
// resized by Next's optimizer (/_next/image) through the custom server. Needs `npm run build` first.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { createProduct } from "@/test/factories";
import { startProductionServer, type ProductionServer } from "@/test/production-server";

let server: ProductionServer | undefined;
let base = "";
const uploadDir = mkdtempSync(join(tmpdir(), "findable-"));
const KEY = "findable/photo.png";
const LEGAL = { SHOP_BUSINESS_NAME: "(주)검색잘됨", SHOP_REPRESENTATIVE: "김대표", SHOP_BUSINESS_NUMBER: "123-45-67890", SHOP_MAIL_ORDER_NUMBER: "제2026-서울마포-1234호" };

const meta = (html: string, attr: "name" | "property", key: string) =>
  html.match(new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`))?.[1].replace(/&amp;/g, "&");

describe("findable pages on the production server", () => {
  let product: Awaited<ReturnType<typeof createProduct>>;
  let upcoming: Awaited<ReturnType<typeof createProduct>>;

  beforeAll(async () => {
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#3366cc" } }).png().toBuffer();
    await new LocalDiskStorage(uploadDir).put(KEY, photo, "image/png");
    product = await createProduct({ name: `검색 머그컵 ${Date.now()}`, description: "두툼한 손잡이의\n도자기 머그컵.", price: 12_300, images: [`/api/uploads/${KEY}`] });
    const inAnHour = new Date(Date.now() + 3_600_000);
    upcoming = await createProduct({ name: `예정 드롭 ${Date.now()}`, type: "LIMITED", perBuyerLimit: 1, saleStartsAt: inAnHour, saleEndsAt: new Date(inAnHour.getTime() + 3_600_000) });
    server = await startProductionServer({ UPLOAD_DIR: uploadDir, ...LEGAL });
    base = server.base;
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it("gives a product page its title, description, canonical, preview images and a JSON-LD Offer in KRW", async () => {
    const res = await fetch(`${base}/products/${product.id}?utm_source=x`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<title>${product.name} · Hurry Up</title>`);
    expect(meta(html, "name", "description")).toBe("두툼한 손잡이의 도자기 머그컵.");
    expect(html).toContain(`<link rel="canonical" href="${base}/products/${product.id}"/>`);
    const og = meta(html, "property", "og:image");
    expect(og).toMatch(new RegExp(`^${base}/products/${product.id}/opengraph-image`));
    const twitter = meta(html, "name", "twitter:image");
    expect(twitter).toMatch(new RegExp(`^${base}/products/${product.id}/twitter-image`));
    // Both previews declare the same alt, type and size (twitter-image.tsx re-exports opengraph-image.tsx).
    for (const [attr, prefix] of [["property", "og:image"], ["name", "twitter:image"]] as const) {
      const declared = ["alt", "type", "width", "height"].map((k) => meta(html, attr, `${prefix}:${k}`));
      expect(declared, prefix).toEqual(["Hurry Up", "image/png", "1200", "630"]);
    }
    expect(meta(html, "name", "twitter:card")).toBe("summary_large_image");

    const block = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)?.[1];
    const ld = JSON.parse(block ?? "null");
    expect(ld).toMatchObject({ "@type": "Product", name: product.name, image: [`${base}/api/uploads/${KEY}`] });
    expect(ld.offers).toMatchObject({ "@type": "Offer", price: 12_300, priceCurrency: "KRW", availability: "https://schema.org/InStock" });

    const preview = await fetch(og!);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("image/png");
    const drawn = sharp(Buffer.from(await preview.arrayBuffer()));
    expect(await drawn.metadata()).toMatchObject({ width: 1200, height: 630 });
    // The product's own picture on the left (not the placeholder): the upload's colour.
    const { data } = await drawn.extract({ left: 100, top: 100, width: 1, height: 1 }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([...data]).toEqual([0x33, 0x66, 0xcc]);
    const card = await fetch(twitter!);
    expect(card.status).toBe(200);
    expect(card.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await card.arrayBuffer())).toEqual(Buffer.from(await (await fetch(og!)).arrayBuffer()));
  });

  it("says PreOrder for a drop that has not opened", async () => {
    const html = await (await fetch(`${base}/products/${upcoming.id}`)).text();
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]);
    expect(ld.offers.availability).toBe("https://schema.org/PreOrder");
    expect(ld.offers.availabilityStarts).toBe(upcoming.saleStartsAt!.toISOString());
  });

  it("shows the configured business information in the footer of every page", async () => {
    for (const path of ["/", `/products/${product.id}`, "/cart"]) {
      const html = await (await fetch(`${base}${path}`)).text();
      for (const value of Object.values(LEGAL)) expect(html, path).toContain(value);
      expect(html).toContain("https://www.ftc.go.kr/bizCommPop.do?wrkr_no=1234567890");
    }
  });

  it("lists the public catalog in sitemap.xml and points robots.txt at it", async () => {
    const sitemap = await fetch(`${base}/sitemap.xml`);
    expect(sitemap.status).toBe(200);
    const xml = await sitemap.text();
    expect(xml).toContain(`<loc>${base}/products/${product.id}</loc>`);
    expect(xml).toContain(`<loc>${base}/products/${upcoming.id}</loc>`);
    expect(xml).toContain(`<loc>${base}/</loc>`);
    const robots = await (await fetch(`${base}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${base}/sitemap.xml`);
    expect(robots).toMatch(/Disallow: \/checkout/);
    expect(robots).toMatch(/Allow: \/\n/);
  });

  it("serves the favicon, the icon set and a web manifest in Korean", async () => {
    const favicon = await fetch(`${base}/favicon.ico`);
    expect(favicon.status).toBe(200);
    expect(Buffer.from(await favicon.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const manifest = await (await fetch(`${base}/manifest.webmanifest`)).json();
    expect(manifest).toMatchObject({ name: "Hurry Up — 선착순 한정판", lang: "ko", theme_color: "#f0442c" });
    for (const icon of manifest.icons as { src: string }[]) expect((await fetch(`${base}${icon.src}`)).status, icon.src).toBe(200);
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-icon.png/);
  });

  it("resizes an uploaded image to WebP through /_next/image, and refuses what is not an image path", async () => {
    const url = `${base}/_next/image?url=${encodeURIComponent(`/api/uploads/${KEY}`)}&w=384&q=75`;
    const res = await fetch(url, { headers: { accept: "image/avif,image/webp,*/*" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(await sharp(Buffer.from(await res.arrayBuffer())).metadata()).toMatchObject({ format: "webp", width: 384 });
    const other = await fetch(`${base}/_next/image?url=${encodeURIComponent("/api/health")}&w=384&q=75`);
    expect(other.status).toBe(400);
  });
});
