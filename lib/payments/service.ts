// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Confirming a payment, and applying Toss's record of a payment to our order (docs/payments.md).
// - The order enters CONFIRMING by a guarded update that also requires a live hold and claims the order
//   (paymentClaimedUntil: a reconciliation run leaves it alone meanwhile) and records the paymentKey;
//   Toss is then asked to confirm the amount stored on the order with an Idempotency-Key derived from the
//   paymentKey, so a retry, a refresh of the success page or reconciliation can never charge twice.
// - Unknown is not declined: a timeout, 5xx, 409 IDEMPOTENT_REQUEST_PROCESSING, a temporary code or a 4xx
//   after an attempt that may have arrived is followed by a look-up by paymentKey, and only Toss's record
//   decides. DONE → PAID (+ settlement, + mail via the outbox); a card decline (or a record that can never
//   become DONE) inside the hold → back to PENDING_PAYMENT with the same units held, so the buyer can pay
//   again; after the hold → PAYMENT_FAILED with the units back; still open → stays CONFIRMING for
//   reconcile.ts.
// - Compensation: a DONE payment the order cannot honour (the order failed, expired or was cancelled, the
//   amount differs, or another paymentKey already paid it) is cancelled through Toss (refunds.ts) and the
//   buyer told; a cancel made outside the shop is recorded as a refund.
import { clock } from "@/lib/clock";
import { db, isUniqueViolation, queryRows } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { Prisma, type OrderStatus } from "@/lib/generated/prisma/client";
import { writeOutbox } from "@/lib/jobs/outbox";
import { log } from "@/lib/log";
import { deliveryRequired, hasDelivery, needsDelivery } from "@/lib/orders/delivery-rule";
import { releaseOrderUnits } from "@/lib/orders/lifecycle/holds";
import { soldStates, transition } from "@/lib/orders/lifecycle/transitions";
import { toss } from "./gateway";
import { PAID_MAIL_QUEUE } from "./queues";
import { countPayment, hookTossMetrics, type PaymentOutcome } from "./metrics";
import { orderPaymentView, refundsJson, type OrderPaymentRow, type OrderPaymentView } from "./order-payment-view";
import { completeRefund, executeRefund, recordExternalCancel, refundJob, requestRefund } from "./refunds";
import type { SuccessQuery } from "./schemas";
import { recordSale } from "./settlement";
import type { Payment as TossPayment, TossOutcome } from "./toss";
import { eventNote } from "@/lib/orders/event-note";

/** One key per Toss payment: every confirm of this paymentKey, by whoever, is the same request to Toss. */
export const confirmKey = (paymentKey: string) => `confirm-${paymentKey}`;

/**
 * How long a live confirm (or a reconciliation run) owns an order's payment work; released when done. Longer
 * than a confirm and its look-up can take with every retry timing out, so a claim never lapses under a
 * caller still at work (a killed process's claim lapses and reconciliation takes over).
 */
export const CLAIM_MS = Math.max(60_000, 2 * (env.TOSS_MAX_RETRIES + 1) * (env.TOSS_TIMEOUT_MS + 2_000) + 10_000);

/**
 * Codes that end one payment attempt with nothing charged: the card, the issuer or the buyer's limits
 * refused it, or its payment session is gone. The order stays payable with another attempt.
 */
export const DECLINE_CODES: ReadonlySet<string> = new Set([
  "REJECT_CARD_PAYMENT", "REJECT_CARD_COMPANY", "INVALID_STOPPED_CARD", "INVALID_CARD_EXPIRATION", "INVALID_CARD_NUMBER",
  "INVALID_CARD_LOST_OR_STOLEN", "INVALID_CARD_PASSWORD", "EXCEED_MAX_DAILY_PAYMENT_COUNT", "EXCEED_MAX_PAYMENT_AMOUNT",
  "EXCEED_MAX_ONE_DAY_AMOUNT", "EXCEED_MAX_AMOUNT", "NOT_AVAILABLE_BANK", "REJECT_ACCOUNT_PAYMENT", "REJECT_TOSSPAY_INVALID_ACCOUNT",
  "NOT_FOUND_PAYMENT_SESSION",
]);

/** Bounded waits under a drop's load; a timed-out step rolls back whole and is retried (same keys). */
const TX = { maxWait: 5_000, timeout: 15_000 };

/** `order`: the order as it now stands, when the confirm's own statement returned it (no read needed). */
export type ConfirmResult = { outcome: PaymentOutcome; status: OrderStatus; code?: string; order?: OrderPaymentView };

const result = (outcome: PaymentOutcome, status: OrderStatus, code?: string): ConfirmResult => {
  countPayment(outcome);
  return { outcome, status, ...(code && { code }) };
};

