// Answers of the shop's public side: the catalog, live stock, the cart, the wishlist and the waiting room.
import { z } from "zod";
import type { getCartView } from "@/lib/cart/queries";
import type { addCartItem, removeCartItem, updateCartItem } from "@/lib/cart/service";
import { productTypes, saleStates } from "@/lib/catalog/schemas";
import type { ProductPage, ProductView } from "@/lib/catalog/types";
import type { LiveStockState } from "@/lib/stock/live";
import type { createRoomChallenge } from "@/lib/waiting-room/pow";
import { roomStates, type RoomView } from "@/lib/waiting-room/view";
import type { listWishlist } from "@/lib/wishlist/queries";
import { fits, type Json, type Sent } from "../fits";
import { availabilitySchema, count, isoInstant, str, won } from "../responses";

/** ProductView (lib/catalog/types.ts). */
const productSchema = z.looseObject({
  id: z.uuid(),
  name: str,
  description: str,
  price: won,
  images: z.array(str),
  type: z.enum(productTypes),
  category: z.looseObject({ slug: str, nameKo: str, nameEn: str }),
  saleStartsAt: isoInstant.nullable(),
  saleEndsAt: isoInstant.nullable(),
  perBuyerLimit: z.number().int().positive().nullable(),
  phoneRequired: z.boolean(),
  waitingRoom: z.boolean(),
  remaining: count,
  total: count,
  state: z.enum(saleStates),
  createdAt: isoInstant,
  options: z.array(z.looseObject({ name: str, values: z.array(str) })).describe("Option axes (e.g. 사이즈); empty without options"),
  variants: z.array(z.looseObject({
    id: z.uuid(), sku: str, optionValues: z.array(str), label: str, priceDelta: z.number().int(), price: won,
    available: count, total: count,
  })).describe("One per option combination on sale; empty for a product without options (its one variant is implicit)"),
});

export const productPageSchema = fits(z.looseObject({ items: z.array(productSchema), page: z.number().int().positive(), pageSize: z.number().int().positive(), total: count, totalPages: count }))<Json<ProductPage>>();
export const productAnswerSchema = fits(z.looseObject({ product: productSchema }))<{ product: Json<ProductView> }>();

// The stock API's words for the sale state (lib/stock/live.ts); a Record, so a state added there fails to compile here.
const liveStates: Record<LiveStockState, true> = { upcoming: true, on_sale: true, sold_out: true, ended: true };

/**
 * lib/stock/handlers.ts writes this answer as text (the hot path builds no object), so it is tied to the
 * code by liveStates above and by the integration tests, not by fits().
 */
export const liveStockSchema = z.looseObject({
  stock: z.looseObject({
    productId: z.uuid(),
    available: count,
    total: count,
    saleStartsAt: isoInstant.nullable(),
    saleEndsAt: isoInstant.nullable(),
    perBuyerLimit: z.number().int().positive().nullable(),
    state: z.enum(Object.keys(liveStates) as [LiveStockState, ...LiveStockState[]]),
    variants: z.array(z.looseObject({ id: z.uuid(), available: count, total: count })).describe("Units left per variant (size); empty for a product without options"),
    serverTime: isoInstant,
  }),
});

const capReason = z.enum(["stock", "limit", "max"]).describe("What caps the line: the units left, the per-buyer limit, or the line maximum");
const totals = z.looseObject({ lineCount: count, quantity: count, amount: won });
/** The line's variant; label and SKU null for a product without options (its implicit variant). */
const lineVariant = z.looseObject({ id: z.uuid(), label: str.nullable(), sku: str.nullable() });
const cartLine = z.looseObject({
  id: z.uuid(),
  productId: z.uuid(),
  variantId: z.uuid(),
  variant: lineVariant,
  name: str,
  image: str.nullable(),
  unitPrice: won,
  quantity: z.number().int().positive(),
  selected: z.boolean(),
  lineTotal: won,
  availability: availabilitySchema,
  maxQuantity: count,
  capReason,
  purchasable: z.boolean(),
});
const mergeChange = z.looseObject({
  productId: z.uuid(),
  name: str,
  guestQuantity: count,
  previousQuantity: count,
  quantity: count,
  kind: z.enum(["added", "summed", "capped", "dropped"]),
  reason: z.enum(["ended", "stock", "limit", "max"]).nullable(),
});

