// No "server-only" marker: scripts (the load benchmark, seeds) run this under plain tsx to mint sessions.
// Creating and revoking server-side sessions. Every Auth.js JWT carries the id of one of these rows.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { encodeSessionToken, SESSION_MAX_AGE_S, sessionCookieName } from "./cookie";
import { forgetSessions, tombstoneSessions } from "./session-store";

export async function createSession(userId: string, userAgent?: string | null, maxAgeS = SESSION_MAX_AGE_S) {
  return db.session.create({
    data: { userId, userAgent: userAgent?.slice(0, 300) ?? null, expiresAt: new Date(clock.nowMs() + maxAgeS * 1000) },
  });
}

/**
 * A ready Auth.js session cookie for a new server-side session: one INSERT and one JWE encryption, no
 * password hashing — cheap enough to mint thousands for tests and load benchmarks.
 */
export async function mintSessionCookie(userId: string, opts: { userAgent?: string; maxAgeS?: number } = {}) {
  const session = await createSession(userId, opts.userAgent, opts.maxAgeS);
  const value = await encodeSessionToken({ sub: userId, sid: session.id }, opts.maxAgeS);
  return { name: sessionCookieName, value, sessionId: session.id };
}

/** Revokes one session of this user; false when it is not theirs or already gone. */
export async function revokeSession(userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.session.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: clock.now() } });
  // Only the owner's session is tombstoned: a foreign id must not touch anyone else's cache entry.
  if (count > 0) await tombstoneSessions([sessionId]);
  return count > 0;
}

/** Revokes every live session of a user, optionally keeping one (the caller's own). */
export async function revokeAllSessions(userId: string, exceptSessionId?: string): Promise<number> {
  const live = await db.session.findMany({
    where: { userId, revokedAt: null, ...(exceptSessionId && { id: { not: exceptSessionId } }) },
    select: { id: true },
  });
  const ids = live.map((s) => s.id);
  if (!ids.length) return 0;
  await db.session.updateMany({ where: { id: { in: ids } }, data: { revokedAt: clock.now() } });
  await tombstoneSessions(ids);
  return ids.length;
}

/** After a role, verification or phone change: cached sessions re-read the user on their next request. */
export async function refreshUserSessions(userId: string): Promise<void> {
  const live = await db.session.findMany({ where: { userId, revokedAt: null }, select: { id: true } });
  await forgetSessions(live.map((s) => s.id));
}
