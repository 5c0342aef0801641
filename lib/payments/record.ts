// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Applying Toss's record of a payment to our order (docs/payments.md), from the confirm (confirm.ts), a
// webhook (webhooks.ts) or reconciliation (reconcile.ts):
// - DONE → PAID (+ settlement, + mail via the outbox); a card decline (or a record that can never become
//   DONE) inside the hold → back to PENDING_PAYMENT with the same units held, so the buyer can pay again;
//   after the hold → PAYMENT_FAILED with the units back; still open → stays CONFIRMING for reconcile.ts.
// - Compensation: a DONE payment the order cannot honour (the order failed, expired or was cancelled, the
//   amount differs, or another paymentKey already paid it) is cancelled through Toss (refunds.ts) and the
//   buyer told; a cancel made outside the shop is recorded as a refund.
import { clock } from "@/lib/clock";
import { db, queryRows } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma, type OrderStatus } from "@/lib/generated/prisma/client";
import { writeOutbox } from "@/lib/jobs/outbox";
import { log } from "@/lib/log";
import { releaseOrderUnits } from "@/lib/orders/lifecycle/holds";
import { soldStates, transition } from "@/lib/orders/lifecycle/transitions";
import { countPayment, type PaymentOutcome } from "./metrics";
import { orderPaymentView, refundsJson, type OrderPaymentRow, type OrderPaymentView } from "./order-payment-view";
import { PAID_MAIL_QUEUE } from "./queues";
import { completeRefund, executeRefund, lockOrder, recordExternalCancel, refundJob, requestRefund } from "./refunds";
import { recordSale } from "./settlement";
import type { Payment as TossPayment } from "./toss";
import { eventNote } from "@/lib/orders/event-note";

/** Bounded waits under a drop's load; a timed-out step rolls back whole and is retried (same keys). */
export const TX = { maxWait: 5_000, timeout: 15_000 };

/** `order`: the order as it now stands, when the confirm's own statement returned it (no read needed). */
export type ConfirmResult = { outcome: PaymentOutcome; status: OrderStatus; code?: string; order?: OrderPaymentView };

/** Every answer of a confirm or an applied record goes through here, so each is counted once. */
export const result = (outcome: PaymentOutcome, status: OrderStatus, code?: string): ConfirmResult => {
  countPayment(outcome);
  return { outcome, status, ...(code && { code }) };
};

/**
 * Applies Toss's record of any payment to the order it names, whatever state either is in. Idempotent
 * (guarded transitions, one refund row per payment), so the confirm, a webhook and reconciliation may all
 * apply the same record, in any order, any number of times.
 */
export async function applyTossRecord(p: TossPayment): Promise<ConfirmResult> {
  const order = await db.order.findUnique({
    where: { id: p.orderId },
    select: { id: true, status: true, amount: true, holdExpiresAt: true, payment: { select: { paymentKey: true } } },
  });
  if (!order) {
    log.warn({ orderId: p.orderId }, "toss reports a payment for an order this shop does not have: ignored");
    return result("already", "PAYMENT_FAILED", "UNKNOWN_ORDER");
  }
  const ours = order.payment?.paymentKey === p.paymentKey;
  switch (p.status) {
    case "DONE": {
      if (ours && soldStates.includes(order.status)) return result("already", order.status);
      if (ours && order.status === "CONFIRMING") {
        if (p.totalAmount !== order.amount) return compensate(p, "AMOUNT_DIFFERS", { failFrom: "CONFIRMING" });
        return markPaid(order.id, p, "CONFIRMING");
      }
      // Toss approved while we had given the attempt up (a decline that was not one): pay it if still payable.
      if (ours && order.status === "PENDING_PAYMENT" && p.totalAmount === order.amount && order.holdExpiresAt && order.holdExpiresAt > clock.now()) {
        const paid = await markPaid(order.id, p, "PENDING_PAYMENT");
        if (paid.outcome === "paid") return paid;
      }
      const why = !ours && order.payment ? "SECOND_PAYMENT" : p.totalAmount !== order.amount ? "AMOUNT_DIFFERS" : `ORDER_${order.status}`;
      // Toss accepts no new payment window for an orderId once a payment of it was approved (even if
      // cancelled): a payable order can no longer be paid, so it ends now with its units back.
      return compensate(p, why, { failFrom: order.status === "PENDING_PAYMENT" ? "PENDING_PAYMENT" : undefined });
    }
    case "CANCELED":
    case "PARTIAL_CANCELED": {
      const refund = await db.refund.findUnique({ where: { paymentKey: p.paymentKey }, select: { status: true } });
      const r = refund ? await completeRefund(p.paymentKey, p) : await recordExternalCancel(p);
      return result(r === "refunded" ? "refunded" : "already", await statusOf(order.id));
    }
    case "ABORTED":
    case "EXPIRED": {
      if (ours && order.status === "CONFIRMING") return declineAttempt(order.id, p.paymentKey, p.failure?.code ?? p.status, p);
      // Keep the record truthful so reconciliation stops asking about it.
      if (ours) await db.payment.updateMany({ where: { orderId: order.id, paymentKey: p.paymentKey, status: { in: ["IN_PROGRESS", "READY"] } }, data: { status: p.status } });
      return result("already", order.status);
    }
    default:
      return result("pending", order.status);
  }
}

