// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Order transitions that run outside placing an order: holds that expire, and the guarded step into
// payment. Units go back to PostgreSQL inside the transition's transaction and to Redis after it
// commits; each step is guarded (order status in PostgreSQL, a per-order release marker in Redis), so
// running any of this twice changes nothing.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { stockGate } from "@/lib/stock/gate";
import { transition, type ReturnedUnits } from "./transitions";
import { eventNote } from "@/lib/orders/event-note";

/** Redis follows PostgreSQL. If Redis is away, its rebuild before reopening reads these units from PostgreSQL. */
export async function releaseOrderUnits(returned: ReturnedUnits): Promise<void> {
  for (const item of returned.items) {
    await stockGate()
      .release({ productId: item.productId, userId: returned.userId, quantity: item.quantity, releaseId: `o:${returned.orderId}`, phoneHash: returned.phoneHash,
        variantId: item.variantId })
      .catch((err) => log.warn({ err, orderId: returned.orderId }, "redis release deferred to rebuild/reconciliation"));
  }
}

/** Transition + (when it returns units) the Redis release. False when the order was no longer in `from`. */
export async function moveOrder(orderId: string, from: OrderStatus, to: OrderStatus, note?: string): Promise<boolean> {
  const res = await db.$transaction((tx) => transition(tx, orderId, from, to, { note }));
  if (!res.ok) return false;
  if (res.returned) await releaseOrderUnits(res.returned);
  return true;
}

/** Ends every hold whose time is up; returns how many this call ended. Safe to run concurrently. */
export async function expireHolds(opts: { limit?: number; userIds?: string[] } = {}): Promise<number> {
  const limit = opts.limit ?? 500;
  const due = await db.order.findMany({
    // userIds scopes a run to some buyers (tests share one database across parallel files)
    where: { status: "PENDING_PAYMENT", holdExpiresAt: { lte: clock.now() }, ...(opts.userIds && { userId: { in: opts.userIds } }) },
    select: { id: true },
    orderBy: { holdExpiresAt: "asc" },
    take: limit,
  });
  let ended = 0;
  for (const { id } of due) {
    if (await moveOrder(id, "PENDING_PAYMENT", "EXPIRED", "hold expired")) ended++;
  }
  if (ended) {
    metrics.holdsExpired.inc(ended);
    log.info({ ended }, "holds expired");
  }
  return ended;
}

/**
 * The only way into payment: PENDING_PAYMENT → CONFIRMING while the hold is still live, in one guarded
 * UPDATE. A payment arriving after the expiry (or after the expiry job) finds nothing to move.
 */
export async function beginConfirming(orderId: string, userId: string): Promise<void> {
  const moved = await db.$transaction(async (tx) => {
    const owned = await tx.order.count({ where: { id: orderId, userId } });
    if (!owned) throw new AppError("NOT_FOUND", "order not found");
    return (await transition(tx, orderId, "PENDING_PAYMENT", "CONFIRMING", { onlyBeforeHoldExpiry: true, note: eventNote("payment_confirming") })).ok;
  });
  if (!moved) throw new AppError("CONFLICT", "This order can no longer be paid (its hold ended)");
}
