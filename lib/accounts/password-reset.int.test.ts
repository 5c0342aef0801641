// Password reset through the real stack: the API routes, PostgreSQL, Redis (sessions, limits), the outbox
// and the mail job writing into the development mailbox. Time is moved with the shop's clock, never waited.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import * as meRoute from "@/app/api/me/route";
import * as resetRoute from "@/app/api/users/password-reset/route";
import * as confirmRoute from "@/app/api/users/password-reset/confirm/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { PASSWORD_RESET_QUEUE } from "@/lib/mail/jobs";
import { RESET_REQUEST_FLOOR_MS, RESET_TTL_MS } from "./password-reset";
import { limiters } from "@/lib/rate-limit";
import { createAccount, signInViaAuthjs } from "@/test/accounts";
import { cookieHeader, ctx, jsonRequest, origin } from "@/test/http";
import { runJobsNow } from "@/test/jobs";

afterAll(() => stopBoss());
afterEach(() => clock.setOffsetMs(0));

const request = (email: string, ip?: string) => resetRoute.POST(jsonRequest("/api/users/password-reset", { body: { email }, ...(ip && { headers: { "x-forwarded-for": ip } }) }), ctx());
const confirm = (token: string, password: string) => confirmRoute.POST(jsonRequest("/api/users/password-reset/confirm", { body: { token, password } }), ctx());

async function resetMailsTo(email: string) {
  await runJobsNow([PASSWORD_RESET_QUEUE]);
  return db.devMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}
const tokenOf = (text: string) => new URL(text.match(/https?:\/\/\S+\/reset-password\?token=\S+/)![0]).searchParams.get("token")!;

describe("password reset", () => {
  test("mail, single-use token, new password works, every session revoked, sign-in lock cleared", async () => {
    const { user, email, password } = await createAccount();
    const session = cookieHeader(await mintSessionCookie(user.id));
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: session }), ctx())).status).toBe(200);
    // A few wrong passwords: the reset clears the account's failure count.
    const ip = "10.9.8.7";
    for (let i = 0; i < 3; i++) expect((await signInViaAuthjs(email, "Wrong!pass1", ip)).cookie).toBeNull();
    const emailHash = user.emailHash!;
    expect((await limiters.signInAccount.get(emailHash))?.consumedPoints).toBe(3);

    const res = await request(email);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "reset_requested" });
    const [mail] = await resetMailsTo(email);
    expect(mail.subject).toContain("비밀번호 재설정");
    expect(mail.html).toContain(`${origin}/reset-password?token=`);
    const token = tokenOf(mail.text);
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(RESET_TTL_MS + 1000);

    // The new password must meet the policy (422 with the field's codes; the token is not used up).
    const weak = await confirm(token, "short");
    expect(weak.status).toBe(422);
    expect((await weak.json()).error.fields.password).toContain("password_too_short");

    const ok = await confirm(token, "Brand!new2026");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "password_reset" });
    expect(await limiters.signInAccount.get(emailHash)).toBeNull();
    expect((await meRoute.GET(jsonRequest("/api/me", { cookie: session }), ctx())).status).toBe(401);
    expect((await signInViaAuthjs(email, password)).cookie).toBeNull();
    expect((await signInViaAuthjs(email, "Brand!new2026")).cookie).toBeTruthy();

    // Single use: the same link again is refused, and the password stays.
    const again = await confirm(token, "Other!pass2026");
    expect(again.status).toBe(400);
    expect((await again.json()).error.fields.token).toEqual(["invalid_or_expired"]);
    expect((await signInViaAuthjs(email, "Brand!new2026")).cookie).toBeTruthy();
  });

  test("a link expires after 30 minutes, and only the newest link works", async () => {
    const { email } = await createAccount();
    await request(email);
    await request(email);
    const [first, second] = await resetMailsTo(email);
    expect((await confirm(tokenOf(first.text), "Older!link2026")).status).toBe(400);
    clock.setOffsetMs(RESET_TTL_MS + 1000);
    expect((await confirm(tokenOf(second.text), "Late!link2026")).status).toBe(400);
    clock.setOffsetMs(0);
    expect((await signInViaAuthjs(email, "Late!link2026")).cookie).toBeNull();
  });

  test("two submits of one link at once change the password once", async () => {
    const { email } = await createAccount();
    await request(email);
    const [mail] = await resetMailsTo(email);
    const token = tokenOf(mail.text);
    const statuses = (await Promise.all([confirm(token, "Race!one2026"), confirm(token, "Race!two2026")])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400]);
  });

  test("no enumeration: an unknown address gets the same answer, after the same floor, and no mail", async () => {
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    const { email } = await createAccount();
    const timed = async (address: string) => {
      const started = performance.now();
      const res = await request(address);
      return { status: res.status, body: await res.text(), ms: performance.now() - started };
    };
    const [a, b] = [await timed(unknown), await timed(email)];
    expect(a.status).toBe(b.status);
    expect(a.body).toBe(b.body);
    expect(a.ms).toBeGreaterThanOrEqual(RESET_REQUEST_FLOOR_MS - 5);
    expect(b.ms).toBeGreaterThanOrEqual(RESET_REQUEST_FLOOR_MS - 5);
    expect(await resetMailsTo(unknown)).toHaveLength(0);
    expect(await resetMailsTo(email)).toHaveLength(1);
  });

  test("rate-limited per address (known or not) and per client address", async () => {
    const unknown = `limit-${randomUUID().slice(0, 8)}@example.com`;
    for (let i = 0; i < 3; i++) expect((await request(unknown)).status).toBe(202);
    const limited = await request(unknown);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBeTruthy();
    const ip = `10.77.${Math.floor(Math.random() * 256)}.1`;
    for (let i = 0; i < 10; i++) expect((await request(`ip-${i}-${randomUUID().slice(0, 6)}@example.com`, ip)).status).toBe(202);
    expect((await request(`ip-x-${randomUUID().slice(0, 6)}@example.com`, ip)).status).toBe(429);
  });

  test("an unverified account becomes verified by resetting (the mail proved the address)", async () => {
    const { user, email } = await createAccount({ verified: false });
    await request(email);
    const [mail] = await resetMailsTo(email);
    expect((await confirm(tokenOf(mail.text), "Verified!by2026")).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
  });
});
