// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Claiming an order for its confirm (docs/payments.md): the order enters CONFIRMING by a guarded update that
// also requires a live hold and claims the order (paymentClaimedUntil: a reconciliation run leaves it alone
// meanwhile) and records the paymentKey. The confirm itself is confirm.ts; reconciliation claims its batches
// for as long (CLAIM_MS) and ends its claims the same way (releaseClaim).
import { clock } from "@/lib/clock";
import { db, isUniqueViolation, queryRows } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { Prisma, type OrderStatus } from "@/lib/generated/prisma/client";
import { hasDelivery } from "@/lib/orders/delivery-rule";
import { transition } from "@/lib/orders/lifecycle/transitions";
import { eventNote } from "@/lib/orders/event-note";
import { TX } from "./record";
import type { SuccessQuery } from "./schemas";

/**
 * How long a live confirm (or a reconciliation run) owns an order's payment work; released when done. Longer
 * than a confirm and its look-up can take with every retry timing out, so a claim never lapses under a
 * caller still at work (a killed process's claim lapses and reconciliation takes over).
 */
export const CLAIM_MS = Math.max(60_000, 2 * (env.TOSS_MAX_RETRIES + 1) * (env.TOSS_TIMEOUT_MS + 2_000) + 10_000);

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
export async function beginConfirmFast(userId: string, q: SuccessQuery): Promise<Begun | null> {
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

class NotBegun extends Error {}

/** PENDING_PAYMENT → CONFIRMING with a claim on the order, in one transaction. The claim's end, or null. */
export async function beginConfirm(orderId: string, paymentKey: string, amount: number): Promise<Date | null> {
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

