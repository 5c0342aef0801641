// Order input and answers, shared by the route handler, the fast path and the client.
import { z } from "zod";
import { deliverySchema } from "@/lib/addresses/schemas";
import { text } from "@/lib/validation";

const noControls = "Must not contain control characters";

export const orderLineSchema = z.object({
  productId: z.uuid({ error: "Unknown product" }),
  /** The variant (size, colour: docs/variants.md); absent = the implicit variant of a product without options. */
  variantId: z.uuid({ error: "Unknown variant" }).optional(),
  quantity: z.number({ error: "Quantity must be a whole number" }).int({ error: "Quantity must be a whole number" }).min(1, { error: "At least 1" }).max(100, { error: "At most 100" }),
});

export const placeOrderSchema = z.object({
  items: z
    .array(orderLineSchema, { error: "items must be a list" })
    .min(1, { error: "Add at least one item" })
    .max(20, { error: "At most 20 lines" })
    .refine((lines) => new Set(lines.map((l) => `${l.productId}:${l.variantId ?? ""}`)).size === lines.length, { error: "Each product may appear once" }),
});

const shippingAddress = text(200, { error: "Address must be text", tooLong: "At most 200 characters", invalidCharacters: noControls }).min(5, {
  error: "Enter the full shipping address",
});

/** Where the parcel goes (lib/addresses/schemas.ts): a saved address, or details given here; neither = the default. */
const deliveryFields = {
  addressId: z.uuid({ error: "unknown_address" }).optional(),
  delivery: deliverySchema.optional(),
};
const oneDelivery = (v: { addressId?: string; delivery?: unknown }) => v.addressId === undefined || v.delivery === undefined;
const oneDeliveryIssue = { error: "choose_one", path: ["delivery"] };

const uuidList = (what: string) =>
  z
    .array(z.uuid({ error: `Unknown ${what}` }), { error: `${what}s must be a list` })
    .min(1, { error: "Choose at least one item" })
    .max(20, { error: "At most 20 lines" })
    .refine((ids) => new Set(ids).size === ids.length, { error: "Each item may appear once" });

/**
 * The body of POST /api/orders. `source` names where the lines come from; a body without it is a
 * buy-now (the original `{ items }` body keeps working). Prices are never part of the request.
 */
export const checkoutSchema = z.preprocess(
  (v) => (v && typeof v === "object" && !Array.isArray(v) && !("source" in v) ? { ...v, source: "buy-now" } : v),
  z.discriminatedUnion(
    "source",
    [
      placeOrderSchema.extend({ source: z.literal("buy-now"), shippingAddress: shippingAddress.optional(), ...deliveryFields }),
      placeOrderSchema.extend({ source: z.literal("wishlist"), shippingAddress: shippingAddress.optional(), ...deliveryFields }),
      z.object({ source: z.literal("cart"), cartItemIds: uuidList("cart line"), shippingAddress: shippingAddress.optional(), ...deliveryFields }),
    ],
    { error: "source must be cart, wishlist or buy-now" },
  ).refine(oneDelivery, oneDeliveryIssue),
);
export type CheckoutInput = z.infer<typeof checkoutSchema>;

const UUID = z.regexes.uuid(); // the pattern z.uuid() checks
const LINE_FIELDS = new Set(["productId", "variantId", "quantity"]);

/**
 * An opening's body — `{"items":[{"productId":…,"quantity":n}]}`, a variantId allowed — read without zod:
 * tens of thousands arrive a second, and zod's generic walk of them was ~4 % of the server's time. Null
 * for anything else, which checkoutSchema then reads (errors included); for what this accepts it gives the
 * very output checkoutSchema gives (schemas.test.ts holds them together).
 */
export function plainBuyNow(body: unknown): CheckoutInput | null {
  if (!isPlainObject(body)) return null;
  for (const k in body) if (k !== "items") return null;
  const items = body.items;
  if (!Array.isArray(items) || items.length !== 1) return null;
  const line: unknown = items[0];
  if (!isPlainObject(line)) return null;
  for (const k in line) if (!LINE_FIELDS.has(k)) return null;
  const { productId, variantId, quantity } = line;
  if (typeof productId !== "string" || !UUID.test(productId)) return null;
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1 || quantity > 100) return null;
  if (variantId === undefined) return { items: [{ productId, quantity }], source: "buy-now" };
  if (typeof variantId !== "string" || !UUID.test(variantId)) return null;
  return { items: [{ productId, variantId, quantity }], source: "buy-now" };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export type CheckoutSource = CheckoutInput["source"];

/** Optional body of cancel and return requests. */
export const orderActionSchema = z.object({ reason: text(200, { error: "Reason must be text", tooLong: "At most 200 characters", invalidCharacters: noControls }).optional() }).default({});

export const listOrdersQuerySchema = z.object({
  page: z.coerce.number({ error: "page must be a number" }).int({ error: "page must be a whole number" }).min(1, { error: "page starts at 1" }).max(10_000).default(1),
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int({ error: "pageSize must be a whole number" }).min(1, { error: "at least 1" }).max(50, { error: "at most 50" }).default(10),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;

/** Idempotency-Key header: what Toss accepts too (up to 300 chars); UUID v4 recommended. */
export const idempotencyKeySchema = text(300, { trim: false, tooLong: "Idempotency-Key must be 8–300 characters", invalidCharacters: "Idempotency-Key must be printable ASCII" }).min(8, { error: "Idempotency-Key must be 8–300 characters" }).regex(/^[\x21-\x7e]+$/, { error: "Idempotency-Key must be printable ASCII" });
/** A key the schema takes as it is (printable ASCII, 8–300: nothing to normalize or trim), checked without zod (schemas.test.ts). */
export const plainIdempotencyKey = (v: string) => PLAIN_KEY.test(v);
const PLAIN_KEY = /^[\x21-\x7e]{8,300}$/;

export type OrderLine = z.infer<typeof orderLineSchema>;
export type PlaceOrderInput = z.infer<typeof placeOrderSchema>;
export type RejectCode = "SOLD_OUT" | "NOT_OPEN" | "ENDED" | "LIMIT_EXCEEDED";
/** Why a line's variant was refused (a 422 on items.<i>.variantId). */
export type VariantRefusal = "VARIANT_REQUIRED" | "UNKNOWN_VARIANT";
export type PlacedOrder = { id: string; amount: number; holdExpiresAt: string; status: "PENDING_PAYMENT" };
/** What POST /api/orders answers (and replays for the same key). */
export type OrderAnswer = { status: number; body: unknown };
