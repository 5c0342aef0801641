// GET /products/{id}/twitter-image — the same preview as opengraph-image, for twitter:image.
import { notFound } from "next/navigation";
import { getProductCached } from "@/lib/catalog/cache";
import { clock } from "@/lib/clock";
import { productOgImage } from "@/lib/site/og-image";
import { idSchema } from "@/lib/validation";

export const alt = "Hurry Up";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const product = idSchema.safeParse(id).success ? await getProductCached(id, clock.nowMs()) : null;
  if (!product) notFound();
  return productOgImage(product);
}
