// Payment inputs, zod only: the widget's redirect back to the shop, the webhook body and the refund
// request event. The amount in the success URL came from the browser: it is only compared, never used.
import { z } from "zod";

const orderId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, { error: "Invalid order id" });

export const successQuerySchema = z.object({
  paymentKey: z.string().min(1).max(200),
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
  code: z.string().max(100).default("UNKNOWN"),
  message: z.string().max(500).optional(),
  orderId: orderId.optional(),
});
export type FailQuery = z.infer<typeof failQuerySchema>;

/** Only what the shop needs to look the payment up; everything else in the body is untrusted. */
export const webhookBodySchema = z.looseObject({
  eventType: z.string().min(1).max(100),
  createdAt: z.string().max(100).optional(),
  data: z.looseObject({
    paymentKey: z.string().min(1).max(200).optional(),
    orderId: z.string().max(64).optional(),
    status: z.string().max(40).optional(),
    lastTransactionKey: z.string().max(200).nullish(),
  }),
});
export type WebhookBody = z.infer<typeof webhookBodySchema>;

/** Written by cancel/return (lifecycle) in the transaction that cancels a paid order. */
export const refundRequestedSchema = z.object({
  orderId,
  reason: z.string().trim().min(1).max(200).default("Order cancelled"),
  /** Set by a compensation: carry out the refund row of this payment. */
  paymentKey: z.string().min(1).max(200).optional(),
});
export type RefundRequested = z.infer<typeof refundRequestedSchema>;

/** Buyer codes: the buyer closed the window (as opposed to a decline); either way the order stays payable. */
export const retryableFailCodes = new Set(["PAY_PROCESS_CANCELED", "PAY_PROCESS_ABORTED", "USER_CANCEL"]);
