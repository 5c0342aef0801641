// Property: random interleavings of admit (buy), release (cancel), expire and pay across many buyers,
// run concurrently against the real PostgreSQL and Redis, never break the stock invariant (docs/architecture.md)
// — on both stock tiers: the Redis gate, and the PostgreSQL-only mode (STOCK_STORE=postgres).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, it } from "vitest";
import { placeOrder } from "@/lib/orders/place/place-order";
import { createProduct } from "@/test/factories";
import { createBuyers, stockTiers, useStockTier } from "@/test/stock";
import { orderStep, placedOrder, playRounds, type OrderStep } from "@/test/stock-rounds";

type Buy = { kind: "buy"; buyer: number; quantity: number; replay: boolean };

const action: fc.Arbitrary<Buy | OrderStep> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("buy" as const), buyer: fc.nat(5), quantity: fc.integer({ min: 1, max: 3 }), replay: fc.boolean() }) },
  orderStep,
);

describe.each(stockTiers)("stock invariant under random interleavings (%s tier)", (tier) => {
  useStockTier(tier);

  it("holds after every round of concurrent actions", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.array(action, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
        async (units, limit, rounds) => {
          const p = await createProduct({ type: "LIMITED", units, perBuyerLimit: limit });
          const buyers = await createBuyers(6);
          const lastKey = new Map<number, string>();
          await playRounds(p.id, limit, rounds, async (a: Buy) => {
            const key = a.replay && lastKey.has(a.buyer) ? lastKey.get(a.buyer)! : randomUUID();
            lastKey.set(a.buyer, key);
            const answer = await placeOrder(buyers[a.buyer], key, { items: [{ productId: p.id, quantity: a.quantity }] }).catch(() => null);
            return placedOrder(answer, buyers[a.buyer]);
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});
