// Property (docs/variants.md): random interleavings of buys across a product's sizes — one size or several per
// order — with cancels, expiries and payments, run concurrently against the real PostgreSQL and Redis, never
// sell a size beyond its units nor let a buyer past the product's limit, whatever sizes they spread over.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, it } from "vitest";
import { placeOrder } from "@/lib/orders/place/place-order";
import { createProduct } from "@/test/factories";
import { createBuyers } from "@/test/stock";
import { orderStep, placedOrder, playRounds, type OrderStep } from "@/test/stock-rounds";

type Buy = { kind: "buy"; buyer: number; lines: { size: number; quantity: number }[] };

const SIZES = ["260", "265", "270"];
const action: fc.Arbitrary<Buy | OrderStep> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("buy" as const),
      buyer: fc.nat(4),
      lines: fc.uniqueArray(fc.record({ size: fc.nat(SIZES.length - 1), quantity: fc.integer({ min: 1, max: 2 }) }), {
        minLength: 1, maxLength: 2, selector: (l) => l.size,
      }),
    }),
  },
  orderStep,
);

describe("per-size stock under random interleavings", () => {
  it("never oversells a size nor exceeds the product-wide limit", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: SIZES.length, maxLength: SIZES.length }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.array(action, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        async (units, limit, rounds) => {
          const p = await createProduct({ type: "LIMITED", perBuyerLimit: limit, sizes: { units: Object.fromEntries(SIZES.map((s, i) => [s, units[i]])) } });
          const buyers = await createBuyers(5);
          // Per size: total = available + held + sold, never negative, Redis = PostgreSQL; per buyer: ≤ limit.
          await playRounds(p.id, limit, rounds, async (a: Buy) => {
            const items = a.lines.map((l) => ({ productId: p.id, variantId: p.variants[l.size].id, quantity: l.quantity }));
            return placedOrder(await placeOrder(buyers[a.buyer], randomUUID(), { items }).catch(() => null), buyers[a.buyer]);
          });
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
