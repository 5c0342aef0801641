// Wishlist inputs and JSON shape: zod only, shared by route handlers, server actions and the client.
import { z } from "zod";
import type { Availability } from "@/lib/cart/schemas";

export const wishlistItemSchema = z.object({ productId: z.uuid({ error: "productId must be a product id" }) });
export type WishlistItemInput = z.infer<typeof wishlistItemSchema>;
/** Moving to the cart: a product with options needs its size chosen then (docs/variants.md). */
export const moveToCartSchema = wishlistItemSchema.extend({ variantId: z.uuid({ error: "variantId must be a variant id" }).optional() });

export type WishlistItem = {
  productId: string;
  name: string;
  image: string | null;
  /** Integer won: the product's current price. */
  price: number;
  availability: Availability;
  addedAt: string;
  /** The product's sizes (label, units left); empty for a product without options. */
  variants: { id: string; label: string; available: number }[];
};
