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

/** AppError.toJSON (lib/errors.ts); some codes add keys beside these (e.g. `retryAfter`, `productId`). */
export const errorSchema = z.looseObject({
  error: z.looseObject({
    code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
    message: z.string(),
    fields: z.record(z.string(), z.array(z.string())).optional().describe('Messages by dotted field path ("_" for the whole input)'),
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
export const orderItemSchema = z.looseObject({ productId: z.uuid(), name: str, image: str.nullable(), unitPrice: won, quantity: z.number().int().positive() });

/** A cart or wishlist entry's sale state now. */
export const availabilitySchema = z.looseObject({
  state: z.enum(["available", "sold_out", "upcoming", "ended"]),
  opensAt: isoInstant.nullable(),
  endsAt: isoInstant.nullable(),
});