/**
 * The success route's confirm. Answers with what happened; only surprises throw.
 *
 * The hot path is two statements: `beginConfirmFast` (ownership read, claim, PENDING_PAYMENT → CONFIRMING,
 * payment row, timeline and outbox events — one guarded statement) and, on Toss's DONE, `markPaidFast`
 * (CONFIRMING → PAID, payment DONE, events, settlement, paid mail, claim released — one guarded statement).
 * Whenever a guard does not match, the general code below decides, exactly as before.
 */
export async function confirmOrderPayment(userId: string, q: SuccessQuery): Promise<ConfirmResult> {
  hookTossMetrics();
  // Breaker open: the general path answers (it reads the order first, so not-found and already still win).
  if (!toss().isAvailable()) return confirmOrderPaymentSlow(userId, q);
  const begun = await beginConfirmFast(userId, q);
  if (!begun) throw notFound("order");
  if (!begun.claim) {
    if (begun.status !== "PENDING_PAYMENT") return result("already", begun.status);
    // Nothing was written; the same checks, in the same order, as the general path.
    if (!begun.hasDelivery) throw deliveryRequired(q.orderId);
    if (begun.paymentKey === q.paymentKey && (begun.paymentStatus === "ABORTED" || begun.paymentStatus === "EXPIRED")) {
      return result("declined", begun.status, begun.failureCode ?? undefined);
    }
    if (q.amount !== begun.amount) {
      log.warn({ orderId: q.orderId, returned: q.amount, stored: begun.amount }, "payment amount mismatch: nothing confirmed");
      return result("mismatch", begun.status);
    }
    return notClaimed(q.orderId);
  }
  let released = false;
  try {
    const r = await sendConfirm(q.orderId, q.paymentKey, begun.amount, begun.claim);
    released = r.claimReleased === true;
    return r.claimReleased === undefined ? r : { outcome: r.outcome, status: r.status, ...(r.code && { code: r.code }), ...(r.order && { order: r.order }) };
  } finally {
    if (!released) await releaseClaim(q.orderId, begun.claim);
  }
}

/** Still payable but not claimed: someone else (a reconciliation run, another tab) holds it, or the hold ended. */
async function notClaimed(orderId: string): Promise<ConfirmResult> {
  const now = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, holdExpiresAt: true } });
  if (now.status !== "PENDING_PAYMENT") return result("already", now.status);
  // Still payable but someone (a reconciliation run) holds the order for a moment: nothing was sent.
  return result(now.holdExpiresAt && now.holdExpiresAt > clock.now() ? "pending" : "expired", now.status);
}

type Begun = {
  /** The order holds its delivery snapshot (lib/orders/delivery-rule.ts): without it nothing is claimed. */
  hasDelivery: boolean;
  status: OrderStatus; amount: number; paymentKey: string | null; paymentStatus: string | null; failureCode: string | null;
  /** The claim's end when this call moved the order to CONFIRMING; null when nothing was written. */
  claim: Date | null;
};

/**
 * One statement: reads the buyer's order (with its payment) and, only if it is PENDING_PAYMENT with a live
 * hold, unclaimed, of the amount the redirect carried, and not the refresh of an attempt Toss already
 * declined, claims it, moves it to CONFIRMING and writes what `transition` and `beginConfirm` write (timeline
 * event, outbox event, the payment row of this attempt). The guards are on the order row itself, so a
 * concurrent writer's commit is re-checked (READ COMMITTED re-evaluates them on the newest row version).
 * Null: not the caller's order.
 */
