// Seller and admin inputs (zod only, shared by the client forms and the JSON API). Error messages are codes
// (keys of messages.seller.fieldErrors). A new product's times are checked against the shop's clock here too,
// so a form hears of a past opening with every other problem at once, not on a second submit; rules that
// need the stored product or the ledger (rescheduling, units below what is held or sold) are the service's.
import { z } from "zod";
import { clock } from "@/lib/clock";
import { isoDay, isoInstant, text as safeText } from "@/lib/validation";
import { roomSettingsFields } from "@/lib/waiting-room/schemas";

// No `abort` on "required": an explicitly aborted field would stop the cross-field rules below from running,
// and the form would learn of them only on the next submit.
const text = (max: number, multiline = false) => safeText(max, { error: "required", multiline }).min(1, { error: "required" });
const int = (min: number, max: number, minCode: string) =>
  z.number({ error: "whole_number" }).int({ error: "whole_number" }).min(min, { error: minCode }).max(max, { error: "too_large" });
const when = isoInstant("invalid_date");

export const MAX_UNITS = 1_000_000;
export const MAX_PRICE = 100_000_000;

const fields = {
  name: text(100),
  description: text(5000, true),
  /** Integer won. */
  price: int(100, MAX_PRICE, "price_min"),
  categoryId: z.uuid({ error: "required" }),
  images: z.array(safeText(200, { error: "invalid_image", tooLong: "invalid_image", invalidCharacters: "invalid_image" }).regex(/^\/(api\/uploads|products)\/[A-Za-z0-9_-][A-Za-z0-9/._-]*$/, { error: "invalid_image" }).refine((s) => !s.includes(".."), { error: "invalid_image" }), { error: "invalid_image" }).max(8, { error: "too_many_images" }),
  type: z.enum(["NORMAL", "LIMITED"], { error: "required" }),
  status: z.enum(["DRAFT", "ACTIVE"], { error: "invalid" }),
  units: int(0, MAX_UNITS, "units_min"),
  saleStartsAt: when.nullable(),
  saleEndsAt: when.nullable(),
  perBuyerLimit: int(1, 1000, "limit_min").nullable(),
  /** Buyers need a verified mobile number (lib/accounts/phone) to order. */
  phoneRequired: z.boolean({ error: "invalid" }),
  /** The drop's waiting room (docs/waiting-room.md): on by default for a new limited drop. */
  ...roomSettingsFields,
};

/** Cross-field rules of a product as a whole (the create input, or an existing product with edits applied). */
export type SaleShape = { type: "NORMAL" | "LIMITED"; units?: number; saleStartsAt?: Date | null; saleEndsAt?: Date | null; perBuyerLimit?: number | null; waitingRoom?: boolean };
export function saleIssues(p: SaleShape): [field: string, code: string][] {
  const out: [string, string][] = [];
  const isDate = (d: unknown): d is Date => d instanceof Date;
  if (p.type === "LIMITED") {
    if (!p.saleStartsAt) out.push(["saleStartsAt", "required"]);
    if (p.perBuyerLimit == null) out.push(["perBuyerLimit", "required"]);
    if (typeof p.units === "number" && p.units < 1) out.push(["units", "units_min"]);
  }
  if (isDate(p.saleStartsAt) && isDate(p.saleEndsAt) && p.saleEndsAt <= p.saleStartsAt) out.push(["saleEndsAt", "ends_before_start"]);
  if (p.type !== "LIMITED" && p.waitingRoom === true) out.push(["waitingRoom", "room_limited_only"]);
  return out;
}

export const productCreateSchema = z
  .object({
    ...fields,
    images: fields.images.default([]),
    status: fields.status.default("ACTIVE"),
    saleStartsAt: fields.saleStartsAt.optional(),
    saleEndsAt: fields.saleEndsAt.optional(),
    perBuyerLimit: fields.perBuyerLimit.optional(),
    phoneRequired: fields.phoneRequired.default(false),
    waitingRoom: fields.waitingRoom.optional(),
    admissionRate: fields.admissionRate.optional(),
    preQueueMinutes: fields.preQueueMinutes.optional(),
    roomRangeCap: fields.roomRangeCap.optional(),
    roomDeviceCap: fields.roomDeviceCap.optional(),
  })
  // Also runs when a field has the wrong type, so a form shows more problems at once (values may be raw then);
  // not when the body is no object at all (`null`), which has no fields to check.
  .superRefine(
    (p, ctx) => {
      for (const [path, message] of saleIssues(p)) ctx.addIssue({ code: "custom", path: [path], message });
      // Raw (a string) when another field failed: read it as the field itself would.
      const starts = typeof p.saleStartsAt === "string" ? Date.parse(p.saleStartsAt) : p.saleStartsAt instanceof Date ? p.saleStartsAt.getTime() : NaN;
      if (starts <= clock.nowMs()) ctx.addIssue({ code: "custom", path: ["saleStartsAt"], message: "opens_in_past" });
    },
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

/** Every field optional; `units` sets the total (refused below what is held or sold). */
export const productUpdateSchema = z.object(fields).partial().strict();

/** Restock: `add` units to the product (one without options) or to one of its variants (`variantId`, a size). */
export const restockSchema = z.object({ add: int(1, MAX_UNITS, "restock_min"), variantId: z.uuid({ error: "invalid" }).optional() });

/** An admin acting for a seller names them; a seller's own id is implied. */
export const sellerQuerySchema = z.object({ sellerId: z.uuid({ error: "invalid" }).optional() });

const day = isoDay("invalid_date");
export const orderStatuses = ["PENDING_PAYMENT", "CONFIRMING", "PAID", "SHIPPING", "DELIVERED", "RETURN_REQUESTED", "RETURNED", "EXPIRED", "PAYMENT_FAILED", "CANCELLED", "RETURN_REFUSED"] as const;
export const orderFilterSchema = sellerQuerySchema.extend({
  status: z.enum(orderStatuses, { error: "invalid" }).optional(),
  from: day.optional(),
  to: day.optional(),
  productId: z.uuid({ error: "invalid" }).optional(),
  page: z.coerce.number({ error: "whole_number" }).int({ error: "whole_number" }).min(1, { error: "invalid" }).max(10_000, { error: "invalid" }).default(1),
});

export const salesQuerySchema = sellerQuerySchema.extend({
  days: z.coerce.number({ error: "whole_number" }).int({ error: "whole_number" }).min(1, { error: "invalid" }).max(366, { error: "invalid" }).default(30),
});

export const roleChangeSchema = z.object({ role: z.enum(["BUYER", "SELLER", "ADMIN"], { error: "invalid" }), shopName: text(60).optional() });

export type ProductCreateInput = z.infer<typeof productCreateSchema>;
export type ProductUpdateInput = z.infer<typeof productUpdateSchema>;
export type OrderFilter = z.infer<typeof orderFilterSchema>;

/** Flagged orders of a drop to exclude; none named = every flagged unpaid order of the drop. */
export const excludeOrdersSchema = z.object({
  orderIds: z.array(safeText(64, { error: "invalid", tooLong: "invalid", invalidCharacters: "invalid" }).regex(/^[A-Za-z0-9_-]{6,64}$/, { error: "invalid" }), { error: "invalid" }).min(1, { error: "required" }).max(1000, { error: "too_many" }).optional(),
});