export const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

const paymentData = (p: TossPayment) => ({
  paymentKey: p.paymentKey,
  status: p.status,
  method: p.method ?? null,
  approvedAt: p.approvedAt ? new Date(p.approvedAt) : null,
  raw: p as Prisma.InputJsonValue,
});

/**
 * Toss's DONE record of the order's own payment, applied in one statement: only if the order is still
 * CONFIRMING, of exactly the amount Toss charged, with this paymentKey as its payment — the guarded
 * CONFIRMING → PAID of `markPaid` with everything it writes (payment row DONE, timeline event, status outbox
 * event, per-seller SALE and FEE entries with their unique keys as `recordSale`, the paid mail's outbox
 * event) and, when `claim` is given, the end of that claim (only if it is still the caller's). Answers the
 * order as it now stands (getOrderPayment's view, from the same statement). Null: a guard did not match and
 * nothing was written; the caller applies the record the general way.
 */
export async function markPaidFast(p: TossPayment, claim?: Date): Promise<OrderPaymentView | null> {
  const now = clock.now();
  const approvedAt = p.approvedAt ? new Date(p.approvedAt) : null;
  const rows = await queryRows<OrderPaymentRow>(Prisma.sql`
    WITH upd AS (
      UPDATE "Order" o SET status = 'PAID', "updatedAt" = ${now},
        "paymentClaimedUntil" = CASE WHEN ${claim ?? null}::timestamp IS NOT NULL AND o."paymentClaimedUntil" = ${claim ?? null}::timestamp THEN NULL ELSE o."paymentClaimedUntil" END
      WHERE o.id = ${p.orderId} AND o.status = 'CONFIRMING' AND o.amount = ${p.totalAmount}
        AND EXISTS (SELECT 1 FROM "Payment" py WHERE py."orderId" = o.id AND py."paymentKey" = ${p.paymentKey})
      RETURNING o.id, o.amount, o."orderName", o."holdExpiresAt"
    ), pay AS (
      UPDATE "Payment" py SET "paymentKey" = ${p.paymentKey}, status = ${p.status}, method = ${p.method ?? null}, "approvedAt" = ${approvedAt},
        raw = ${JSON.stringify(p)}::jsonb, "failureCode" = NULL, "updatedAt" = ${now}
      FROM upd WHERE py."orderId" = upd.id
      RETURNING py."orderId", py.status, py.method, py.amount, py."approvedAt"
    ), ev AS (
      INSERT INTO "OrderEvent" (id, "orderId", "fromStatus", "toStatus", note, "createdAt")
      SELECT gen_random_uuid(), upd.id, 'CONFIRMING'::"OrderStatus", 'PAID'::"OrderStatus", ${eventNote("paid", { method: p.method ?? "" })}, ${now} FROM upd
      RETURNING 1
    ), gross AS (
      SELECT i."sellerId" AS seller_id, sum(i."unitPrice" * i.quantity)::int AS gross
      FROM "OrderItem" i JOIN upd ON i."orderId" = upd.id GROUP BY i."sellerId"
    ), sale AS (
      -- feeOf(): Math.round(gross × rate) in double precision, as JavaScript computes it.
      INSERT INTO "SettlementEntry" (key, "sellerId", "orderId", kind, amount, "createdAt")
      SELECT e.key, g.seller_id, ${p.orderId}, e.kind::"SettlementKind", e.amount, ${now}
      FROM gross g CROSS JOIN LATERAL (VALUES
        (1, 'sale:' || ${p.orderId} || ':' || g.seller_id::text, 'SALE', g.gross),
        (2, 'fee:sale:' || ${p.orderId} || ':' || g.seller_id::text, 'FEE', -floor(g.gross::float8 * ${env.SETTLEMENT_FEE_RATE}::float8 + 0.5)::int)
      ) AS e(n, key, kind, amount)
      ORDER BY g.seller_id, e.n
      ON CONFLICT (key) DO NOTHING
      RETURNING 1
    ), outbox AS (
      INSERT INTO "OutboxEvent" (topic, payload, "createdAt")
      SELECT x.topic, x.payload, ${now} FROM upd CROSS JOIN LATERAL (VALUES
        (1, 'order-status-changed', jsonb_build_object('orderId', upd.id, 'from', 'CONFIRMING', 'to', 'PAID', 'at', ${now.toISOString()}::text)),
        (2, ${PAID_MAIL_QUEUE}, jsonb_build_object('orderId', upd.id))
      ) AS x(n, topic, payload)
      ORDER BY x.n
      RETURNING 1
    )
    SELECT upd.id, 'PAID' AS status, upd.amount, upd."orderName", upd."holdExpiresAt",
           pay.status AS p_status, pay.method AS p_method, pay.amount AS p_amount, pay."approvedAt" AS "p_approvedAt", NULL AS "p_failureCode",
           ${refundsJson("upd.id")} AS refunds
    FROM upd LEFT JOIN pay ON pay."orderId" = upd.id`);
  return rows.length === 1 ? orderPaymentView(rows[0]) : null;
}

