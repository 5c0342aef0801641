// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The order state machine: one table of allowed moves and one guarded transition. A transition is an
// UPDATE … WHERE status = <from>, so two racing callers cannot both win; the winner writes the timeline
// event and the outbox event in the same transaction, and — for exits that end a hold or undo a sale —
// returns the units to PostgreSQL. Redis follows after the commit (releaseOrderUnits).
import { clock } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { writeOutbox } from "@/lib/jobs/outbox";

export const transitions: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ["CONFIRMING", "EXPIRED", "CANCELLED", "PAYMENT_FAILED"],
  // → PENDING_PAYMENT: a declined attempt inside the hold leaves the order payable (lib/payments/record.ts)
  CONFIRMING: ["PAID", "PAYMENT_FAILED", "PENDING_PAYMENT"],
  PAID: ["SHIPPING", "CANCELLED"],
  SHIPPING: ["DELIVERED"],
  DELIVERED: ["RETURN_REQUESTED"],
  // → RETURN_REFUSED: the seller inspected the goods and refused (lib/fulfilment/returns.ts); the sale stands.
  RETURN_REQUESTED: ["RETURNED", "RETURN_REFUSED"],
  RETURNED: [],
  EXPIRED: [],
  PAYMENT_FAILED: [],
  CANCELLED: [],
  RETURN_REFUSED: [],
};

/** Moves that put the order's units back on sale (and give the buyer's per-product allowance back). */
export const returnsUnits = (to: OrderStatus) => to === "EXPIRED" || to === "PAYMENT_FAILED" || to === "CANCELLED" || to === "RETURNED";
/** States whose units are held (not yet paid) or sold; everything else holds nothing. */
export const holdingStates: readonly OrderStatus[] = ["PENDING_PAYMENT", "CONFIRMING"];
export const soldStates: readonly OrderStatus[] = ["PAID", "SHIPPING", "DELIVERED", "RETURN_REQUESTED", "RETURN_REFUSED"];

export const canTransition = (from: OrderStatus, to: OrderStatus) => transitions[from].includes(to);

/** phoneHash: the verified phone the units were counted under when ordered (its count goes back too). */
export type ReturnedUnits = { orderId: string; userId: string; phoneHash: string | null; items: { productId: string; variantId: string; quantity: number }[] };
export type TransitionResult = { ok: true; returned: ReturnedUnits | null } | { ok: false };

/**
 * Moves one order from `from` to `to` if it is still in `from`. Returns { ok: false } when another caller
 * got there first (nothing written). `onlyBeforeHoldExpiry` additionally requires the hold to be live —
 * the guard that keeps a late payment from reviving an expired order.
 */
export async function transition(
  tx: Tx,
  orderId: string,
  from: OrderStatus,
  to: OrderStatus,
  opts: { note?: string; onlyBeforeHoldExpiry?: boolean } = {},
): Promise<TransitionResult> {
  if (!canTransition(from, to)) throw new AppError("INVALID_TRANSITION", `An order cannot go from ${from} to ${to}`);
  const now = clock.now();
  const { count } = await tx.order.updateMany({
    where: { id: orderId, status: from, ...(opts.onlyBeforeHoldExpiry && { holdExpiresAt: { gt: now } }) },
    data: { status: to, updatedAt: now },
  });
  if (count === 0) return { ok: false };
  await tx.orderEvent.create({ data: { orderId, fromStatus: from, toStatus: to, note: opts.note ?? null, createdAt: now } });
  let returned: ReturnedUnits | null = null;
  if (returnsUnits(to)) {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { userId: true, phoneHash: true, items: { select: { productId: true, variantId: true, quantity: true } } } });
    returned = { orderId, userId: order.userId, phoneHash: order.phoneHash, items: order.items };
    // Rows are locked in the order the ledger statement (lib/orders/ledger/ledger.ts) locks them — the
    // buyer's counters, then the phone's, then variant rows by id, then the products' sums — so a release
    // racing the same buyer's next order (or any batch holding their counter) waits instead of deadlocking.
    const perProduct = new Map<string, number>();
    for (const item of order.items) perProduct.set(item.productId, (perProduct.get(item.productId) ?? 0) + item.quantity);
    const products = [...perProduct].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [productId, quantity] of products) {
      await tx.$executeRaw`UPDATE "PurchaseCounter" SET quantity = GREATEST(quantity - ${quantity}, 0) WHERE "userId" = ${order.userId}::uuid AND "productId" = ${productId}::uuid`;
    }
    if (order.phoneHash) {
      for (const [productId, quantity] of products) {
        await tx.$executeRaw`UPDATE "PhonePurchaseCounter" SET quantity = GREATEST(quantity - ${quantity}, 0) WHERE "phoneHash" = ${order.phoneHash} AND "productId" = ${productId}::uuid`;
      }
    }
    for (const item of [...order.items].sort((a, b) => (a.variantId < b.variantId ? -1 : 1))) {
      await tx.$executeRaw`UPDATE "ProductVariant" SET available = available + ${item.quantity}, "updatedAt" = now() WHERE id = ${item.variantId}::uuid`;
    }
    for (const [productId, quantity] of products) {
      await tx.$executeRaw`UPDATE "Inventory" SET available = available + ${quantity}, "updatedAt" = now() WHERE "productId" = ${productId}::uuid`;
    }
  }
  await writeOutbox(tx, "order-status-changed", { orderId, from, to, at: now.toISOString() });
  return { ok: true, returned };
}
