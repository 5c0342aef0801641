import "server-only";
// Changes to a wishlist. Both are idempotent: adding twice keeps one row, removing a missing one is fine.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { addCartItemIn } from "@/lib/cart/service";
import { userOwner } from "@/lib/cart/owner";

/** Returns whether a row was created (false when the product was already wishlisted). */
export async function addToWishlist(userId: string, productId: string): Promise<{ created: boolean }> {
  const product = await db.product.findUnique({ where: { id: productId }, select: { status: true } });
  if (!product || product.status === "DRAFT") throw notFound("product");
  const inserted = await db.$executeRaw`
    INSERT INTO "WishlistItem" ("userId", "productId") VALUES (${userId}::uuid, ${productId}::uuid) ON CONFLICT DO NOTHING`;
  return { created: inserted === 1 };
}

export async function removeFromWishlist(userId: string, productId: string): Promise<{ removed: boolean }> {
  const { count } = await db.wishlistItem.deleteMany({ where: { userId, productId } });
  return { removed: count === 1 };
}

/**
 * Takes the product off the wishlist and puts one unit in the cart, in one transaction: if the add fails
 * (sold out, ended, limit) the heart stays. Idempotent: once moved, a repeat finds no wishlist row (404)
 * instead of adding a second unit.
 */
export async function moveWishlistItemToCart(userId: string, productId: string, variantId?: string) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.wishlistItem.deleteMany({ where: { userId, productId } });
    if (count === 0) throw notFound("wishlist item");
    // The size is chosen here (a product with options and none given is a 422 on variantId; the heart stays).
    return addCartItemIn(tx, userOwner(userId), { productId, variantId, quantity: 1 });
  });
}
