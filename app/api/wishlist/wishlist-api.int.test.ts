// The wishlist JSON API through the real route handlers and sessions.
import { describe, expect, it } from "vitest";
import { mintSessionCookie } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { createProduct, createUser } from "@/test/factories";
import { GET as getWishlist } from "./route";
import { POST as postItem } from "./items/route";
import { DELETE as deleteItem } from "./items/[productId]/route";

const origin = new URL(env.APP_URL).origin;
const req = (method: string, path: string, cookie?: string, body?: unknown) =>
  new Request(`${origin}${path}`, {
    method,
    headers: { origin, ...(cookie && { cookie }), ...(body !== undefined && { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ctx = (params: object = {}) => ({ params: Promise.resolve(params as never) });

describe("wishlist API", () => {
  it("is for signed-in users only", async () => {
    const p = await createProduct();
    expect((await getWishlist(req("GET", "/api/wishlist"), ctx())).status).toBe(401);
    expect((await postItem(req("POST", "/api/wishlist/items", undefined, { productId: p.id }), ctx())).status).toBe(401);
    expect((await deleteItem(req("DELETE", `/api/wishlist/items/${p.id}`), ctx({ productId: p.id }))).status).toBe(401);
  });

  it("adds and removes idempotently", async () => {
    const user = await createUser();
    const c = await mintSessionCookie(user.id);
    const cookie = `${c.name}=${c.value}`;
    const p = await createProduct({ price: 21_000 });
    expect((await postItem(req("POST", "/api/wishlist/items", cookie, { productId: p.id }), ctx())).status).toBe(201);
    expect((await postItem(req("POST", "/api/wishlist/items", cookie, { productId: p.id }), ctx())).status).toBe(200);
    const list = await (await getWishlist(req("GET", "/api/wishlist", cookie), ctx())).json();
    expect(list.items).toMatchObject([{ productId: p.id, price: 21_000, availability: { state: "available" } }]);
    for (let i = 0; i < 2; i++) {
      expect((await deleteItem(req("DELETE", `/api/wishlist/items/${p.id}`, cookie), ctx({ productId: p.id }))).status).toBe(204);
    }
    expect((await (await getWishlist(req("GET", "/api/wishlist", cookie), ctx())).json()).items).toEqual([]);
  });

  it("answers 422 for a bad product id and 404 for an unknown one", async () => {
    const user = await createUser();
    const c = await mintSessionCookie(user.id);
    const cookie = `${c.name}=${c.value}`;
    const bad = await postItem(req("POST", "/api/wishlist/items", cookie, { productId: 42 }), ctx());
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.productId).toBeDefined();
    const unknown = await postItem(req("POST", "/api/wishlist/items", cookie, { productId: "00000000-0000-4000-8000-000000000000" }), ctx());
    expect(unknown.status).toBe(404);
  });
});
