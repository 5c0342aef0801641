// Placing orders against real PostgreSQL and Redis: the concurrency guarantees of the issue, on both
// stock tiers — the Redis gate, and the PostgreSQL-only mode (STOCK_STORE=postgres: the ledger alone).
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { createStockStore, setStockGate, StockGate, stockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { createProduct } from "@/test/factories";
import { concurrently, createBuyers, expectInvariant, postgresOnlyGate, stockTiers, useStockTier } from "@/test/stock";
import { placeOrder } from "./place-order";

const buy = (userId: string, productId: string, quantity = 1, key: string = randomUUID()) =>
  placeOrder(userId, key, { items: [{ productId, quantity }] });
const codeOf = (a: { body: unknown }) => (a.body as { error?: { code: string } }).error?.code;

afterEach(() => clock.setOffsetMs(0));

describe.each(stockTiers)("placing orders (%s tier)", (tier) => {
  useStockTier(tier);

  it("stock 1, 50 concurrent buyers: exactly one order", async () => {
    const p = await createProduct({ type: "LIMITED", units: 1, perBuyerLimit: 1 });
    const buyers = await createBuyers(50);
    const answers = await Promise.all(buyers.map((b) => buy(b, p.id)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => codeOf(a) === "SOLD_OUT")).toBe(true);
    expect(await db.order.count({ where: { items: { some: { productId: p.id } } } })).toBe(1);
    await expectInvariant(p.id, { limit: 1 });
  });

  it("stock 100, 5,000 requests from 2,000 buyers, limit 2: exactly 100 sold, nobody above 2", async () => {
    // The gate's per-call timeout is a latency budget (2 s): on a busy machine 5,000 calls queued on one
    // connection exceed it and the breaker rightly falls back to PostgreSQL (redis-failure.int.test.ts).
    // Here Redis is healthy and the question is the sale's arithmetic, so the timeout is only a ceiling.
    const previous = stockGate();
    const gate = tier === "redis" ? new StockGate(createStockStore(), { timeout: 120_000 }) : postgresOnlyGate();
    setStockGate(gate);
    onTestFinished(async () => {
      setStockGate(previous);
      await gate.close();
    });
    const p = await createProduct({ type: "LIMITED", units: 100, perBuyerLimit: 2 });
    const buyers = await createBuyers(2000);
    const requests = Array.from({ length: 5000 }, (_, i) => buyers[i % 2000]);
    // On PostgreSQL alone every request reaches the ledger, whose bounded queue (lib/orders/ledger/slots.ts)
    // answers 503 beyond the pool's size × 9 by design: the crowd here stays within it.
    const answers = await concurrently(requests, tier === "redis" ? 128 : 64, (b, i) => buy(b, p.id, i % 7 === 0 ? 2 : 1));
    const created = answers.filter((a) => a.status === 201);
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    const f = await expectInvariant(p.id, { limit: 2 });
    expect(f.available).toBe(0);
    expect(f.held).toBe(100);
    expect(created.length).toBe(await db.order.count({ where: { items: { some: { productId: p.id } } } }));
    // decided by the tier under test: Redis (not its outage fallback), or the PostgreSQL-only mode
    expect([stockGate().mode, stockGate().usingFallback]).toEqual(tier === "redis" ? ["redis", false] : ["postgres", true]);
  }, 300_000); // on PostgreSQL alone all 5,000 reach the ledger: about 80 s on a busy 2-core machine

  it("one Idempotency-Key sent 10 times at once: one order, ten identical answers", async () => {
    const p = await createProduct({ units: 5 });
    const [b] = await createBuyers(1);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => buy(b, p.id, 2, key)));
    expect(answers[0].status).toBe(201);
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(await db.order.count({ where: { userId: b } })).toBe(1);
    // a replay later answers the same; the same key with another body is refused
    expect(await buy(b, p.id, 2, key)).toEqual(answers[0]);
    await expect(buy(b, p.id, 1, key)).rejects.toMatchObject({ code: "IDEMPOTENCY_MISMATCH" });
    await expectInvariant(p.id);
  });

  it("refuses by the server's clock: not open, ended; and caps each buyer", async () => {
    const now = clock.nowMs();
    const soon = await createProduct({ units: 5, saleStartsAt: new Date(now + 60_000) });
    const past = await createProduct({ units: 5, saleStartsAt: new Date(now - 120_000), saleEndsAt: new Date(now - 60_000) });
    const capped = await createProduct({ units: 5, perBuyerLimit: 2 });
    const [b] = await createBuyers(1);
    expect(codeOf(await buy(b, soon.id))).toBe("NOT_OPEN");
    expect(codeOf(await buy(b, past.id))).toBe("ENDED");
    clock.setOffsetMs(61_000);
    expect((await buy(b, soon.id)).status).toBe(201);
    clock.setOffsetMs(0);
    expect((await buy(b, capped.id, 2)).status).toBe(201);
    expect(codeOf(await buy(b, capped.id, 1))).toBe("LIMIT_EXCEEDED");
    for (const p of [soon, past, capped]) await expectInvariant(p.id, { limit: 5 });
  });

  it("several lines are all-or-nothing", async () => {
    const a = await createProduct({ units: 5 });
    const sold = await createProduct({ units: 1 });
    const [b1, b2] = await createBuyers(2);
    expect((await buy(b1, sold.id)).status).toBe(201);
    const answer = await placeOrder(b2, randomUUID(), { items: [{ productId: a.id, quantity: 2 }, { productId: sold.id, quantity: 1 }] });
    expect(codeOf(answer)).toBe("SOLD_OUT");
    expect(await db.order.count({ where: { userId: b2 } })).toBe(0);
    await expectInvariant(a.id);
    expect((await expectInvariant(a.id)).available).toBe(5);
    const ok = await placeOrder(b2, randomUUID(), { items: [{ productId: a.id, quantity: 2 }, { productId: (await createProduct({ price: 5_000 })).id, quantity: 3 }] });
    expect(ok.status).toBe(201);
    expect((ok.body as { order: { amount: number } }).order.amount).toBe(2 * 10_000 + 3 * 5_000);
  });

  it("unknown products are a 422 on the item, not a 500", async () => {
    const [b] = await createBuyers(1);
    const answer = await placeOrder(b, randomUUID(), { items: [{ productId: randomUUID(), quantity: 1 }] });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: "VALIDATION", fields: { "items.0.productId": ["Unknown product"] } } });
  });
});

