// Seller-area access rules through the real route handlers: a seller never sees or changes another
// seller's products or orders (404, not 403); buyers get 403, visitors 401; admins see every seller's.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as productRoute from "@/app/api/seller/products/[id]/route";
import * as monitorRoute from "@/app/api/seller/products/[id]/monitor/route";
import * as stockRoute from "@/app/api/seller/products/[id]/stock/route";
import * as productsRoute from "@/app/api/seller/products/route";
import * as orderRoute from "@/app/api/seller/orders/[id]/route";
import * as ordersRoute from "@/app/api/seller/orders/route";
import * as salesRoute from "@/app/api/seller/sales/route";
import { placeOrder } from "@/lib/orders/place/place-order";
import { createProduct } from "@/test/factories";
import { ctx, jsonRequest } from "@/test/http";
import { signedIn, signedInSeller } from "@/test/seller";

async function twoShops() {
  const a = await signedInSeller();
  const b = await signedInSeller();
  const product = await createProduct({ sellerId: a.seller.id, units: 5 });
  const buyer = await signedIn();
  const placed = await placeOrder(buyer.user.id, randomUUID(), { items: [{ productId: product.id, quantity: 1 }] });
  expect(placed.status).toBe(201);
  const orderId = (placed.body as { order: { id: string } }).order.id;
  return { a, b, product, orderId, buyer };
}

const id = (v: string) => ctx({ id: v }) as never;

describe("seller isolation", () => {
  it("another seller gets 404 for every read and write of a product that is not theirs", async () => {
    const { a, b, product } = await twoShops();
    const path = `/api/seller/products/${product.id}`;
    expect((await productRoute.GET(jsonRequest(path, { cookie: a.cookie }), id(product.id))).status).toBe(200);
    expect((await productRoute.GET(jsonRequest(path, { cookie: b.cookie }), id(product.id))).status).toBe(404);
    const patch = await productRoute.PATCH(jsonRequest(path, { method: "PATCH", body: { price: 1000 }, cookie: b.cookie }), id(product.id));
    expect(patch.status).toBe(404);
    expect((await productRoute.DELETE(jsonRequest(path, { method: "DELETE", cookie: b.cookie }), id(product.id))).status).toBe(404);
    expect((await stockRoute.POST(jsonRequest(`${path}/stock`, { body: { add: 5 }, cookie: b.cookie }), id(product.id))).status).toBe(404);
    expect((await monitorRoute.GET(jsonRequest(`${path}/monitor`, { cookie: b.cookie }), id(product.id))).status).toBe(404);
    expect((await productRoute.GET(jsonRequest(`/api/seller/products/x`, { cookie: a.cookie }), id("x"))).status).toBe(404);
    // Nothing changed underneath.
    const mine = await (await productRoute.GET(jsonRequest(path, { cookie: a.cookie }), id(product.id))).json();
    expect(mine.product).toMatchObject({ price: 10_000, status: "ACTIVE", inventory: { total: 5 } });
    const list = await (await productsRoute.GET(jsonRequest("/api/seller/products", { cookie: b.cookie }), ctx() as never)).json();
    expect(list.products).toEqual([]);
  });

  it("another seller gets 404 for an order of someone else's product and never sees it listed", async () => {
    const { a, b, orderId } = await twoShops();
    const own = await orderRoute.GET(jsonRequest(`/api/seller/orders/${orderId}`, { cookie: a.cookie }), id(orderId));
    expect(own.status).toBe(200);
    expect((await own.json()).order).toMatchObject({ id: orderId, status: "PENDING_PAYMENT", subtotal: 10_000 });
    expect((await orderRoute.GET(jsonRequest(`/api/seller/orders/${orderId}`, { cookie: b.cookie }), id(orderId))).status).toBe(404);
    const listA = await (await ordersRoute.GET(jsonRequest("/api/seller/orders", { cookie: a.cookie }), ctx() as never)).json();
    expect(listA.orders.map((o: { id: string }) => o.id)).toEqual([orderId]);
    const listB = await (await ordersRoute.GET(jsonRequest("/api/seller/orders", { cookie: b.cookie }), ctx() as never)).json();
    expect(listB.orders).toEqual([]);
    const sales = await (await salesRoute.GET(jsonRequest("/api/seller/sales?days=7", { cookie: b.cookie }), ctx() as never)).json();
    expect(sales.totals).toEqual({ revenue: 0, units: 0 });
  });

  it("401 signed out, 403 for buyers and cross-origin writes, 400 for bad filters", async () => {
    const { a, product, buyer } = await twoShops();
    expect((await productsRoute.GET(jsonRequest("/api/seller/products"), ctx() as never)).status).toBe(401);
    expect((await productsRoute.GET(jsonRequest("/api/seller/products", { cookie: buyer.cookie }), ctx() as never)).status).toBe(403);
    const evil = jsonRequest(`/api/seller/products/${product.id}/stock`, { body: { add: 1 }, cookie: a.cookie, origin: "https://evil.example" });
    expect((await stockRoute.POST(evil, id(product.id))).status).toBe(403);
    const bad = await ordersRoute.GET(jsonRequest("/api/seller/orders?status=NOPE&from=yesterday", { cookie: a.cookie }), ctx() as never);
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["from", "status"]);
  });

  it("an admin sees every seller's products and orders, or one seller's with ?sellerId", async () => {
    const { a, b, product, orderId } = await twoShops();
    const admin = await signedIn("ADMIN");
    const all = await (await productsRoute.GET(jsonRequest("/api/seller/products", { cookie: admin.cookie }), ctx() as never)).json();
    expect(all.products.map((p: { id: string }) => p.id)).toContain(product.id);
    const onlyB = await (await productsRoute.GET(jsonRequest(`/api/seller/products?sellerId=${b.seller.id}`, { cookie: admin.cookie }), ctx() as never)).json();
    expect(onlyB.products).toEqual([]);
    const order = await orderRoute.GET(jsonRequest(`/api/seller/orders/${orderId}?sellerId=${a.seller.id}`, { cookie: admin.cookie }), id(orderId));
    expect(order.status).toBe(200);
    const unknown = await productsRoute.GET(jsonRequest(`/api/seller/products?sellerId=${randomUUID()}`, { cookie: admin.cookie }), ctx() as never);
    expect(unknown.status).toBe(404);
  });
});
