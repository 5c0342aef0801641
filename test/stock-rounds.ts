// The harness of the stock property tests (lib/stock/*.property.int.test.ts): rounds of concurrent buys and
// steps on the orders they placed — pay, let the hold expire, cancel —, with the stock invariant checked
// after every round. Each test brings its own buys (one product, sizes, replayed keys); the steps are shared.
import fc from "fast-check";
import { beginConfirming, moveOrder } from "@/lib/orders/lifecycle/holds";
import { expectInvariant } from "./stock";

/** A step on the `order`-th order placed so far (modulo how many there are; none yet = nothing happens). */
export type OrderStep = { kind: "pay" | "expire" | "cancel"; order: number };
export type PlacedOrder = { id: string; userId: string };

export const orderStep: fc.Arbitrary<OrderStep> = fc.record({ kind: fc.constantFrom("pay" as const, "expire" as const, "cancel" as const), order: fc.nat(20) });

/** The order a placeOrder answer made (201), or null for a refusal or a failure. */
export function placedOrder(answer: { status: number; body: unknown } | null, userId: string): PlacedOrder | null {
  const id = (answer?.body as { order?: { id: string } } | undefined)?.order?.id;
  return answer?.status === 201 && id ? { id, userId } : null;
}

async function takeStep(step: OrderStep, orders: PlacedOrder[]) {
  const o = orders[step.order % Math.max(orders.length, 1)];
  if (!o) return;
  if (step.kind === "pay") {
    const ok = await beginConfirming(o.id, o.userId).then(() => true, () => false);
    if (ok) await moveOrder(o.id, "CONFIRMING", "PAID");
  } else if (step.kind === "expire") await moveOrder(o.id, "PENDING_PAYMENT", "EXPIRED", "hold expired");
  else await Promise.all([moveOrder(o.id, "PENDING_PAYMENT", "CANCELLED"), moveOrder(o.id, "PAID", "CANCELLED")]);
}

/**
 * Runs each round's actions concurrently — `buy` for the test's own buy actions, the shared steps for the
 * rest — and then checks the invariant of `productId` (docs/architecture.md): per variant, total =
 * available + held + sold, never negative, Redis = PostgreSQL; per buyer and phone, at most `limit`.
 */
export async function playRounds<Buy extends { kind: "buy" }>(
  productId: string,
  limit: number,
  rounds: (Buy | OrderStep)[][],
  buy: (action: Buy) => Promise<PlacedOrder | null>,
): Promise<void> {
  const orders: PlacedOrder[] = [];
  const run = async (a: Buy | OrderStep) => {
    if (a.kind !== "buy") return takeStep(a as OrderStep, orders);
    const placed = await buy(a as Buy);
    // A replayed Idempotency-Key answers with the order it already made: that order counts once.
    if (placed && !orders.some((o) => o.id === placed.id)) orders.push(placed);
  };
  for (const round of rounds) {
    await Promise.all(round.map(run));
    await expectInvariant(productId, { limit });
  }
}
