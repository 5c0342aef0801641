// The cart and wishlist JSON API through the real route handlers, sessions, PostgreSQL and Redis.
import { describe, expect, it } from "vitest";
import { mintSessionCookie } from "@/lib/auth/session";
import { GUEST_CART_COOKIE, hashGuestToken, newGuestToken } from "@/lib/cart/guest-token";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { GUEST_CARTS_PER_HOUR } from "@/lib/rate-limit";
import { createProduct, createUser } from "@/test/factories";
import { randomIp } from "@/test/http";
import { GET as getCart } from "./route";
import { POST as postItem } from "./items/route";
import { DELETE as deleteItem, PATCH as patchItem } from "./items/[id]/route";

const origin = new URL(env.APP_URL).origin;

function call(handler: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>, method: string, path: string, opts: { cookie?: string; body?: unknown; params?: object; ip?: string } = {}) {
  // A fresh client address unless the test pins one: the guest-cart limit stays out of unrelated tests.
  const headers: Record<string, string> = { origin, "x-forwarded-for": opts.ip ?? randomIp() };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${origin}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  return handler(req, { params: Promise.resolve((opts.params ?? {}) as never) });
}

async function signedIn() {
  const user = await createUser();
  const c = await mintSessionCookie(user.id);
  return { user, cookie: `${c.name}=${c.value}` };
}

const guestCookieOf = (res: Response) => res.headers.get("set-cookie")?.match(new RegExp(`${GUEST_CART_COOKIE}=([^;]*)`))?.[1];

