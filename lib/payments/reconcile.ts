// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Payment reconciliation: every order whose state can disagree with Toss's record is asked about and
// brought in line (docs/payments.md). Candidates:
// - CONFIRMING (an unknown outcome, a killed process);
// - PENDING_PAYMENT with a paymentKey whose attempt is not known to be over;
// - PAYMENT_FAILED / EXPIRED / CANCELLED orders whose payment Toss might have charged (never settled as
//   ABORTED/EXPIRED/CANCELED, and no refund for it) — e.g. failed before this fix while Toss approved;
// - refunds in flight (REQUESTED), and FAILED refunds of the last day (Toss may show them cancelled);
// - paid orders, slowly (sweepPaid): a DONE payment of the last 30 days is compared with Toss's record
//   at doubling intervals, a few per run — a cancel made in Toss's console whose webhook never arrived is found
//   and recorded like the webhook would have (refund, order state, settlement reversed).
// Runs are fenced: a batch is claimed in one statement (`FOR UPDATE SKIP LOCKED` + paymentClaimedUntil),
// the same claim a live confirm takes, so two runs, or a run and a live confirm, never act on one order.
// Each order is looked up by its paymentKey when known, by orderId otherwise; only Toss's record decides.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { toss } from "./gateway";
import { executeRefund } from "./refunds";
import { CLAIM_MS, releaseClaim } from "./claim";
import { sendConfirm } from "./confirm";
import { applyTossRecord } from "./record";

export type ReconcileOptions = {
  /** Leave orders changed less than this long ago to the request still working on them. */
  olderThanMs?: number;
  limit?: number;
  /** Scopes a run (tests share one database across parallel files). */
  orderIds?: string[];
  /** A CONFIRMING order whose payment Toss has never heard of is given up after this long (the payment
   * session — about 10 minutes at Toss — has surely ended, so it can no longer be approved). */
  unknownPaymentGraceMs?: number;
  /** Paid orders compared with Toss per run (the sweep); 0 turns it off. */
  paidSweepLimit?: number;
};

/**
 * A paid order's payment is first compared this long after its approval; after that, each comparison
 * waits as long as the payment was old at the last one (6 h, 12 h, 1 d, 2 d, … — seven in 30 days).
 */
export const PAID_RECHECK_MS = 6 * 3_600_000;
/** Toss lets a merchant cancel from its console for months; the sweep watches the recent ones. */
export const PAID_SWEEP_WINDOW_MS = 30 * 86_400_000;

type Claimed = { id: string; status: string; amount: number; updatedAt: Date; paymentKey: string | null; paymentStatus: string | null };

/** Claims up to `limit` candidates for this run; every other run and every live confirm skips them. */
async function claimBatch(opts: ReconcileOptions, until: Date): Promise<Claimed[]> {
  const now = clock.now();
  const before = new Date(clock.nowMs() - (opts.olderThanMs ?? 60_000));
  const failedSince = new Date(clock.nowMs() - 86_400_000);
  const ids = opts.orderIds ?? null;
  return db.$queryRaw<Claimed[]>`
    WITH c AS (
      SELECT o.id FROM "Order" o
      LEFT JOIN "Payment" p ON p."orderId" = o.id
      WHERE (o."paymentClaimedUntil" IS NULL OR o."paymentClaimedUntil" < ${now})
        AND (${ids}::text[] IS NULL OR o.id = ANY(${ids}::text[]))
        AND (
          (o.status = 'CONFIRMING' AND o."updatedAt" <= ${before})
          OR (o.status = 'PENDING_PAYMENT' AND p.status IN ('IN_PROGRESS', 'READY', 'DONE') AND o."updatedAt" <= ${before})
          OR (o.status IN ('PAYMENT_FAILED', 'EXPIRED', 'CANCELLED') AND p.status IN ('IN_PROGRESS', 'READY', 'DONE') AND o."updatedAt" <= ${before}
              AND NOT EXISTS (SELECT 1 FROM "Refund" r WHERE r."paymentKey" = p."paymentKey"))
          OR EXISTS (SELECT 1 FROM "Refund" r WHERE r."orderId" = o.id
              AND ((r.status = 'REQUESTED' AND r."createdAt" <= ${before}) OR (r.status = 'FAILED' AND r."createdAt" >= ${failedSince})))
        )
      ORDER BY o."updatedAt" LIMIT ${opts.limit ?? 200}
      FOR UPDATE OF o SKIP LOCKED
    )
    UPDATE "Order" o SET "paymentClaimedUntil" = ${until}
    FROM c LEFT JOIN "Payment" p ON p."orderId" = c.id
    WHERE o.id = c.id
    RETURNING o.id, o.status::text AS status, o.amount, o."updatedAt", p."paymentKey", p.status AS "paymentStatus"`;
}

export async function reconcilePayments(opts: ReconcileOptions = {}): Promise<Record<string, number>> {
  const until = new Date(clock.nowMs() + CLAIM_MS);
  const tally: Record<string, number> = {};
  await settleEach(await claimBatch(opts, until), until, tally, "payment reconciliation", (o) => reconcileOne(o, opts));
  await sweepPaid(opts, until, tally);
  if (Object.keys(tally).length) log.info({ tally }, "payments reconciled");
  return tally;
}

/** Runs `settle` on each claimed order, releases its claim whatever happens, and counts the outcomes. */
async function settleEach<T extends { id: string }>(rows: T[], until: Date, tally: Record<string, number>, what: string, settle: (row: T) => Promise<string>) {
  for (const row of rows) {
    let outcome: string;
    try {
      outcome = await settle(row);
    } catch (err) {
      log.warn({ err, orderId: row.id }, `${what} of one order failed; next run retries`);
      outcome = "error";
    } finally {
      await releaseClaim(row.id, until);
    }
    tally[outcome] = (tally[outcome] ?? 0) + 1;
  }
}

