import "server-only";
// GET /api/products/[id]/stock — live units and sale state, polled by every buyer waiting for a drop.
// One answer, two mounts: the Next route (app/api/products/[id]/stock) wraps it in a Response, the
// production server's fast path (server/fast-path.ts) writes the very same status, headers and body
// straight to Node's socket. A cached product answers without a Promise or a Fetch object.
import { clock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { toResponse, type Answer } from "@/lib/http";
import { idSchema } from "@/lib/validation";
import { liveStateAt } from "./live";
import { liveStockCache, type CachedStock } from "./live-cache";

export type StockAnswer = Answer & { status: 200 | 404 };

/**
 * A CDN may keep an answer for a second and serve it stale for five more while it refreshes. The page
 * corrects its clock for the time an answer spent in such a cache with the Age header the cache adds
 * (lib/catalog/server-clock.ts); answers straight from this server carry their own serverTime.
 */
export const STOCK_CACHE_CONTROL = "public, s-maxage=1, stale-while-revalidate=5";
const headers = Object.freeze({ "content-type": "application/json", "cache-control": STOCK_CACHE_CONTROL });
const notFound: StockAnswer = { status: 404, headers, body: JSON.stringify(new AppError("NOT_FOUND", "product not found").toJSON()) };

function answer(cached: CachedStock, nowMs: number): StockAnswer {
  if (cached === null) return notFound;
  // The moment-dependent tail: the state by the clock of this answer, and that clock.
  const body = `${cached.head}${liveStateAt(cached.facts, nowMs)}","serverTime":"${new Date(nowMs).toISOString()}"}}`;
  return { status: 200, headers, body };
}

/** Route segment ids are UUIDs; the cache key is the lower-case form (one entry per product). */
const keyOf = (id: string) => (idSchema.safeParse(id).success ? id.toLowerCase() : null);

/** The answer if the product's stock is cached and fresh, else undefined (call liveStockAnswer). */
export function cachedLiveStockAnswer(id: string): StockAnswer | undefined {
  // Only valid ids are ever cached, so a hit needs no validation (the hot path skips zod).
  const hit = liveStockCache().peek(id.toLowerCase());
  if (hit !== undefined) return answer(hit.value, clock.nowMs());
  return keyOf(id) === null ? notFound : undefined;
}

/** The answer, reading the stock (once for all concurrent callers) when the cache has none fresh. */
export async function liveStockAnswer(id: string): Promise<StockAnswer> {
  const key = keyOf(id);
  if (key === null) return notFound;
  let cached: CachedStock;
  try {
    cached = await liveStockCache().get(key);
  } catch {
    // Neither Redis nor PostgreSQL answered (logged once per shared read in live-cache.ts): the pages
    // back off and come back after Retry-After.
    throw new AppError("UNAVAILABLE", "Live stock is unavailable, retry shortly", undefined, { retryAfter: 2 });
  }
  return answer(cached, clock.nowMs());
}

/** The Next route's view of the same answer. */
export async function handleLiveStock(id: string): Promise<Response> {
  return toResponse(cachedLiveStockAnswer(id) ?? (await liveStockAnswer(id)));
}
