// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Refunds for cancelled or returned paid orders (the `payment.refund_requested` outbox event). Exactly
// once: one Refund row per order (unique), one Idempotency-Key per refund kept on that row, so a retried
// job, a second event or a worker crash mid-call all resend the same cancel and Toss refunds once.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { Prisma } from "@/lib/generated/prisma/client";
import { toss } from "./gateway";
import { paymentMetrics } from "./metrics";
import { refundRequestedSchema } from "./schemas";
import { recordRefund } from "./settlement";
import type { Payment as TossPayment } from "./toss";

export { REFUND_REQUESTED_QUEUE } from "./queues";
export const refundKey = (orderId: string) => `refund-${orderId}`;

export type RefundResult = "refunded" | "already" | "failed" | "nothing_to_refund";

/** The job handler. Throws on an unknown outcome so pg-boss retries (with the same key). */
export async function refundOrder(raw: unknown): Promise<RefundResult> {
  const { orderId, reason } = refundRequestedSchema.parse(raw);
  const payment = await db.payment.findUnique({ where: { orderId } });
  if (!payment || !["DONE", "CANCELED", "PARTIAL_CANCELED"].includes(payment.status)) {
    log.warn({ orderId }, "refund requested for an order without a completed payment: nothing to refund");
    return "nothing_to_refund";
  }
  // Concurrent handlers: the first insert wins, everyone then works with that one row (and its key).
  await db.refund.createMany({
    data: [{ orderId, paymentKey: payment.paymentKey, amount: payment.amount, reason, idempotencyKey: refundKey(orderId) }],
    skipDuplicates: true,
  });
  const refund = await db.refund.findUniqueOrThrow({ where: { orderId } });
  if (refund.status !== "REQUESTED") return "already";
  const outcome = await toss().cancelPayment(refund.paymentKey, { cancelReason: reason, idempotencyKey: refund.idempotencyKey });
  if (outcome.kind === "success") return completeRefund(orderId, outcome.payment);
  if (outcome.kind === "declined" && outcome.code === "ALREADY_CANCELED_PAYMENT") {
    const found = await toss().getPayment(refund.paymentKey);
    if (found.kind === "success") return completeRefund(orderId, found.payment);
  } else if (outcome.kind === "declined") {
    await db.refund.updateMany({ where: { orderId, status: "REQUESTED" }, data: { status: "FAILED", failureCode: outcome.code, completedAt: clock.now() } });
    paymentMetrics.refunds.inc({ result: "failed" });
    log.error({ orderId, code: outcome.code }, "toss refused the refund: needs an operator");
    return "failed";
  }
  throw new Error(`refund of ${orderId} has no definite answer yet; retrying with the same key`);
}

/** Marks the refund done once, with its settlement entries. Also used when a webhook reports the cancel. */
export async function completeRefund(orderId: string, p: TossPayment): Promise<RefundResult> {
  if (p.status !== "CANCELED" && p.status !== "PARTIAL_CANCELED") return "already";
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.refund.updateMany({
      where: { orderId, status: "REQUESTED" },
      data: { status: "DONE", transactionKey: p.cancels.at(-1)?.transactionKey ?? null, completedAt: clock.now() },
    });
    if (!count) return false;
    await tx.payment.update({ where: { orderId }, data: { status: p.status, raw: p as Prisma.InputJsonValue } });
    await recordRefund(tx, orderId);
    return true;
  });
  if (done) paymentMetrics.refunds.inc({ result: "done" });
  return done ? "refunded" : "already";
}