async function beginConfirmFast(userId: string, q: SuccessQuery): Promise<Begun | null> {
  const now = clock.now();
  const until = new Date(now.getTime() + CLAIM_MS);
  try {
    const rows = await queryRows<{ status: OrderStatus; hasDelivery: boolean; amount: number; paymentKey: string | null; paymentStatus: string | null; failureCode: string | null; claimed: boolean }>(Prisma.sql`
      WITH cur AS (
        SELECT o.id, o.status, o.amount, ${hasDelivery("o")} AS "hasDelivery", p."paymentKey", p.status AS "paymentStatus", p."failureCode"
        FROM "Order" o LEFT JOIN "Payment" p ON p."orderId" = o.id
        WHERE o.id = ${q.orderId} AND o."userId" = ${userId}::uuid
      ), upd AS (
        UPDATE "Order" o SET status = 'CONFIRMING', "paymentClaimedUntil" = ${until}, "updatedAt" = ${now}
        FROM cur
        WHERE o.id = cur.id AND o.status = 'PENDING_PAYMENT' AND o."holdExpiresAt" > ${now}
          AND (o."paymentClaimedUntil" IS NULL OR o."paymentClaimedUntil" < ${now})
          AND o.amount = ${q.amount} AND ${hasDelivery("o")}
          AND NOT (cur."paymentKey" IS NOT DISTINCT FROM ${q.paymentKey} AND cur."paymentStatus" IN ('ABORTED', 'EXPIRED'))
        RETURNING o.id
      ), ev AS (
        INSERT INTO "OrderEvent" (id, "orderId", "fromStatus", "toStatus", note, "createdAt")
        SELECT gen_random_uuid(), upd.id, 'PENDING_PAYMENT'::"OrderStatus", 'CONFIRMING'::"OrderStatus", ${eventNote("payment_confirming")}, ${now} FROM upd
        RETURNING 1
      ), outbox AS (
        INSERT INTO "OutboxEvent" (topic, payload, "createdAt")
        SELECT 'order-status-changed', jsonb_build_object('orderId', upd.id, 'from', 'PENDING_PAYMENT', 'to', 'CONFIRMING', 'at', ${now.toISOString()}::text), ${now} FROM upd
        RETURNING 1
      ), pay AS (
        -- A new attempt after a decline replaces the declined one (Toss keeps both; the old one is ABORTED).
        INSERT INTO "Payment" (id, "orderId", "paymentKey", status, amount, "createdAt", "updatedAt")
        SELECT gen_random_uuid(), upd.id, ${q.paymentKey}, 'IN_PROGRESS', ${q.amount}, ${now}, ${now} FROM upd
        ON CONFLICT ("orderId") DO UPDATE SET "paymentKey" = EXCLUDED."paymentKey", status = 'IN_PROGRESS', amount = EXCLUDED.amount,
          method = NULL, "approvedAt" = NULL, "failureCode" = NULL, raw = NULL, "updatedAt" = EXCLUDED."updatedAt"
        RETURNING 1
      )
      SELECT cur.status::text AS status, cur."hasDelivery", cur.amount, cur."paymentKey", cur."paymentStatus", cur."failureCode",
             EXISTS (SELECT 1 FROM upd) AS claimed
      FROM cur`);
    const r = rows[0];
    if (!r) return null;
    return { hasDelivery: r.hasDelivery, status: r.claimed ? "CONFIRMING" : r.status, amount: Number(r.amount), paymentKey: r.paymentKey, paymentStatus: r.paymentStatus, failureCode: r.failureCode, claim: r.claimed ? until : null };
  } catch (err) {
    // A paymentKey already used by another order is not this order's payment (nothing was written).
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "This payment belongs to another order");
    throw err;
  }
}

/** The general confirm: what the fast path falls back to (breaker open). */
async function confirmOrderPaymentSlow(userId: string, q: SuccessQuery): Promise<ConfirmResult> {
  const order = await db.order.findFirst({
    where: { id: q.orderId, userId },
    select: { id: true, status: true, amount: true, holdExpiresAt: true, deliveryEnc: true, payment: { select: { paymentKey: true, status: true, failureCode: true } } },
  });
  if (!order) throw notFound("order");
  if (order.status !== "PENDING_PAYMENT") return result("already", order.status);
  if (needsDelivery(order)) throw deliveryRequired(order.id);
  // A refresh of a declined attempt's success page: Toss has answered that paymentKey already.
  if (order.payment?.paymentKey === q.paymentKey && (order.payment.status === "ABORTED" || order.payment.status === "EXPIRED")) {
    return result("declined", order.status, order.payment.failureCode ?? undefined);
  }
  if (q.amount !== order.amount) {
    log.warn({ orderId: order.id, returned: q.amount, stored: order.amount }, "payment amount mismatch: nothing confirmed");
    return result("mismatch", order.status);
  }
  // Breaker open: refuse at once. The order stays PENDING_PAYMENT with its hold; nothing was sent.
  if (!toss().isAvailable()) return result("unavailable", order.status);
  const claim = await beginConfirm(order.id, q.paymentKey, order.amount);
  if (!claim) {
    const now = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, holdExpiresAt: true } });
    if (now.status !== "PENDING_PAYMENT") return result("already", now.status);
    // Still payable but someone (a reconciliation run) holds the order for a moment: nothing was sent.
    return result(now.holdExpiresAt && now.holdExpiresAt > clock.now() ? "pending" : "expired", now.status);
  }
  try {
    return await sendConfirm(order.id, q.paymentKey, order.amount);
  } finally {
    await releaseClaim(order.id, claim);
  }
}

class NotBegun extends Error {}

