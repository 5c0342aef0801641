// Kakao and Naver sign-in through Auth.js's own routes against real OAuth servers on loopback
// (oauth2-mock-server shaped like each provider): the linking rules of lib/auth/oauth.ts, the sign-up that
// a new member must finish with the consents, and one session mechanism for every way of signing in.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test, vi } from "vitest";
import { stubEnvs } from "@/test/env";
import { startProviderMock } from "@/test/oauth-mock";

// The providers' endpoints must be in the environment before the app's modules read it (lib/env.ts).
const kakao = await startProviderMock("kakao");
const naver = await startProviderMock("naver");
stubEnvs({ ...kakao.env, ...naver.env });
const authRoute = await import("@/app/api/auth/[...nextauth]/route");
const meRoute = await import("@/app/api/me/route");
const socialRoute = await import("@/app/api/users/social/route");
const consentsRoute = await import("@/app/api/me/consents/route");
const { sessionCookieName } = await import("@/lib/auth/cookie");
const { db } = await import("@/lib/db");
const { createAccount } = await import("@/test/accounts");
const { ctx, jsonRequest, origin } = await import("@/test/http");

afterAll(async () => {
  vi.unstubAllEnvs();
  await kakao.stop();
  await naver.stop();
});

const setCookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
const sessionOf = (cookies: string[]) => cookies.find((c) => c.startsWith(`${sessionCookieName}=`) && c.length > sessionCookieName.length + 1) ?? null;

/** The browser's round trip: csrf → POST signin/<provider> → the provider's /authorize → our callback. */
async function socialSignIn(provider: "kakao" | "naver", at = origin) {
  const csrfRes = await authRoute.GET(new Request(`${origin}/api/auth/csrf`), ctx({}) as never);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  // A cookie jar: a later Set-Cookie of the same name replaces the earlier one, as in a browser.
  const jar = new Map(setCookies(csrfRes).map((c) => [c.slice(0, c.indexOf("=")), c]));
  const header = () => [...jar.values()].join("; ");
  const start = await authRoute.POST(
    new Request(`${at}/api/auth/signin/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${origin}/account` }),
    }),
    ctx({}) as never,
  );
  const authorize = start.headers.get("location")!;
  expect(authorize.startsWith((provider === "kakao" ? kakao : naver).base)).toBe(true);
  for (const c of setCookies(start)) jar.set(c.slice(0, c.indexOf("=")), c);
  const atProvider = await fetch(authorize, { redirect: "manual" });
  const callback = atProvider.headers.get("location")!;
  expect(callback).toContain(`/api/auth/callback/${provider}?code=`);
  const res = await authRoute.GET(new Request(callback.replace(origin, at), { headers: { cookie: header() } }), ctx({}) as never);
  return { location: res.headers.get("location") ?? "", cookie: sessionOf(setCookies(res)), redirectUri: new URL(authorize).searchParams.get("redirect_uri") };
}

const me = async (cookie: string) => meRoute.GET(jsonRequest("/api/me", { cookie }), ctx());
const newEmail = () => `social-${randomUUID().slice(0, 8)}@example.com`;
const kakaoId = () => String(Math.floor(Math.random() * 1e12));
const consents = { agreeTerms: true, agreePrivacy: true, confirmAge14: true };

