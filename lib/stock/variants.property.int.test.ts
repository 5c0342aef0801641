// Property (docs/variants.md): random interleavings of buys across a product's sizes — one size or several per
// order — with cancels, expiries and payments, run concurrently against the real PostgreSQL and Redis, never
// sell a size beyond its units nor let a buyer past the product's limit, whatever sizes they spread over.
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, it } from "vitest";
import { beginConfirming, moveOrder } from "@/lib/orders/lifecycle/holds";
import { placeOrder } from "@/lib/orders/place/place-order";
import { createProduct } from "@/test/factories";
import { createBuyers, expectInvariant } from "@/test/stock";

type Action =
  | { kind: "buy"; buyer: number; lines: { size: number; quantity: number }[] }
  | { kind: "pay" | "expire" | "cancel"; order: number };

const SIZES = ["260", "265", "270"];
const action: fc.Arbitrary<Action> = fc.oneof(
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
  fc.record({ kind: fc.constantFrom("pay" as const, "expire" as const, "cancel" as const), order: fc.nat(20) }),
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
          const orders: { id: string; userId: string }[] = [];
          const run = async (a: Action) => {
            if (a.kind === "buy") {
              const items = a.lines.map((l) => ({ productId: p.id, variantId: p.variants[l.size].id, quantity: l.quantity }));
              const ans = await placeOrder(buyers[a.buyer], randomUUID(), { items }).catch(() => null);
              const id = (ans?.body as { order?: { id: string } } | undefined)?.order?.id;
              if (ans?.status === 201 && id) orders.push({ id, userId: buyers[a.buyer] });
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
            // Per size: total = available + held + sold, never negative, Redis = PostgreSQL; per buyer: ≤ limit.
            await expectInvariant(p.id, { limit });
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
