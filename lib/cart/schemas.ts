// Cart inputs and the cart's JSON shape: zod only, shared by route handlers, server actions and the client.
import { z } from "zod";
import { MAX_LINE_QUANTITY, type Availability, type AvailabilityState, type CapReason } from "@/lib/catalog/sale-rules";
import type { LineVariant } from "@/lib/variants/types";

// The sale rules (availability, caps, the line maximum) are the catalog's; the cart re-exports what its
// callers name.
export { MAX_LINE_QUANTITY };
export type { Availability, AvailabilityState, CapReason };

const quantity = z
  .number({ error: "quantity must be a number" })
  .int({ error: "quantity must be a whole number" })
  .min(1, { error: "quantity must be at least 1" })
  .max(MAX_LINE_QUANTITY, { error: `quantity must be at most ${MAX_LINE_QUANTITY}` });

export const addCartItemSchema = z.object({
  productId: z.uuid({ error: "productId must be a product id" }),
  /** The size/colour (docs/variants.md); absent = the implicit variant of a product without options. */
  variantId: z.uuid({ error: "variantId must be a variant id" }).optional(),
  quantity: quantity.default(1),
});
export type AddCartItemInput = z.infer<typeof addCartItemSchema>;

export const updateCartItemSchema = z
  .object({
    quantity: quantity.optional(),
    selected: z.boolean({ error: "selected must be true or false" }).optional(),
  })
  .refine((v) => v.quantity !== undefined || v.selected !== undefined, {
    error: "give quantity or selected",
    path: ["quantity"],
  });
export type UpdateCartItemInput = z.infer<typeof updateCartItemSchema>;

export const selectAllSchema = z.object({ selected: z.boolean({ error: "selected must be true or false" }) });



export type CartLine = {
  id: string;
  productId: string;
  variantId: string;
  /** The size/colour shown with the line; label and SKU null for a product without options. */
  variant: LineVariant;
  name: string;
  image: string | null;
  /** Integer won: the product's current price plus the variant's difference. */
  unitPrice: number;
  quantity: number;
  selected: boolean;
  lineTotal: number;
  availability: Availability;
  /** Most units this shopper may have of the product now (0 when none can be bought). */
  maxQuantity: number;
  capReason: CapReason;
  /** Selected lines are ordered only when purchasable: on sale now and within the cap. */
  purchasable: boolean;
};

export type CartTotals = { lineCount: number; quantity: number; amount: number };

export type MergeChange = {
  productId: string;
  variantId: string;
  /** "사이즈 270"; null for a product without options. */
  variantLabel: string | null;
  name: string;
  /** Units the guest cart had, the signed-in cart had before, and the result. */
  guestQuantity: number;
  previousQuantity: number;
  quantity: number;
  kind: "added" | "summed" | "capped" | "dropped";
  reason: CapReason | "ended" | null;
};
export type MergeNotice = { at: string; changes: MergeChange[] };

export type CartView = {
  lines: CartLine[];
  /** Every line, at current prices. */
  totals: CartTotals;
  /** Selected, purchasable lines only: what "checkout selected" would order. */
  selectedTotals: CartTotals;
  mergeNotice: MergeNotice | null;
};

export type AddResult = { productId: string; variantId: string; requested: number; quantity: number; capped: boolean; maxQuantity: number; capReason: CapReason };
