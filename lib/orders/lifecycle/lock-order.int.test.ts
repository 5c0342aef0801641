// A release (expiry, cancellation, failed payment, return) and a new order of the same buyer lock the same
// rows — the buyer's and phone's counters, the variant, the product's sum. They must take them in one order,
// or the two transactions can deadlock and PostgreSQL aborts one of them (a failed expiry, a refused buy).
// The new order is paused with its counter row locked, as the ledger statement holds it before it reaches
// the variant; the release must then wait for it holding nothing the statement still needs.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import { createProduct } from "@/test/factories";
import { blockedBy } from "@/test/locks";
import { createBuyers } from "@/test/stock";
import { recordOrder } from "../ledger/ledger";
import { newOrderId } from "../place/place-order";
import { moveOrder } from "./holds";

const input = (userId: string, productId: string, phoneHash: string) => ({
  orderId: newOrderId(), userId, idempotencyKey: randomUUID(), requestHash: "h", lines: [{ productId, quantity: 1 }], phoneHash,
});

type Rows = { buyer: string; productId: string; phone: string };

describe("a release racing the same buyer's next order", () => {
  it.each([
    // The same account orders again: the release waits on the account's counter.
    ["the same account", false, (tx: Tx, r: Rows) => tx.$queryRaw`SELECT 1 FROM "PurchaseCounter" WHERE "userId" = ${r.buyer}::uuid AND "productId" = ${r.productId}::uuid FOR UPDATE`, `UPDATE "PurchaseCounter"`],
    // Another account with the same verified phone orders: the release waits on the phone's counter.
    ["another account on the same phone", true, (tx: Tx, r: Rows) => tx.$queryRaw`SELECT 1 FROM "PhonePurchaseCounter" WHERE "phoneHash" = ${r.phone} AND "productId" = ${r.productId}::uuid FOR UPDATE`, `UPDATE "PhonePurchaseCounter"`],
  ] as const)("by %s: the release waits and both commit, without a deadlock", async (_, otherAccount, lock, waitsOn) => {
    const p = await createProduct({ units: 5, perBuyerLimit: 3 });
    const [buyer, other] = await createBuyers(2);
    const next = otherAccount ? other : buyer;
    const phone = `ph-${randomUUID()}`;
    const first = await recordOrder(db, input(buyer, p.id, phone));
    let released: Promise<{ ok: boolean } | { error: unknown }> | undefined;
    const second = await db.$transaction(async (tx) => {
      const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      await lock(tx, { buyer, productId: p.id, phone });
      // Settled at once, so a failure while this transaction still runs is not an unhandled rejection.
      released = moveOrder(first.id, "PENDING_PAYMENT", "EXPIRED", "hold expired").then((ok) => ({ ok }), (error: unknown) => ({ error }));
      await blockedBy(pid, waitsOn);
      return recordOrder(tx, input(next, p.id, phone));
    }, { timeout: 30_000 });
    expect(await released).toEqual({ ok: true });
    expect((await db.order.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("EXPIRED");
    expect((await db.order.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("PENDING_PAYMENT");
    expect((await db.inventory.findUniqueOrThrow({ where: { productId: p.id } })).available).toBe(4);
    expect((await db.productVariant.findUniqueOrThrow({ where: { id: p.variants[0].id } })).available).toBe(4);
    const counter = async (userId: string) => (await db.purchaseCounter.findFirst({ where: { userId, productId: p.id } }))?.quantity ?? 0;
    expect([await counter(buyer), await counter(other)]).toEqual(otherAccount ? [0, 1] : [1, 0]);
    expect((await db.phonePurchaseCounter.findFirstOrThrow({ where: { phoneHash: phone, productId: p.id } })).quantity).toBe(1);
  });
});
