import "server-only";
// Reads of a user's wishlist, newest first, with the products' current prices and availability.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { productSelect } from "@/lib/cart/store";
import { availabilityOf, factsOf } from "@/lib/catalog/sale-rules";
import { variantLabel } from "@/lib/variants/types";
import type { WishlistItem } from "./schemas";

export async function listWishlist(userId: string): Promise<WishlistItem[]> {
  const rows = await db.wishlistItem.findMany({
    where: { userId, product: { status: { not: "DRAFT" } } },
    orderBy: [{ createdAt: "desc" }, { productId: "asc" }],
    select: {
      createdAt: true,
      product: {
        select: {
          ...productSelect,
          // The sizes to choose from when moving to the cart (docs/variants.md); none without options.
          options: { select: { name: true }, orderBy: { position: "asc" } },
          variants: { where: { isDefault: false }, select: { id: true, optionValues: true, available: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
        },
      },
    },
  });
  const now = clock.now();
  return rows.map(({ createdAt, product }) => ({
    productId: product.id,
    name: product.name,
    image: product.images[0] ?? null,
    price: product.price,
    availability: availabilityOf(factsOf(product), now),
    addedAt: createdAt.toISOString(),
    variants: product.variants.map((v) => ({ id: v.id, label: variantLabel(product.options, v.optionValues) ?? "", available: v.available })),
  }));
}

/** Which of these products the user has hearted (for product cards and pages). */
export async function wishlistedAmong(userId: string | null, productIds: string[]): Promise<Set<string>> {
  if (!userId || productIds.length === 0) return new Set();
  const rows = await db.wishlistItem.findMany({ where: { userId, productId: { in: productIds } }, select: { productId: true } });
  return new Set(rows.map((r) => r.productId));
}

/** The user's wishlisted product ids, newest first, at most `max` (for the hearts of cached pages). */
export async function wishlistedIds(userId: string, max: number): Promise<string[]> {
  const rows = await db.wishlistItem.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { productId: "asc" }], take: max, select: { productId: true } });
  return rows.map((r) => r.productId);
}
