// The ledger statement on its own (no Redis in front): each guard refuses with the right code, and a
// refused statement leaves nothing behind — no order, no counter, no units taken, no cart lines consumed.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encrypt, decrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { createProduct } from "@/test/factories";
import { createBuyers } from "@/test/stock";
import { LedgerRejected, recordOrder, recordOrders } from "./ledger";
import { newOrderId } from "../place/place-order";

const input = (userId: string, lines: { productId: string; quantity: number }[], extra: Partial<Parameters<typeof recordOrder>[1]> = {}) => ({
  orderId: newOrderId(), userId, idempotencyKey: randomUUID(), requestHash: "h", lines, ...extra,
});
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof LedgerRejected ? `${e.code}:${e.productId}` : e));

async function nothingWritten(userId: string, productIds: string[], units: number[]) {
  expect(await db.order.count({ where: { userId } })).toBe(0);
  expect(await db.purchaseCounter.count({ where: { userId } })).toBe(0);
  expect(await db.idempotencyRecord.count({ where: { userId } })).toBe(0);
  for (const [i, productId] of productIds.entries()) {
    expect((await db.inventory.findUniqueOrThrow({ where: { productId } })).available).toBe(units[i]);
  }
}

describe("the ledger statement", () => {
  it("writes the order, its items, counter, units, outbox and idempotency record at the server's price", async () => {
    const p = await createProduct({ units: 5, price: 12_345 });
    const [buyer] = await createBuyers(1);
    const placed = await recordOrder(db, input(buyer, [{ productId: p.id, quantity: 2 }]));
    expect(placed.amount).toBe(24_690);
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.id }, include: { items: true, events: true } });
    expect(order.status).toBe("PENDING_PAYMENT");
    expect(order.items).toMatchObject([{ productId: p.id, unitPrice: 12_345, quantity: 2 }]);
    expect(order.events).toHaveLength(1);
    expect((await db.inventory.findUniqueOrThrow({ where: { productId: p.id } })).available).toBe(3);
    expect((await db.purchaseCounter.findFirstOrThrow({ where: { userId: buyer, productId: p.id } })).quantity).toBe(2);
    expect(await db.outboxEvent.count({ where: { topic: "order-created", payload: { path: ["orderId"], equals: placed.id } } })).toBe(1);
  });

  it("refuses SOLD_OUT, LIMIT_EXCEEDED, NOT_OPEN and ENDED, and a refusal writes nothing", async () => {
    const few = await createProduct({ units: 1 });
    const limited = await createProduct({ units: 10, perBuyerLimit: 1 });
    const later = await createProduct({ units: 10, saleStartsAt: new Date(Date.now() + 3_600_000) });
    const over = await createProduct({ units: 10, saleEndsAt: new Date(Date.now() - 1_000) });
    const [buyer] = await createBuyers(1);
    expect(await refusal(recordOrder(db, input(buyer, [{ productId: few.id, quantity: 2 }])))).toBe(`SOLD_OUT:${few.id}`);
    expect(await refusal(recordOrder(db, input(buyer, [{ productId: limited.id, quantity: 2 }])))).toBe(`LIMIT_EXCEEDED:${limited.id}`);
    expect(await refusal(recordOrder(db, input(buyer, [{ productId: later.id, quantity: 1 }])))).toBe(`NOT_OPEN:${later.id}`);
    expect(await refusal(recordOrder(db, input(buyer, [{ productId: over.id, quantity: 1 }])))).toBe(`ENDED:${over.id}`);
    await nothingWritten(buyer, [few.id, limited.id, later.id, over.id], [1, 10, 10, 10]);
  });

  it("is all or nothing across lines, and consumes cart lines only when the order commits", async () => {
    const ok = await createProduct({ units: 5 });
    const gone = await createProduct({ units: 0 });
    const [buyer] = await createBuyers(1);
    const cart = await db.cart.create({ data: { userId: buyer, items: { create: [{ productId: ok.id, variantId: ok.variants[0].id, quantity: 1 }, { productId: gone.id, variantId: gone.variants[0].id, quantity: 1 }] } }, include: { items: true } });
    const cartItemIds = cart.items.map((i) => i.id);
    const lines = [{ productId: ok.id, quantity: 1 }, { productId: gone.id, quantity: 1 }];
    expect(await refusal(recordOrder(db, input(buyer, lines, { consume: { cartItemIds } })))).toBe(`SOLD_OUT:${gone.id}`);
    await nothingWritten(buyer, [ok.id, gone.id], [5, 0]);
    expect(await db.cartItem.count({ where: { cartId: cart.id } })).toBe(2);

    const placed = await recordOrder(db, input(buyer, [lines[0]], { consume: { cartItemIds: [cartItemIds[0]] } }));
    expect(placed.status).toBe("PENDING_PAYMENT");
    expect(await db.cartItem.findMany({ where: { cartId: cart.id }, select: { id: true } })).toEqual([{ id: cartItemIds[1] }]);
  });

  it("copies the profile's encrypted address when asked, and prefers a given one", async () => {
    const p = await createProduct({ units: 5 });
    const [buyer] = await createBuyers(1);
    await db.user.update({ where: { id: buyer }, data: { addressEnc: encrypt("서울시 중구 세종대로 110") } });
    const fromProfile = await recordOrder(db, input(buyer, [{ productId: p.id, quantity: 1 }], { profileAddress: true }));
    const given = await recordOrder(db, input(buyer, [{ productId: p.id, quantity: 1 }], { shippingAddressEnc: encrypt("부산시 해운대구"), profileAddress: true }));
    const none = await recordOrder(db, input(buyer, [{ productId: p.id, quantity: 1 }]));
    const addressOf = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id } })).shippingAddressEnc;
    expect(decrypt((await addressOf(fromProfile.id))!)).toBe("서울시 중구 세종대로 110");
    expect(decrypt((await addressOf(given.id))!)).toBe("부산시 해운대구");
    expect(await addressOf(none.id)).toBeNull();
  });

  it("writes a batch of orders in one statement, or none of them when any is refused", async () => {
    const p = await createProduct({ units: 5, perBuyerLimit: 2 });
    const buyers = await createBuyers(4);
    const placed = await recordOrders(db, buyers.slice(0, 3).map((b) => input(b, [{ productId: p.id, quantity: 1 }])));
    expect(new Set(placed.map((o) => o.id)).size).toBe(3);
    expect((await db.inventory.findUniqueOrThrow({ where: { productId: p.id } })).available).toBe(2);
    expect(await db.order.count({ where: { id: { in: placed.map((o) => o.id) } } })).toBe(3);

    // 2 units left: a batch asking for 3 is refused as a whole.
    const tooMany = [input(buyers[3], [{ productId: p.id, quantity: 2 }]), input(buyers[0], [{ productId: p.id, quantity: 1 }])];
    await expect(recordOrders(db, tooMany)).rejects.toThrow(/ledger_refused:SOLD_OUT/);
    expect((await db.inventory.findUniqueOrThrow({ where: { productId: p.id } })).available).toBe(2);
    expect(await db.order.count({ where: { userId: buyers[3] } })).toBe(0);
    expect((await db.purchaseCounter.findFirstOrThrow({ where: { userId: buyers[0], productId: p.id } })).quantity).toBe(1);
  });
});
