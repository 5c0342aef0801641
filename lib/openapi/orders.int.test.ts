// Real answers of the order and payment routes (PostgreSQL, Redis, sessions, the Toss-compatible server
// over HTTP) held against the OpenAPI document: each route's success and at least one of its errors,
// with no field the document does not describe (test/openapi.ts).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as orderRoute from "@/app/api/orders/[id]/route";
import * as cancelRoute from "@/app/api/orders/[id]/cancel/route";
import * as returnRoute from "@/app/api/orders/[id]/return/route";
import * as ordersRoute from "@/app/api/orders/route";
import * as confirmRoute from "@/app/api/payments/confirm/route";
import * as webhookRoute from "@/app/api/webhooks/toss/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { transition } from "@/lib/orders/lifecycle/transitions";
import { createProduct } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { checkAnswer, expectConforms } from "@/test/openapi";
import { markPaid, placeTestOrder } from "@/test/orders";
import { fakeTossForFile, payInWindow, pendingOrder } from "@/test/payments";
import { createBuyers } from "@/test/stock";
import { openApiDocument } from "./document";

const doc = openApiDocument();
const check = (path: string, method: string, res: Response) => checkAnswer(doc, path, method, res);

async function buyer() {
  const [id] = await createBuyers(1);
  return { id, cookie: cookieHeader(await mintSessionCookie(id)) };
}

const fake = await fakeTossForFile();

describe("orders", () => {
  it("POST /api/orders: 201 placed, 409 refusal with productId, 422 without an Idempotency-Key", async () => {
    const b = await buyer();
    const product = await createProduct({ units: 1, price: 15_000 });
    const post = (key: string | null) =>
      ordersRoute.POST(jsonRequest("/api/orders", { body: { items: [{ productId: product.id, quantity: 1 }] }, cookie: b.cookie, headers: key ? { "idempotency-key": key } : {} }), ctx() as never);
    const placed = await check("/api/orders", "POST", await post(randomUUID()));
    expectConforms(placed, 201);
    expect(placed.body.order).toMatchObject({ status: "PENDING_PAYMENT", amount: 15_000 });
    const refused = await check("/api/orders", "POST", await post(randomUUID()));
    expectConforms(refused, 409);
    expect(refused.body.error).toMatchObject({ code: "SOLD_OUT", productId: product.id });
    const noKey = await check("/api/orders", "POST", await post(null));
    expectConforms(noKey, 422);
    expect(Object.keys(noKey.body.error.fields)).toEqual(["idempotency-key"]);
  });

  it("GET /api/orders and /api/orders/{id}: 200 for one's own, 400 for a bad page, 404 for anyone else's", async () => {
    const b = await buyer();
    const product = await createProduct({ price: 7_000 });
    const orderId = await placeTestOrder(b.id, [{ productId: product.id, quantity: 2 }]);
    const list = await check("/api/orders", "GET", await ordersRoute.GET(jsonRequest("/api/orders?pageSize=5", { cookie: b.cookie }), ctx() as never));
    expectConforms(list, 200);
    expect(list.body.orders[0]).toMatchObject({ id: orderId, amount: 14_000, itemCount: 1 });
    expectConforms(await check("/api/orders", "GET", await ordersRoute.GET(jsonRequest("/api/orders?page=0", { cookie: b.cookie }), ctx() as never)), 400);

    const one = await check("/api/orders/{id}", "GET", await orderRoute.GET(jsonRequest(`/api/orders/${orderId}`, { cookie: b.cookie }), ctx({ id: orderId }) as never));
    expectConforms(one, 200);
    expect(one.body.order).toMatchObject({ id: orderId, actions: { cancel: true } });
    const stranger = await buyer();
    expectConforms(await check("/api/orders/{id}", "GET", await orderRoute.GET(jsonRequest(`/api/orders/${orderId}`, { cookie: stranger.cookie }), ctx({ id: orderId }) as never)), 404);
    expectConforms(await check("/api/orders/{id}", "GET", await orderRoute.GET(jsonRequest(`/api/orders/${orderId}`), ctx({ id: orderId }) as never)), 401);
  });

  it("POST cancel: 200 with the cancelled order, then 409 INVALID_TRANSITION; return: 200 once delivered, 409 before", async () => {
    const b = await buyer();
    const product = await createProduct();
    const cancel = (id: string) => cancelRoute.POST(jsonRequest(`/api/orders/${id}/cancel`, { method: "POST", cookie: b.cookie }), ctx({ id }) as never);
    const giveBack = (id: string) => returnRoute.POST(jsonRequest(`/api/orders/${id}/return`, { method: "POST", body: { reason: "너무 커요" }, cookie: b.cookie }), ctx({ id }) as never);

    const first = await placeTestOrder(b.id, [{ productId: product.id, quantity: 1 }]);
    const early = await check("/api/orders/{id}/return", "POST", await giveBack(first));
    expectConforms(early, 409);
    const cancelled = await check("/api/orders/{id}/cancel", "POST", await cancel(first));
    expectConforms(cancelled, 200);
    expect(cancelled.body.order.status).toBe("CANCELLED");
    const again = await check("/api/orders/{id}/cancel", "POST", await cancel(first));
    expectConforms(again, 409);
    expect(again.body.error).toMatchObject({ code: "INVALID_TRANSITION", status: "CANCELLED" });

    const second = await placeTestOrder(b.id, [{ productId: product.id, quantity: 1 }]);
    await markPaid(second);
    await db.$transaction(async (tx) => {
      expect((await transition(tx, second, "PAID", "SHIPPING")).ok).toBe(true);
      expect((await transition(tx, second, "SHIPPING", "DELIVERED")).ok).toBe(true);
    });
    const returned = await check("/api/orders/{id}/return", "POST", await giveBack(second));
    expectConforms(returned, 200);
    expect(returned.body.order.status).toBe("RETURN_REQUESTED");
  });
});

