// Real answers of the accounts routes (PostgreSQL, Redis, Auth.js sessions) held against the OpenAPI
// document: each route's success and at least one of its errors, with no field the document does not
// describe (test/openapi.ts).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as passwordLinkRoute from "@/app/api/me/password/link/route";
import * as passwordRoute from "@/app/api/me/password/route";
import * as phoneCodeRoute from "@/app/api/me/phone/code/route";
import * as phoneRoute from "@/app/api/me/phone/route";
import * as phoneVerifyRoute from "@/app/api/me/phone/verify/route";
import * as meRoute from "@/app/api/me/route";
import * as sessionRoute from "@/app/api/me/sessions/[id]/route";
import * as sessionsRoute from "@/app/api/me/sessions/route";
import * as summaryRoute from "@/app/api/me/summary/route";
import * as usersRoute from "@/app/api/users/route";
import * as resendRoute from "@/app/api/users/verify/resend/route";
import * as verifyRoute from "@/app/api/users/verify/route";
import { hashToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { createAccount, signInViaAuthjs, TEST_PASSWORD } from "@/test/accounts";
import { ctx, jsonRequest, origin } from "@/test/http";
import { checkAnswer, expectConforms } from "@/test/openapi";
import { lastSmsCode, randomMobile } from "@/test/phone";
import { openApiDocument } from "./document";

const doc = openApiDocument();
const check = (path: string, method: string, res: Response) => checkAnswer(doc, path, method, res);
const none = ctx() as never;

/** A verified buyer signed in through Auth.js (a real session row). */
async function account(opts: { verified?: boolean } = {}) {
  const a = await createAccount(opts);
  const { cookie } = await signInViaAuthjs(a.email, a.password);
  return { ...a, cookie: cookie! };
}

describe("accounts", () => {
  it("Auth.js: the csrf token as JSON, and a sign-in's redirect with the session cookie", async () => {
    const csrf = await check("/api/auth/{nextauth}", "GET", await authRoute.GET(new Request(`${origin}/api/auth/csrf`), ctx({ nextauth: ["csrf"] }) as never));
    expectConforms(csrf, 200);
    expect(typeof csrf.body.csrfToken).toBe("string");
    const a = await createAccount();
    const signedIn = await signInViaAuthjs(a.email, a.password);
    expect(signedIn.res.status).toBe(302);
    expect(signedIn.res.headers.get("location")).toBeTruthy();
    expectConforms(await check("/api/auth/{nextauth}", "POST", signedIn.res), 302);
  });

  it("POST /api/users: 202 verification sent, 422 naming the bad fields", async () => {
    const body = { email: `oa-${randomUUID().slice(0, 8)}@example.com`, password: "Open!api12", name: "문서", phone: "010-5555-0101", agreeTerms: true, agreePrivacy: true, confirmAge14: true };
    expectConforms(await check("/api/users", "POST", await usersRoute.POST(jsonRequest("/api/users", { body }), none)), 202);
    const bad = await check("/api/users", "POST", await usersRoute.POST(jsonRequest("/api/users", { body: { ...body, email: "nope", password: "short" } }), none));
    expectConforms(bad, 422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["email", "password"]);
  });

  it("POST /api/users/verify: 200 with a live token, 400 once used; resend: 202 unverified, 409 verified", async () => {
    const a = await account({ verified: false });
    const resend = () => resendRoute.POST(jsonRequest("/api/users/verify/resend", { method: "POST", cookie: a.cookie }), none);
    expectConforms(await check("/api/users/verify/resend", "POST", await resend()), 202);
    // A token as a mail carries it (a resend retires earlier ones, so it comes after).
    const token = randomUUID();
    await db.emailVerificationToken.create({ data: { userId: a.user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3_600_000) } });
    const verify = () => verifyRoute.POST(jsonRequest("/api/users/verify", { body: { token } }), none);
    expectConforms(await check("/api/users/verify", "POST", await verify()), 200);
    expectConforms(await check("/api/users/verify", "POST", await verify()), 400);
    expectConforms(await check("/api/users/verify/resend", "POST", await resend()), 409);
  });

  it("GET|PATCH|DELETE /api/me: the profile, 422 for a bad edit or a wrong password, 204 deleted, 401 after", async () => {
    const a = await account();
    const me = (method: string, body?: unknown) => meRoute[method as "GET" | "PATCH" | "DELETE"](jsonRequest("/api/me", { method, body, cookie: a.cookie }), none);
    const profile = await check("/api/me", "GET", await me("GET"));
    expectConforms(profile, 200);
    expect(profile.body).toMatchObject({ id: a.user.id, email: a.email, emailVerified: true });
    expectConforms(await check("/api/me", "PATCH", await me("PATCH", { name: "새 이름" })), 200);
    expectConforms(await check("/api/me", "PATCH", await me("PATCH", { name: "" })), 422);
    expectConforms(await check("/api/me", "DELETE", await me("DELETE", { password: "Wrong!pass1" })), 422);
    const deleted = await check("/api/me", "DELETE", await me("DELETE", { password: TEST_PASSWORD }));
    expectConforms(deleted, 204);
    expect(deleted.headers.get("set-cookie")).toMatch(/authjs\.session-token=;|Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expectConforms(await check("/api/me", "GET", await me("GET")), 401);
  });

  it("POST /api/me/password: 200 revoked count, 422 for a wrong current password", async () => {
    const a = await account();
    const change = (current: string) => passwordRoute.POST(jsonRequest("/api/me/password", { body: { currentPassword: current, newPassword: "Brand!new12" }, cookie: a.cookie }), none);
    expectConforms(await check("/api/me/password", "POST", await change("Wrong!pass1")), 422);
    const changed = await check("/api/me/password", "POST", await change(TEST_PASSWORD));
    expectConforms(changed, 200);
    expect(changed.body.revoked).toBeGreaterThanOrEqual(0);
  });

  it("POST /api/me/password/link: 202 the mail is on its way, 429 past the address's limit", async () => {
    const a = await account();
    const send = () => passwordLinkRoute.POST(jsonRequest("/api/me/password/link", { cookie: a.cookie }), none);
    const sent = await check("/api/me/password/link", "POST", await send());
    expectConforms(sent, 202);
    expect(sent.body).toEqual({ status: "reset_requested" });
    await send();
    await send();
    expectConforms(await check("/api/me/password/link", "POST", await send()), 429);
  });

  it("the phone: status, a code sent, 422 for a wrong one, verified, 409 for the same number again, removed", async () => {
    const a = await account();
    const phone = randomMobile();
    const call = (route: { POST?: unknown; GET?: unknown; DELETE?: unknown }, method: "GET" | "POST" | "DELETE", path: string, body?: unknown) =>
      (route as Record<string, (r: Request, c: never) => Promise<Response>>)[method](jsonRequest(path, { method, body, cookie: a.cookie }), none);
    expectConforms(await check("/api/me/phone", "GET", await call(phoneRoute, "GET", "/api/me/phone")), 200);
    const sent = await check("/api/me/phone/code", "POST", await call(phoneCodeRoute, "POST", "/api/me/phone/code", { phone: phone.local }));
    expectConforms(sent, 200);
    expect(sent.body.pending).not.toBeNull();
    expectConforms(await check("/api/me/phone/code", "POST", await call(phoneCodeRoute, "POST", "/api/me/phone/code", { phone: "123" })), 422);
    const code = await lastSmsCode(phone.e164);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const refused = await check("/api/me/phone/verify", "POST", await call(phoneVerifyRoute, "POST", "/api/me/phone/verify", { code: wrong }));
    expectConforms(refused, 422);
    expect(refused.body.error.attemptsLeft).toBeGreaterThan(0);
    const verified = await check("/api/me/phone/verify", "POST", await call(phoneVerifyRoute, "POST", "/api/me/phone/verify", { code }));
    expectConforms(verified, 200);
    expect(verified.body.phone).not.toBeNull();
    expectConforms(await check("/api/me/phone/code", "POST", await call(phoneCodeRoute, "POST", "/api/me/phone/code", { phone: phone.local })), 409);
    const removed = await check("/api/me/phone", "DELETE", await call(phoneRoute, "DELETE", "/api/me/phone"));
    expectConforms(removed, 200);
    expect(removed.body.phone).toBeNull();
  });

  it("sessions: the list, 404 for a session that is not the caller's, 204 revoked, 200 signed out everywhere", async () => {
    const a = await account();
    const other = await signInViaAuthjs(a.email, a.password);
    const list = await check("/api/me/sessions", "GET", await sessionsRoute.GET(jsonRequest("/api/me/sessions", { cookie: a.cookie }), none));
    expectConforms(list, 200);
    expect(list.body.sessions).toHaveLength(2);
    const notMine = randomUUID();
    expectConforms(await check("/api/me/sessions/{id}", "DELETE", await sessionRoute.DELETE(jsonRequest(`/api/me/sessions/${notMine}`, { method: "DELETE", cookie: a.cookie }), ctx({ id: notMine }) as never)), 404);
    const otherId = (list.body.sessions as { id: string; current: boolean }[]).find((s) => !s.current)!.id;
    expectConforms(await check("/api/me/sessions/{id}", "DELETE", await sessionRoute.DELETE(jsonRequest(`/api/me/sessions/${otherId}`, { method: "DELETE", cookie: a.cookie }), ctx({ id: otherId }) as never)), 204);
    const all = await check("/api/me/sessions", "DELETE", await sessionsRoute.DELETE(jsonRequest("/api/me/sessions", { method: "DELETE", cookie: a.cookie }), none));
    expectConforms(all, 200);
    expect(all.body.revoked).toBe(1);
    expectConforms(await check("/api/me/sessions", "GET", await sessionsRoute.GET(jsonRequest("/api/me/sessions", { cookie: other.cookie! }), none)), 401);
  });

  it("GET /api/me/summary: a guest and a signed-in viewer", async () => {
    const guest = await check("/api/me/summary", "GET", await summaryRoute.GET(jsonRequest("/api/me/summary"), none));
    expectConforms(guest, 200);
    expect(guest.body).toMatchObject({ user: null, cartCount: 0, wishlist: [] });
    const a = await account();
    const viewer = await check("/api/me/summary", "GET", await summaryRoute.GET(jsonRequest("/api/me/summary", { cookie: a.cookie }), none));
    expectConforms(viewer, 200);
    expect(viewer.body.user).toMatchObject({ role: "BUYER" });
  });
});
