import "server-only";
// The live drop monitor's figures for one product: remaining units from Redis (through the stock engine),
// units reserved and orders paid per second over the last minute, live holds, paid conversion and the
// time the drop took to sell out (or, while it sells, the time it will take at the current pace).
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { holdingStates, soldStates } from "@/lib/orders/lifecycle/transitions";
import { getLiveStock } from "@/lib/stock/live";
import { getRoomMonitor } from "@/lib/waiting-room/monitor";
import { variantFigures } from "./monitor-variants";
import type { SellerScope } from "./scope";
import { ownedProductOrThrow } from "./scope";

export const WINDOW_SECONDS = 60;

export async function getDropMonitor(scope: SellerScope, productId: string) {
  const product = await ownedProductOrThrow(scope, productId);
  const now = clock.nowMs();
  const since = new Date(now - WINDOW_SECONDS * 1000);
  const [live, items, paidEvents, room] = await Promise.all([
    product.status === "ACTIVE" ? getLiveStock(productId) : Promise.resolve(null),
    db.orderItem.findMany({ where: { productId }, select: { variantId: true, quantity: true, order: { select: { status: true, createdAt: true } } } }),
    db.orderEvent.findMany({
      where: { toStatus: "PAID", createdAt: { gte: since }, order: { items: { some: { productId } } } },
      select: { createdAt: true },
    }),
    product.waitingRoom ? getRoomMonitor(productId) : Promise.resolve(null),
  ]);
  const sum = (states: readonly string[]) => items.filter((i) => states.includes(i.order.status)).reduce((s, i) => s + i.quantity, 0);
  const held = sum(holdingStates);
  const sold = sum(soldStates);
  const placed = items.length;
  const paidOrders = items.filter((i) => soldStates.includes(i.order.status) || i.order.status === "RETURNED").length;

  // Per-second buckets of the last minute: units reserved (admitted into the ledger) and orders paid.
  const admitted = new Array<number>(WINDOW_SECONDS).fill(0);
  const paid = new Array<number>(WINDOW_SECONDS).fill(0);
  const bucket = (t: Date) => WINDOW_SECONDS - 1 - Math.floor((now - t.getTime()) / 1000);
  for (const i of items) {
    const b = bucket(i.order.createdAt);
    if (b >= 0 && b < WINDOW_SECONDS) admitted[b] += i.quantity;
  }
  for (const e of paidEvents) {
    const b = bucket(e.createdAt);
    if (b >= 0 && b < WINDOW_SECONDS) paid[b] += 1;
  }
  const last10 = (xs: number[]) => xs.slice(-10).reduce((a, b) => a + b, 0) / 10;

  const remaining = live?.available ?? product.inventory?.available ?? 0;
  const total = product.inventory?.total ?? 0;
  const startsMs = product.saleStartsAt?.getTime() ?? product.createdAt.getTime();
  let soldOutAfterMs: number | null = null;
  const lastTaken = items.filter((i) => [...holdingStates, ...soldStates].includes(i.order.status)).map((i) => i.order.createdAt.getTime());
  if (remaining <= 0 && lastTaken.length) soldOutAfterMs = Math.max(0, Math.max(...lastTaken) - startsMs);
  const pace = admitted.reduce((a, b) => a + b, 0) / WINDOW_SECONDS;
  const etaMs = remaining > 0 && pace > 0 ? Math.round((remaining / pace) * 1000) : null;

  const variants = await variantFigures(productId, items, live?.variants);
  return {
    productId,
    name: product.name,
    state: live?.state ?? (product.status === "ACTIVE" ? "on_sale" : "off_sale"),
    saleStartsAt: product.saleStartsAt?.toISOString() ?? null,
    saleEndsAt: product.saleEndsAt?.toISOString() ?? null,
    total,
    remaining,
    ledgerAvailable: product.inventory?.available ?? 0,
    held,
    sold,
    admissionsPerSecond: last10(admitted),
    paidPerSecond: last10(paid),
    series: admitted.map((a, i) => ({ t: i - WINDOW_SECONDS + 1, admitted: a, paid: paid[i] })),
    placedOrders: placed,
    paidOrders,
    conversion: placed ? paidOrders / placed : null,
    soldOutAfterMs,
    etaMs,
    /** Per size (empty without options): left, held, sold. */
    variants,
    /** The waiting room: off, its live figures, or "unavailable" while Redis is away. */
    room: product.waitingRoom ? (room ?? ("unavailable" as const)) : null,
    at: new Date(now).toISOString(),
  };
}

export type DropMonitor = Awaited<ReturnType<typeof getDropMonitor>>;
