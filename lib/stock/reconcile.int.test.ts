// Reconciliation on a Redis of the test's own: drift is found, repaired, logged as a row and counted.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { metrics } from "@/lib/metrics";
import { placeOrder } from "@/lib/orders/place/place-order";
import { createProduct } from "@/test/factories";
import { RedisProcess } from "@/test/redis-server";
import { createBuyers } from "@/test/stock";
import { StockGate } from "./gate";
import { stockKeys } from "./keys";
import { reconcileStock } from "./reconcile";
import { createStockRedis, IoredisStore } from "./store";

let redis: RedisProcess;
let gate: StockGate;
beforeAll(async () => {
  redis = await RedisProcess.start();
  gate = new StockGate(new IoredisStore(createStockRedis(redis.url)));
});
afterAll(async () => {
  await gate.close();
  await redis.stop();
});

/** Drift in one variant's figure (here the implicit one) and the product's sum alike. */
const setAvailable = (productId: string, variantId: string, n: number) =>
  gate.run((s) => s.run({ name: "t", sha: "0", source: "return redis.call('HSET', KEYS[1], 'a', ARGV[1], 'a:' .. ARGV[2], ARGV[1])" }, [stockKeys.meta(productId)], [n, variantId]).catch(() => null));
const available = async (productId: string) => Number((await gate.run((s) => s.hmget(stockKeys.meta(productId), ["a"])))[0]);

describe("reconcileStock", () => {
  it("repairs drift in either direction and reports it; leaves agreeing products alone", async () => {
    const [high, low, fine] = await Promise.all([createProduct({ units: 10 }), createProduct({ units: 10 }), createProduct({ units: 10 })]);
    const [b] = await createBuyers(1);
    for (const p of [high, low, fine]) expect((await placeOrder(b, randomUUID(), { items: [{ productId: p.id, quantity: 1 }] }, gate)).status).toBe(201);
    // high: Redis would admit units that do not exist; low: Redis lost units (a release that never arrived)
    await setAvailable(high.id, high.variants[0].id, 12);
    await setAvailable(low.id, low.variants[0].id, 4);
    const before = (await metrics.reconciliationRepairs.get()).values[0]?.value ?? 0;
    const drifts = await reconcileStock({ gate, settleMs: 50 });
    expect(drifts.sort((x, y) => x.redisAvailable - y.redisAvailable)).toEqual([
      { productId: low.id, variantId: low.variants[0].id, redisAvailable: 4, pgAvailable: 9, repaired: true },
      { productId: high.id, variantId: high.variants[0].id, redisAvailable: 12, pgAvailable: 9, repaired: true },
    ]);
    for (const p of [high, low, fine]) expect(await available(p.id)).toBe(9);
    expect(await db.stockReconciliation.count({ where: { productId: { in: [high.id, low.id] }, repaired: true } })).toBe(2);
    expect(await db.stockReconciliation.count({ where: { productId: fine.id } })).toBe(0);
    expect((await metrics.reconciliationRepairs.get()).values[0].value).toBe(before + 2);
    expect(await reconcileStock({ gate, settleMs: 50 })).toEqual([]);
  });

  it("repairs one size's drift and the product's sum with it, leaving the other sizes alone", async () => {
    const p = await createProduct({ sizes: { units: { "260": 4, "270": 6 } } });
    await gate.reload(p.id);
    const [s260, s270] = p.variants;
    // 270 lost two units in Redis (a release that never arrived); the sum shows it too.
    await gate.run((s) => s.run({ name: "t", sha: "0", source: "redis.call('HINCRBY', KEYS[1], 'a', -2) return redis.call('HINCRBY', KEYS[1], 'a:' .. ARGV[1], -2)" }, [stockKeys.meta(p.id)], [s270.id]).catch(() => null));
    const drifts = await reconcileStock({ gate, settleMs: 50 });
    expect(drifts.filter((d) => d.productId === p.id)).toEqual([{ productId: p.id, variantId: s270.id, redisAvailable: 4, pgAvailable: 6, repaired: true }]);
    const m = await gate.run((s) => s.hgetall(stockKeys.meta(p.id)));
    expect([m.a, m[`a:${s260.id}`], m[`a:${s270.id}`]]).toEqual(["10", "4", "6"]);
  });
});
