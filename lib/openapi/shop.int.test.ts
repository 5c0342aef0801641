// Real answers of the cart, wishlist and waiting-room routes (PostgreSQL, Redis, sessions, a solved
// proof of work) held against the OpenAPI document: each route's success and at least one of its errors,
// with no field the document does not describe (test/openapi.ts).
import { randomUUID } from "node:crypto";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { describe, expect, it } from "vitest";
import * as cartLineRoute from "@/app/api/cart/items/[id]/route";
import * as cartItemsRoute from "@/app/api/cart/items/route";
import * as cartRoute from "@/app/api/cart/route";
import * as challengeRoute from "@/app/api/waiting-room/[productId]/challenge/route";
import * as enterRoute from "@/app/api/waiting-room/[productId]/enter/route";
import * as roomRoute from "@/app/api/waiting-room/[productId]/route";
import * as wishlistItemRoute from "@/app/api/wishlist/items/[productId]/route";
import * as wishlistItemsRoute from "@/app/api/wishlist/items/route";
import * as wishlistRoute from "@/app/api/wishlist/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { checkAnswer, expectConforms } from "@/test/openapi";
import { openApiDocument } from "./document";

const doc = openApiDocument();
const check = (path: string, method: string, res: Response) => checkAnswer(doc, path, method, res);
const none = ctx() as never;

async function buyer() {
  const user = await createUser({ emailVerifiedAt: new Date() });
  return { user, cookie: cookieHeader(await mintSessionCookie(user.id)) };
}

describe("cart", () => {
  it("a guest adds (201 with its cookie), reads, changes and removes a line; 404 for an unknown product or line, 409 sold out", async () => {
    const product = await createProduct({ price: 4_000, units: 3, perBuyerLimit: 2 });
    const add = (productId: string, cookie?: string) => cartItemsRoute.POST(jsonRequest("/api/cart/items", { body: { productId, quantity: 5 }, cookie }), none);
    const added = await check("/api/cart/items", "POST", await add(product.id));
    expectConforms(added, 201);
    expect(added.body.result).toMatchObject({ quantity: 2, capped: true, capReason: "limit" });
    const cookie = added.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    expect(cookie).not.toBe("");

    const cart = await check("/api/cart", "GET", await cartRoute.GET(jsonRequest("/api/cart", { cookie }), none));
    expectConforms(cart, 200);
    expect(cart.body.totals).toEqual({ lineCount: 1, quantity: 2, amount: 8_000 });
    const lineId = cart.body.lines[0].id as string;
    const line = (method: "PATCH" | "DELETE", id: string, body?: unknown) => cartLineRoute[method](jsonRequest(`/api/cart/items/${id}`, { method, body, cookie }), ctx({ id }) as never);
    expectConforms(await check("/api/cart/items/{id}", "PATCH", await line("PATCH", lineId, { selected: false })), 200);
    expectConforms(await check("/api/cart/items/{id}", "PATCH", await line("PATCH", lineId, {})), 422);
    expectConforms(await check("/api/cart/items/{id}", "DELETE", await line("DELETE", lineId)), 200);
    expectConforms(await check("/api/cart/items/{id}", "DELETE", await line("DELETE", lineId)), 404);

    expectConforms(await check("/api/cart/items", "POST", await add(randomUUID(), cookie)), 404);
    const soldOut = await createProduct({ units: 0 });
    const refused = await check("/api/cart/items", "POST", await add(soldOut.id, cookie));
    expectConforms(refused, 409);
    expect(refused.body.error.code).toBe("SOLD_OUT");
  });
});

describe("wishlist", () => {
  it("201 added, 200 again, the list, 204 removed; 404 for an unknown product, 401 signed out", async () => {
    const b = await buyer();
    const product = await createProduct();
    const heart = (productId: string, cookie?: string) => wishlistItemsRoute.POST(jsonRequest("/api/wishlist/items", { body: { productId }, cookie }), none);
    expectConforms(await check("/api/wishlist/items", "POST", await heart(product.id, b.cookie)), 201);
    expectConforms(await check("/api/wishlist/items", "POST", await heart(product.id, b.cookie)), 200);
    expectConforms(await check("/api/wishlist/items", "POST", await heart(randomUUID(), b.cookie)), 404);
    expectConforms(await check("/api/wishlist/items", "POST", await heart(product.id)), 401);
    const list = await check("/api/wishlist", "GET", await wishlistRoute.GET(jsonRequest("/api/wishlist", { cookie: b.cookie }), none));
    expectConforms(list, 200);
    expect(list.body.items.map((i: { productId: string }) => i.productId)).toEqual([product.id]);
    const unheart = (id: string) => wishlistItemRoute.DELETE(jsonRequest(`/api/wishlist/items/${id}`, { method: "DELETE", cookie: b.cookie }), ctx({ productId: id }) as never);
    expectConforms(await check("/api/wishlist/items/{productId}", "DELETE", await unheart(product.id)), 204);
    expectConforms(await check("/api/wishlist/items/{productId}", "DELETE", await unheart("not-a-uuid")), 404);
  });
});

describe("waiting room", () => {
  it("a challenge, a place taken with its solution, the place read back; 422 for a bad solution, 404 for no such drop, 403 unverified", async () => {
    const p = await createProduct({ type: "LIMITED", units: 5, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() + 5 * 60_000), waitingRoom: true, admissionRate: 1 });
    const b = await buyer();
    const params = (productId: string) => ctx({ productId }) as never;
    const challenge = await check("/api/waiting-room/{productId}/challenge", "GET", await challengeRoute.GET(jsonRequest(`/api/waiting-room/${p.id}/challenge`, { cookie: b.cookie }), params(p.id)));
    expectConforms(challenge, 200);
    const solution = await solveChallenge({ challenge: challenge.body as Challenge, deriveKey });
    const altcha = Buffer.from(JSON.stringify({ challenge: challenge.body, solution })).toString("base64");
    const enter = (body: unknown) => enterRoute.POST(jsonRequest(`/api/waiting-room/${p.id}/enter`, { body, cookie: b.cookie }), params(p.id));
    const entered = await check("/api/waiting-room/{productId}/enter", "POST", await enter({ altcha }));
    expectConforms(entered, 200);
    expect(entered.body.room.state).toBe("prequeue");
    expectConforms(await check("/api/waiting-room/{productId}/enter", "POST", await enter({ altcha: "bm9wZQ==" })), 422);

    const status = await check("/api/waiting-room/{productId}", "GET", await roomRoute.GET(jsonRequest(`/api/waiting-room/${p.id}`, { cookie: b.cookie }), params(p.id)));
    expectConforms(status, 200);
    expect(typeof status.body.fingerprint).toBe("string");
    const missing = randomUUID();
    expectConforms(await check("/api/waiting-room/{productId}", "GET", await roomRoute.GET(jsonRequest(`/api/waiting-room/${missing}`, { cookie: b.cookie }), params(missing))), 404);

    const unverified = await createUser({ emailVerifiedAt: null });
    const cookie = cookieHeader(await mintSessionCookie(unverified.id));
    expectConforms(await check("/api/waiting-room/{productId}/challenge", "GET", await challengeRoute.GET(jsonRequest(`/api/waiting-room/${p.id}/challenge`, { cookie }), params(p.id))), 403);
  });
});
