// Real answers of representative routes, through the real stack (PostgreSQL, Redis, sessions), checked
// against the schemas the OpenAPI document gives for them — successes and the one error shape — with a
// strict JSON Schema 2020-12 validator. Also GET /api/payments/fail, the failUrl's JSON twin. The other
// routes' answers are held against the document by area: orders, accounts, shop (cart, wishlist, waiting
// room), seller (and admin), operations (and the test hooks) — lib/openapi/*.int.test.ts.
//
// Answers no test here reaches, and why:
// - GET /api/metrics 401/503 and GET /api/cron/jobs 503: only in production mode without METRICS_TOKEN or
//   CRON_SECRET (lib/metrics-auth.ts, lib/jobs/cron-auth.ts), which a test process does not run in.
// - GET /api/ready 503 and the 503s of stock, orders, payments and the waiting room: PostgreSQL or Redis
//   down (lib/health/ready.int.test.ts and the Redis-failure suites take them down; the shape is Error's).
// - The 429s: the limits' thresholds are per minute or hour (lib/rate-limit.ts); the shape is Error's
//   plus `retryAfter` and the Retry-After header (lib/http.ts), exercised by the rate-limit suites.
// - POST /api/auth/{nextauth} 200: Auth.js's JSON redirect for `X-Auth-Return-Redirect`, Auth.js's own.
// - 413 of every body: lib/body.ts's tests and the fuzz suite; the shape is Error's.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as openapiRoute from "@/app/api/openapi.json/route";
import * as failRoute from "@/app/api/payments/fail/route";
import * as healthRoute from "@/app/api/health/route";
import * as productRoute from "@/app/api/products/[id]/route";
import * as productsRoute from "@/app/api/products/route";
import * as stockRoute from "@/app/api/products/[id]/stock/route";
import * as readyRoute from "@/app/api/ready/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DECLINE_CODES } from "@/lib/payments/confirm";
import { createProduct } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { answerValidator, checkAnswer } from "@/test/openapi";
import { pendingOrder } from "@/test/payments";
import { createBuyers } from "@/test/stock";
import { openApiDocument } from "./document";

const doc = openApiDocument();

/** The answer's status and body, whether the body is what the document promises for that status, and no field it does not describe. */
async function checked(path: string, method: string, res: Response) {
  const a = await checkAnswer(doc, path, method, res);
  expect(a.undocumented, `${method} ${path} ${a.status}`).toEqual([]);
  return { ...a, errors: a.errors.length ? a.errors : undefined };
}

describe("real answers match the OpenAPI document", () => {
  it("GET /api/openapi.json serves the document", async () => {
    const res = await openapiRoute.GET(jsonRequest("/api/openapi.json"), ctx() as never);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });

  it("GET /api/health and GET /api/ready", async () => {
    const health = await checked("/api/health", "GET", await healthRoute.GET());
    expect(health).toMatchObject({ status: 200, valid: true });
    const ready = await checked("/api/ready", "GET", await readyRoute.GET(jsonRequest("/api/ready"), ctx() as never));
    // Its 2-second pings can time out on a loaded machine: either documented answer, in its own shape
    // (what makes it ready is lib/health/ready.int.test.ts's business).
    expect(ready).toMatchObject({ valid: true, body: { status: ready.status === 200 ? "ok" : "unavailable" } });
    expect([200, 503]).toContain(ready.status);
  });

  it("GET /api/products, /api/products/{id} and its live stock", async () => {
    const product = await createProduct({ price: 12_300, units: 7 });
    const list = await checked("/api/products", "GET", await productsRoute.GET(jsonRequest("/api/products?pageSize=100&sort=newest"), ctx() as never));
    expect(list.errors ?? []).toEqual([]);
    expect(list).toMatchObject({ status: 200, valid: true });
    expect(list.body.items.length).toBeGreaterThan(0);

    const one = await checked("/api/products/{id}", "GET", await productRoute.GET(jsonRequest(`/api/products/${product.id}`), ctx({ id: product.id }) as never));
    expect(one.errors ?? []).toEqual([]);
    expect(one).toMatchObject({ status: 200, valid: true, body: { product: { id: product.id, price: 12_300, remaining: 7 } } });

    const stock = await checked("/api/products/{id}/stock", "GET", await stockRoute.GET(jsonRequest(`/api/products/${product.id}/stock`), ctx({ id: product.id }) as never));
    expect(stock.errors ?? []).toEqual([]);
    expect(stock).toMatchObject({ status: 200, valid: true, body: { stock: { productId: product.id, available: 7, total: 7 } } });
  });

  it("errors have the documented shape: 404, and 400 with field messages", async () => {
    const id = randomUUID();
    const missing = await checked("/api/products/{id}", "GET", await productRoute.GET(jsonRequest(`/api/products/${id}`), ctx({ id }) as never));
    expect(missing).toMatchObject({ status: 404, valid: true, body: { error: { code: "NOT_FOUND" } } });
    const bad = await checked("/api/products", "GET", await productsRoute.GET(jsonRequest("/api/products?page=0&pageSize=x"), ctx() as never));
    expect(bad).toMatchObject({ status: 400, valid: true, body: { error: { code: "BAD_REQUEST" } } });
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["page", "pageSize"]);
  });

  it("the validator is no rubber stamp: a product with its price as text, or an error without its code, fails", async () => {
    const product = await createProduct();
    const body = await (await productRoute.GET(jsonRequest(`/api/products/${product.id}`), ctx({ id: product.id }) as never)).json();
    const validate = answerValidator(doc, "/api/products/{id}", "GET", 200);
    expect(validate(body)).toBe(true);
    expect(validate({ product: { ...body.product, price: String(body.product.price) } })).toBe(false);
    expect(answerValidator(doc, "/api/products/{id}", "GET", 404)({ error: { message: "product not found" } })).toBe(false);
  });

  it("a field the document does not describe is named, however deep, though the loose schema accepts it", async () => {
    const product = await createProduct();
    const body = await (await productRoute.GET(jsonRequest(`/api/products/${product.id}`), ctx({ id: product.id }) as never)).json();
    const extra = { ...body, product: { ...body.product, secret: 1, category: { ...body.product.category, x: 2 } } };
    const a = await checkAnswer(doc, "/api/products/{id}", "GET", Response.json(extra));
    expect(a).toMatchObject({ status: 200, valid: true, undocumented: ["/product/secret", "/product/category/x"] });
    const b = await checkAnswer(doc, "/api/products/{id}", "GET", Response.json(body));
    expect(b.undocumented).toEqual([]);
  });
});

