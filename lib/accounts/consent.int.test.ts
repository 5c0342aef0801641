// Consents at sign-up (required ones refused with 422 field messages; each kind recorded with its time and
// version), marketing changed later, and the repeated sign-up that mails the owner instead of telling the page.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import * as consentsRoute from "@/app/api/me/consents/route";
import * as usersRoute from "@/app/api/users/route";
import { CONSENT_VERSIONS } from "@/lib/accounts/consent-config";
import { mintSessionCookie } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { emailIndex } from "@/lib/crypto/blind-index";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { ACCOUNT_EXISTS_QUEUE, VERIFY_EMAIL_QUEUE } from "@/lib/mail/jobs";
import { createAccount } from "@/test/accounts";
import { cookieHeader, ctx, jsonRequest, origin } from "@/test/http";
import { runJobsNow } from "@/test/jobs";

afterAll(() => stopBoss());
afterEach(() => clock.setOffsetMs(0));

const body = (email: string, extra: object = {}) => ({ email, password: "Consent!2026", name: "동의", phone: "010-4444-5555", agreeTerms: true, agreePrivacy: true, confirmAge14: true, ...extra });
const signUp = async (b: object) => usersRoute.POST(jsonRequest("/api/users", { body: b }), ctx());
async function mailsTo(email: string) {
  await runJobsNow([VERIFY_EMAIL_QUEUE, ACCOUNT_EXISTS_QUEUE]);
  return db.devMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}

describe("consent at sign-up", () => {
  test("terms, privacy and age 14+ are required: 422 with a message per box, and no account", async () => {
    const email = `c-${randomUUID().slice(0, 8)}@example.com`;
    const res = await signUp(body(email, { agreeTerms: false, agreePrivacy: undefined, confirmAge14: "on", agreeMarketing: true }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toEqual({ agreeTerms: ["consent_required"], agreePrivacy: ["consent_required"], confirmAge14: ["consent_required"] });
    expect(await db.user.count({ where: { emailHash: emailIndex(email) } })).toBe(0);
  });

  test("each kind is recorded with its time and version; marketing is separate and can change later", async () => {
    const email = `c-${randomUUID().slice(0, 8)}@example.com`;
    const before = clock.nowMs();
    expect((await signUp(body(email))).status).toBe(202);
    const user = await db.user.findUniqueOrThrow({ where: { emailHash: emailIndex(email) } });
    const rows = await db.consent.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => [r.kind, r.granted, r.version]).sort()).toEqual([
      ["AGE_14", true, CONSENT_VERSIONS.AGE_14],
      ["MARKETING", false, CONSENT_VERSIONS.MARKETING],
      ["PRIVACY", true, CONSENT_VERSIONS.PRIVACY],
      ["TERMS", true, CONSENT_VERSIONS.TERMS],
    ]);
    for (const r of rows) expect(r.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const cookie = cookieHeader(await mintSessionCookie(user.id));
    const patch = (marketing: unknown) => consentsRoute.PATCH(jsonRequest("/api/me/consents", { method: "PATCH", cookie, body: { marketing } }), ctx());
    expect((await patch("yes")).status).toBe(422);
    clock.setOffsetMs(60_000);
    const granted = await (await patch(true)).json();
    const marketing = granted.consents.find((c: { kind: string }) => c.kind === "MARKETING");
    expect(marketing).toMatchObject({ granted: true, version: CONSENT_VERSIONS.MARKETING });
    expect(new Date(marketing.at).getTime()).toBeGreaterThanOrEqual(before + 59_000);
    await patch(true); // the same state again adds nothing
    clock.setOffsetMs(120_000);
    await patch(false);
    const history = await db.consent.findMany({ where: { userId: user.id, kind: "MARKETING" }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.granted)).toEqual([false, true, false]);
    expect((await consentsRoute.GET(jsonRequest("/api/me/consents"), ctx())).status).toBe(401);
  });
});

describe("signing up with an address that has an account", () => {
  test("the page answers as for a new address; the owner gets a mail with sign-in and reset links, in the account's language", async () => {
    const { user, email } = await createAccount();
    await db.user.update({ where: { id: user.id }, data: { locale: "en" } });
    const fresh = `c-${randomUUID().slice(0, 8)}@example.com`;
    const [dup, neu] = [await signUp(body(email)), await signUp(body(fresh))];
    expect(dup.status).toBe(neu.status);
    expect(await dup.text()).toBe(await neu.text());

    const [mail] = await mailsTo(email);
    expect(mail.subject).toBe("[Hurry Up] You already have an account");
    expect(mail.text).toContain(`${origin}/signin`);
    expect(mail.text).toContain(`${origin}/forgot-password`);
    expect(await db.emailVerificationToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.user.count({ where: { emailHash: emailIndex(email) } })).toBe(1);

    // No mail bomb: at most three of these a day per account, and the page still answers the same.
    for (let i = 0; i < 3; i++) expect((await signUp(body(email))).status).toBe(202);
    expect(await mailsTo(email)).toHaveLength(3);
  });
});
