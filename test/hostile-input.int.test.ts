// The probe's inputs (issue 14), each sent to its real route against PostgreSQL and Redis: every one used
// to answer 500 (a NUL reached PostgreSQL, a deep tree blew the stack, `null` crashed a refinement, an
// impossible date became an Invalid Date). Each now gets a 4xx with its field named, and nothing is written.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as userRoute from "@/app/api/admin/users/[id]/route";
import * as meRoute from "@/app/api/me/route";
import * as cancelRoute from "@/app/api/orders/[id]/cancel/route";
import * as productsRoute from "@/app/api/products/route";
import * as sellerOrdersRoute from "@/app/api/seller/orders/route";
import * as sellerProductsRoute from "@/app/api/seller/products/route";
import * as usersRoute from "@/app/api/users/route";
import * as webhookRoute from "@/app/api/webhooks/toss/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { MAX_JSON_DEPTH } from "@/lib/body";
import { emailIndex } from "@/lib/crypto/blind-index";
import { db } from "@/lib/db";
import { createAccount } from "@/test/accounts";
import { createCategory } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest, origin, randomIp } from "@/test/http";
import { pendingOrder } from "@/test/payments";
import { inSeconds, signedIn, signedInSeller } from "@/test/seller";

const NUL = "\u0000";
const idCtx = (id: string) => ctx({ id }) as never;
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

/** A raw body (not JSON.stringify'd), for the inputs JSON.stringify cannot produce. */
const rawRequest = (path: string, body: string, init: { method?: string; cookie?: string; origin?: string | null } = {}) =>
  new Request(`${origin}${path}`, {
    method: init.method ?? "POST",
    body,
    headers: { "content-type": "application/json", "x-forwarded-for": randomIp(), ...(init.origin !== null && { origin }), ...(init.cookie && { cookie: init.cookie }) },
  });

async function refusal(res: Response) {
  expect(res.status, await res.clone().text()).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  return { status: res.status, body: (await res.json()) as { error: { code: string; fields?: Record<string, string[]> } } };
}

describe("a NUL in a text field is a 4xx naming the field, and nothing is written", () => {
  it("catalog search ?q=", async () => {
    const { status, body } = await refusal(await productsRoute.GET(jsonRequest(`/api/products?q=${encodeURIComponent(`가방${NUL}`)}`), ctx() as never));
    expect(status).toBe(400);
    expect(body.error.fields?.q).toEqual(["must not contain control characters"]);
  });

  it("sign-up shop name", async () => {
    const email = `nul-${randomUUID().slice(0, 8)}@example.com`;
    const body = { role: "SELLER", email, password: "Probe!pass1", name: "김탐지", phone: "010-5555-0001", agreeTerms: true, agreePrivacy: true, confirmAge14: true, shopName: `상점${NUL}` };
    const res = await refusal(await usersRoute.POST(jsonRequest("/api/users", { body }), ctx() as never));
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.shopName).toEqual(["invalid_characters"]);
    expect(await db.user.count({ where: { emailHash: emailIndex(email) } })).toBe(0);
  });

  it("product name and description", async () => {
    const { seller, cookie } = await signedInSeller();
    const category = await createCategory();
    const product = { name: `머그${NUL}컵`, description: `설명\n둘째 줄${NUL}`, price: 12_000, categoryId: category.id, type: "NORMAL", units: 5 };
    const res = await refusal(await sellerProductsRoute.POST(jsonRequest("/api/seller/products", { body: product, cookie }), ctx() as never));
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toMatchObject({ name: ["invalid_characters"], description: ["invalid_characters"] });
    // The same product with clean text is created: the refusal was the NUL, nothing else.
    const ok = await sellerProductsRoute.POST(jsonRequest("/api/seller/products", { body: { ...product, name: "머그컵", description: "설명\r\n둘째 줄" }, cookie }), ctx() as never);
    expect(ok.status).toBe(201);
    const stored = await db.product.findMany({ where: { sellerId: seller.id }, select: { name: true, description: true } });
    expect(stored).toEqual([{ name: "머그컵", description: "설명\n둘째 줄" }]);
  });

  it("profile shop name", async () => {
    const { user } = await createAccount({ role: "SELLER", shopName: "원래 상점" });
    const cookie = cookieHeader(await mintSessionCookie(user.id));
    const res = await refusal(await meRoute.PATCH(jsonRequest("/api/me", { method: "PATCH", body: { shopName: `새${NUL}상점` }, cookie }), ctx() as never));
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.shopName).toEqual(["invalid_characters"]);
    expect((await db.seller.findUniqueOrThrow({ where: { userId: user.id } })).shopName).toBe("원래 상점");
  });

  it("admin role change", async () => {
    const admin = await signedIn("ADMIN");
    const buyer = await signedIn("BUYER");
    const req = jsonRequest(`/api/admin/users/${buyer.user.id}`, { method: "PATCH", body: { role: "SELLER", shopName: `상점${NUL}` }, cookie: admin.cookie });
    const res = await refusal(await userRoute.PATCH(req, idCtx(buyer.user.id)));
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.shopName).toEqual(["invalid_characters"]);
    const after = await db.user.findUniqueOrThrow({ where: { id: buyer.user.id }, include: { seller: true } });
    expect([after.role, after.seller]).toEqual(["BUYER", null]);
  });

  it("cancel reason", async () => {
    const o = await pendingOrder();
    const cookie = cookieHeader(await mintSessionCookie(o.userId));
    const req = jsonRequest(`/api/orders/${o.orderId}/cancel`, { body: { reason: `변심${NUL}` }, cookie });
    const res = await refusal(await cancelRoute.POST(req, idCtx(o.orderId)));
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.reason).toEqual(["Must not contain control characters"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: o.orderId } })).status).toBe("PENDING_PAYMENT");
  });

  it("webhook fields: a field the shop reads is refused; one it does not read is dropped, never stored", async () => {
    const o = await pendingOrder();
    const delivery = (data: object) => jsonRequest("/api/webhooks/toss", { body: { eventType: "PAYMENT_STATUS_CHANGED", data: { orderId: o.orderId, ...data } }, origin: null });
    const res = await refusal(await webhookRoute.POST(delivery({ paymentKey: `pk_${randomUUID()}`, status: `DONE${NUL}` }), ctx() as never));
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.["data.status"]).toEqual(["invalid_characters"]);
    expect(await db.webhookEvent.count({ where: { orderId: o.orderId } })).toBe(0);

    const paymentKey = `pk_${randomUUID()}`;
    const kept = await webhookRoute.POST(delivery({ paymentKey, status: "DONE", method: `카드${NUL}`, card: { issuerCode: NUL } }), ctx() as never);
    expect(kept.status).toBe(200);
    const [event] = await db.webhookEvent.findMany({ where: { paymentKey } });
    expect(event.payload).toEqual({ eventType: "PAYMENT_STATUS_CHANGED", data: { paymentKey, orderId: o.orderId, status: "DONE" } });
  });
});

