// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Refunds: money going back through Toss's cancel API, recorded exactly once and truthfully.
// - One Refund row per Toss payment (unique paymentKey) whatever asked for it: the buyer's cancel or return
//   (kind CANCEL, the `payment.refund_requested` outbox event), a compensation of a payment the shop cannot
//   honour (COMPENSATION, record.ts), or a cancel made outside the shop that we only record (EXTERNAL).
// - One Idempotency-Key per payment (refundKey, kept on the row), so a retried job, a second event, a
//   reconciliation run or a worker crash mid-call all resend the same cancel and Toss refunds once.
// - Only Toss's record completes a refund: a success answer, or a look-up that shows the payment CANCELED
//   (also after we had recorded a refusal). Unknown answers (timeout, 5xx, 409, temporary codes after the
//   client's retries) leave the row REQUESTED and the job throws, so it is retried with the same key.
// - The settlement reversal (REFUND + fee back) is written with the completion, only for the payment the
//   order's sale was recorded on, and its entries have unique keys (settlement.ts): written once.
import { clock } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { log } from "@/lib/log";
import { Prisma, type RefundKind } from "@/lib/generated/prisma/client";
import { writeOutbox } from "@/lib/jobs/outbox";
import { releaseOrderUnits } from "@/lib/orders/lifecycle/holds";
import { transition, type ReturnedUnits } from "@/lib/orders/lifecycle/transitions";
import { toss } from "./gateway";
import { paymentMetrics } from "./metrics";
import { REFUND_MAIL_QUEUE, REFUND_REQUESTED_QUEUE } from "./queues";
import { refundRequestedSchema } from "./schemas";
import { recordRefund } from "./settlement";
import type { Payment as TossPayment } from "./toss";
import { eventNote } from "@/lib/orders/event-note";

export { REFUND_REQUESTED_QUEUE } from "./queues";
/** One cancel per Toss payment: every attempt to refund this payment, by whoever, is the same request. */
export const refundKey = (paymentKey: string) => `cancel-${paymentKey}`;

export type RefundResult = "refunded" | "already" | "failed" | "nothing_to_refund";

const isCanceled = (p: TossPayment) => p.status === "CANCELED" || p.status === "PARTIAL_CANCELED";

export type RefundRequest = { orderId: string; paymentKey: string; amount: number; kind: RefundKind; reason: string };

/** Records that this payment must be refunded (once per payment). True when this call created the row. */
export async function requestRefund(tx: Tx, r: RefundRequest): Promise<boolean> {
  const { count } = await tx.refund.createMany({
    data: [{ ...r, reason: r.reason.slice(0, 200), idempotencyKey: refundKey(r.paymentKey) }],
    skipDuplicates: true,
  });
  return count === 1;
}

/**
 * The job handler. `{ orderId, reason }` (cancel/return) refunds the order's payment; `{ orderId, paymentKey }`
 * (a compensation) carries out that payment's refund row. Throws on an unknown outcome so pg-boss retries.
 */
export async function refundOrder(raw: unknown): Promise<RefundResult> {
  const { orderId, reason, paymentKey } = refundRequestedSchema.parse(raw);
  if (paymentKey) return executeRefund(paymentKey);
  const payment = await db.payment.findUnique({ where: { orderId } });
  if (!payment || !["DONE", "CANCELED", "PARTIAL_CANCELED"].includes(payment.status)) {
    log.warn({ orderId }, "refund requested for an order without a completed payment: nothing to refund");
    return "nothing_to_refund";
  }
  // Concurrent handlers: the first insert wins, everyone then works with that one row (and its key).
  await requestRefund(db, { orderId, paymentKey: payment.paymentKey, amount: payment.amount, kind: "CANCEL", reason });
  return executeRefund(payment.paymentKey);
}

/**
 * Carries out (or re-checks) the refund of one payment. REQUESTED: cancel with the row's key, then let
 * Toss's record decide. FAILED: only a look-up (Toss may have cancelled after all, e.g. from its console).
 */
export async function executeRefund(paymentKey: string): Promise<RefundResult> {
  const refund = await db.refund.findUnique({ where: { paymentKey } });
  if (!refund) return "nothing_to_refund";
  if (refund.status === "DONE") return "already";
  if (refund.status === "FAILED") {
    const found = await toss().getPayment(paymentKey);
    if (found.kind === "success" && isCanceled(found.payment)) return completeRefund(paymentKey, found.payment);
    return "failed";
  }
  const outcome = await toss().cancelPayment(paymentKey, { cancelReason: refund.reason, idempotencyKey: refund.idempotencyKey });
  if (outcome.kind === "success" && isCanceled(outcome.payment)) return completeRefund(paymentKey, outcome.payment);
  // Anything else (already cancelled, a refusal, no answer): Toss's record of the payment decides.
  const found = await toss().getPayment(paymentKey);
  if (found.kind === "success" && isCanceled(found.payment)) return completeRefund(paymentKey, found.payment);
  if (outcome.kind === "declined" && found.kind === "success") {
    // A definite refusal and the payment is not cancelled: recorded for an operator (admin reconciliation).
    await db.refund.updateMany({ where: { paymentKey, status: "REQUESTED" }, data: { status: "FAILED", failureCode: outcome.code, completedAt: clock.now() } });
    paymentMetrics.refunds.inc({ result: "failed" });
    log.error({ orderId: refund.orderId, code: outcome.code }, "toss refused the refund: needs an operator");
    return "failed";
  }
  throw new Error(`refund of ${refund.orderId} has no definite answer yet; retrying with the same key`);
}

