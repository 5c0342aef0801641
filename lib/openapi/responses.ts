// The pieces every answer schema (./answers/*) is made of, and the one error shape. Answers are zod,
// turned into JSON Schema with io "output"; objects are loose (extra keys allowed): a new field is not a
// breaking change. Each answer is tied to the code that sends it with fits() (./fits.ts).
/* eslint-disable no-restricted-syntax -- answers the shop writes, never input it parses: text()'s input rules do not apply */
import { z } from "zod";
import { errorStatus } from "@/lib/errors";
import { OrderStatus, RefundKind, RefundStatus, Role } from "@/lib/generated/prisma/enums";

export const isoInstant = z.iso.datetime({ offset: true });
export const won = z.number().int().describe("Integer won");
export const count = z.number().int().nonnegative();
export const str = z.string();

export const orderStatus = z.enum(OrderStatus);
export const role = z.enum(Role);

/** AppError.toJSON (lib/errors.ts), with the keys some codes add beside code and message (AppError's `extra`). */
export const errorSchema = z.looseObject({
  error: z.looseObject({
    code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe('Messages by dotted field path ("_" for the whole input)'),
    retryAfter: z.number().int().positive().optional().describe("429 and some 503: seconds to wait (also the Retry-After header)"),
    productId: z.uuid().optional().describe("An order's refusal (SOLD_OUT, NOT_OPEN, ENDED, LIMIT_EXCEEDED, PHONE_VERIFICATION_REQUIRED): the product refused"),
    status: orderStatus.optional().describe("INVALID_TRANSITION, RETURN_WINDOW_CLOSED: the order's status now"),
    deadline: isoInstant.optional().describe("RETURN_WINDOW_CLOSED: when the window closed"),
    maxQuantity: z.number().int().nonnegative().optional().describe("LIMIT_EXCEEDED from the cart: the units still allowed"),
    entryOpensAt: isoInstant.nullable().optional().describe("ROOM_NOT_OPEN: when the waiting room takes entries"),
    cap: z.enum(["device", "range"]).optional().describe("ROOM_DEVICE_CAP, ROOM_RANGE_CAP: which cap"),
    attemptsLeft: z.number().int().nonnegative().optional().describe("A wrong SMS code: tries left"),
  }),
});

/** A refund as the buyer's and the seller's order views show it. */
export const refundSchema = z.looseObject({
  status: z.enum(RefundStatus),
  kind: z.enum(RefundKind),
  amount: won,
  reason: str,
  createdAt: isoInstant,
  completedAt: isoInstant.nullable(),
});

/** An order's events, oldest first. */
export const orderEventSchema = z.looseObject({ fromStatus: orderStatus.nullable(), toStatus: orderStatus, note: str.nullable(), createdAt: isoInstant });

/** A line of an order, at the price it was bought for. */
export const orderItemSchema = z.looseObject({
  productId: z.uuid(),
  variantId: z.uuid(),
  variantLabel: str.nullable().describe("The variant as ordered, e.g. 사이즈 270; null for a product without options"),
  sku: str.nullable(),
  name: str,
  image: str.nullable(),
  unitPrice: won.describe("The product's price plus the variant's difference, as bought"),
  quantity: z.number().int().positive(),
});

/** A cart or wishlist entry's sale state now. */
export const availabilitySchema = z.looseObject({
  state: z.enum(["available", "sold_out", "upcoming", "ended"]),
  opensAt: isoInstant.nullable(),
  endsAt: isoInstant.nullable(),
});

/** The courier and tracking number the seller shipped with (lib/fulfilment), null before shipping. */
export const shipmentSchema = z.looseObject({ courier: str.describe("A courier code (lib/fulfilment/couriers.ts)"), trackingNumber: str, shippedAt: isoInstant }).nullable();
