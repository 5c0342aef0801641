"use server";
// Server actions for the heart button and the wishlist page: the same schema and services as the
// route handlers under app/api/wishlist. Guests get UNAUTHENTICATED (the heart sends them to sign-in).
import { refresh } from "next/cache";
import { runAction, type ActionResult } from "@/lib/action";
import { requireActionUser } from "@/lib/auth/guards";
import { moveToCartSchema, wishlistItemSchema } from "./schemas";
import { addToWishlist, moveWishlistItemToCart, removeFromWishlist } from "./service";

export async function setWishlistedAction(input: unknown, wishlisted: boolean): Promise<ActionResult<{ wishlisted: boolean }>> {
  return runAction(wishlistItemSchema, input, async ({ productId }) => {
    const user = await requireActionUser();
    if (wishlisted) await addToWishlist(user.id, productId);
    else await removeFromWishlist(user.id, productId);
    refresh();
    return { wishlisted };
  });
}

export async function moveToCartAction(input: unknown): Promise<ActionResult<{ capped: boolean }>> {
  return runAction(moveToCartSchema, input, async ({ productId, variantId }) => {
    const user = await requireActionUser();
    const { result } = await moveWishlistItemToCart(user.id, productId, variantId);
    refresh();
    return { capped: result.capped };
  });
}