/** Marks the refund of `p` done once (from REQUESTED, or FAILED when Toss shows it cancelled after all). */
export async function completeRefund(paymentKey: string, p: TossPayment): Promise<RefundResult> {
  if (!isCanceled(p)) return "already";
  const done = await db.$transaction(async (tx) => {
    const refund = await tx.refund.findUnique({ where: { paymentKey }, select: { orderId: true, amount: true } });
    if (!refund) return false;
    await lockOrder(tx, refund.orderId);
    const { count } = await tx.refund.updateMany({
      where: { paymentKey, status: { in: ["REQUESTED", "FAILED"] } },
      data: { status: "DONE", failureCode: null, transactionKey: p.cancels.at(-1)?.transactionKey ?? null, completedAt: clock.now() },
    });
    if (!count) return false;
    await afterRefund(tx, refund.orderId, p, refund.amount);
    return true;
  });
  if (done) paymentMetrics.refunds.inc({ result: "done" });
  return done ? "refunded" : "already";
}

/**
 * Toss shows `p` cancelled and the shop never asked: a cancel made outside the shop (Toss console). Recorded
 * as a refund (EXTERNAL, DONE); the order follows the money (PAID → CANCELLED, RETURN_REQUESTED → RETURNED,
 * CONFIRMING → PAYMENT_FAILED, units back) and its settlement is reversed. A refund of ours already in
 * flight for the payment is completed instead.
 */
export async function recordExternalCancel(p: TossPayment): Promise<RefundResult> {
  if (!isCanceled(p)) return "already";
  const last = p.cancels.at(-1);
  const amount = p.totalAmount - p.balanceAmount;
  const res = await db.$transaction(async (tx): Promise<"exists" | "no_order" | { returned: ReturnedUnits | null }> => {
    await lockOrder(tx, p.orderId);
    const order = await tx.order.findUnique({ where: { id: p.orderId }, select: { status: true, payment: { select: { paymentKey: true } } } });
    if (!order) return "no_order";
    const { count } = await tx.refund.createMany({
      data: [{
        orderId: p.orderId, paymentKey: p.paymentKey, kind: "EXTERNAL", amount, status: "DONE",
        reason: (last?.cancelReason || "cancelled outside the shop").slice(0, 200), idempotencyKey: refundKey(p.paymentKey),
        transactionKey: last?.transactionKey ?? null, completedAt: clock.now(),
      }],
      skipDuplicates: true,
    });
    if (!count) return "exists";
    let returned: ReturnedUnits | null = null;
    if (order.payment?.paymentKey === p.paymentKey && p.status === "CANCELED") {
      const to = ({ PAID: "CANCELLED", RETURN_REQUESTED: "RETURNED", CONFIRMING: "PAYMENT_FAILED" } as const)[order.status as "PAID"];
      if (to) {
        const t = await transition(tx, p.orderId, order.status, to, { note: eventNote("cancelled_outside", { reason: last?.cancelReason ?? "" }) });
        if (t.ok) returned = t.returned;
      } else if (order.status === "SHIPPING" || order.status === "DELIVERED" || order.status === "RETURN_REFUSED") {
        log.error({ orderId: p.orderId, status: order.status }, "payment cancelled outside the shop after shipping: refund recorded, order left for an operator");
      }
    }
    await afterRefund(tx, p.orderId, p, amount);
    return { returned };
  });
  if (res === "exists") return completeRefund(p.paymentKey, p);
  if (res === "no_order") return "nothing_to_refund";
  if (res.returned) await releaseOrderUnits(res.returned);
  paymentMetrics.refunds.inc({ result: "external" });
  log.warn({ orderId: p.orderId, amount }, "payment cancelled outside the shop: recorded as a refund");
  return "refunded";
}

/**
 * The order's row, locked before its refund and payment rows: every path that changes an order's money
 * (a compensation, a cancel, a refund completed, a cancel seen at Toss) takes the order first, so two of
 * them at once wait for each other instead of deadlocking. NO KEY UPDATE: what references the order (its
 * timeline events) can still be written.
 */
export async function lockOrder(tx: Tx, orderId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Order" WHERE id = ${orderId} FOR NO KEY UPDATE`;
}

/** Inside the transaction that completes a refund: the payment row, the settlement reversal, the buyer's mail. */
async function afterRefund(tx: Tx, orderId: string, p: TossPayment, amount: number): Promise<void> {
  const { count: ours } = await tx.payment.updateMany({ where: { orderId, paymentKey: p.paymentKey }, data: { status: p.status, raw: p as Prisma.InputJsonValue } });
  if (ours && p.status === "CANCELED" && (await tx.settlementEntry.count({ where: { orderId, kind: "SALE" } }))) await recordRefund(tx, orderId);
  else if (ours && p.status === "PARTIAL_CANCELED") log.error({ orderId, amount }, "partial cancel outside the shop: refund recorded, settlement left for an operator");
  await writeOutbox(tx, REFUND_MAIL_QUEUE, { orderId, paymentKey: p.paymentKey, amount });
}

/** The outbox event that makes the worker carry out a refund row (compensations). */
export const refundJob = (tx: Tx, orderId: string, paymentKey: string) => writeOutbox(tx, REFUND_REQUESTED_QUEUE, { orderId, paymentKey });
