// Security: tampered JWT, revoked session reused, foreign/missing Origin, another user's data, a buyer on
// a seller-only guard, and the sign-in lockout (429 with Retry-After) through Auth.js's own route.
import { describe, expect, test } from "vitest";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as meRoute from "@/app/api/me/route";
import * as sessionRoute from "@/app/api/me/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/me/sessions/route";
import * as usersRoute from "@/app/api/users/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { requireRole } from "@/lib/auth/guards";
import { createAccount, signInViaAuthjs } from "@/test/accounts";
import { cookieHeader, ctx, jsonRequest, origin, randomIp } from "@/test/http";

describe("security", () => {
  test("a tampered or foreign-signed JWT is a 401", async () => {
    const { user } = await createAccount();
    const c = await mintSessionCookie(user.id);
    const parts = c.value.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    const res = await meRoute.GET(jsonRequest("/api/me", { cookie: `${c.name}=${parts.join(".")}` }), ctx());
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });

  test("a revoked session's cookie is refused on its next use", async () => {
    const { user } = await createAccount();
    const a = cookieHeader(await mintSessionCookie(user.id));
    const b = cookieHeader(await mintSessionCookie(user.id));
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: a }), ctx())).status).toBe(200);
    const listed = await (await sessionsRoute.GET(jsonRequest("/api/me/sessions", { cookie: b }), ctx())).json();
    expect(listed.sessions).toHaveLength(2);
    const other = listed.sessions.find((s: { current: boolean }) => !s.current);
    const del = await sessionRoute.DELETE(jsonRequest(`/api/me/sessions/${other.id}`, { method: "DELETE", cookie: b }), ctx({ id: other.id }));
    expect(del.status).toBe(204);
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: a }), ctx())).status).toBe(401);
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: b }), ctx())).status).toBe(200);
    // Sign out everywhere: this session too, and the cookie is cleared.
    const all = await sessionsRoute.DELETE(jsonRequest("/api/me/sessions", { method: "DELETE", cookie: b }), ctx());
    expect(all.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: b }), ctx())).status).toBe(401);
  });

  test("Auth.js's own /api/auth/session does not vouch for a revoked session", async () => {
    const { email, password } = await createAccount();
    const { cookie } = await signInViaAuthjs(email, password);
    const session = () => authRoute.GET(new Request(`${origin}/api/auth/session`, { headers: { cookie: cookie! } }), ctx() as never);
    const live = await (await session()).json();
    expect(live?.expires).toBeTruthy();
    await sessionsRoute.DELETE(jsonRequest("/api/me/sessions", { method: "DELETE", cookie: cookie! }), ctx());
    const res = await session();
    expect(await res.json()).toBeNull();
  });

  test("state-changing calls with a foreign or missing Origin are 403", async () => {
    const { user } = await createAccount();
    const c = cookieHeader(await mintSessionCookie(user.id));
    const foreign = await meRoute.PATCH(jsonRequest("/api/me", { method: "PATCH", cookie: c, body: { name: "해커" }, origin: "https://evil.example" }), ctx());
    expect(foreign.status).toBe(403);
    const missing = await meRoute.PATCH(jsonRequest("/api/me", { method: "PATCH", cookie: c, body: { name: "해커" }, origin: null }), ctx());
    expect(missing.status).toBe(403);
    const signUp = await usersRoute.POST(jsonRequest("/api/users", { body: {}, origin: "http://localhost.evil.example" }), ctx());
    expect(signUp.status).toBe(403);
    const me = await (await meRoute.GET(jsonRequest("/api/me", { cookie: c }), ctx())).json();
    expect(me.name).toBe("테스트 사용자");
  });

  test("one user cannot touch another's session (404), and unknown ids are 404 too", async () => {
    const alice = await createAccount();
    const bob = await createAccount();
    const aliceCookie = await mintSessionCookie(alice.user.id);
    const bobCookie = cookieHeader(await mintSessionCookie(bob.user.id));
    const res = await sessionRoute.DELETE(jsonRequest(`/api/me/sessions/${aliceCookie.sessionId}`, { method: "DELETE", cookie: bobCookie }), ctx({ id: aliceCookie.sessionId }));
    expect(res.status).toBe(404);
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: cookieHeader(aliceCookie) }), ctx())).status).toBe(200);
    const junk = await sessionRoute.DELETE(jsonRequest("/api/me/sessions/not-a-uuid", { method: "DELETE", cookie: bobCookie }), ctx({ id: "not-a-uuid" }));
    expect(junk.status).toBe(404);
    // Bob's session list never shows Alice's sessions.
    const list = await (await sessionsRoute.GET(jsonRequest("/api/me/sessions", { cookie: bobCookie }), ctx())).json();
    expect(list.sessions.map((s: { id: string }) => s.id)).not.toContain(aliceCookie.sessionId);
  });

  test("a buyer is refused by a seller-only guard (403); a seller passes; signed out is 401", async () => {
    const buyer = await createAccount();
    const seller = await createAccount({ role: "SELLER" });
    const asBuyer = jsonRequest("/api/seller/products", { cookie: cookieHeader(await mintSessionCookie(buyer.user.id)) });
    await expect(requireRole(asBuyer, "SELLER")).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
    const asSeller = jsonRequest("/api/seller/products", { cookie: cookieHeader(await mintSessionCookie(seller.user.id)) });
    expect((await requireRole(asSeller, "SELLER")).id).toBe(seller.user.id);
    await expect(requireRole(jsonRequest("/api/seller/products"), "SELLER")).rejects.toMatchObject({ status: 401 });
  });

  test("the 6th failed sign-in for an account in 15 minutes is a 429 with Retry-After, even with the right password", async () => {
    const { email, password } = await createAccount();
    for (let i = 0; i < 5; i++) {
      const r = await signInViaAuthjs(email, "Wrong!pass1");
      expect(r.cookie).toBeNull();
      expect(r.location).toContain("error=CredentialsSignin");
    }
    const locked = await signInViaAuthjs(email, password);
    expect(locked.res.status).toBe(429);
    expect(Number(locked.res.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(locked.cookie).toBeNull();
  });

  test("failures are also limited per IP, across accounts", async () => {
    const ip = randomIp();
    const victim = await createAccount();
    for (let i = 0; i < 5; i++) {
      const other = await createAccount();
      expect((await signInViaAuthjs(other.email, "Wrong!pass1", ip)).cookie).toBeNull();
    }
    expect((await signInViaAuthjs(victim.email, victim.password, ip)).res.status).toBe(429);
    // The same account from another address still works.
    expect((await signInViaAuthjs(victim.email, victim.password)).cookie).not.toBeNull();
  });

  test("a successful sign-in clears the account's failure count", async () => {
    const { email, password } = await createAccount();
    for (let i = 0; i < 4; i++) await signInViaAuthjs(email, "Wrong!pass1");
    expect((await signInViaAuthjs(email, password)).cookie).not.toBeNull();
    for (let i = 0; i < 4; i++) await signInViaAuthjs(email, "Wrong!pass1");
    expect((await signInViaAuthjs(email, password)).cookie).not.toBeNull();
  });

  test("an unknown email is answered exactly like a wrong password", async () => {
    const unknown = await signInViaAuthjs("nobody-here@example.com", "Wrong!pass1");
    const { email } = await createAccount();
    const wrong = await signInViaAuthjs(email, "Wrong!pass1");
    expect(unknown.res.status).toBe(wrong.res.status);
    expect(unknown.location).toBe(wrong.location);
  });
});