describe("Kakao / Naver sign-in", () => {
  test("a new verified address must finish sign-up with the consents; then the identity signs straight in", async () => {
    const email = newEmail();
    const id = kakaoId();
    kakao.setIdentity({ id, email, verified: true, name: "카카오회원" });
    const first = await socialSignIn("kakao");
    expect(first.cookie).toBeNull();
    const ticket = new URL(first.location, origin).searchParams.get("ticket")!;
    expect(first.location).toMatch(/\/signup\/social\?ticket=/);
    expect(await db.user.count({ where: { oauthAccounts: { some: { providerAccountId: id } } } })).toBe(0);

    // Without the required consents: 422 for each, and the ticket still works.
    const refused = await socialRoute.POST(jsonRequest("/api/users/social", { body: { ticket, name: "카카오회원", phone: "010-2222-3333", agreeTerms: true } }), ctx());
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.fields).toEqual({ agreePrivacy: ["consent_required"], confirmAge14: ["consent_required"] });

    const done = await socialRoute.POST(jsonRequest("/api/users/social", { body: { ticket, name: "카카오회원", phone: "010-2222-3333", ...consents, agreeMarketing: true } }), ctx());
    expect(done.status).toBe(201);
    const cookie = sessionOf(setCookies(done))!;
    const profile = await (await me(cookie)).json();
    expect(profile).toMatchObject({ email, emailVerified: true, role: "BUYER" });
    const recorded = (await (await consentsRoute.GET(jsonRequest("/api/me/consents", { cookie }), ctx())).json()).consents as { kind: string; granted: boolean }[];
    expect(recorded.map((c) => [c.kind, c.granted]).sort()).toEqual([["AGE_14", true], ["MARKETING", true], ["PRIVACY", true], ["TERMS", true]]);

    // The ticket was used up.
    expect((await socialRoute.POST(jsonRequest("/api/users/social", { body: { ticket, name: "두번째", phone: "010-2222-3333", ...consents } }), ctx())).status).toBe(400);

    // Next time the same Kakao identity signs in at once, to the same account, with a server-side session.
    const again = await socialSignIn("kakao");
    expect(again.location).toBe(`${origin}/account`);
    expect((await (await me(again.cookie!)).json()).id).toBe(profile.id);
    expect(await db.session.count({ where: { userId: profile.id, revokedAt: null } })).toBe(2);
  });

  test("a verified address links to the existing verified account (Kakao and Naver), with revocable server-side sessions", async () => {
    const { user, email } = await createAccount();
    kakao.setIdentity({ id: kakaoId(), email: email.toUpperCase(), verified: true });
    const viaKakao = await socialSignIn("kakao");
    expect((await (await me(viaKakao.cookie!)).json()).id).toBe(user.id);
    naver.setIdentity({ id: `nv-${randomUUID()}`, email });
    const viaNaver = await socialSignIn("naver");
    expect((await (await me(viaNaver.cookie!)).json()).id).toBe(user.id);
    expect((await db.oAuthAccount.findMany({ where: { userId: user.id } })).map((a) => a.provider).sort()).toEqual(["kakao", "naver"]);
    // One session mechanism: the social session is a revocable server-side session like any other.
    const { revokeAllSessions } = await import("@/lib/auth/session");
    await revokeAllSessions(user.id);
    expect((await me(viaKakao.cookie!)).status).toBe(401);
  });

  test("a linked identity keeps signing into its account even if the provider's address changes", async () => {
    const { user, email } = await createAccount();
    const id = kakaoId();
    kakao.setIdentity({ id, email, verified: true });
    await socialSignIn("kakao");
    kakao.setIdentity({ id, email: newEmail(), verified: true });
    const later = await socialSignIn("kakao");
    expect((await (await me(later.cookie!)).json()).id).toBe(user.id);
  });

  test("an address the provider has not verified never links, nor starts a sign-up", async () => {
    const { user, email } = await createAccount();
    kakao.setIdentity({ id: kakaoId(), email, verified: false });
    const res = await socialSignIn("kakao");
    expect(res.cookie).toBeNull();
    expect(res.location).toBe(`${origin}/signin?error=OAuthRefused&code=email_unverified`);
    expect(await db.oAuthAccount.count({ where: { userId: user.id } })).toBe(0);
    kakao.setIdentity({ id: kakaoId(), email: null });
    expect((await socialSignIn("kakao")).location).toContain("code=email_unverified");
  });

  test("requests that reach Auth.js addressed to the bound address (0.0.0.0) still redirect to the shop's origin", async () => {
    const { email } = await createAccount();
    kakao.setIdentity({ id: kakaoId(), email, verified: true });
    const res = await socialSignIn("kakao", "http://0.0.0.0:3000");
    expect(res.redirectUri).toBe(`${origin}/api/auth/callback/kakao`);
    expect(res.location).toBe(`${origin}/account`);
  });

  test("an account whose own address is unverified is not taken over (sign in with the password first)", async () => {
    const { user, email } = await createAccount({ verified: false });
    kakao.setIdentity({ id: kakaoId(), email, verified: true });
    const res = await socialSignIn("kakao");
    expect(res.cookie).toBeNull();
    expect(res.location).toContain("code=link_unverified");
    expect(await db.oAuthAccount.count({ where: { userId: user.id } })).toBe(0);
  });
});