describe("payments", () => {
  it("POST /api/payments/confirm: 200 paid with the order, then `already`; 404 for an order that is not the caller's", async () => {
    const o = await pendingOrder({ price: 33_000 });
    const cookie = cookieHeader(await mintSessionCookie(o.userId));
    const query = await payInWindow(fake, o.orderId, o.amount);
    const confirm = (body: unknown, c = cookie) => confirmRoute.POST(jsonRequest("/api/payments/confirm", { body, cookie: c }), ctx() as never);
    const paid = await check("/api/payments/confirm", "POST", await confirm(query));
    expectConforms(paid, 200);
    expect(paid.body).toMatchObject({ outcome: "paid", order: { id: o.orderId, status: "PAID", payment: { amount: 33_000 } } });
    const already = await check("/api/payments/confirm", "POST", await confirm(query));
    expectConforms(already, 200);
    expect(already.body.outcome).toBe("already");
    const stranger = await buyer();
    expectConforms(await check("/api/payments/confirm", "POST", await confirm(query, stranger.cookie)), 404);
    expectConforms(await check("/api/payments/confirm", "POST", await confirm({ orderId: o.orderId }, cookie)), 422);
  });

  it("POST /api/webhooks/toss: 200 received (and a duplicate), 422 for a body that is no delivery", async () => {
    const o = await pendingOrder();
    const body = { eventType: "PAYMENT_STATUS_CHANGED", createdAt: new Date().toISOString(), data: { paymentKey: `key_${randomUUID()}`, orderId: o.orderId, status: "DONE", totalAmount: o.amount } };
    const deliver = (b: unknown) => webhookRoute.POST(jsonRequest("/api/webhooks/toss", { body: b, origin: null }), ctx() as never);
    const first = await check("/api/webhooks/toss", "POST", await deliver(body));
    expectConforms(first, 200);
    expect(first.body).toMatchObject({ ok: true, duplicate: false });
    const second = await check("/api/webhooks/toss", "POST", await deliver(body));
    expectConforms(second, 200);
    expect(second.body.duplicate).toBe(true);
    expectConforms(await check("/api/webhooks/toss", "POST", await deliver({ data: {} })), 422);
  });
});
