// POST /api/orders and GET /api/orders/[id] through the real route handlers, session cookies and services.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as orderRoute from "@/app/api/orders/[id]/route";
import * as ordersRoute from "@/app/api/orders/route";
import * as stockRoute from "@/app/api/products/[id]/stock/route";
import * as metricsRoute from "@/app/api/metrics/route";
import { ORDER_REQUESTS_PER_10S } from "@/lib/rate-limit";
import { mintSessionCookie } from "@/lib/auth/session";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";

async function buyer(verified = true) {
  const user = await createUser({ emailVerifiedAt: verified ? new Date() : null });
  return { user, cookie: cookieHeader(await mintSessionCookie(user.id)) };
}
const post = (body: unknown, opts: { cookie?: string; key?: string | null; origin?: string | null } = {}) =>
  ordersRoute.POST(
    jsonRequest("/api/orders", { body, cookie: opts.cookie, origin: opts.origin, headers: opts.key === null ? {} : { "idempotency-key": opts.key ?? randomUUID() } }),
    ctx() as never,
  );

describe("POST /api/orders", () => {
  it("201 with id, amount and hold expiry; the owner reads it back, nobody else can", async () => {
    const p = await createProduct({ units: 3, price: 39_000 });
    const { cookie } = await buyer();
    const res = await post({ items: [{ productId: p.id, quantity: 2 }] }, { cookie });
    expect(res.status).toBe(201);
    const { order } = await res.json();
    expect(order).toMatchObject({ amount: 78_000, status: "PENDING_PAYMENT" });
    expect(order.id).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
    expect(new Date(order.holdExpiresAt).getTime()).toBeGreaterThan(Date.now());

    const mine = await orderRoute.GET(jsonRequest(`/api/orders/${order.id}`, { cookie }), ctx({ id: order.id }) as never);
    expect(mine.status).toBe(200);
    expect((await mine.json()).order.items).toEqual([expect.objectContaining({ productId: p.id, unitPrice: 39_000, quantity: 2 })]);
    const other = await buyer();
    const theirs = await orderRoute.GET(jsonRequest(`/api/orders/${order.id}`, { cookie: other.cookie }), ctx({ id: order.id }) as never);
    expect(theirs.status).toBe(404);
    const junk = await orderRoute.GET(jsonRequest(`/api/orders/x`, { cookie }), ctx({ id: "x" }) as never);
    expect(junk.status).toBe(404);
  });

  it("401 signed out, 403 unverified, 403 cross-origin", async () => {
    const p = await createProduct();
    const body = { items: [{ productId: p.id, quantity: 1 }] };
    expect((await post(body)).status).toBe(401);
    const unverified = await buyer(false);
    const res = await post(body, { cookie: unverified.cookie });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("EMAIL_NOT_VERIFIED");
    expect((await post(body, { cookie: (await buyer()).cookie, origin: "https://evil.example" })).status).toBe(403);
  });

  it("429 with Retry-After for a buyer over the order request limit; other buyers are unaffected", async () => {
    const p = await createProduct({ units: 1 });
    const body = { items: [{ productId: p.id, quantity: 1 }] };
    const hammer = await buyer();
    const answers = await Promise.all(Array.from({ length: ORDER_REQUESTS_PER_10S + 5 }, () => post(body, { cookie: hammer.cookie })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    const limited = answers.find((r) => r.status === 429)!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe("RATE_LIMITED");
    expect((await post(body, { cookie: (await buyer()).cookie })).status).toBe(409);
  });

  it("422 with field messages for bad input and a missing Idempotency-Key; 409 with a code when sold out", async () => {
    const p = await createProduct({ units: 1 });
    const { cookie } = await buyer();
    const noKey = await post({ items: [{ productId: p.id, quantity: 1 }] }, { cookie, key: null });
    expect(noKey.status).toBe(422);
    expect((await noKey.json()).error.fields["idempotency-key"]).toBeDefined();
    const bad = await post({ items: [{ productId: "nope", quantity: 0 }] }, { cookie });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["items.0.productId", "items.0.quantity"]);
    expect((await post({ items: [] }, { cookie })).status).toBe(422);
    expect((await post({ items: [{ productId: p.id, quantity: 1 }] }, { cookie })).status).toBe(201);
    const second = await post({ items: [{ productId: p.id, quantity: 1 }] }, { cookie: (await buyer()).cookie });
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe("SOLD_OUT");
  });

  it("replays the first answer for the same key; 422 IDEMPOTENCY_MISMATCH for another body", async () => {
    const p = await createProduct({ units: 5 });
    const { cookie } = await buyer();
    const key = randomUUID();
    const first = await post({ items: [{ productId: p.id, quantity: 1 }] }, { cookie, key });
    const again = await post({ items: [{ productId: p.id, quantity: 1 }] }, { cookie, key });
    expect(again.status).toBe(first.status);
    expect(await again.json()).toEqual(await first.json());
    const other = await post({ items: [{ productId: p.id, quantity: 2 }] }, { cookie, key });
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe("IDEMPOTENCY_MISMATCH");
  });
});

describe("GET /api/products/[id]/stock and /api/metrics", () => {
  it("answers live stock and exposes the stock metrics", async () => {
    const p = await createProduct({ units: 4, perBuyerLimit: 2, saleStartsAt: new Date(Date.now() - 1000) });
    const { cookie } = await buyer();
    await post({ items: [{ productId: p.id, quantity: 1 }] }, { cookie });
    const res = await stockRoute.GET(jsonRequest(`/api/products/${p.id}/stock`), ctx({ id: p.id }) as never);
    expect(res.status).toBe(200);
    expect((await res.json()).stock).toMatchObject({ available: 3, total: 4, state: "on_sale", perBuyerLimit: 2 });
    expect((await stockRoute.GET(jsonRequest(`/api/products/${randomUUID()}/stock`), ctx({ id: randomUUID() }) as never)).status).toBe(404);
    const m = await (await metricsRoute.GET(jsonRequest("/api/metrics"), ctx() as never)).text();
    expect(m).toMatch(/hurryup_stock_admissions_total\{result="reserved",tier="redis"\} \d+/);
    expect(m).toMatch(/hurryup_orders\{status="PENDING_PAYMENT"\} \d+/);
    expect(m).toContain("hurryup_stock_redis_fallback 0");
    expect(m).toContain("hurryup_holds_expired");
    expect(m).toContain("hurryup_stock_reconciliation_repairs_total");
  });
});
