// Products and drops through the real route handlers, PostgreSQL and Redis: invalid drops are refused with
// field errors, restocks during a live drop keep the stock invariant, a price change leaves orders alone.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as productRoute from "@/app/api/seller/products/[id]/route";
import * as stockRoute from "@/app/api/seller/products/[id]/stock/route";
import * as productsRoute from "@/app/api/seller/products/route";
import { db } from "@/lib/db";
import { placeOrder } from "@/lib/orders/place/place-order";
import { stockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { getLiveStock } from "@/lib/stock/live";
import { createCategory, createProduct } from "@/test/factories";
import { ctx, jsonRequest } from "@/test/http";
import { inSeconds, signedInSeller } from "@/test/seller";
import { createBuyers, expectInvariant } from "@/test/stock";

const id = (v: string) => ctx({ id: v }) as never;
const create = (cookie: string, body: unknown) => productsRoute.POST(jsonRequest("/api/seller/products", { body, cookie }), ctx() as never);
const patch = (cookie: string, productId: string, body: unknown) =>
  productRoute.PATCH(jsonRequest(`/api/seller/products/${productId}`, { method: "PATCH", body, cookie }), id(productId));
const restock = (cookie: string, productId: string, add: unknown) =>
  stockRoute.POST(jsonRequest(`/api/seller/products/${productId}/stock`, { body: { add }, cookie }), id(productId));
const fields = async (res: Response) => (await res.json()).error.fields as Record<string, string[]>;
const buy = (userId: string, productId: string, quantity = 1) => placeOrder(userId, randomUUID(), { items: [{ productId, quantity }] });

async function drop(overrides: Record<string, unknown> = {}) {
  const { seller, cookie } = await signedInSeller();
  const category = await createCategory();
  const body = {
    name: "한정판 스니커즈", description: "딱 100켤레", price: 129_000, categoryId: category.id, type: "LIMITED",
    units: 10, saleStartsAt: inSeconds(3600), perBuyerLimit: 2, ...overrides,
  };
  return { seller, cookie, category, body };
}

describe("creating drops", () => {
  it("creates a limited product with its inventory; it is not on sale before it opens", async () => {
    const { cookie, body } = await drop();
    const res = await create(cookie, body);
    expect(res.status).toBe(201);
    const { product } = await res.json();
    expect(product).toMatchObject({ type: "LIMITED", price: 129_000, perBuyerLimit: 2, inventory: { total: 10, available: 10 } });
    const [b] = await createBuyers(1);
    expect((await buy(b, product.id)).status).toBe(409);
    expect((await getLiveStock(product.id))?.state).toBe("upcoming");
  });

  it("refuses an opening in the past, a limit of 0, an end before the opening, and missing drop fields", async () => {
    const { cookie, body } = await drop();
    const past = await create(cookie, { ...body, saleStartsAt: inSeconds(-60) });
    expect(past.status).toBe(422);
    expect(await fields(past)).toEqual({ saleStartsAt: ["opens_in_past"] });
    // Every problem in one answer: a past opening is reported beside the others, not on a second submit.
    const many = await create(cookie, { ...body, name: "", price: 5, saleStartsAt: inSeconds(-60) });
    expect(await fields(many)).toEqual({ name: ["required"], price: ["price_min"], saleStartsAt: ["opens_in_past"] });
    const zero = await create(cookie, { ...body, perBuyerLimit: 0 });
    expect(zero.status).toBe(422);
    expect(await fields(zero)).toEqual({ perBuyerLimit: ["limit_min"] });
    const ends = await create(cookie, { ...body, saleEndsAt: inSeconds(60) });
    expect(await fields(ends)).toEqual({ saleEndsAt: ["ends_before_start"] });
    const bare = await create(cookie, { ...body, saleStartsAt: undefined, perBuyerLimit: undefined, units: 0 });
    expect(await fields(bare)).toEqual({ saleStartsAt: ["required"], perBuyerLimit: ["required"], units: ["units_min"] });
    expect(await fields(await create(cookie, { ...body, price: 5.5, name: " " }))).toEqual({ price: ["whole_number"], name: ["required"] });
    const unknownCategory = await create(cookie, { ...body, categoryId: randomUUID() });
    expect(await fields(unknownCategory)).toEqual({ categoryId: ["unknown_category"] });
    const notJson = await productsRoute.POST(new Request("http://localhost:3000/api/seller/products", { method: "POST", body: "{", headers: { cookie, origin: "http://localhost:3000" } }), ctx() as never);
    expect(notJson.status).toBe(400);
  });

  it("rescheduling must stay in the future; units can never go below what is held or sold", async () => {
    const { seller, cookie } = await drop();
    const p = await createProduct({ sellerId: seller.id, units: 5, type: "LIMITED", perBuyerLimit: 3, saleStartsAt: new Date(Date.now() - 1000) });
    const [b1, b2] = await createBuyers(2);
    expect((await buy(b1, p.id, 2)).status).toBe(201);
    expect((await buy(b2, p.id, 1)).status).toBe(201);
    const past = await patch(cookie, p.id, { saleStartsAt: inSeconds(-10) });
    expect(await fields(past)).toEqual({ saleStartsAt: ["opens_in_past"] });
    const below = await patch(cookie, p.id, { units: 2 });
    expect(below.status).toBe(422);
    expect(await fields(below)).toEqual({ units: ["units_below_committed"] });
    expect((await patch(cookie, p.id, { perBuyerLimit: 0 })).status).toBe(422);
    expect((await restock(cookie, p.id, 0)).status).toBe(422);
    // Exactly what is held or sold is allowed: nothing left to sell, in PostgreSQL and in Redis.
    const exact = await patch(cookie, p.id, { units: 3 });
    expect(exact.status).toBe(200);
    expect((await exact.json()).product.inventory).toMatchObject({ total: 3, available: 0 });
    const [b3] = await createBuyers(1);
    expect((await buy(b3, p.id)).status).toBe(409);
    await expectInvariant(p.id, { buyers: [b1, b2, b3] });
  });

  it("a new limit and an archive reach the admission gate at once", async () => {
    const { seller, cookie } = await drop();
    const p = await createProduct({ sellerId: seller.id, units: 10 });
    const [b] = await createBuyers(1);
    expect((await buy(b, p.id)).status).toBe(201); // loads the keys into Redis
    expect((await patch(cookie, p.id, { perBuyerLimit: 1 })).status).toBe(200);
    const limited = await buy(b, p.id);
    expect(limited.status).toBe(409);
    expect((limited.body as { error: { code: string } }).error.code).toBe("LIMIT_EXCEEDED");
    const res = await productRoute.DELETE(jsonRequest(`/api/seller/products/${p.id}`, { method: "DELETE", cookie }), id(p.id));
    expect((await res.json()).product.status).toBe("ARCHIVED");
    const [other] = await createBuyers(1);
    expect((await buy(other, p.id)).status).toBe(422);
    expect((await patch(cookie, p.id, { status: "ACTIVE" })).status).toBe(200);
    expect((await buy(other, p.id)).status).toBe(201);
    await expectInvariant(p.id, { buyers: [b, other] });
  });
});

describe("restock", () => {
  it("during a live drop keeps PG available + held + sold = total, and Redis = PG once quiet", async () => {
    const { seller, cookie } = await drop();
    const p = await createProduct({ sellerId: seller.id, units: 20, type: "LIMITED", perBuyerLimit: 2, saleStartsAt: new Date(Date.now() - 1000) });
    const buyers = await createBuyers(40);
    const orders = buyers.map((b) => buy(b, p.id, 1 + (b.charCodeAt(0) % 2)));
    const restocks = [5, 7, 3].map((n) => restock(cookie, p.id, n));
    const [answers, restocked] = await Promise.all([Promise.all(orders), Promise.all(restocks)]);
    expect(restocked.map((r) => r.status)).toEqual([200, 200, 200]);
    // 503 is the ledger's bounded queue saying "retry" on a busy machine: refused whole, nothing held.
    expect(answers.every((a) => [201, 409, 503].includes(a.status))).toBe(true);
    const f = await expectInvariant(p.id, { limit: 2, buyers });
    expect(f.total).toBe(35);
    // Units are sold until the restocked stock runs out — the last restock is sellable at once.
    const more = await createBuyers(40);
    for (const b of more) await buy(b, p.id, 1);
    const after = await expectInvariant(p.id, { limit: 2, buyers: [...buyers, ...more] });
    expect(after.available).toBe(0);
    expect(after.held).toBe(35);
    const [a] = await stockGate().run((s) => s.hmget(stockKeys.meta(p.id), ["a", "t"]));
    expect(Number(a)).toBe(0);
  });

  it("a restock of a product whose keys are not loaded lands in PostgreSQL and loads from there", async () => {
    const { seller, cookie } = await drop();
    const p = await createProduct({ sellerId: seller.id, units: 1 });
    const res = await restock(cookie, p.id, 4);
    expect(await res.json()).toEqual({ inventory: { total: 5, available: 5, variant: null } });
    expect((await getLiveStock(p.id))?.available).toBe(5);
  });
});

describe("price changes", () => {
  it("never change existing orders: items keep their price snapshot, orders their amount", async () => {
    const { seller, cookie } = await drop();
    const p = await createProduct({ sellerId: seller.id, units: 5, price: 50_000 });
    const [b] = await createBuyers(1);
    const placed = await buy(b, p.id, 2);
    const orderId = (placed.body as { order: { id: string } }).order.id;
    expect((await patch(cookie, p.id, { price: 99_000, name: "새 이름" })).status).toBe(200);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: true } });
    expect(order.amount).toBe(100_000);
    expect(order.items).toEqual([expect.objectContaining({ unitPrice: 50_000, quantity: 2, name: expect.not.stringContaining("새 이름") })]);
    const [b2] = await createBuyers(1);
    const later = await buy(b2, p.id, 1);
    expect((later.body as { order: { amount: number } }).order.amount).toBe(99_000);
  });
});
