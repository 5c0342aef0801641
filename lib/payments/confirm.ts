// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Confirming a payment (docs/payments.md).
// - The order is claimed and enters CONFIRMING (claim.ts); Toss is then asked to confirm the amount stored
//   on the order with an Idempotency-Key derived from the paymentKey, so a retry, a refresh of the success
//   page or reconciliation can never charge twice.
// - Unknown is not declined: a timeout, 5xx, 409 IDEMPOTENT_REQUEST_PROCESSING, a temporary code or a 4xx
//   after an attempt that may have arrived is followed by a look-up by paymentKey, and only Toss's record
//   decides (record.ts applies it).
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { log } from "@/lib/log";
import { deliveryRequired, needsDelivery } from "@/lib/orders/delivery-rule";
import { beginConfirm, beginConfirmFast, releaseClaim } from "./claim";
import { toss } from "./gateway";
import { hookTossMetrics } from "./metrics";
import { applyTossRecord, declineAttempt, markPaidFast, result, statusOf, type ConfirmResult } from "./record";
import type { SuccessQuery } from "./schemas";
import type { TossOutcome } from "./toss";

/** One key per Toss payment: every confirm of this paymentKey, by whoever, is the same request to Toss. */
export const confirmKey = (paymentKey: string) => `confirm-${paymentKey}`;

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

/**
 * The success route's confirm. Answers with what happened; only surprises throw.
 *
 * The hot path is two statements: `beginConfirmFast` (ownership read, claim, PENDING_PAYMENT → CONFIRMING,
 * payment row, timeline and outbox events — one guarded statement) and, on Toss's DONE, `markPaidFast`
 * (CONFIRMING → PAID, payment DONE, events, settlement, paid mail, claim released — one guarded statement).
 * Whenever a guard does not match, the general code (below, and record.ts) decides, exactly as before.
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
  if (!claim) return notClaimed(order.id);
  try {
    return await sendConfirm(order.id, q.paymentKey, order.amount);
  } finally {
    await releaseClaim(order.id, claim);
  }
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
