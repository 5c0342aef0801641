// The whole path through the real stack: sign-up → outbox → relay → mail job → DevMail → verify →
// Auth.js sign-in → API → sign-out revokes the session.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, test } from "vitest";
import * as authRoute from "@/app/api/auth/[...nextauth]/route";
import * as meRoute from "@/app/api/me/route";
import * as usersRoute from "@/app/api/users/route";
import * as verifyRoute from "@/app/api/users/verify/route";
import * as resendRoute from "@/app/api/users/verify/resend/route";
import { decrypt } from "@/lib/crypto/aead";
import { emailIndex } from "@/lib/crypto/blind-index";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { VERIFY_EMAIL_QUEUE } from "@/lib/mail/jobs";
import { signInViaAuthjs } from "@/test/accounts";
import { ctx, jsonRequest, origin } from "@/test/http";
import { runJobsNow } from "@/test/jobs";

afterAll(() => stopBoss());

const newEmail = () => `flow-${randomUUID().slice(0, 8)}@Example.com`;
const signUpBody = (email: string, extra: object = {}) => ({ email, password: "Flow!pass1", name: "김흐름", phone: "010-5555-0000", agreeTerms: true, agreePrivacy: true, confirmAge14: true, ...extra });

const deliverMail = () => runJobsNow([VERIFY_EMAIL_QUEUE]);

const tokenFromMail = (text: string) => new URL(text.match(/https?:\/\/\S+\/verify\?token=\S+/)![0]).searchParams.get("token")!;

