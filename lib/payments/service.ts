// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Confirming a payment. The order enters CONFIRMING by a guarded update that also requires a live hold
// (so expiry cannot race it) and records the paymentKey; Toss is then asked to confirm the amount stored
// on the order with an Idempotency-Key derived from the order, so a retry, a refresh of the success page
// or the reconciliation job can never charge twice. DONE → PAID (+ settlement, + mail via the outbox);
// a decline → PAYMENT_FAILED with the units back; no definite answer → stays CONFIRMING for reconcile.ts.
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma, type OrderStatus } from "@/lib/generated/prisma/client";
import { writeOutbox } from "@/lib/jobs/outbox";
import { log } from "@/lib/log";
import { releaseOrderUnits } from "@/lib/orders/lifecycle/holds";
import { transition } from "@/lib/orders/lifecycle/transitions";
import { toss } from "./gateway";
import { PAID_MAIL_QUEUE } from "./queues";
import { countPayment, hookTossMetrics, type PaymentOutcome } from "./metrics";
import type { SuccessQuery } from "./schemas";
import { recordSale } from "./settlement";
import type { Payment as TossPayment, TossOutcome } from "./toss";

/** One key per order: every confirm of this order, by whoever, is the same request to Toss. */
export const confirmKey = (orderId: string) => `confirm-${orderId}`;

/** Bounded waits under a drop's load; a timed-out step rolls back whole and is retried (same keys). */
const TX = { maxWait: 5_000, timeout: 15_000 };

export type ConfirmResult = { outcome: PaymentOutcome; status: OrderStatus; code?: string };

const result = (outcome: PaymentOutcome, status: OrderStatus, code?: string): ConfirmResult => {
  countPayment(outcome);
  return { outcome, status, ...(code && { code }) };
};

/** The success route's confirm. Answers with what happened; only surprises throw. */
export async function confirmOrderPayment(userId: string, q: SuccessQuery): Promise<ConfirmResult> {
  hookTossMetrics();
  const order = await db.order.findFirst({ where: { id: q.orderId, userId }, select: { id: true, status: true, amount: true } });
  if (!order) throw notFound("order");
  if (order.status !== "PENDING_PAYMENT") return result("already", order.status);
  if (q.amount !== order.amount) {
    log.warn({ orderId: order.id, returned: q.amount, stored: order.amount }, "payment amount mismatch: nothing confirmed");
    return result("mismatch", order.status);
  }
  // Breaker open: refuse at once. The order stays PENDING_PAYMENT with its hold; nothing was sent.
  if (!toss().isAvailable()) return result("unavailable", order.status);
  const began = await beginConfirm(order.id, q.paymentKey, order.amount);
  if (!began) {
    const now = await db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
    return result(now.status === "PENDING_PAYMENT" ? "expired" : "already", now.status);
  }
  return sendConfirm(order.id, q.paymentKey, order.amount);
}

async function beginConfirm(orderId: string, paymentKey: string, amount: number): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const t = await transition(tx, orderId, "PENDING_PAYMENT", "CONFIRMING", { onlyBeforeHoldExpiry: true, note: "payment confirming" });
      if (!t.ok) return false;
      await tx.payment.create({ data: { orderId, paymentKey, status: "IN_PROGRESS", amount } });
      return true;
    }, TX);
  } catch (err) {
    // A paymentKey already used by another order is not this order's payment.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("CONFLICT", "This payment belongs to another order");
    // The ledger is overloaded: nothing changed and nothing was sent; the buyer can reload the page.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2028") throw new AppError("UNAVAILABLE", "The shop is very busy; please retry", undefined, { retryAfter: 1 });
    throw err;
  }
}

/** Sends (or resends — same Idempotency-Key) the confirm for an order in CONFIRMING and applies the answer. */
export async function sendConfirm(orderId: string, paymentKey: string, amount: number): Promise<ConfirmResult> {
  const outcome = await toss().confirmPayment({ paymentKey, orderId, amount, idempotencyKey: confirmKey(orderId) });
  return applyConfirmOutcome(orderId, amount, outcome);
}

async function applyConfirmOutcome(orderId: string, amount: number, outcome: TossOutcome): Promise<ConfirmResult> {
  if (outcome.kind === "success") return applyTossPayment(orderId, amount, outcome.payment);
  if (outcome.kind === "declined") {
    if (outcome.code === "ALREADY_PROCESSED_PAYMENT") {
      // Confirmed before (by another request): Toss's record says how it ended.
      const found = await toss().getPaymentByOrderId(orderId);
      if (found.kind === "success") return applyTossPayment(orderId, amount, found.payment);
      return result("pending", "CONFIRMING");
    }
    return markFailed(orderId, outcome.code);
  }
  return result("pending", "CONFIRMING", outcome.reason);
}

/** Applies Toss's view of the payment to an order in CONFIRMING. Idempotent. */
export async function applyTossPayment(orderId: string, amount: number, p: TossPayment): Promise<ConfirmResult> {
  if (p.status === "DONE") {
    if (p.totalAmount !== amount) {
      log.error({ orderId, tossAmount: p.totalAmount, stored: amount }, "toss reports a different amount: left for an operator");
      return result("pending", "CONFIRMING", "AMOUNT_DIFFERS");
    }
    return (await markPaid(orderId, p)) ? result("paid", "PAID") : result("already", await statusOf(orderId));
  }
  if (p.status === "ABORTED" || p.status === "EXPIRED" || p.status === "CANCELED") return markFailed(orderId, p.failure?.code ?? p.status, p);
  return result("pending", "CONFIRMING");
}

const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

const paymentData = (p: TossPayment) => ({
  paymentKey: p.paymentKey,
  status: p.status,
  method: p.method ?? null,
  approvedAt: p.approvedAt ? new Date(p.approvedAt) : null,
  raw: p as Prisma.InputJsonValue,
});

async function markPaid(orderId: string, p: TossPayment): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const t = await transition(tx, orderId, "CONFIRMING", "PAID", { note: `paid (${p.method ?? "card"})` });
    if (!t.ok) return false;
    await tx.payment.update({ where: { orderId }, data: paymentData(p) });
    await recordSale(tx, orderId);
    await writeOutbox(tx, PAID_MAIL_QUEUE, { orderId });
    return true;
  }, TX);
}

async function markFailed(orderId: string, code: string, p?: TossPayment): Promise<ConfirmResult> {
  const res = await db.$transaction(async (tx) => {
    const t = await transition(tx, orderId, "CONFIRMING", "PAYMENT_FAILED", { note: `payment failed: ${code}` });
    if (t.ok) await tx.payment.update({ where: { orderId }, data: { ...(p ? paymentData(p) : { status: "ABORTED" }), failureCode: code } });
    return t;
  }, TX);
  if (!res.ok) return result("already", await statusOf(orderId));
  if (res.returned) await releaseOrderUnits(res.returned);
  return result("failed", "PAYMENT_FAILED", code);
}

/**
 * The fail route after a real decline in the payment window (card rejected): the order fails and its
 * units go back. A closed window (PAY_PROCESS_CANCELED) never comes here: the order stays payable.
 */
export async function failPendingOrder(userId: string, orderId: string, code: string): Promise<boolean> {
  const res = await db.$transaction(async (tx) => {
    const owned = await tx.order.count({ where: { id: orderId, userId } });
    if (!owned) return { ok: false as const };
    return transition(tx, orderId, "PENDING_PAYMENT", "PAYMENT_FAILED", { note: `payment failed: ${code}` });
  });
  if (!res.ok) return false;
  if (res.returned) await releaseOrderUnits(res.returned);
  countPayment("failed");
  return true;
}
