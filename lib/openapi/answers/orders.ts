// Answers of the order and payment API: the buyer's orders, placing one, confirming and failing payments,
// and Toss's webhook receipt.
import { z } from "zod";
import type { getOrderForUser, listOrdersForUser } from "@/lib/orders/queries";
import type { PlacedOrder } from "@/lib/orders/schemas";
import type { describePaymentFailure } from "@/lib/payments/failure";
import type { PaymentOutcome } from "@/lib/payments/metrics";
import type { getOrderPayment } from "@/lib/payments/queries";
import type { receiveTossWebhook } from "@/lib/payments/webhooks";
import { fits, type Sent } from "../fits";
import { deliverySchema } from "./addresses";
import { count, isoInstant, orderEventSchema, orderItemSchema, orderStatus, refundSchema, shipmentSchema, str, won } from "../responses";

const orderId = str.describe("Toss order id: 6–64 of [A-Za-z0-9_-]");

/** lib/orders/queries.ts getOrderForUser: the order, its lines and timeline, and what the buyer may do now. */
const orderView = z.looseObject({
  id: orderId,
  status: orderStatus,
  amount: won,
  orderName: str,
  holdExpiresAt: isoInstant.nullable().describe("Until when an unpaid order holds its units"),
  createdAt: isoInstant,
  shippingAddress: str.nullable(),
  items: z.array(orderItemSchema),
  events: z.array(orderEventSchema),
  delivery: deliverySchema.nullable().describe("Who receives it and where; null until set, and then it cannot be paid"),
  shipment: shipmentSchema,
  returnRefusal: str.nullable().describe("The seller's reason when they refused the return"),
  actions: z.looseObject({ cancel: z.boolean(), return: z.boolean(), returnDeadline: isoInstant.nullable() }).describe("What the buyer may do now (re-checked on every request)"),
});
export const orderAnswerSchema = fits(z.looseObject({ order: orderView }))<{ order: NonNullable<Sent<typeof getOrderForUser>> }>();

const orderSummary = z.looseObject({
  id: orderId,
  status: orderStatus,
  amount: won,
  orderName: str,
  holdExpiresAt: isoInstant.nullable(),
  createdAt: isoInstant,
  items: z.array(orderItemSchema).describe("The first three lines"),
  itemCount: count,
});
export const orderPageSchema = fits(
  z.looseObject({ orders: z.array(orderSummary), page: z.number().int().positive(), pageSize: z.number().int().positive(), total: count, pages: z.number().int().positive() }),
)<Sent<typeof listOrdersForUser>>();

/** lib/orders/place: the 201 (also replayed for the same Idempotency-Key and body). */
export const placedOrderSchema = fits(
  z.looseObject({ order: z.looseObject({ id: orderId, amount: won, holdExpiresAt: isoInstant, status: z.literal("PENDING_PAYMENT") }) }),
)<{ order: PlacedOrder }>();

/** lib/payments/order-payment-view.ts: the order as the payment pages show it. */
const orderPayment = z.looseObject({
  id: orderId,
  status: orderStatus,
  amount: won,
  orderName: str,
  holdExpiresAt: isoInstant.nullable(),
  payment: z.looseObject({ status: str, method: str.nullable(), amount: won, approvedAt: isoInstant.nullable(), failureCode: str.nullable() }).nullable(),
  refunds: z.array(refundSchema),
  refund: refundSchema.nullable().describe("The latest refund, if any"),
});

const paymentOutcomes: Record<PaymentOutcome, string> = {
  paid: "paid now",
  already: "the order was already past PENDING_PAYMENT: nothing confirmed, its state as it is",
  pending: "Toss has not settled yet: the worker finishes it",
  failed: "the payment failed",
  declined: "the card or method was refused",
  mismatch: "the amount is not the order's",
  unavailable: "Toss is unreachable for now",
  expired: "the hold ended before the payment",
  compensated: "paid after the order had lapsed: refunded automatically",
  refunded: "refunded",
};

/** lib/payments/handlers.ts handleConfirmPayment. */
export const confirmSchema = fits(
  z.looseObject({
    outcome: z.enum(Object.keys(paymentOutcomes) as [PaymentOutcome, ...PaymentOutcome[]]).describe(Object.entries(paymentOutcomes).map(([k, v]) => `${k}: ${v}`).join("; ")),
    code: str.optional().describe("Toss's code, when it gave one"),
    order: orderPayment,
  }),
)<{ outcome: PaymentOutcome; code?: string; order: NonNullable<Sent<typeof getOrderPayment>> }>();

/** lib/payments/failure.ts: what a payment window's failure means for the order (404 when there is none). */
export const paymentFailureSchema = fits(
  z.looseObject({
    outcome: z.enum(["canceled", "declined", "failed"]).describe("canceled: the buyer closed the window; declined: the card or method was refused"),
    code: str,
    payable: z.boolean().describe("The order still holds its units and can be paid again (a new payment window, same orderId)"),
    order: orderPayment,
  }),
)<Sent<typeof describePaymentFailure> & { order: object }>();

/** lib/payments/webhooks.ts: recorded (or not) — Toss only needs a 2xx. */
export const webhookReceiptSchema = fits(
  z.looseObject({
    ok: z.literal(true),
    duplicate: z.boolean().describe("This delivery was recorded before"),
    ignored: z.enum(["event_type", "not_ours", "limited"]).optional().describe("Why nothing will be processed"),
  }),
)<{ ok: true } & Sent<typeof receiveTossWebhook>>();
