import "server-only";
// Payment reads: an order's payment and refund for the buyer's pages, and the payouts a seller sees.
import { db } from "@/lib/db";
import { orderPaymentView, refundsJson, type OrderPaymentRow } from "./order-payment-view";

export type { OrderPaymentView } from "./order-payment-view";

/**
 * The order as the payment panel needs it; only the buyer's own order (anyone else's is null). One
 * statement (order, payment and refunds joined): the confirm route ends every confirm with it, unless the
 * confirm's own statement returned the same view (record.ts markPaidFast).
 */
export async function getOrderPayment(orderId: string, userId: string) {
  const rows = await db.$queryRaw<OrderPaymentRow[]>`
    SELECT o.id, o.status::text AS status, o.amount, o."orderName", o."holdExpiresAt",
           p.status AS p_status, p.method AS p_method, p.amount AS p_amount, p."approvedAt" AS "p_approvedAt", p."failureCode" AS "p_failureCode",
           ${refundsJson("o.id")} AS refunds
    FROM "Order" o LEFT JOIN "Payment" p ON p."orderId" = o.id
    WHERE o.id = ${orderId} AND o."userId" = ${userId}::uuid`;
  return rows[0] ? orderPaymentView(rows[0]) : null;
}

/** Payouts visible to the seller, newest first (the dashboard issue shows them). */
export async function listPayoutsForSeller(sellerId: string, opts: { take?: number } = {}) {
  return db.payout.findMany({
    where: { sellerId },
    orderBy: { periodDate: "desc" },
    take: opts.take ?? 60,
    select: { id: true, periodDate: true, amount: true, entryCount: true, createdAt: true },
  });
}

/** The seller's ledger balance not yet in a payout, by kind (integer won). */
export async function getUnsettledTotals(sellerId: string) {
  const rows = await db.settlementEntry.groupBy({ by: ["kind"], where: { sellerId, payoutId: null }, _sum: { amount: true } });
  return Object.fromEntries(rows.map((r) => [r.kind, r._sum.amount ?? 0])) as Partial<Record<"SALE" | "REFUND" | "FEE", number>>;
}

/**
 * For admins (app/admin/reconciliation): money the shop gave back on its own — compensations (a payment
 * it could not honour: amount differs, second payment, order already ended), cancels made outside the
 * shop — and refunds Toss refused (FAILED, waiting for an operator). Newest first.
 */
export async function listPaymentIssues(opts: { take?: number } = {}) {
  return db.refund.findMany({
    where: { OR: [{ kind: { in: ["COMPENSATION", "EXTERNAL"] } }, { status: "FAILED" }] },
    orderBy: { createdAt: "desc" },
    take: opts.take ?? 100,
    select: { id: true, orderId: true, paymentKey: true, kind: true, status: true, amount: true, reason: true, failureCode: true, createdAt: true },
  });
}
