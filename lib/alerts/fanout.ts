// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Turning waiting alerts into mails. An alert is claimed once — its sentAt set in the same transaction that
// writes its mail's outbox event — so a fan-out that runs again (a retried job, the sweep beside the
// delayed job) finds nothing left to claim, and each mail job sends under an id derived from the alert.
// Claims go in batches, one transaction each: a drop with many subscribers never holds one long lock.
//
// A subscription that arrives while a fan-out runs must not fall between the two: requests take the
// product's alert lock shared, fan-outs take it exclusively, per batch (pg_advisory_xact_lock; nothing
// else in the shop takes it). A request that commits first is in the next batch's claim; one that waits
// sees the fan-out's moment (after T-10: it mails at once; after a restock: units, so 409).
import { clock } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { salePhase } from "@/lib/catalog/sale-rules";
import { log } from "@/lib/log";
import { ALERT_MAIL_QUEUE } from "./queues";

/** Opening alerts are mailed this long before the drop opens. */
export const OPENING_LEAD_MS = 10 * 60_000;
export const FANOUT_BATCH = 200;

/** "<userId>:<productId>:<kind>:<variantId or *>": the unique key of one alert (AlertSubscription.key). */
export const alertKey = (userId: string, productId: string, kind: "OPENING" | "RESTOCK", variantId: string | null) =>
  `${userId}:${productId}:${kind}:${variantId ?? "*"}`;

/** The product's alert lock for the rest of the transaction: shared for requests, exclusive for fan-outs. */
export async function lockAlerts(tx: Tx, productId: string, mode: "shared" | "exclusive"): Promise<void> {
  const key = `alerts:${productId}`;
  if (mode === "shared") await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtextextended(${key}, 0))`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** Claims up to `limit` waiting alerts matching `where` and writes one mail event each; returns how many. */
export async function claimAlerts(tx: Tx, where: Prisma.Sql, limit: number): Promise<number> {
  const now = clock.now();
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "AlertSubscription" SET "sentAt" = ${now}, "updatedAt" = ${now}
    WHERE id IN (
      SELECT id FROM "AlertSubscription"
      WHERE "sentAt" IS NULL AND "cancelledAt" IS NULL AND ${where}
      ORDER BY "createdAt", id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id::text`;
  if (rows.length) await tx.outboxEvent.createMany({ data: rows.map((r) => ({ topic: ALERT_MAIL_QUEUE, payload: { alertId: r.id } })) });
  return rows.length;
}

type Drop = { status: string; saleStartsAt: Date | null; saleEndsAt: Date | null };
const dropOf = (tx: Tx, productId: string): Promise<Drop | null> =>
  tx.product.findUnique({ where: { id: productId }, select: { status: true, saleStartsAt: true, saleEndsAt: true } });

/** Claims batch after batch while `stillDue` holds (asked under the lock, before each batch). */
async function fanOut(productId: string, where: Prisma.Sql, stillDue: (tx: Tx) => Promise<boolean>, batch: number): Promise<number> {
  let sent = 0;
  for (;;) {
    const n = await db.$transaction(async (tx) => {
      await lockAlerts(tx, productId, "exclusive");
      return (await stillDue(tx)) ? claimAlerts(tx, where, batch) : 0;
    });
    sent += n;
    if (n < batch) return sent;
  }
}

/**
 * The T-10 fan-out of one opening. Nothing is sent when the drop was moved (its new opening has a job of
 * its own), taken off sale, or has opened already (an "opens soon" mail after the opening says nothing).
 */
export async function fanOutOpening(productId: string, opensAt: Date, opts: { batch?: number } = {}): Promise<number> {
  const due = async (tx: Tx) => {
    const p = await dropOf(tx, productId);
    return !!p && p.status === "ACTIVE" && p.saleStartsAt?.getTime() === opensAt.getTime() && clock.nowMs() < opensAt.getTime();
  };
  const sent = await fanOut(productId, Prisma.sql`"productId" = ${productId}::uuid AND kind = 'OPENING'`, due, opts.batch ?? FANOUT_BATCH);
  log.info({ productId, opensAt, sent }, "opening alerts fanned out");
  return sent;
}

/**
 * A size (variantId) or the whole product (null) got units back: its restock alerts are mailed, while the
 * sale is on and the units are still there (a size sold out again before the fan-out keeps its alerts).
 */
export async function fanOutRestock(productId: string, variantId: string | null, opts: { batch?: number } = {}): Promise<number> {
  const due = async (tx: Tx) => {
    const p = await dropOf(tx, productId);
    if (!p || p.status !== "ACTIVE" || salePhase(p.saleStartsAt, p.saleEndsAt, clock.nowMs()) !== "open") return false;
    const left = variantId
      ? (await tx.productVariant.findUnique({ where: { id: variantId }, select: { available: true } }))?.available
      : (await tx.inventory.findUnique({ where: { productId }, select: { available: true } }))?.available;
    return (left ?? 0) > 0;
  };
  const size = variantId ? Prisma.sql`"variantId" = ${variantId}::uuid` : Prisma.sql`"variantId" IS NULL`;
  const sent = await fanOut(productId, Prisma.sql`"productId" = ${productId}::uuid AND kind = 'RESTOCK' AND ${size}`, due, opts.batch ?? FANOUT_BATCH);
  log.info({ productId, variantId, sent }, "restock alerts fanned out");
  return sent;
}

/**
 * Openings whose T-10 has passed, not yet opened, with alerts still waiting: what a lost or late delayed
 * job, a worker that was down, or an opening set outside the seller's forms (the seed) left behind.
 */
export async function sweepOpeningAlerts(limit = 100): Promise<number> {
  const now = clock.now();
  const due = await db.$queryRaw<{ id: string; saleStartsAt: Date }[]>`
    SELECT p.id::text, p."saleStartsAt" FROM "Product" p
    WHERE p.status = 'ACTIVE' AND p."saleStartsAt" > ${now}
      AND p."saleStartsAt" <= ${new Date(now.getTime() + OPENING_LEAD_MS)}
      AND EXISTS (SELECT 1 FROM "AlertSubscription" a WHERE a."productId" = p.id AND a.kind = 'OPENING' AND a."sentAt" IS NULL AND a."cancelledAt" IS NULL)
    LIMIT ${limit}`;
  let sent = 0;
  for (const p of due) sent += await fanOutOpening(p.id, p.saleStartsAt);
  return sent;
}
