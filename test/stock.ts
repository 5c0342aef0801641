// Helpers for stock and order tests: many buyers at once, and the stock invariant of docs/architecture.md.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import { db } from "@/lib/db";
import { giveDefaultAddresses } from "./addresses";
import { soldStates, holdingStates } from "@/lib/orders/lifecycle/transitions";
import { setStockGate, StockGate, stockGate } from "@/lib/stock/gate";
import { NoRedisStore } from "@/lib/stock/no-store";
import { stockKeys } from "@/lib/stock/keys";

/**
 * The stock tiers every oversell test runs against: the Redis gate in front of the ledger, and the
 * PostgreSQL-only mode (STOCK_STORE=postgres), where the ledger's guards alone admit.
 */
export const stockTiers = ["redis", "postgres"] as const;
export type StockTier = (typeof stockTiers)[number];

/** A gate of the PostgreSQL-only mode: what createStockStore() gives with STOCK_STORE=postgres. */
export const postgresOnlyGate = () => new StockGate(new NoRedisStore());

/** Points the process's gate (stockGate()) at `tier` for the tests of the calling describe block. */
export function useStockTier(tier: StockTier) {
  let previous: StockGate | undefined;
  beforeAll(() => {
    if (tier === "redis") return;
    previous = stockGate();
    setStockGate(postgresOnlyGate());
  });
  afterAll(async () => {
    if (!previous) return;
    const gate = stockGate();
    setStockGate(previous);
    await gate.close();
  });
}

/** n verified buyers in one INSERT, each with a default delivery address (so their orders can be paid). */
export async function createBuyers(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  await db.user.createMany({ data: ids.map((id) => ({ id, emailHash: `t-${id}`, emailVerifiedAt: new Date() })) });
  await giveDefaultAddresses(ids);
  return ids;
}

/**
 * Runs `fn` over `items` with at most `width` calls in flight: many buyers at once, as a server's
 * connections deliver them, without one process queueing thousands of Redis calls behind each other
 * (on a busy machine that queue alone outlasts the circuit breaker's timeout and tests the machine).
 */
export async function concurrently<T, R>(items: readonly T[], width: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane));
  return out;
}

export async function ledgerFigures(productId: string) {
  const inv = await db.inventory.findUniqueOrThrow({ where: { productId } });
  const items = await db.orderItem.findMany({ where: { productId }, select: { quantity: true, order: { select: { status: true, userId: true, phoneHash: true } } } });
  const sum = (states: readonly string[]) => items.filter((i) => states.includes(i.order.status)).reduce((s, i) => s + i.quantity, 0);
  const perBuyer = new Map<string, number>();
  const perPhone = new Map<string, number>();
  for (const i of items) {
    if (![...holdingStates, ...soldStates].includes(i.order.status)) continue;
    perBuyer.set(i.order.userId, (perBuyer.get(i.order.userId) ?? 0) + i.quantity);
    if (i.order.phoneHash) perPhone.set(i.order.phoneHash, (perPhone.get(i.order.phoneHash) ?? 0) + i.quantity);
  }
  return { total: inv.total, available: inv.available, held: sum(holdingStates), sold: sum(soldStates), perBuyer, perPhone };
}

/**
 * total = available + held + sold, nothing negative, every buyer's counter — and every verified phone's —
 * equals their live units and stays within the limit, and (when quiet) Redis shows PostgreSQL's available units.
 */
export async function expectInvariant(productId: string, opts: { limit?: number; gate?: StockGate; redisQuiet?: boolean; buyers?: string[] } = {}) {
  const f = await ledgerFigures(productId);
  expect(f.available).toBeGreaterThanOrEqual(0);
  expect(f.available + f.held + f.sold).toBe(f.total);
  const counters = await db.purchaseCounter.findMany({ where: { productId, quantity: { gt: 0 } } });
  const counted = new Map(counters.map((c) => [c.userId, c.quantity]));
  expect(counted).toEqual(new Map([...f.perBuyer].filter(([, q]) => q > 0)));
  const phoneCounters = await db.phonePurchaseCounter.findMany({ where: { productId, quantity: { gt: 0 } } });
  expect(new Map(phoneCounters.map((c) => [c.phoneHash, c.quantity]))).toEqual(f.perPhone);
  if (opts.limit) for (const q of [...f.perBuyer.values(), ...f.perPhone.values()]) expect(q).toBeLessThanOrEqual(opts.limit);
  // `buyers` narrows this check to the test's own buyers: other test files may keep item-less orders around.
  const paidWithoutItems = await db.order.count({ where: { status: { in: [...soldStates] }, items: { none: {} }, ...(opts.buyers && { userId: { in: opts.buyers } }) } });
  expect(paidWithoutItems).toBe(0);
  const gate = opts.gate ?? stockGate();
  // The PostgreSQL-only mode has no Redis figures to compare.
  const redisQuiet = opts.redisQuiet !== false && gate.mode === "redis";
  await expectVariantInvariant(productId, redisQuiet ? gate : null);
  if (redisQuiet) {
    const [a] = await gate.run((s) => s.hmget(stockKeys.meta(productId), ["a"]));
    if (a !== null) expect(Number(a)).toBe(f.available);
  }
  return f;
}

/**
 * Per variant (docs/variants.md): total = available + held + sold, nothing negative, the product's Inventory
 * is the variants' sum, and (with a gate: Redis quiet) each loaded variant's a:<v> shows PostgreSQL's figure.
 */
export async function expectVariantInvariant(productId: string, gate: StockGate | null) {
  const [variants, inv, items] = await Promise.all([
    db.productVariant.findMany({ where: { productId } }),
    db.inventory.findUniqueOrThrow({ where: { productId } }),
    db.orderItem.findMany({ where: { productId }, select: { variantId: true, quantity: true, order: { select: { status: true } } } }),
  ]);
  const live = [...holdingStates, ...soldStates] as string[];
  for (const v of variants) {
    const committed = items.filter((i) => i.variantId === v.id && live.includes(i.order.status)).reduce((s, i) => s + i.quantity, 0);
    expect(v.available, `variant ${v.sku} available`).toBeGreaterThanOrEqual(0);
    expect(v.available + committed, `variant ${v.sku}: total = available + held + sold`).toBe(v.total);
  }
  expect(variants.reduce((s, v) => s + v.available, 0)).toBe(inv.available);
  expect(variants.reduce((s, v) => s + v.total, 0)).toBe(inv.total);
  if (!gate) return variants;
  const m = await gate.run((s) => s.hgetall(stockKeys.meta(productId)));
  if (m.a !== undefined && m.x !== "1") {
    for (const v of variants) expect(Number(m[`a:${v.id}`]), `Redis a:<${v.sku}>`).toBe(v.available);
  }
  return variants;
}
