// An account made through Kakao or Naver has no password: through the real routes, PostgreSQL, Redis, the
// outbox and the mail job, it sets one by the mailed link, and deletes itself by typing its own address —
// never by a password it does not have. A password account still needs its password to delete.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import * as meRoute from "@/app/api/me/route";
import * as passwordRoute from "@/app/api/me/password/route";
import * as linkRoute from "@/app/api/me/password/link/route";
import * as confirmRoute from "@/app/api/users/password-reset/confirm/route";
import * as socialRoute from "@/app/api/users/social/route";
import { resolveOAuthSignIn } from "@/lib/auth/oauth";
import { sessionCookieName } from "@/lib/auth/cookie";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { PASSWORD_RESET_QUEUE } from "@/lib/mail/jobs";
import { createAccount, signInViaAuthjs } from "@/test/accounts";
import { ctx, jsonRequest } from "@/test/http";
import { runJobsNow } from "@/test/jobs";

afterAll(() => stopBoss());

const consents = { agreeTerms: true, agreePrivacy: true, confirmAge14: true };

/** A Kakao member as the sign-in makes one: a verified address with no account → the ticket → the consents. */
async function kakaoMember() {
  const email = `kakao-${randomUUID().slice(0, 8)}@example.com`;
  const outcome = await resolveOAuthSignIn({ provider: "kakao", providerAccountId: randomUUID(), email, emailVerified: true, name: "카카오회원" });
  if (outcome.kind !== "needs_signup") throw new Error(`expected a sign-up ticket, got ${outcome.kind}`);
  const res = await socialRoute.POST(jsonRequest("/api/users/social", { body: { ticket: outcome.ticket, name: "카카오회원", phone: "010-2222-3333", ...consents } }), ctx());
  expect(res.status).toBe(201);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith(`${sessionCookieName}=`))!;
  const { id } = (await (await meRoute.GET(jsonRequest("/api/me", { cookie }), ctx())).json()) as { id: string };
  return { email, cookie, userId: id };
}

const me = (cookie: string) => meRoute.GET(jsonRequest("/api/me", { cookie }), ctx());
const remove = (cookie: string, body: unknown) => meRoute.DELETE(jsonRequest("/api/me", { method: "DELETE", body, cookie }), ctx());
const link = (cookie: string) => linkRoute.POST(jsonRequest("/api/me/password/link", { cookie }), ctx());
const fieldsOf = async (res: Response) => ((await res.json()) as { error: { fields?: Record<string, string[]> } }).error.fields;

async function resetMailsTo(email: string) {
  await runJobsNow([PASSWORD_RESET_QUEUE]);
  return db.devMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}
const tokenOf = (text: string) => new URL(text.match(/https?:\/\/\S+\/reset-password\?token=\S+/)![0]).searchParams.get("token")!;

describe("an account made through Kakao or Naver", () => {
  test("has no password to change; sets one through the mailed link, then signs in with it too", async () => {
    const m = await kakaoMember();
    expect(await (await me(m.cookie)).json()).toMatchObject({ email: m.email, hasPassword: false });

    // Changing a password it does not have says so (not "wrong password").
    const change = await passwordRoute.POST(jsonRequest("/api/me/password", { body: { currentPassword: "Anything!1", newPassword: "Brand!new2026" }, cookie: m.cookie }), ctx());
    expect(change.status).toBe(422);
    expect(await fieldsOf(change)).toEqual({ currentPassword: ["no_password"] });

    const sent = await link(m.cookie);
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({ status: "reset_requested" });
    const [mail] = await resetMailsTo(m.email);
    expect(mail.text).toContain("/reset-password?token=");
    const done = await confirmRoute.POST(jsonRequest("/api/users/password-reset/confirm", { body: { token: tokenOf(mail.text), password: "Brand!new2026" } }), ctx());
    expect(done.status).toBe(200);

    // As a reset does, the link signed every session out; the new password signs in, and Kakao stays linked.
    expect((await me(m.cookie)).status).toBe(401);
    const signedIn = await signInViaAuthjs(m.email, "Brand!new2026");
    expect(signedIn.cookie).toBeTruthy();
    expect(await (await me(signedIn.cookie!)).json()).toMatchObject({ id: m.userId, hasPassword: true });
    expect(await db.oAuthAccount.count({ where: { userId: m.userId } })).toBe(1);
  });

  test("the link is limited per address like reset requests (429 after three an hour)", async () => {
    const m = await kakaoMember();
    for (let i = 0; i < 3; i++) expect((await link(m.cookie)).status).toBe(202);
    const limited = await link(m.cookie);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
  });

  test("deletes itself by typing its own email address, not by a password", async () => {
    const m = await kakaoMember();
    const nothing = await remove(m.cookie, {});
    expect(nothing.status).toBe(422);
    expect(await fieldsOf(nothing)).toEqual({ confirmEmail: ["required"] });
    // A password is no confirmation for an account that has none.
    const password = await remove(m.cookie, { password: "Anything!1" });
    expect(password.status).toBe(422);
    expect(await fieldsOf(password)).toEqual({ confirmEmail: ["required"] });
    const other = await remove(m.cookie, { confirmEmail: "someone-else@example.com" });
    expect(other.status).toBe(422);
    expect(await fieldsOf(other)).toEqual({ confirmEmail: ["confirm_mismatch"] });
    expect(await db.user.count({ where: { id: m.userId, deletedAt: null } })).toBe(1);

    // Typed as people type it: case and surrounding spaces do not matter.
    const deleted = await remove(m.cookie, { confirmEmail: `  ${m.email.toUpperCase()} ` });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get("set-cookie")).toContain(sessionCookieName);
    const row = await db.user.findUniqueOrThrow({ where: { id: m.userId } });
    expect(row.deletedAt).not.toBeNull();
    expect([row.emailHash, row.emailEnc, row.nameEnc, row.phoneEnc]).toEqual([null, null, null, null]);
    expect(await db.oAuthAccount.count({ where: { userId: m.userId } })).toBe(0);
    expect((await me(m.cookie)).status).toBe(401);
  });

  test("an account with a password still confirms with it: typing the address is not enough", async () => {
    const { email, password } = await createAccount();
    const { cookie } = await signInViaAuthjs(email, password);
    const typed = await remove(cookie!, { confirmEmail: email });
    expect(typed.status).toBe(422);
    expect(await fieldsOf(typed)).toEqual({ password: ["required"] });
    expect(await (await me(cookie!)).json()).toMatchObject({ hasPassword: true });
    expect((await remove(cookie!, { password })).status).toBe(204);
  });
});
