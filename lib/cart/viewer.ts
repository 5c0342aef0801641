import "server-only";
// Whose cart a request means: the signed-in user's, else the guest cookie's. This is also where the
// sign-in merge happens — on the first request that carries both a session and a guest cookie — so it
// works whatever page Auth.js redirects to after sign-in, without hooking Auth.js's callbacks.
import { cookies } from "next/headers";
import { cache } from "react";
import { getPageUser, getSessionUser, type SessionUser } from "@/lib/auth/guards";
import type { RequestLike } from "@/lib/http";
import { GUEST_CART_COOKIE, guestCookieHeader, guestCookieOptions, guestTokenFromRequest, newGuestToken, readGuestToken } from "./guest-token";
import { mergeGuestCart } from "./merge";
import { guestOwner, userOwner, type CartOwner } from "./owner";

export type CartContext = {
  owner: CartOwner | null;
  user: SessionUser | null;
  /** Set-Cookie for the response: a new guest token, or the removal of a merged one. */
  setCookie: string | null;
};

function resolve(user: SessionUser | null, token: string | null, create: boolean): { owner: CartOwner | null; newToken: string | null } {
  if (user) return { owner: userOwner(user.id), newToken: null };
  if (token) return { owner: guestOwner(token), newToken: null };
  if (!create) return { owner: null, newToken: null };
  const fresh = newGuestToken();
  return { owner: guestOwner(fresh), newToken: fresh };
}

/** For route handlers. `create` gives a cookie-less guest a new cart token (only when adding). */
export async function cartContextFromRequest(req: Pick<RequestLike, "headers">, create = false): Promise<CartContext> {
  const user = await getSessionUser(req);
  const token = guestTokenFromRequest(req);
  if (user && token) await mergeGuestCart(user.id, token);
  const { owner, newToken } = resolve(user, token, create);
  const setCookie = newToken ? guestCookieHeader(newToken) : user && token ? guestCookieHeader(null) : null;
  return { owner, user, setCookie };
}

export function withCartCookie(res: Response, ctx: CartContext): Response {
  if (ctx.setCookie) res.headers.append("set-cookie", ctx.setCookie);
  return res;
}

/**
 * For server components, which cannot set cookies. `staleGuestCookie` says a merged guest cookie is still
 * in the browser: the page then asks forgetGuestCartAction to remove it (the cart behind it is gone).
 */
export const getPageCartOwner = cache(pageCartOwner);

async function pageCartOwner(): Promise<{ owner: CartOwner | null; user: SessionUser | null; staleGuestCookie: boolean }> {
  const user = await getPageUser();
  const token = readGuestToken((await cookies()).get(GUEST_CART_COOKIE)?.value);
  if (user && token) await mergeGuestCart(user.id, token);
  return { owner: resolve(user, token, false).owner, user, staleGuestCookie: Boolean(user && token) };
}

/**
 * For server actions, which may write cookies: removes merged guest cookies; with `create`, a cookie-less
 * guest gets a new token, which the action keeps (keepGuestToken) only once its add has succeeded.
 */
export async function getActionCartOwner(create = false): Promise<{ owner: CartOwner | null; user: SessionUser | null; newToken: string | null }> {
  const jar = await cookies();
  const user = await getPageUser();
  const token = readGuestToken(jar.get(GUEST_CART_COOKIE)?.value);
  if (user && token) {
    await mergeGuestCart(user.id, token);
    jar.delete(GUEST_CART_COOKIE);
  }
  const { owner, newToken } = resolve(user, token, create);
  return { owner, user, newToken };
}

/** Sets the guest cookie of a cart an action has just created. */
export async function keepGuestToken(token: string): Promise<void> {
  (await cookies()).set(GUEST_CART_COOKIE, token, guestCookieOptions);
}
