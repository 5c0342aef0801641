// No "server-only" marker: scripts (the load benchmark, seeds) run this under plain tsx to mint sessions.
// Server-side sessions: PostgreSQL is the truth, Redis a cache in front of it so the guard on every
// request costs one Redis GET. Revocation writes a tombstone (not a delete) so that a cache fill racing
// with it — which uses SET NX — can never resurrect a revoked session. Without Redis (STOCK_STORE=postgres)
// there is no cache: every check reads PostgreSQL, and revocation needs nothing more than its update.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { key, redis, redisEnabled } from "@/lib/redis";
import type { Role } from "@/lib/generated/prisma/client";

/**
 * phoneHash: the blind index of the account's verified mobile number (null without one). Carried here so
 * the buy path knows it from the same cached read (no PostgreSQL query per order); a change of number
 * drops the cached copies (refreshUserSessions).
 */
export type LiveSession = { userId: string; role: Role; emailVerified: boolean; phoneHash: string | null };

const CACHE_TTL_S = 300;
const TOMBSTONE = "revoked";
/**
 * The cache entry of a session: TOMBSTONE, or the JSON of a LiveSession plus `exp` (the session's expiry,
 * ms). ADMIT_REQUEST (lib/stock/scripts.ts) reads the same entry inside the buy path's one script and
 * restates these rules in Lua: change them together.
 */
export const sessionCacheKey = (sessionId: string) => key(`sess:${sessionId}`);

/** The live session, or null if it is unknown, revoked, expired, or its user is deleted. */
export async function loadLiveSession(sessionId: string): Promise<LiveSession | null> {
  // The cache is only a cache: while Redis is unreachable, sessions are read from PostgreSQL.
  const cached = redisEnabled ? await redis.get(sessionCacheKey(sessionId)).catch(() => null) : null;
  if (cached === TOMBSTONE) return null;
  if (cached) {
    const s = JSON.parse(cached) as LiveSession & { exp: number };
    if (s.exp > clock.nowMs()) return { userId: s.userId, role: s.role, emailVerified: s.emailVerified, phoneHash: s.phoneHash ?? null };
    return null;
  }
  return readLiveSession(sessionId);
}

/**
 * The session read from PostgreSQL, the truth, and put back in the cache: what a cache miss costs. The
 * buy path calls it directly when its script found no cache entry (lib/orders/place/buy-now.ts).
 */
export async function readLiveSession(sessionId: string): Promise<LiveSession | null> {
  const row = await db.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, expiresAt: true, revokedAt: true, lastSeenAt: true, user: { select: { role: true, emailVerifiedAt: true, phoneHash: true, deletedAt: true } } },
  });
  const now = clock.now();
  if (!row || row.revokedAt || row.expiresAt <= now || row.user.deletedAt) {
    if (redisEnabled) await redis.set(sessionCacheKey(sessionId), TOMBSTONE, "EX", CACHE_TTL_S).catch(() => {});
    return null;
  }
  const live: LiveSession = { userId: row.userId, role: row.user.role, emailVerified: row.user.emailVerifiedAt !== null, phoneHash: row.user.phoneHash };
  const ttl = Math.max(1, Math.min(CACHE_TTL_S, Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000)));
  // No cache: lastSeenAt still moves at the cache's granularity, not with every request.
  if (!redisEnabled && now.getTime() - row.lastSeenAt.getTime() < CACHE_TTL_S * 1000) return live;
  if (redisEnabled) await redis.set(sessionCacheKey(sessionId), JSON.stringify({ ...live, exp: row.expiresAt.getTime() }), "EX", ttl, "NX").catch(() => {});
  // lastSeenAt is refreshed at cache-miss granularity (every few minutes), never on the hot path.
  await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  return live;
}

/** Marks sessions revoked in the cache at once (call after the PostgreSQL update commits). */
export async function tombstoneSessions(sessionIds: string[]): Promise<void> {
  if (!sessionIds.length || !redisEnabled) return;
  const pipe = redis.pipeline();
  for (const id of sessionIds) pipe.set(sessionCacheKey(id), TOMBSTONE, "EX", CACHE_TTL_S);
  await pipe.exec();
}

/** Drops cached copies so the next request re-reads role / verification state from PostgreSQL. */
export async function forgetSessions(sessionIds: string[]): Promise<void> {
  if (sessionIds.length && redisEnabled) await redis.del(...sessionIds.map(sessionCacheKey));
}