describe("placing orders through Redis", () => {
  it("a retry whose Redis claim was lost (the first process died after writing) replays the order, never a 500", async () => {
    const p = await createProduct({ units: 5 });
    const [b] = await createBuyers(1);
    const key = randomUUID();
    const first = await buy(b, p.id, 1, key);
    expect(first.status).toBe(201);
    await stockGate().run((s) => s.del(stockKeys.claim(b, key)));
    expect(await buy(b, p.id, 1, key)).toEqual(first);
    expect(await db.order.count({ where: { userId: b } })).toBe(1);
    await expectInvariant(p.id);
  });

  it("when Redis over-states stock, the ledger refuses, Redis is undone, and the buyer hears the truth", async () => {
    const p = await createProduct({ units: 2 });
    const [b1, b2] = await createBuyers(2);
    expect((await buy(b1, p.id, 2)).status).toBe(201);
    // drift: Redis believes 3 units are left
    await stockGate().run((s) => s.run({ name: "x", source: "redis.call('HSET', KEYS[1], 'a', 3)", sha: "0" }, [stockKeys.meta(p.id)], []).catch(() => s.hmget(stockKeys.meta(p.id), ["a"])));
    const answer = await buy(b2, p.id, 1);
    expect(codeOf(answer)).toBe("SOLD_OUT");
    const [a] = await stockGate().run((s) => s.hmget(stockKeys.meta(p.id), ["a"]));
    expect(Number(a)).toBe(3); // undone, not lost: reconciliation repairs the rest
    expect(await db.order.count({ where: { userId: b2 } })).toBe(0);
  });
});