describe("sign-up to sign-out", () => {
  test("the whole journey", async () => {
    const email = newEmail();
    const res = await usersRoute.POST(jsonRequest("/api/users", { body: signUpBody(email, { address: "서울시 중구 1" }) }), ctx());
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "verification_sent" });

    // Stored encrypted, found by the blind index; nothing in clear.
    const user = await db.user.findUniqueOrThrow({ where: { emailHash: emailIndex(email) } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(JSON.stringify(user)).not.toMatch(/김흐름|flow-|010-5555|서울/);
    expect(decrypt(user.nameEnc!)).toBe("김흐름");
    expect(decrypt(user.emailEnc!)).toBe(email.toLowerCase());
    expect(decrypt(user.addressEnc!)).toBe("서울시 중구 1");
    // The outbox payload carries no address and no clear token.
    const event = await db.outboxEvent.findFirstOrThrow({ where: { topic: VERIFY_EMAIL_QUEUE, payload: { path: ["userId"], equals: user.id } } });
    expect(JSON.stringify(event.payload)).not.toContain("flow-");

    await deliverMail();
    const mail = await db.devMail.findFirstOrThrow({ where: { to: email.toLowerCase() } });
    const token = tokenFromMail(mail.text);
    expect(mail.html).toContain(`${origin}/verify?token=`);
    const stored = await db.emailVerificationToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeGreaterThanOrEqual(24 * 3600 * 1000 - 5000);

    // Signed in before verifying: can browse (GET /api/me) but is not verified.
    const first = await signInViaAuthjs(email, "Flow!pass1");
    expect(first.cookie).not.toBeNull();
    const before = await meRoute.GET(jsonRequest("/api/me", { cookie: first.cookie! }), ctx());
    expect(await before.json()).toMatchObject({ email: email.toLowerCase(), name: "김흐름", emailVerified: false, role: "BUYER" });

    const verified = await verifyRoute.POST(jsonRequest("/api/users/verify", { body: { token } }), ctx());
    expect(verified.status).toBe(200);
    // Single use.
    const again = await verifyRoute.POST(jsonRequest("/api/users/verify", { body: { token } }), ctx());
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: { fields: { token: ["invalid_or_expired"] } } });
    // The already signed-in session sees the verification at once (its cache entry was dropped).
    const after = await meRoute.GET(jsonRequest("/api/me", { cookie: first.cookie! }), ctx());
    expect(await after.json()).toMatchObject({ emailVerified: true });

    // Sign out through Auth.js: the old cookie stops working on the next request.
    const csrf = await authRoute.GET(new Request(`${origin}/api/auth/csrf`), ctx() as never);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const out = await authRoute.POST(
      new Request(`${origin}/api/auth/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin, cookie: `${csrfCookie}; ${first.cookie}` },
        body: new URLSearchParams({ csrfToken }),
      }),
      ctx() as never,
    );
    expect(out.status).toBe(302);
    const gone = await meRoute.GET(jsonRequest("/api/me", { cookie: first.cookie! }), ctx());
    expect(gone.status).toBe(401);
  });

  test("a duplicate email gets the same answer and creates nothing", async () => {
    const email = newEmail();
    await usersRoute.POST(jsonRequest("/api/users", { body: signUpBody(email) }), ctx());
    const dup = await usersRoute.POST(jsonRequest("/api/users", { body: signUpBody(email.toUpperCase(), { name: "다른 사람" }) }), ctx());
    expect(dup.status).toBe(202);
    expect(await dup.json()).toEqual({ status: "verification_sent" });
    expect(await db.user.count({ where: { emailHash: emailIndex(email) } })).toBe(1);
    const user = await db.user.findUniqueOrThrow({ where: { emailHash: emailIndex(email) } });
    expect(decrypt(user.nameEnc!)).toBe("김흐름");
  });

  test("a seller signs up with a shop name", async () => {
    const email = newEmail();
    const res = await usersRoute.POST(jsonRequest("/api/users", { body: signUpBody(email, { role: "SELLER", shopName: "흐름상회" }) }), ctx());
    expect(res.status).toBe(202);
    const user = await db.user.findUniqueOrThrow({ where: { emailHash: emailIndex(email) }, include: { seller: true } });
    expect(user.role).toBe("SELLER");
    expect(user.seller?.shopName).toBe("흐름상회");
  });

  test("bad input: 422 with every field's errors; non-JSON 400", async () => {
    const res = await usersRoute.POST(jsonRequest("/api/users", { body: { email: "x", password: "abc", role: "SELLER" } }), ctx());
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("VALIDATION");
    expect(Object.keys(body.error.fields).sort()).toEqual(["agreePrivacy", "agreeTerms", "confirmAge14", "email", "name", "password", "phone", "shopName"]);
    const raw = await usersRoute.POST(new Request(`${origin}/api/users`, { method: "POST", headers: { origin, "content-type": "application/json" }, body: "{" }), ctx());
    expect(raw.status).toBe(400);
  });

  test("an expired token is refused; resend issues a new one and retires the old", async () => {
    const email = newEmail();
    await usersRoute.POST(jsonRequest("/api/users", { body: signUpBody(email) }), ctx());
    await deliverMail();
    const token = tokenFromMail((await db.devMail.findFirstOrThrow({ where: { to: email.toLowerCase() } })).text);
    const user = await db.user.findUniqueOrThrow({ where: { emailHash: emailIndex(email) } });
    await db.emailVerificationToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await verifyRoute.POST(jsonRequest("/api/users/verify", { body: { token } }), ctx())).status).toBe(400);

    const { cookie } = await signInViaAuthjs(email, "Flow!pass1");
    expect((await resendRoute.POST(jsonRequest("/api/users/verify/resend", { method: "POST", cookie: cookie! }), ctx())).status).toBe(202);
    await deliverMail();
    const mails = await db.devMail.findMany({ where: { to: email.toLowerCase() }, orderBy: { createdAt: "desc" } });
    expect(mails).toHaveLength(2);
    expect((await verifyRoute.POST(jsonRequest("/api/users/verify", { body: { token: tokenFromMail(mails[0].text) } }), ctx())).status).toBe(200);
    // Verified: a further resend is a conflict, signed out it is a 401.
    expect((await resendRoute.POST(jsonRequest("/api/users/verify/resend", { method: "POST", cookie: cookie! }), ctx())).status).toBe(409);
    expect((await resendRoute.POST(jsonRequest("/api/users/verify/resend", { method: "POST" }), ctx())).status).toBe(401);
  });

  test("resends are rate-limited per account (429 with Retry-After)", async () => {
    const email = newEmail();
    await usersRoute.POST(jsonRequest("/api/users", { body: signUpBody(email) }), ctx());
    const { cookie } = await signInViaAuthjs(email, "Flow!pass1");
    const resend = () => resendRoute.POST(jsonRequest("/api/users/verify/resend", { method: "POST", cookie: cookie! }), ctx());
    for (let i = 0; i < 3; i++) expect((await resend()).status).toBe(202);
    const limited = await resend();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("sign-ups are rate-limited per IP", async () => {
    const ip = "203.0.113.9";
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await usersRoute.POST(jsonRequest("/api/users", { body: { email: "bad" }, headers: { "x-forwarded-for": ip } }), ctx());
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 422)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
