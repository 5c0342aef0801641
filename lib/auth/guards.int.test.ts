import { afterEach, describe, expect, test, vi } from "vitest";
import { revokeAllSessions, revokeSession, mintSessionCookie } from "@/lib/auth/session";
import { encodeSessionToken, sessionCookieName } from "@/lib/auth/cookie";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { createAccount } from "@/test/accounts";
import { cookieHeader, jsonRequest } from "@/test/http";
import { getSessionUser, requireRole, requireUser, requireVerifiedUser } from "./guards";

const req = (cookie?: string) => jsonRequest("/api/me", { cookie });

afterEach(() => {
  vi.restoreAllMocks();
  clock.setOffsetMs(0);
});

describe("session guards on a Request", () => {
  test("a minted cookie names a live session; the cached check does not touch PostgreSQL", async () => {
    const { user } = await createAccount({ role: "SELLER" });
    const c = await mintSessionCookie(user.id);
    expect(c.name).toBe(sessionCookieName);
    expect(await getSessionUser(req(cookieHeader(c)))).toEqual({ id: user.id, role: "SELLER", emailVerified: true, phoneHash: null, sessionId: c.sessionId });
    const spy = vi.spyOn(db.session, "findUnique");
    expect((await getSessionUser(req(cookieHeader(c))))?.id).toBe(user.id);
    expect(spy).not.toHaveBeenCalled();
  });

  test("no cookie, a tampered token, a token naming an unknown session, or another user's session → null", async () => {
    const { user } = await createAccount();
    const other = await createAccount();
    const c = await mintSessionCookie(user.id);
    expect(await getSessionUser(req())).toBeNull();
    expect(await getSessionUser(req(`${c.name}=${c.value.slice(0, -4)}AAAA`))).toBeNull();
    const unknown = await encodeSessionToken({ sub: user.id, sid: "00000000-0000-4000-8000-000000000000" });
    expect(await getSessionUser(req(`${c.name}=${unknown}`))).toBeNull();
    // A valid session id paired with another user id (a forged pairing) is refused too.
    const swapped = await encodeSessionToken({ sub: other.user.id, sid: c.sessionId });
    expect(await getSessionUser(req(`${c.name}=${swapped}`))).toBeNull();
  });

  test("revocation takes effect on the very next request, even when the session was cached", async () => {
    const { user } = await createAccount();
    const a = await mintSessionCookie(user.id);
    const b = await mintSessionCookie(user.id);
    expect(await getSessionUser(req(cookieHeader(a)))).not.toBeNull();
    expect(await revokeSession(user.id, a.sessionId)).toBe(true);
    expect(await getSessionUser(req(cookieHeader(a)))).toBeNull();
    expect(await getSessionUser(req(cookieHeader(b)))).not.toBeNull();
    expect(await revokeAllSessions(user.id)).toBe(1);
    expect(await getSessionUser(req(cookieHeader(b)))).toBeNull();
  });

  test("revoking someone else's session id does nothing to it", async () => {
    const owner = await createAccount();
    const attacker = await createAccount();
    const c = await mintSessionCookie(owner.user.id);
    expect(await getSessionUser(req(cookieHeader(c)))).not.toBeNull();
    expect(await revokeSession(attacker.user.id, c.sessionId)).toBe(false);
    expect(await getSessionUser(req(cookieHeader(c)))).not.toBeNull();
  });

  test("an expired server-side session is refused", async () => {
    const { user } = await createAccount();
    const c = await mintSessionCookie(user.id, { maxAgeS: 60 });
    await db.session.update({ where: { id: c.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await getSessionUser(req(cookieHeader(c)))).toBeNull();
  });

  test("requireUser 401, requireVerifiedUser 403 EMAIL_NOT_VERIFIED, requireRole 403 FORBIDDEN", async () => {
    const buyer = await createAccount({ verified: false });
    const c = cookieHeader(await mintSessionCookie(buyer.user.id));
    await expect(requireUser(req())).rejects.toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    await expect(requireVerifiedUser(req(c))).rejects.toMatchObject({ code: "EMAIL_NOT_VERIFIED", status: 403 });
    await expect(requireRole(req(c), "SELLER", "ADMIN")).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    expect((await requireRole(req(c), "BUYER")).id).toBe(buyer.user.id);
  });
});
