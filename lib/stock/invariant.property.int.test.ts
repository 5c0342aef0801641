// Property: random interleavings of admit (buy), release (cancel), expire and pay across many buyers,
// run concurrently against the real PostgreSQL and Redis, never break the stock invariant (docs/architecture.md)
// — on both stock tiers: the Redis gate, and the PostgreSQL-only mode (STOCK_STORE=postgres).
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, it } from "vitest";
import { placeOrder } from "@/lib/orders/place/place-order";
import { beginConfirming, moveOrder } from "@/lib/orders/lifecycle/holds";
import { createProduct } from "@/test/factories";
import { createBuyers, expectInvariant, stockTiers, useStockTier } from "@/test/stock";

type Action =
  | { kind: "buy"; buyer: number; quantity: number; replay: boolean }
  | { kind: "pay" | "expire" | "cancel"; order: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("buy" as const), buyer: fc.nat(5), quantity: fc.integer({ min: 1, max: 3 }), replay: fc.boolean() }) },
  fc.record({ kind: fc.constantFrom("pay" as const, "expire" as const, "cancel" as const), order: fc.nat(20) }),
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
          const orders: { id: string; userId: string }[] = [];
          const lastKey = new Map<number, string>();
          const run = async (a: Action) => {
            if (a.kind === "buy") {
              const key = a.replay && lastKey.has(a.buyer) ? lastKey.get(a.buyer)! : randomUUID();
              lastKey.set(a.buyer, key);
              const ans = await placeOrder(buyers[a.buyer], key, { items: [{ productId: p.id, quantity: a.quantity }] }).catch(() => null);
              const id = (ans?.body as { order?: { id: string } } | undefined)?.order?.id;
              if (ans?.status === 201 && id && !orders.some((o) => o.id === id)) orders.push({ id, userId: buyers[a.buyer] });
              return;
            }
            const o = orders[a.order % Math.max(orders.length, 1)];
            if (!o) return;
            if (a.kind === "pay") {
              const ok = await beginConfirming(o.id, o.userId).then(() => true, () => false);
              if (ok) await moveOrder(o.id, "CONFIRMING", "PAID");
            } else if (a.kind === "expire") await moveOrder(o.id, "PENDING_PAYMENT", "EXPIRED", "hold expired");
            else await Promise.all([moveOrder(o.id, "PENDING_PAYMENT", "CANCELLED"), moveOrder(o.id, "PAID", "CANCELLED")]);
          };
          for (const round of rounds) {
            await Promise.all(round.map(run));
            await expectInvariant(p.id, { limit });
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
