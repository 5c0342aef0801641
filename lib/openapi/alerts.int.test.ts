// Real answers of the alert routes (PostgreSQL, Redis, sessions) held against the OpenAPI document: each
// route's success and its errors, with no field the document does not describe (test/openapi.ts).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as alertRoute from "@/app/api/alerts/[id]/route";
import * as alertsRoute from "@/app/api/alerts/route";
import * as unsubscribeRoute from "@/app/api/alerts/unsubscribe/route";
import { unsubscribeToken } from "@/lib/alerts/token";
import { mintSessionCookie } from "@/lib/auth/session";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { checkAnswer, expectConforms } from "@/test/openapi";
import { openApiDocument } from "./document";

const doc = openApiDocument();
const check = (path: string, method: string, res: Response) => checkAnswer(doc, path, method, res);
const none = ctx() as never;
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);

async function buyer(verified = true) {
  const user = await createUser({ emailVerifiedAt: verified ? new Date() : null });
  return { user, cookie: cookieHeader(await mintSessionCookie(user.id)) };
}

describe("alerts", () => {
  it("POST 201 asked, 200 again, 409 with its code, 422, 404, 401 and 403; GET the list (one product's too), 400; DELETE 204, 404", async () => {
    const b = await buyer();
    const drop = await createProduct({ type: "LIMITED", saleStartsAt: inMinutes(120), perBuyerLimit: 1 });
    const ask = (body: unknown, cookie?: string) => alertsRoute.POST(jsonRequest("/api/alerts", { body, cookie }), none);
    const asked = await check("/api/alerts", "POST", await ask({ productId: drop.id, kind: "OPENING" }, b.cookie));
    expectConforms(asked, 201);
    expect(asked.body.alert).toMatchObject({ kind: "OPENING", productId: drop.id, sentAt: null });
    expectConforms(await check("/api/alerts", "POST", await ask({ productId: drop.id, kind: "OPENING" }, b.cookie)), 200);

    const open = await createProduct();
    const refused = await check("/api/alerts", "POST", await ask({ productId: open.id, kind: "OPENING" }, b.cookie));
    expectConforms(refused, 409);
    expect(refused.body.error.code).toBe("ALERT_NOT_UPCOMING");
    const inStock = await check("/api/alerts", "POST", await ask({ productId: open.id, kind: "RESTOCK" }, b.cookie));
    expectConforms(inStock, 409);
    expect(inStock.body.error.code).toBe("ALERT_NOT_SOLD_OUT");
    const bad = await check("/api/alerts", "POST", await ask({ productId: drop.id, kind: "OPENING", variantId: randomUUID() }, b.cookie));
    expectConforms(bad, 422);
    expect(bad.body.error.fields).toEqual({ variantId: ["only_for_restock"] });
    expectConforms(await check("/api/alerts", "POST", await ask({ productId: drop.id, kind: "SOMEDAY" }, b.cookie)), 422);
    expectConforms(await check("/api/alerts", "POST", await ask({ productId: randomUUID(), kind: "OPENING" }, b.cookie)), 404);
    expectConforms(await check("/api/alerts", "POST", await ask({ productId: drop.id, kind: "OPENING" })), 401);
    const unverified = await check("/api/alerts", "POST", await ask({ productId: drop.id, kind: "OPENING" }, (await buyer(false)).cookie));
    expectConforms(unverified, 403);
    expect(unverified.body.error.code).toBe("EMAIL_NOT_VERIFIED");

    const list = (query: string, cookie?: string) => alertsRoute.GET(jsonRequest(`/api/alerts${query}`, { cookie }), none);
    const all = await check("/api/alerts", "GET", await list("", b.cookie));
    expectConforms(all, 200);
    expect(all.body.alerts.map((a: { id: string }) => a.id)).toEqual([asked.body.alert.id]);
    expect(all.headers.get("cache-control")).toContain("no-store");
    const ofOther = await check("/api/alerts", "GET", await list(`?productId=${open.id}`, b.cookie));
    expectConforms(ofOther, 200);
    expect(ofOther.body.alerts).toEqual([]);
    expectConforms(await check("/api/alerts", "GET", await list("?productId=nope", b.cookie)), 400);
    expectConforms(await check("/api/alerts", "GET", await list("")), 401);

    const cancel = (id: string, cookie: string) => alertRoute.DELETE(jsonRequest(`/api/alerts/${id}`, { method: "DELETE", cookie }), ctx({ id }) as never);
    expectConforms(await check("/api/alerts/{id}", "DELETE", await cancel(asked.body.alert.id, (await buyer()).cookie)), 404); // not theirs
    expectConforms(await check("/api/alerts/{id}", "DELETE", await cancel(asked.body.alert.id, b.cookie)), 204);
    expectConforms(await check("/api/alerts/{id}", "DELETE", await cancel(asked.body.alert.id, b.cookie)), 204);
    expectConforms(await check("/api/alerts/{id}", "DELETE", await cancel("not-a-uuid", b.cookie)), 404);
  });

  it("POST /api/alerts/unsubscribe works signed out: 200 with the alert, 404 for a forged token, 422 for a malformed one", async () => {
    const b = await buyer();
    const shoe = await createProduct({ sizes: { units: { "270": 0, "280": 2 } } });
    const asked = await alertsRoute.POST(jsonRequest("/api/alerts", { body: { productId: shoe.id, kind: "RESTOCK", variantId: shoe.variants[0].id }, cookie: b.cookie }), none);
    const { alert } = await asked.json();
    const unsubscribe = (token: unknown) => unsubscribeRoute.POST(jsonRequest("/api/alerts/unsubscribe", { body: { token } }), none);
    const done = await check("/api/alerts/unsubscribe", "POST", await unsubscribe(unsubscribeToken(alert.id)));
    expectConforms(done, 200);
    expect(done.body).toMatchObject({ unsubscribed: true, alert: { id: alert.id, kind: "RESTOCK", variantLabel: "사이즈 270" } });
    expectConforms(await check("/api/alerts/unsubscribe", "POST", await unsubscribe(`${alert.id}.${"x".repeat(43)}`)), 404);
    const malformed = await check("/api/alerts/unsubscribe", "POST", await unsubscribe("nope"));
    expectConforms(malformed, 422);
    expect(malformed.body.error.fields).toEqual({ token: ["invalid_token"] });
  });
});