/** PENDING_PAYMENT → CONFIRMING with a claim on the order, in one transaction. The claim's end, or null. */
async function beginConfirm(orderId: string, paymentKey: string, amount: number): Promise<Date | null> {
  const until = new Date(clock.nowMs() + CLAIM_MS);
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        UPDATE "Order" SET "paymentClaimedUntil" = ${until}
        WHERE id = ${orderId} AND status = 'PENDING_PAYMENT' AND ${hasDelivery('"Order"')} AND ("paymentClaimedUntil" IS NULL OR "paymentClaimedUntil" < ${clock.now()})`;
      if (!claimed) return null;
      const t = await transition(tx, orderId, "PENDING_PAYMENT", "CONFIRMING", { onlyBeforeHoldExpiry: true, note: eventNote("payment_confirming") });
      if (!t.ok) throw new NotBegun();
      // A new attempt after a decline replaces the declined one (Toss keeps both; the old one is ABORTED).
      await tx.payment.upsert({
        where: { orderId },
        create: { orderId, paymentKey, status: "IN_PROGRESS", amount },
        update: { paymentKey, status: "IN_PROGRESS", amount, method: null, approvedAt: null, failureCode: null, raw: Prisma.DbNull },
      });
      return until;
    }, TX);
  } catch (err) {
    if (err instanceof NotBegun) return null;
    // A paymentKey already used by another order is not this order's payment.
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", "This payment belongs to another order");
    // The ledger is overloaded: nothing changed and nothing was sent; the buyer can reload the page.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2028") throw new AppError("UNAVAILABLE", "The shop is very busy; please retry", undefined, { retryAfter: 1 });
    throw err;
  }
}

/** Ends a claim this caller holds (and only that one: a claim that lapsed and was taken again stays). */
export async function releaseClaim(orderId: string, until: Date): Promise<void> {
  await db.$executeRaw`UPDATE "Order" SET "paymentClaimedUntil" = NULL WHERE id = ${orderId} AND "paymentClaimedUntil" = ${until}`;
}

/** A confirm's answer; `claimReleased` when the fast PAID statement also ended the caller's claim. */
type SentResult = ConfirmResult & { claimReleased?: boolean };

/**
 * Sends (or resends — same Idempotency-Key) the confirm for an order in CONFIRMING and applies the answer.
 * `claim`: the caller's claim on the order, which the fast PAID statement may release with the same write.
 */
export async function sendConfirm(orderId: string, paymentKey: string, amount: number, claim?: Date): Promise<SentResult> {
  const outcome = await toss().confirmPayment({ paymentKey, orderId, amount, idempotencyKey: confirmKey(paymentKey) });
  return settleConfirm(orderId, paymentKey, outcome, claim);
}

async function settleConfirm(orderId: string, paymentKey: string, outcome: TossOutcome, claim?: Date): Promise<SentResult> {
  if (outcome.kind === "success") {
    const p = outcome.payment;
    // The happy path in one statement; any other case (or a guard that no longer holds) goes the general way.
    const order = p.status === "DONE" && p.orderId === orderId && p.paymentKey === paymentKey ? await markPaidFast(p, claim) : null;
    if (order) return { ...result("paid", "PAID"), order, ...(claim && { claimReleased: true }) };
    return applyTossRecord(p);
  }
  if (outcome.kind === "declined") {
    if (DECLINE_CODES.has(outcome.code)) return declineAttempt(orderId, paymentKey, outcome.code);
    // ALREADY_PROCESSED_PAYMENT, or a refusal that says nothing about the payment itself: ask Toss.
    return lookUpAndApply(orderId, paymentKey, outcome.code, true);
  }
  // Nothing can have reached Toss: nothing to look up; reconciliation resends with the same key.
  if (!outcome.sent) return result("pending", "CONFIRMING", outcome.reason);
  return lookUpAndApply(orderId, paymentKey, outcome.code ?? outcome.reason, false);
}

/**
 * Toss's record of `paymentKey` decides. A payment Toss does not know can only be declined when the
 * confirm was refused outright (`definite`): after an unknown attempt it may still appear, so the order
 * stays CONFIRMING and reconciliation asks again.
 */
async function lookUpAndApply(orderId: string, paymentKey: string, code: string, definite: boolean): Promise<ConfirmResult> {
  const found = await toss().getPayment(paymentKey);
  if (found.kind === "success") {
    if (found.payment.orderId !== orderId) return declineAttempt(orderId, paymentKey, "FORBIDDEN_REQUEST");
    return applyTossRecord(found.payment);
  }
  if (found.kind === "declined" && found.status === 404 && definite) return declineAttempt(orderId, paymentKey, code);
  return result("pending", await statusOf(orderId), code);
}

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

const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

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
async function markPaidFast(p: TossPayment, claim?: Date): Promise<OrderPaymentView | null> {
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
async function declineAttempt(orderId: string, paymentKey: string, code: string, p?: TossPayment): Promise<ConfirmResult> {
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