type PaidClaim = { id: string; paymentKey: string; amount: number };

/**
 * The paid-order sweep: claims (the same fence as above) a few DONE payments that are due (PAID_RECHECK_MS),
 * oldest comparison first, and asks Toss about each. Unchanged: checkedAt moves on.
 * Anything else (cancelled in the console, partly cancelled) goes through applyTossRecord, the path of
 * Toss's own webhook. An unknown answer leaves it for the next run.
 */
async function sweepPaid(opts: ReconcileOptions, until: Date, tally: Record<string, number>): Promise<void> {
  const limit = opts.paidSweepLimit ?? 20;
  if (limit <= 0) return;
  const now = clock.now();
  const since = new Date(clock.nowMs() - PAID_SWEEP_WINDOW_MS);
  const ids = opts.orderIds ?? null;
  const claimed = await db.$queryRaw<PaidClaim[]>`
    WITH c AS (
      SELECT o.id FROM "Order" o JOIN "Payment" p ON p."orderId" = o.id
      WHERE (o."paymentClaimedUntil" IS NULL OR o."paymentClaimedUntil" < ${now})
        AND (${ids}::text[] IS NULL OR o.id = ANY(${ids}::text[]))
        AND p.status = 'DONE' AND p."approvedAt" >= ${since}
        AND COALESCE(p."checkedAt", p."approvedAt") <= ${now}::timestamp - GREATEST(${PAID_RECHECK_MS} * interval '1 millisecond', COALESCE(p."checkedAt", p."approvedAt") - p."approvedAt")
        AND NOT EXISTS (SELECT 1 FROM "Refund" r WHERE r."paymentKey" = p."paymentKey")
      ORDER BY COALESCE(p."checkedAt", p."approvedAt") LIMIT ${limit}
      FOR UPDATE OF o SKIP LOCKED
    )
    UPDATE "Order" o SET "paymentClaimedUntil" = ${until}
    FROM c JOIN "Payment" p ON p."orderId" = c.id
    WHERE o.id = c.id
    RETURNING o.id, p."paymentKey", p.amount`;
  await settleEach(claimed, until, tally, "paid-order sweep", async (o) => {
    const found = await toss().getPayment(o.paymentKey);
    if (found.kind !== "success") return "paid-pending";
    const p = found.payment;
    const unchanged = p.status === "DONE" && p.totalAmount === o.amount && p.balanceAmount === o.amount;
    const outcome = unchanged ? "paid-unchanged" : `paid-${(await applyTossRecord(p)).outcome}`;
    // Compared: the next comparison is PAID_RECHECK_MS away (a record applyTossRecord could not act on
    // does not come back first in line every run).
    await db.payment.updateMany({ where: { orderId: o.id, paymentKey: o.paymentKey }, data: { checkedAt: clock.now() } });
    return outcome;
  });
}

async function reconcileOne(o: Claimed, opts: ReconcileOptions): Promise<string> {
  // Refunds in flight first: resend with the same key, or find Toss cancelled them.
  const refunds = await db.refund.findMany({ where: { orderId: o.id, status: { in: ["REQUESTED", "FAILED"] } }, select: { paymentKey: true } });
  let refunded = 0;
  for (const r of refunds) if ((await executeRefund(r.paymentKey).catch(() => "pending")) === "refunded") refunded++;
  if (refunded && o.status !== "CONFIRMING") return "refunded";
  const needsPayment = o.status === "CONFIRMING" || (o.paymentStatus !== null && ["IN_PROGRESS", "READY", "DONE"].includes(o.paymentStatus) && o.status !== "PAID");
  if (!needsPayment) return refunded ? "refunded" : refunds.length ? "pending" : "checked";

  const found = o.paymentKey ? await toss().getPayment(o.paymentKey) : await toss().getPaymentByOrderId(o.id);
  if (found.kind === "success") {
    const p = found.payment;
    // Authorised but never confirmed (a confirm that never arrived): resend it with the same key.
    if ((p.status === "IN_PROGRESS" || p.status === "READY") && o.status === "CONFIRMING" && o.paymentKey === p.paymentKey) {
      return (await sendConfirm(o.id, p.paymentKey, o.amount)).outcome;
    }
    return (await applyTossRecord(p)).outcome;
  }
  if (found.kind === "declined" && found.status === 404 && o.status === "CONFIRMING") {
    // Toss has never heard of the payment. Once its session has surely ended it never will: the attempt
    // is over with nothing charged (a look-up by orderId first, in case the key we hold is not the one).
    const byOrder = o.paymentKey ? await toss().getPaymentByOrderId(o.id) : found;
    if (byOrder.kind === "success") return (await applyTossRecord(byOrder.payment)).outcome;
    const grace = opts.unknownPaymentGraceMs ?? 15 * 60_000;
    if (byOrder.kind === "declined" && byOrder.status === 404 && clock.nowMs() - o.updatedAt.getTime() >= grace) {
      return (await giveUpUnknown(o)).outcome;
    }
  }
  return "pending";
}

/** A CONFIRMING order Toss has no payment for, long after its session ended: the attempt ended uncharged. */
async function giveUpUnknown(o: Claimed) {
  const now = clock.now();
  return applyTossRecord({
    paymentKey: o.paymentKey ?? `none-${o.id}`, orderId: o.id, status: "ABORTED", currency: "KRW", totalAmount: o.amount, balanceAmount: 0,
    requestedAt: now.toISOString(), cancels: [], failure: { code: "NOT_FOUND_PAYMENT", message: "Toss has no such payment" },
  });
}
