// Sizes through the real stack (docs/variants.md): real Redis and PostgreSQL, placeOrder as POST /api/orders
// runs it. Each size sells its own units and never more, the per-buyer limit spans the sizes (limit 1 = one
// pair), a size restocked mid-drop sells again at once, and the PostgreSQL-only path keeps the same rules.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { placeOrder } from "@/lib/orders/place/place-order";
import { restockProduct } from "@/lib/seller/service";
import { createProduct } from "@/test/factories";
import { concurrently, createBuyers, expectInvariant } from "@/test/stock";
import { StockGate, stockGate } from "./gate";
import { getLiveStock } from "./live";
import { createStockRedis, IoredisStore } from "./store";

type Answer = { status: number; body: unknown };
const codeOf = (a: Answer) => (a.body as { error?: { code?: string } }).error?.code;
const buy = (userId: string, productId: string, lines: { variantId?: string; quantity: number }[], gate?: StockGate) =>
  placeOrder(userId, randomUUID(), { items: lines.map((l) => ({ productId, ...l })) }, gate);

/** A gate whose Redis never answers: every admission falls back to PostgreSQL alone. */
const deadGate = new StockGate(new IoredisStore(createStockRedis("redis://127.0.0.1:1")), { volumeThreshold: 1 });
afterAll(() => deadGate.close());

const sizeRun = () =>
  createProduct({ type: "LIMITED", perBuyerLimit: 1, sizes: { units: { "250": 3, "260": 5, "270": 1 }, priceDelta: { "270": 10_000 } } });

describe("sizes", () => {
  it.each([["Redis", () => stockGate()], ["PostgreSQL only", () => deadGate]])(
    "never oversell a size under concurrency (%s), and the limit spans sizes",
    async (_tier, gateOf) => {
      const p = await sizeRun();
      const [s250, s260, s270] = p.variants;
      const buyers = await createBuyers(45);
      // Every buyer wants one pair; the crowd prefers 270 (one unit) and 260, as a crowd does.
      const wants = buyers.map((_, i) => [s270, s260, s270, s250, s260][i % 5]);
      const answers = await concurrently(buyers, 15, (b, i) => buy(b, p.id, [{ variantId: wants[i].id, quantity: 1 }], gateOf()));
      const won = (v: { id: string }) => answers.filter((a, i) => a.status === 201 && wants[i].id === v.id).length;
      expect([won(s250), won(s260), won(s270)]).toEqual([3, 5, 1]);
      expect(answers.filter((a) => a.status !== 201).every((a) => a.status === 409 && codeOf(a) === "SOLD_OUT")).toBe(true);
      await expectInvariant(p.id, { limit: 1, redisQuiet: gateOf() !== deadGate });
    },
    60_000,
  );

  it.each([["Redis", () => stockGate()], ["PostgreSQL only", () => deadGate]])("one pair per buyer, whatever the size (%s)", async (_tier, gateOf) => {
    const p = await sizeRun();
    const [s250, s260] = p.variants;
    const [a, b] = await createBuyers(2);
    expect((await buy(a, p.id, [{ variantId: s250.id, quantity: 1 }], gateOf())).status).toBe(201);
    const second = await buy(a, p.id, [{ variantId: s260.id, quantity: 1 }], gateOf());
    expect([second.status, codeOf(second)]).toEqual([409, "LIMIT_EXCEEDED"]);
    // Two sizes in one order are two pairs of one product.
    const both = await buy(b, p.id, [{ variantId: s250.id, quantity: 1 }, { variantId: s260.id, quantity: 1 }], gateOf());
    expect([both.status, codeOf(both)]).toEqual([409, "LIMIT_EXCEEDED"]);
    await expectInvariant(p.id, { limit: 1, redisQuiet: gateOf() !== deadGate });
  });

  it("a size restocked mid-drop sells again at once; the other sizes are untouched", async () => {
    const p = await sizeRun();
    const [, , s270] = p.variants;
    const buyers = await createBuyers(4);
    expect((await buy(buyers[0], p.id, [{ variantId: s270.id, quantity: 1 }])).status).toBe(201);
    expect(codeOf(await buy(buyers[1], p.id, [{ variantId: s270.id, quantity: 1 }]))).toBe("SOLD_OUT");
    const before = await getLiveStock(p.id);
    expect(before?.variants.find((v) => v.id === s270.id)).toEqual({ id: s270.id, available: 0, total: 1 });
    const res = await restockProduct({ sellerId: p.sellerId, isAdmin: false }, p.id, 2, s270.id);
    expect(res.variant).toEqual({ id: s270.id, total: 3, available: 2 });
    const after = await Promise.all(buyers.slice(1).map((b) => buy(b, p.id, [{ variantId: s270.id, quantity: 1 }])));
    expect(after.map((a) => a.status).sort()).toEqual([201, 201, 409]);
    const live = await getLiveStock(p.id);
    expect(live?.variants).toEqual(expect.arrayContaining([{ id: s270.id, available: 0, total: 3 }, { id: p.variants[0].id, available: 3, total: 3 }]));
    expect(live?.available).toBe(3 + 5);
    await expectInvariant(p.id, { limit: 1 });
  });

  it("prices a size at the product's price plus its difference, and snapshots it on the order", async () => {
    const p = await sizeRun();
    const [buyer] = await createBuyers(1);
    const a = await buy(buyer, p.id, [{ variantId: p.variants[2].id, quantity: 1 }]);
    expect(a.status).toBe(201);
    const { db } = await import("@/lib/db");
    const item = await db.orderItem.findFirstOrThrow({ where: { productId: p.id } });
    expect(item).toMatchObject({ variantId: p.variants[2].id, unitPrice: p.price + 10_000, variantLabel: "사이즈 270", sku: "SZ-270" });
  });

  it.each([["Redis", () => stockGate()], ["PostgreSQL only", () => deadGate]])("asks for a size when none or another product's is given (%s)", async (_t, gateOf) => {
    const p = await sizeRun();
    const other = await sizeRun();
    const [buyer] = await createBuyers(1);
    const none = await buy(buyer, p.id, [{ quantity: 1 }], gateOf());
    expect([none.status, none.body]).toMatchObject([422, { error: { fields: { "items.0.variantId": ["Choose an option"] } } }]);
    const wrong = await buy(buyer, p.id, [{ variantId: other.variants[0].id, quantity: 1 }], gateOf());
    expect([wrong.status, wrong.body]).toMatchObject([422, { error: { fields: { "items.0.variantId": ["Unknown variant"] } } }]);
    await expectInvariant(p.id, { redisQuiet: gateOf() !== deadGate });
  });

  it("a product without options keeps working with no variant named, and hides its implicit variant", async () => {
    const p = await createProduct({ units: 2 });
    const [buyer] = await createBuyers(1);
    expect((await buy(buyer, p.id, [{ quantity: 2 }])).status).toBe(201);
    expect(codeOf(await buy(buyer, p.id, [{ quantity: 1 }]))).toBe("SOLD_OUT");
    expect((await getLiveStock(p.id))?.variants).toEqual([]);
    await expectInvariant(p.id);
  });
});
