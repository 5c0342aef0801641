// GET /products/{id}/opengraph-image — the product's link preview (lib/site/og-image.tsx); twitter-image.tsx
// re-exports this module, so both previews are one route.
import { notFound } from "next/navigation";
import { getProductCached } from "@/lib/catalog/cache";
import { clock } from "@/lib/clock";
import { OG_SIZE, productOgImage } from "@/lib/site/og-image";
import { idSchema } from "@/lib/validation";

export const alt = "Hurry Up";
export const size = OG_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const product = idSchema.safeParse(id).success ? await getProductCached(id, clock.nowMs()) : null;
  if (!product) notFound();
  return productOgImage(product);
}
