// Phone verification against PostgreSQL and Redis through the route handlers: the SMS code flow (wrong
// code, expiry, attempts, resend wait, hourly limits), numbers unique across accounts, and the live
// session learning the verified number at once.
import { afterEach, describe, expect, it } from "vitest";
import * as phoneRoute from "@/app/api/me/phone/route";
import * as codeRoute from "@/app/api/me/phone/code/route";
import * as verifyRoute from "@/app/api/me/phone/verify/route";
import { userFromSessionToken } from "@/lib/auth/guards";
import { mintSessionCookie } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { phoneIndex } from "@/lib/crypto/blind-index";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { lastSmsCode, randomMobile } from "@/test/phone";
import { MAX_CODE_ATTEMPTS } from "./phone";

afterEach(() => clock.setOffsetMs(0));

async function account() {
  const user = await createUser({ emailVerifiedAt: new Date() });
  const session = await mintSessionCookie(user.id);
  return { user, session, cookie: cookieHeader(session) };
}
type Who = Awaited<ReturnType<typeof account>>;
const sendCode = (who: Who, phone: string) => codeRoute.POST(jsonRequest("/api/me/phone/code", { body: { phone }, cookie: who.cookie }), ctx() as never);
const confirm = (who: Who, code: string) => verifyRoute.POST(jsonRequest("/api/me/phone/verify", { body: { code }, cookie: who.cookie }), ctx() as never);
const status = async (who: Who) => (await phoneRoute.GET(jsonRequest("/api/me/phone", { cookie: who.cookie }), ctx() as never)).json();
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; fields?: Record<string, string[]>; attemptsLeft?: number } }).error;
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("phone verification by SMS code", () => {
  it("sends a code to the outbox, refuses a wrong one, verifies with the right one; the live session knows at once", async () => {
    const a = await account();
    const phone = randomMobile();
    expect((await userFromSessionToken(a.session.value))?.phoneHash).toBeNull(); // cached now
    const sent = await sendCode(a, phone.local);
    expect(sent.status).toBe(200);
    expect((await sent.json()).pending.phone).toBe(`010-****-${phone.local.slice(-4)}`);
    const code = await lastSmsCode(phone.e164);
    // At rest: neither the code nor the number in clear.
    const row = await db.phoneVerification.findFirstOrThrow({ where: { userId: a.user.id } });
    expect(row.codeHash).not.toContain(code);
    expect(row.phoneEnc).not.toContain(phone.e164.slice(3));
    expect(row.phoneHash).toBe(phoneIndex(phone.e164));

    const bad = await confirm(a, wrong(code));
    expect(bad.status).toBe(422);
    expect(await errorOf(bad)).toMatchObject({ code: "VALIDATION", fields: { code: ["wrong_code"] }, attemptsLeft: MAX_CODE_ATTEMPTS - 1 });
    const ok = await confirm(a, code);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ phone: phone.local, pending: null });
    expect((await userFromSessionToken(a.session.value))?.phoneHash).toBe(phoneIndex(phone.e164));
    // A used code does not work twice.
    expect(await errorOf(await confirm(a, code))).toMatchObject({ fields: { code: ["code_expired"] } });
    // Removing the number: the session forgets it too.
    expect((await phoneRoute.DELETE(jsonRequest("/api/me/phone", { method: "DELETE", cookie: a.cookie }), ctx() as never)).status).toBe(200);
    expect((await userFromSessionToken(a.session.value))?.phoneHash).toBeNull();
    expect(await status(a)).toMatchObject({ phone: null, verifiedAt: null });
  });

  it("bad input is a 422 with field codes; no session is a 401", async () => {
    const a = await account();
    for (const phone of ["02-123-4567", "011-234-5678", "010-1234", ""]) {
      const res = await sendCode(a, phone);
      expect(res.status).toBe(422);
      expect((await errorOf(res)).fields?.phone?.[0]).toMatch(/invalid_mobile|required/);
    }
    expect((await errorOf(await confirm(a, "12ab56"))).fields).toEqual({ code: ["invalid_code"] });
    expect((await codeRoute.POST(jsonRequest("/api/me/phone/code", { body: { phone: "010-1234-5678" } }), ctx() as never)).status).toBe(401);
  });

  it("a code expires after PHONE_CODE_TTL_SECONDS", async () => {
    const a = await account();
    const phone = randomMobile();
    await sendCode(a, phone.e164);
    const code = await lastSmsCode(phone.e164);
    clock.setOffsetMs((env.PHONE_CODE_TTL_SECONDS + 1) * 1000);
    expect(await errorOf(await confirm(a, code))).toMatchObject({ fields: { code: ["code_expired"] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: a.user.id } })).phoneHash).toBeNull();
  });

  it("after MAX_CODE_ATTEMPTS wrong tries even the right code is refused", async () => {
    const a = await account();
    const phone = randomMobile();
    await sendCode(a, phone.local);
    const code = await lastSmsCode(phone.e164);
    const answers = await Promise.all(Array.from({ length: MAX_CODE_ATTEMPTS + 2 }, () => confirm(a, wrong(code)).then(errorOf)));
    expect(answers.filter((e) => e.fields?.code?.[0] === "wrong_code")).toHaveLength(MAX_CODE_ATTEMPTS - 1);
    expect(answers.filter((e) => e.fields?.code?.[0] === "too_many_attempts")).toHaveLength(3);
    expect(await errorOf(await confirm(a, code))).toMatchObject({ fields: { code: ["too_many_attempts"] } });
    expect((await db.phoneVerification.findFirstOrThrow({ where: { userId: a.user.id } })).attempts).toBe(MAX_CODE_ATTEMPTS);
  });

  it("a new code waits PHONE_CODE_RESEND_SECONDS and retires the earlier one", async () => {
    const a = await account();
    const phone = randomMobile();
    await sendCode(a, phone.local);
    const first = await lastSmsCode(phone.e164);
    const again = await sendCode(a, phone.local);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    clock.setOffsetMs((env.PHONE_CODE_RESEND_SECONDS + 1) * 1000);
    expect((await sendCode(a, phone.local)).status).toBe(200);
    const second = await lastSmsCode(phone.e164);
    if (first !== second) expect(await errorOf(await confirm(a, first))).toMatchObject({ fields: { code: ["wrong_code"] } });
    expect((await confirm(a, second)).status).toBe(200);
  });

  it("codes per number and per account are limited per hour", async () => {
    const phone = randomMobile();
    const senders = await Promise.all(Array.from({ length: 6 }, account));
    const byNumber = [];
    for (const s of senders) byNumber.push((await sendCode(s, phone.local)).status);
    expect(byNumber).toEqual([200, 200, 200, 200, 200, 429]);

    const a = await account();
    const byAccount = [];
    for (let i = 0; i < 6; i++) {
      clock.setOffsetMs(i * (env.PHONE_CODE_RESEND_SECONDS + 1) * 1000); // past the resend wait each time
      byAccount.push((await sendCode(a, randomMobile().local)).status);
    }
    expect(byAccount).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("one verified number, one account: taken numbers are refused, also when two race; freed numbers can move", async () => {
    const [a, b] = [await account(), await account()];
    const phone = randomMobile();
    // Both asked for a code before either verified.
    await sendCode(a, phone.local);
    const codeA = await lastSmsCode(phone.e164);
    await sendCode(b, phone.local);
    const codeB = await lastSmsCode(phone.e164);
    expect((await confirm(a, codeA)).status).toBe(200);
    const late = await confirm(b, codeB);
    expect(late.status).toBe(409);
    expect((await errorOf(late)).fields).toEqual({ phone: ["phone_taken"] });
    const taken = await sendCode(b, phone.local);
    expect(taken.status).toBe(409);
    expect((await errorOf(taken)).fields).toEqual({ phone: ["phone_taken"] });
    expect((await errorOf(await sendCode(a, phone.local))).fields).toEqual({ phone: ["already_verified"] });

    await phoneRoute.DELETE(jsonRequest("/api/me/phone", { method: "DELETE", cookie: a.cookie }), ctx() as never);
    clock.setOffsetMs((env.PHONE_CODE_RESEND_SECONDS + 1) * 1000);
    expect((await sendCode(b, phone.local)).status).toBe(200);
    expect((await confirm(b, await lastSmsCode(phone.e164))).status).toBe(200);
    expect(await db.user.count({ where: { phoneHash: phoneIndex(phone.e164) } })).toBe(1);
  });
});
