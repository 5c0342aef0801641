// Toss Payments wire formats, zod only. Shared by the client (to validate what Toss answers) and by the
// Toss-compatible fake server (to validate what it is asked). Only the fields the shop relies on are
// required; everything else Toss sends passes through untouched (`looseObject`), so a new field on Toss's
// side never breaks a confirm.
import { z } from "zod";

/** orderId as Toss accepts it: 6–64 letters, digits, '-' or '_'. */
export const orderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, { error: "6–64 letters, digits, '-' or '_'" });
export const paymentKeySchema = z.string().min(1).max(200);
/** Toss keeps an Idempotency-Key for 15 days; up to 300 characters, UUID v4 recommended. */
export const idempotencyKeySchema = z.string().min(1).max(300);
/** Integer won. */
export const wonSchema = z.number().int().nonnegative();

export const paymentStatusSchema = z.enum([
  "READY",
  "IN_PROGRESS",
  "WAITING_FOR_DEPOSIT",
  "DONE",
  "CANCELED",
  "PARTIAL_CANCELED",
  "ABORTED",
  "EXPIRED",
]);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

export const paymentCancelSchema = z.looseObject({
  transactionKey: z.string(),
  cancelReason: z.string(),
  cancelAmount: wonSchema,
  refundableAmount: wonSchema,
  canceledAt: z.string(),
  cancelStatus: z.string().optional(),
});
export type PaymentCancel = z.infer<typeof paymentCancelSchema>;

export const tossFailureSchema = z.object({ code: z.string().min(1), message: z.string() });

/** The Payment object of Toss's API v1 (the fields the shop needs; the rest passes through). */
export const paymentSchema = z.looseObject({
  paymentKey: paymentKeySchema,
  orderId: z.string().min(1),
  orderName: z.string().nullish(),
  status: paymentStatusSchema,
  type: z.string().nullish(),
  method: z.string().nullish(),
  currency: z.string().default("KRW"),
  totalAmount: wonSchema,
  balanceAmount: wonSchema,
  requestedAt: z.string(),
  approvedAt: z.string().nullish(),
  lastTransactionKey: z.string().nullish(),
  cancels: z.array(paymentCancelSchema).nullish().transform((c) => c ?? []),
  receipt: z.looseObject({ url: z.string() }).nullish(),
  failure: tossFailureSchema.nullish(),
});
export type Payment = z.infer<typeof paymentSchema>;

/** Toss's error body: `{ code, message }` with a 4xx/5xx status. */
export const tossErrorSchema = z.looseObject({ code: z.string().min(1), message: z.string() });
export type TossErrorBody = z.infer<typeof tossErrorSchema>;

export const confirmRequestSchema = z.object({
  paymentKey: paymentKeySchema,
  orderId: orderIdSchema,
  amount: wonSchema,
});
export type ConfirmRequest = z.infer<typeof confirmRequestSchema>;

export const cancelRequestSchema = z.object({
  cancelReason: z.string().trim().min(1).max(200),
  cancelAmount: z.number().int().positive().optional(),
});
export type CancelRequest = z.infer<typeof cancelRequestSchema>;

/** PAYMENT_STATUS_CHANGED webhook body, as Toss sends it. */
export const paymentWebhookSchema = z.object({
  eventType: z.literal("PAYMENT_STATUS_CHANGED"),
  createdAt: z.string(),
  data: paymentSchema,
});
export type PaymentWebhook = z.infer<typeof paymentWebhookSchema>;
