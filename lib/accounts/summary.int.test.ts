// GET /api/me/summary, the one per-viewer request of a cached page: a guest's cart count, a signed-in user's
// name, role, cart and hearts; and the guest cart merged on the first summary after sign-in, its cookie dropped.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/me/summary/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { GUEST_CART_COOKIE, newGuestToken } from "@/lib/cart/guest-token";
import { guestOwner } from "@/lib/cart/owner";
import { addCartItem } from "@/lib/cart/service";
import { encrypt } from "@/lib/crypto/aead";
import { addToWishlist } from "@/lib/wishlist/service";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import type { ViewerSummary } from "./viewer";

async function summary(cookie?: string) {
  const res = await GET(jsonRequest("/api/me/summary", { cookie, origin: null }), ctx());
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  return { body: (await res.json()) as ViewerSummary, setCookie: res.headers.get("set-cookie") };
}

describe("GET /api/me/summary", () => {
  it("tells a guest with a cart how many lines it has, and no one is signed in", async () => {
    const [a, b] = [await createProduct(), await createProduct()];
    const token = newGuestToken();
    await addCartItem(guestOwner(token), { productId: a.id, quantity: 1 });
    await addCartItem(guestOwner(token), { productId: b.id, quantity: 2 });
    expect((await summary()).body).toEqual({ user: null, cartCount: 0, wishlist: [] });
    expect((await summary(`${GUEST_CART_COOKIE}=${token}`)).body).toEqual({ user: null, cartCount: 2, wishlist: [] });
  });

  it("gives a signed-in user their name, role and hearts, and merges the guest cart once", async () => {
    const user = await createUser({ role: "SELLER", nameEnc: encrypt("한지민") });
    const [hearted, other, inGuestCart] = [await createProduct(), await createProduct(), await createProduct()];
    await addToWishlist(user.id, other.id);
    await addToWishlist(user.id, hearted.id);
    const token = newGuestToken();
    await addCartItem(guestOwner(token), { productId: inGuestCart.id, quantity: 1 });
    const session = cookieHeader(await mintSessionCookie(user.id));

    const first = await summary(`${session}; ${GUEST_CART_COOKIE}=${token}`);
    expect(first.body).toMatchObject({ user: { name: "한지민", role: "SELLER" }, cartCount: 1 });
    expect([...first.body.wishlist].sort()).toEqual([hearted.id, other.id].sort());
    expect(first.setCookie).toMatch(new RegExp(`^${GUEST_CART_COOKIE}=; .*Max-Age=0`));
    // Sent again (the browser had not dropped it yet): nothing left to merge, the count stays.
    expect((await summary(`${session}; ${GUEST_CART_COOKIE}=${token}`)).body.cartCount).toBe(1);
  });
});