async function markPaid(orderId: string, p: TossPayment, from: "CONFIRMING" | "PENDING_PAYMENT"): Promise<ConfirmResult> {
  const paid = await db.$transaction(async (tx) => {
    if (from === "PENDING_PAYMENT") {
      const t = await transition(tx, orderId, "PENDING_PAYMENT", "CONFIRMING", { onlyBeforeHoldExpiry: true, note: eventNote("payment_found_approved") });
      if (!t.ok) return false;
    }
    const t = await transition(tx, orderId, "CONFIRMING", "PAID", { note: eventNote("paid", { method: p.method ?? "" }) });
    if (!t.ok) return false;
    await tx.payment.update({ where: { orderId }, data: { ...paymentData(p), failureCode: null } });
    await recordSale(tx, orderId);
    await writeOutbox(tx, PAID_MAIL_QUEUE, { orderId });
    return true;
  }, TX);
  return paid ? result("paid", "PAID") : result("already", await statusOf(orderId));
}

/**
 * One attempt ended with nothing charged. Inside the hold the order is payable again (same units held,
 * another card or method, a new payment window with the same orderId); after it, PAYMENT_FAILED with the
 * units back.
 */
export async function declineAttempt(orderId: string, paymentKey: string, code: string, p?: TossPayment): Promise<ConfirmResult> {
  const res = await db.$transaction(async (tx) => {
    let to: OrderStatus = "PENDING_PAYMENT";
    let t = await transition(tx, orderId, "CONFIRMING", "PENDING_PAYMENT", { onlyBeforeHoldExpiry: true, note: eventNote("payment_declined", { code }) });
    if (!t.ok) {
      to = "PAYMENT_FAILED";
      t = await transition(tx, orderId, "CONFIRMING", "PAYMENT_FAILED", { note: eventNote("payment_failed", { code }) });
    }
    if (t.ok) await tx.payment.updateMany({ where: { orderId, paymentKey }, data: { ...(p ? paymentData(p) : { status: "ABORTED" }), failureCode: code } });
    return { t, to };
  }, TX);
  if (!res.t.ok) return result("already", await statusOf(orderId));
  if (res.t.returned) await releaseOrderUnits(res.t.returned);
  return res.to === "PENDING_PAYMENT" ? result("declined", "PENDING_PAYMENT", code) : result("failed", "PAYMENT_FAILED", code);
}

/**
 * Toss holds money for this order that the shop will not honour: cancel it (refund row + job in one
 * transaction, then at once), tell the buyer when Toss has cancelled it. `failFrom` ends the order (still
 * CONFIRMING with an amount that differs, or PENDING_PAYMENT) in the same transaction, units back.
 */
async function compensate(p: TossPayment, why: string, opts: { failFrom?: "CONFIRMING" | "PENDING_PAYMENT" } = {}): Promise<ConfirmResult> {
  const res = await db.$transaction(async (tx) => {
    // The order before its payment and refund rows, as every money path takes them (refunds.ts, lockOrder).
    await lockOrder(tx, p.orderId);
    let returned = null;
    if (opts.failFrom) {
      const t = await transition(tx, p.orderId, opts.failFrom, "PAYMENT_FAILED", { note: eventNote("payment_failed", { code: why }) });
      if (t.ok) returned = t.returned;
    }
    await tx.payment.updateMany({ where: { orderId: p.orderId, paymentKey: p.paymentKey }, data: { ...paymentData(p), failureCode: why } });
    const created = await requestRefund(tx, { orderId: p.orderId, paymentKey: p.paymentKey, amount: p.balanceAmount, kind: "COMPENSATION", reason: `compensation: ${why}` });
    if (created) await refundJob(tx, p.orderId, p.paymentKey);
    return { returned, created };
  }, TX);
  if (res.returned) await releaseOrderUnits(res.returned);
  if (res.created) log.error({ orderId: p.orderId, paymentKey: p.paymentKey, amount: p.totalAmount, why }, "toss holds money the shop cannot honour: cancelling it");
  // The job retries; trying now closes the gap at once in the common case.
  await executeRefund(p.paymentKey).catch((err) => log.warn({ err, orderId: p.orderId }, "compensation refund left to its job"));
  return result("compensated", await statusOf(p.orderId), why);
}
