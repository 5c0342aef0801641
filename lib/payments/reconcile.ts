// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Payment reconciliation: orders left CONFIRMING by an unknown outcome (timeout, 5xx storm, lost
// answer) are settled by asking Toss by orderId. DONE → PAID; ABORTED/EXPIRED/CANCELED or no payment at
// all → PAYMENT_FAILED with the units back; still authorised but never confirmed → the confirm is resent
// with the order's Idempotency-Key (so it cannot charge twice); no answer → left for the next run.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { toss } from "./gateway";
import { applyTossPayment, sendConfirm, type ConfirmResult } from "./service";

export type ReconcileOptions = {
  /** Leave orders that entered CONFIRMING less than this long ago to the request still confirming them. */
  olderThanMs?: number;
  limit?: number;
  /** Scopes a run (tests share one database across parallel files). */
  orderIds?: string[];
};

export async function reconcilePayments(opts: ReconcileOptions = {}): Promise<Record<string, number>> {
  const before = new Date(clock.nowMs() - (opts.olderThanMs ?? 60_000));
  const orders = await db.order.findMany({
    where: { status: "CONFIRMING", updatedAt: { lte: before }, ...(opts.orderIds && { id: { in: opts.orderIds } }) },
    select: { id: true, amount: true, payment: { select: { paymentKey: true } } },
    orderBy: { updatedAt: "asc" },
    take: opts.limit ?? 200,
  });
  const tally: Record<string, number> = {};
  for (const o of orders) {
    const r = await reconcileOne(o.id, o.amount, o.payment?.paymentKey);
    tally[r.outcome] = (tally[r.outcome] ?? 0) + 1;
  }
  if (orders.length) log.info({ tally }, "payments reconciled");
  return tally;
}

async function reconcileOne(orderId: string, amount: number, paymentKey: string | undefined): Promise<ConfirmResult> {
  const found = await toss().getPaymentByOrderId(orderId);
  if (found.kind === "success") {
    const p = found.payment;
    if ((p.status === "IN_PROGRESS" || p.status === "READY") && paymentKey) return sendConfirm(orderId, paymentKey, amount);
    return applyTossPayment(orderId, amount, p);
  }
  if (found.kind === "declined" && found.status === 404) {
    // Toss has no payment for this order: nothing was charged.
    return applyTossPayment(orderId, amount, {
      paymentKey: paymentKey ?? "none", orderId, status: "ABORTED", currency: "KRW", totalAmount: amount, balanceAmount: 0,
      requestedAt: clock.now().toISOString(), cancels: [], failure: { code: found.code, message: found.message },
    });
  }
  return { outcome: "pending", status: "CONFIRMING" };
}
