import "server-only";
// The link-preview image of a product (og:image, twitter:image): its first picture beside the price and
// the shop's name, 1200×630. No Korean on it: next/og ships only Latin fonts (Geist), and a Hangul font
// would add megabytes to every server for a few words; the product's name travels in og:title instead.
// Built from the cached product (no query) and the picture's bytes read directly (public/ or storage).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ImageResponse } from "next/og";
import sharp from "sharp";
import type { ProductView } from "@/lib/catalog/types";
import { isSafeKey, storage } from "@/lib/storage";

export const OG_SIZE = { width: 1200, height: 630 };
const PLACEHOLDER = "/products/placeholder.svg";
const PUBLIC_FILE = /^\/products\/[A-Za-z0-9._-]+$/;
const UPLOAD = "/api/uploads/";

/** The bytes of one of the shop's own images (demo files in public/, uploads in storage); null if none. */
async function imageBytes(src: string): Promise<Uint8Array | null> {
  if (src.startsWith(UPLOAD)) {
    const key = src.slice(UPLOAD.length);
    return isSafeKey(key) ? ((await storage().get(key))?.data ?? null) : null;
  }
  if (!PUBLIC_FILE.test(src)) return null;
  return readFile(join(process.cwd(), "public", src)).catch(() => null);
}

/** The picture as a square PNG data URL (satori draws PNG reliably; SVG and WebP go through sharp first). */
async function pictureDataUrl(src: string | undefined): Promise<string> {
  const bytes = (src && (await imageBytes(src))) || (await imageBytes(PLACEHOLDER));
  const png = await sharp(bytes ?? Buffer.alloc(0), { density: 144 })
    .resize(OG_SIZE.height, OG_SIZE.height, { fit: "cover" })
    .png()
    .toBuffer()
    .catch(() => sharp({ create: { width: 1, height: 1, channels: 3, background: "#f5f5f5" } }).png().toBuffer());
  return `data:image/png;base64,${png.toString("base64")}`;
}

const price = (won: number) => `KRW ${new Intl.NumberFormat("en-US").format(won)}`;

export async function productOgImage(p: ProductView): Promise<ImageResponse> {
  const picture = await pictureDataUrl(p.images[0]);
  return new ImageResponse(
    (
      <div style={{ display: "flex", width: "100%", height: "100%", background: "#ffffff" }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- satori draws plain <img> only */}
        <img src={picture} width={OG_SIZE.height} height={OG_SIZE.height} alt="" />
        <div style={{ display: "flex", flexDirection: "column", justifyContent: "space-between", flex: 1, padding: 56, background: "#f0442c", color: "#ffffff" }}>
          <div style={{ fontSize: 44, fontWeight: 700 }}>Hurry Up</div>
          <div style={{ display: "flex", flexDirection: "column" }}>
            {p.type === "LIMITED" && <div style={{ fontSize: 32, opacity: 0.85 }}>LIMITED DROP</div>}
            <div style={{ fontSize: 64, fontWeight: 700 }}>{price(p.price)}</div>
          </div>
        </div>
      </div>
    ),
    { ...OG_SIZE, headers: { "cache-control": "public, max-age=600, stale-while-revalidate=3600" } },
  );
}
