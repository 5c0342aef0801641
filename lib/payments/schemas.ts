// Payment inputs, zod only: the widget's redirect back to the shop, the webhook body and the refund
// request event. The amount in the success URL came from the browser: it is only compared, never used.
import { z } from "zod";
import { text } from "@/lib/validation";

const orderId = text(64, { error: "Invalid order id", tooLong: "Invalid order id", invalidCharacters: "Invalid order id" }).regex(/^[A-Za-z0-9_-]{6,64}$/, { error: "Invalid order id" });

export const successQuerySchema = z.object({
  paymentKey: text(200, { tooLong: "At most 200 characters", invalidCharacters: "Must not contain control characters" }).min(1),
  orderId,
  amount: z.coerce.number().int().nonnegative(),
});
export type SuccessQuery = z.infer<typeof successQuerySchema>;

/** POST /api/payments/confirm: the success URL's query as JSON (the success page's island sends it). */
export const confirmBodySchema = z.object({
  paymentKey: successQuerySchema.shape.paymentKey,
  orderId,
  amount: z.number({ error: "Amount must be a number" }).int().nonnegative(),
});
export type ConfirmBody = z.infer<typeof confirmBodySchema>;

export const failQuerySchema = z.object({
  code: text(100).default("UNKNOWN"),
  message: text(500).optional(),
  orderId: orderId.optional(),
});
export type FailQuery = z.infer<typeof failQuerySchema>;

/** GET /api/payments/fail: the failUrl's query for a client that is not the page; the order is required. */
export const failRouteQuerySchema = failQuerySchema.extend({ orderId });

/**
 * Only what the shop needs to look the payment up; everything else in the body is untrusted and dropped
 * (never stored: a NUL or a deep tree in a field the shop does not read cannot reach the database).
 */
export const webhookBodySchema = z.object({
  eventType: text(100).min(1),
  /** Toss sends it without an offset ("2022-01-01T00:00:00.000000"); kept as text, never used as a time. */
  createdAt: text(100).optional(),
  data: z.object({
    paymentKey: text(200).min(1).optional(),
    orderId: text(64).optional(),
    status: text(40).optional(),
    lastTransactionKey: text(200).nullish(),
  }),
});
export type WebhookBody = z.infer<typeof webhookBodySchema>;

/** Written by cancel/return (lifecycle) in the transaction that cancels a paid order. */
export const refundRequestedSchema = z.object({
  orderId,
  reason: text(200).min(1).default("Order cancelled"),
  /** Set by a compensation: carry out the refund row of this payment. */
  paymentKey: text(200).min(1).optional(),
});
export type RefundRequested = z.infer<typeof refundRequestedSchema>;

/** Buyer codes: the buyer closed the window (as opposed to a decline); either way the order stays payable. */
export const retryableFailCodes = new Set(["PAY_PROCESS_CANCELED", "PAY_PROCESS_ABORTED", "USER_CANCEL"]);