/** lib/cart/queries.ts CartView: lines with live availability, the server's totals, a guest cart's merge. */
export const cartSchema = fits(
  z.looseObject({
    lines: z.array(cartLine),
    totals,
    selectedTotals: totals.describe("Of the selected lines: what an order from the cart would hold"),
    mergeNotice: z.looseObject({ at: isoInstant, changes: z.array(mergeChange) }).nullable().describe("What merging the guest cart did after sign-in, until dismissed"),
  }),
)<Sent<typeof getCartView>>();

// The other routes that answer with the cart.
fits(cartSchema)<Sent<typeof updateCartItem>>();
fits(cartSchema)<Sent<typeof removeCartItem>>();

export const cartAddSchema = fits(
  z.looseObject({
    result: z.looseObject({ productId: z.uuid(), variantId: z.uuid(), requested: z.number().int().positive(), quantity: count, capped: z.boolean(), maxQuantity: count, capReason }),
    cart: cartSchema,
  }),
)<Sent<typeof addCartItem>>();

const wishlistItem = z.looseObject({
  productId: z.uuid(),
  name: str,
  image: str.nullable(),
  price: won,
  availability: availabilitySchema,
  addedAt: isoInstant,
  variants: z.array(z.looseObject({ id: z.uuid(), label: str, available: count })).describe("The sizes to choose from when moving to the cart; empty without options"),
});
export const wishlistSchema = fits(z.looseObject({ items: z.array(wishlistItem) }))<{ items: Sent<typeof listWishlist> }>();
/** Built inline by app/api/wishlist/items/route.ts. */
export const wishlistedSchema = fits(z.looseObject({ productId: z.uuid(), wishlisted: z.literal(true) }))<{ productId: string; wishlisted: true }>();

/** lib/waiting-room/view.ts RoomView. */
const roomView = z.looseObject({
  state: z.enum(roomStates),
  position: z.number().int().positive().nullable(),
  ahead: count.nullable(),
  waiting: count,
  available: count,
  rate: z.number().nonnegative().describe("Admissions per second"),
  estimateSeconds: count.nullable(),
  opensAt: isoInstant.nullable(),
  entryOpensAt: isoInstant.nullable(),
  pass: str.nullable().describe("When admitted: the pass POST /api/orders takes (the X-Waiting-Room-Pass header)"),
  passExpiresAt: isoInstant.nullable(),
  serverTime: isoInstant,
});
export const roomEnterSchema = fits(z.looseObject({ room: roomView }))<{ room: Json<RoomView> }>();
export const roomStatusSchema = fits(z.looseObject({ room: roomView, fingerprint: str.describe("Send back as ?after= to wait for a change") }))<{ room: Json<RoomView>; fingerprint: string }>();

/** altcha-lib's Challenge (v2): solved by the ALTCHA widget, sent back as `altcha`. */
export const roomChallengeSchema = fits(
  z.looseObject({
    parameters: z.looseObject({
      algorithm: str,
      nonce: str,
      salt: str,
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: str,
      keySignature: str.optional(),
      memoryCost: z.number().optional(),
      parallelism: z.number().optional(),
      expiresAt: z.number().int().optional().describe("Unix seconds"),
      data: z.record(str, z.union([str, z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: str.optional(),
    codeChallenge: z.looseObject({ image: str, audio: str.optional(), length: z.number().optional() }).optional(),
  }),
)<Sent<typeof createRoomChallenge>>();
