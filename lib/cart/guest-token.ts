// The guest cart's cookie: a random token the browser keeps (HttpOnly) and the server knows only by its
// SHA-256, so a leaked database row cannot be replayed as a cookie.
import { createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

export const GUEST_CART_COOKIE = "hu_cart";
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** The cookie is set once, when the guest cart is created; the cart is unreachable after this. */
export const GUEST_CART_MAX_AGE_SECONDS = 60 * 60 * 24 * 30;

export function newGuestToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The token from a cookie value, or null when absent or malformed (a forged value finds nothing anyway). */
export function readGuestToken(value: string | undefined | null): string | null {
  return value && TOKEN_SHAPE.test(value) ? value : null;
}

export function hashGuestToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const guestCookieOptions = {
  httpOnly: true,
  sameSite: "lax" as const,
  // Same rule as the session cookie (lib/auth/cookie.ts): Secure whenever the shop is served over https.
  secure: env.APP_URL.startsWith("https://"),
  path: "/",
  maxAge: GUEST_CART_MAX_AGE_SECONDS,
};

/** A Set-Cookie header value, for route handlers that build their own Response. */
export function guestCookieHeader(token: string | null): string {
  const o = guestCookieOptions;
  const value = token ?? "";
  const maxAge = token ? o.maxAge : 0;
  return `${GUEST_CART_COOKIE}=${value}; Path=${o.path}; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${o.secure ? "; Secure" : ""}`;
}

/** The guest token in a request's Cookie header. */
export function guestTokenFromRequest(req: { headers: { get(name: string): string | null } }): string | null {
  const header = req.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === GUEST_CART_COOKIE) return readGuestToken(rest.join("="));
  }
  return null;
}