describe("GET /api/payments/fail", () => {
  const call = (query: string, cookie?: string) => failRoute.GET(jsonRequest(`/api/payments/fail?${query}`, { cookie }), ctx() as never);
  const buyer = async () => {
    const o = await pendingOrder({ price: 21_000 });
    return { ...o, cookie: cookieHeader(await mintSessionCookie(o.userId)) };
  };

  it("a closed window: canceled, the order still payable with its units held", async () => {
    const b = await buyer();
    const a = await checked("/api/payments/fail", "GET", await call(`code=USER_CANCEL&message=closed&orderId=${b.orderId}`, b.cookie));
    expect(a.errors ?? []).toEqual([]);
    expect(a).toMatchObject({ status: 200, valid: true, body: { outcome: "canceled", code: "USER_CANCEL", payable: true, order: { id: b.orderId, status: "PENDING_PAYMENT", amount: 21_000 } } });
  });

  it("a declined card after the hold ended: declined, no longer payable; an unknown code is failed", async () => {
    const b = await buyer();
    const declined = [...DECLINE_CODES][0];
    await db.order.update({ where: { id: b.orderId }, data: { holdExpiresAt: new Date(Date.now() - 60_000) } });
    const a = await checked("/api/payments/fail", "GET", await call(`code=${declined}&orderId=${b.orderId}`, b.cookie));
    expect(a).toMatchObject({ status: 200, valid: true, body: { outcome: "declined", payable: false } });
    const other = await checked("/api/payments/fail", "GET", await call(`code=SOMETHING_ELSE&orderId=${b.orderId}`, b.cookie));
    expect(other).toMatchObject({ status: 200, body: { outcome: "failed", code: "SOMETHING_ELSE" } });
  });

  it("someone else's order is 404, signed out is 401, no order id is 400 naming it", async () => {
    const b = await buyer();
    const [strangerId] = await createBuyers(1);
    const stranger = cookieHeader(await mintSessionCookie(strangerId));
    expect(await checked("/api/payments/fail", "GET", await call(`code=USER_CANCEL&orderId=${b.orderId}`, stranger))).toMatchObject({ status: 404, valid: true });
    expect(await checked("/api/payments/fail", "GET", await call(`code=USER_CANCEL&orderId=${b.orderId}`))).toMatchObject({ status: 401, valid: true });
    const bad = await checked("/api/payments/fail", "GET", await call("code=USER_CANCEL", b.cookie));
    expect(bad).toMatchObject({ status: 400, valid: true });
    expect(Object.keys(bad.body.error.fields)).toEqual(["orderId"]);
  });
});