describe("bodies", () => {
  it("deeply nested JSON on the webhook route is a 400 within the size cap and a 413 beyond it; nothing is recorded", async () => {
    const o = await pendingOrder();
    const body = (levels: number) => `{"eventType":"PAYMENT_STATUS_CHANGED","data":{"paymentKey":"pk_${randomUUID()}","orderId":"${o.orderId}","extra":${deep(levels)}}}`;
    const justDeepEnough = await webhookRoute.POST(rawRequest("/api/webhooks/toss", body(MAX_JSON_DEPTH - 2), { origin: null }), ctx() as never);
    expect(justDeepEnough.status).toBe(200); // a tree within the cap is a webhook like any other
    await db.webhookEvent.deleteMany({ where: { orderId: o.orderId } });

    const tooDeep = await refusal(await webhookRoute.POST(rawRequest("/api/webhooks/toss", body(20_000), { origin: null }), ctx() as never));
    expect([tooDeep.status, tooDeep.body.error.code]).toEqual([400, "BAD_REQUEST"]);
    const huge = await webhookRoute.POST(rawRequest("/api/webhooks/toss", body(100_000), { origin: null }), ctx() as never);
    expect(huge.status).toBe(413);
    expect(huge.headers.get("connection")).toBe("close");
    expect(await db.webhookEvent.count({ where: { orderId: o.orderId } })).toBe(0);
  });

  it("`null` or a non-object as the body of POST /api/seller/products is a 422; a deep tree a 400", async () => {
    const { seller, cookie } = await signedInSeller();
    for (const body of ["null", "[]", '"product"', "42"]) {
      const { status, body: answer } = await refusal(await sellerProductsRoute.POST(rawRequest("/api/seller/products", body, { cookie }), ctx() as never));
      expect(status, body).toBe(422);
      expect(answer.error.code).toBe("VALIDATION");
    }
    expect((await refusal(await sellerProductsRoute.POST(rawRequest("/api/seller/products", deep(100_000).slice(0, 60_000), { cookie }), ctx() as never))).status).toBe(400);
    expect(await db.product.count({ where: { sellerId: seller.id } })).toBe(0);
  });
});

describe("dates on the seller's order filter", () => {
  it("an impossible or rolled-over day is a 400 naming it; a real one filters", async () => {
    const { cookie } = await signedInSeller();
    const list = (query: string) => sellerOrdersRoute.GET(jsonRequest(`/api/seller/orders?${query}`, { cookie }), ctx() as never);
    for (const [query, field] of [["from=9999-99-99", "from"], ["to=2026-02-31", "to"], ["from=2026-13-01", "from"], [`from=2026-01-01${encodeURIComponent(NUL)}`, "from"]] as const) {
      const { status, body } = await refusal(await list(query));
      expect(status, query).toBe(400);
      expect(body.error.fields?.[field], query).toEqual(["invalid_date"]);
    }
    const ok = await list(`from=2028-02-29&to=${inSeconds(86_400).slice(0, 10)}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ orders: [], count: 0 });
  });
});