describe("cart API", () => {
  it("gives a guest an HttpOnly cart cookie on the first add and keeps the cart behind it", async () => {
    const p = await createProduct({ price: 15_000 });
    const res = await call(postItem, "POST", "/api/cart/items", { body: { productId: p.id, quantity: 2 } });
    expect(res.status).toBe(201);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const token = guestCookieOf(res)!;
    const cart = await (await call(getCart, "GET", "/api/cart", { cookie: `${GUEST_CART_COOKIE}=${token}` })).json();
    expect(cart.totals).toEqual({ lineCount: 1, quantity: 2, amount: 30_000 });
    // Without the cookie it is somebody else's (empty) cart.
    expect((await (await call(getCart, "GET", "/api/cart")).json()).lines).toEqual([]);
  });

  it("merges the guest cart on the first request with a session, clears the guest cookie and shows a notice", async () => {
    const p = await createProduct({ perBuyerLimit: 2, type: "LIMITED" });
    const guestRes = await call(postItem, "POST", "/api/cart/items", { body: { productId: p.id, quantity: 2 } });
    const guest = `${GUEST_CART_COOKIE}=${guestCookieOf(guestRes)}`;
    const { cookie } = await signedIn();
    await call(postItem, "POST", "/api/cart/items", { cookie, body: { productId: p.id, quantity: 1 } });
    const res = await call(getCart, "GET", "/api/cart", { cookie: `${cookie}; ${guest}` });
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`${GUEST_CART_COOKIE}=;.*Max-Age=0`));
    const cart = await res.json();
    expect(cart.lines[0].quantity).toBe(2);
    expect(cart.mergeNotice.changes).toMatchObject([{ productId: p.id, kind: "capped", reason: "limit", quantity: 2 }]);
    // Replaying the old cookie merges nothing more.
    const again = await (await call(getCart, "GET", "/api/cart", { cookie: `${cookie}; ${guest}` })).json();
    expect(again.lines[0].quantity).toBe(2);
  });

  it("answers 422 with field messages for bad input and 400 for a body that is not JSON", async () => {
    const { cookie } = await signedIn();
    const bad = await call(postItem, "POST", "/api/cart/items", { cookie, body: { productId: "nope", quantity: 0 } });
    expect(bad.status).toBe(422);
    const { error } = await bad.json();
    expect(Object.keys(error.fields).sort()).toEqual(["productId", "quantity"]);
    const p = await createProduct();
    const added = await (await call(postItem, "POST", "/api/cart/items", { cookie, body: { productId: p.id } })).json();
    const id = added.cart.lines[0].id;
    const empty = await call(patchItem, "PATCH", `/api/cart/items/${id}`, { cookie, body: {}, params: { id } });
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.fields.quantity).toBeDefined();
    const tooMany = await call(patchItem, "PATCH", `/api/cart/items/${id}`, { cookie, body: { quantity: 1000, selected: "yes" }, params: { id } });
    expect(Object.keys((await tooMany.json()).error.fields).sort()).toEqual(["quantity", "selected"]);
    const req = new Request(`${origin}/api/cart/items`, { method: "POST", headers: { origin, cookie, "content-type": "application/json" }, body: "{" });
    expect((await postItem(req, { params: Promise.resolve({} as never) })).status).toBe(400);
  });

  it("answers 404 for another user's line and for ids that are not UUIDs", async () => {
    const alice = await signedIn();
    const bob = await signedIn();
    const p = await createProduct();
    const added = await (await call(postItem, "POST", "/api/cart/items", { cookie: alice.cookie, body: { productId: p.id } })).json();
    const id = added.cart.lines[0].id;
    expect((await call(patchItem, "PATCH", `/api/cart/items/${id}`, { cookie: bob.cookie, body: { quantity: 5 }, params: { id } })).status).toBe(404);
    expect((await call(deleteItem, "DELETE", `/api/cart/items/${id}`, { cookie: bob.cookie, params: { id } })).status).toBe(404);
    expect((await call(deleteItem, "DELETE", `/api/cart/items/x`, { cookie: bob.cookie, params: { id: "x" } })).status).toBe(404);
    const ok = await call(patchItem, "PATCH", `/api/cart/items/${id}`, { cookie: alice.cookie, body: { quantity: 3, selected: false }, params: { id } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).lines[0]).toMatchObject({ quantity: 3, selected: false });
    expect((await call(deleteItem, "DELETE", `/api/cart/items/${id}`, { cookie: alice.cookie, params: { id } })).status).toBe(200);
  });

  it("answers 409 with the reason for sold-out products and caps by stock", async () => {
    const { cookie } = await signedIn();
    const soldOut = await createProduct({ units: 0 });
    const res = await call(postItem, "POST", "/api/cart/items", { cookie, body: { productId: soldOut.id } });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("SOLD_OUT");
    const scarce = await createProduct({ units: 2 });
    const capped = await (await call(postItem, "POST", "/api/cart/items", { cookie, body: { productId: scarce.id, quantity: 5 } })).json();
    expect(capped.result).toMatchObject({ quantity: 2, capped: true, capReason: "stock" });
  });

  it("refuses a state change from another origin", async () => {
    const p = await createProduct();
    const req = new Request(`${origin}/api/cart/items`, { method: "POST", headers: { origin: "https://evil.example" }, body: JSON.stringify({ productId: p.id }) });
    expect((await postItem(req, { params: Promise.resolve({} as never) })).status).toBe(403);
  });

  it("creates a guest cart only when an add succeeds: never on a read, never for a refused add", async () => {
    const soldOut = await createProduct({ units: 0 });
    const p = await createProduct();
    const token = newGuestToken();
    const cookie = `${GUEST_CART_COOKIE}=${token}`;
    const cartsOfToken = () => db.cart.count({ where: { guestTokenHash: hashGuestToken(token) } });

    const read = await call(getCart, "GET", "/api/cart");
    expect(read.headers.get("set-cookie")).toBeNull();
    const refused = await call(postItem, "POST", "/api/cart/items", { body: { productId: soldOut.id, quantity: 1 } });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("set-cookie")).toBeNull();
    await call(getCart, "GET", "/api/cart", { cookie });
    expect((await call(postItem, "POST", "/api/cart/items", { cookie, body: { productId: soldOut.id, quantity: 1 } })).status).toBe(409);
    expect(await cartsOfToken()).toBe(0);

    expect((await call(postItem, "POST", "/api/cart/items", { cookie, body: { productId: p.id, quantity: 1 } })).status).toBe(201);
    expect(await cartsOfToken()).toBe(1);
  });

  it("limits the guest carts one client address creates, whatever tokens it makes up", async () => {
    const p = await createProduct();
    const ip = randomIp();
    const add = (cookie?: string, from = ip) => call(postItem, "POST", "/api/cart/items", { ip: from, cookie, body: { productId: p.id, quantity: 1 } });
    let first = "";
    for (let i = 0; i < GUEST_CARTS_PER_HOUR; i++) {
      const res = await add();
      expect(res.status).toBe(201);
      first ||= guestCookieOf(res)!;
    }
    const refused = await add();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("set-cookie")).toBeNull();
    // A well-formed token of its own making is a new cart all the same.
    expect((await add(`${GUEST_CART_COOKIE}=${newGuestToken()}`)).status).toBe(429);
    // A cart it already has still takes adds; another address still gets a cart.
    expect((await add(`${GUEST_CART_COOKIE}=${first}`)).status).toBe(201);
    expect((await add(undefined, randomIp())).status).toBe(201);
  });
});
