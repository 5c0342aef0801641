import "server-only";
// The guards every route handler and server action uses. Route-handler guards take just the Request (no
// Next request scope), so they work in integration tests and stay cheap on the hot buy path: decode the
// JWT, then one Redis GET (PostgreSQL only on a cache miss).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { RequestLike } from "@/lib/http";
import { loadLiveSession, readLiveSession, type LiveSession } from "./session-store";
import { decodeSessionToken, readSessionCookie, sessionCookieName, type SessionClaims } from "./cookie";
import type { Role } from "@/lib/generated/prisma/client";

/** phoneHash: the blind index of the verified mobile number, null without one (lib/auth/session-store.ts). */
export type SessionUser = { id: string; role: Role; emailVerified: boolean; phoneHash: string | null; sessionId: string };

/** The signed-in user of a session token, or null (missing, tampered, expired, revoked, deleted). */
export async function userFromSessionToken(token: string | null | undefined): Promise<SessionUser | null> {
  const claims = decodeSessionToken(token);
  return claims ? userOfClaims(claims) : null;
}

/** What the request's cookie claims (decrypted and checked, no I/O) — not yet whether the session lives. */
export function sessionClaims(req: Pick<RequestLike, "headers">): SessionClaims | null {
  return decodeSessionToken(readSessionCookie(req.headers.get("cookie")));
}

/**
 * The user behind checked claims if their session lives (one Redis GET; PostgreSQL on a cache miss).
 * `fromDatabase`: skip the cache, which the caller just found empty (the buy path's script reads it).
 */
export async function userOfClaims(claims: SessionClaims, fromDatabase = false): Promise<SessionUser | null> {
  const live: LiveSession | null = await (fromDatabase ? readLiveSession : loadLiveSession)(claims.sid);
  if (!live || live.userId !== claims.sub) return null;
  return { id: live.userId, role: live.role, emailVerified: live.emailVerified, phoneHash: live.phoneHash, sessionId: claims.sid };
}

/** The buyer behind checked claims: 401 unless the session lives, 403 without a verified email (userOfClaims). */
export async function verifiedUserOfClaims(claims: SessionClaims, fromDatabase = false): Promise<SessionUser> {
  return assertVerified((await userOfClaims(claims, fromDatabase)) ?? signInFirst());
}

export async function getSessionUser(req: Pick<RequestLike, "headers">): Promise<SessionUser | null> {
  return userFromSessionToken(readSessionCookie(req.headers.get("cookie")));
}

/** The one 401 of the guards. */
export function signInFirst(): never {
  throw new AppError("UNAUTHENTICATED", "Sign in first");
}

export async function requireUser(req: Pick<RequestLike, "headers">): Promise<SessionUser> {
  const user = await getSessionUser(req);
  if (!user) signInFirst();
  return user;
}

/** Signed in with a verified email — required to place orders. */
export async function requireVerifiedUser(req: Pick<RequestLike, "headers">): Promise<SessionUser> {
  return assertVerified(await requireUser(req));
}

export async function requireRole(req: Pick<RequestLike, "headers">, ...roles: Role[]): Promise<SessionUser> {
  return assertRole(await requireUser(req), roles);
}

export function assertVerified(user: SessionUser): SessionUser {
  if (!user.emailVerified) emailNotVerified();
  return user;
}

/** The one 403 for an account whose email is not verified yet. */
export function emailNotVerified(): never {
  throw new AppError("EMAIL_NOT_VERIFIED", "Verify your email address first");
}

export function assertRole(user: SessionUser, roles: Role[]): SessionUser {
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", "Not allowed for your account type");
  return user;
}

// ---- Pages, layouts and server actions (Next request scope) ----

export async function getPageUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  const whole = jar.get(sessionCookieName)?.value;
  if (whole) return userFromSessionToken(whole);
  const chunks = jar.getAll().filter((c) => c.name.startsWith(`${sessionCookieName}.`));
  chunks.sort((a, b) => Number(a.name.split(".").pop()) - Number(b.name.split(".").pop()));
  return chunks.length ? userFromSessionToken(chunks.map((c) => c.value).join("")) : null;
}

/** Signed-out visitors are sent to sign-in and brought back to `callbackUrl` afterwards. */
export async function requirePageUser(callbackUrl = "/"): Promise<SessionUser> {
  const user = await getPageUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackUrl(callbackUrl))}`);
  return user;
}

/** A signed-in user without the role gets the 403 page (Next's forbidden() is experimental, so: notFound-like). */
export async function requirePageRole(callbackUrl: string, ...roles: Role[]): Promise<SessionUser> {
  const user = await requirePageUser(callbackUrl);
  if (!roles.includes(user.role)) redirect("/forbidden");
  return user;
}

/** For server actions: throws AppError like the route guards (actions map it to a form state). */
export async function requireActionUser(): Promise<SessionUser> {
  const user = await getPageUser();
  if (!user) signInFirst();
  return user;
}

/** Only same-site paths may be redirect targets (no open redirects). */
export function safeCallbackUrl(url: string | null | undefined): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return "/";
  return url;
}
