import "server-only";
// The crowd's view of live stock: every buyer waiting for a drop polls it every 2 s, so a process keeps
// each product's facts for STOCK_CACHE_MS and lets all polls that miss at once share one read
// (lib/micro-cache.ts). However large the crowd, a product costs one Redis read per interval per process —
// and while Redis is away, one PostgreSQL read (readStockFacts falls back inside the shared load, so an
// outage cannot send every poll to the ledger).
//
// What is kept is the answer's JSON up to the moment-dependent part, serialised once per read; each
// answer appends its own sale state and serverTime (handlers.ts), so the clock a page learns from
// serverTime is the server's clock at the answer, not at the read.
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { MicroCache } from "@/lib/micro-cache";
import { readStockFacts, type StockFacts, type StockSources } from "./live";

/** A product's facts and the start of its answer's body, `{"stock":{…,"state":"` (null: no such product on sale). */
export type CachedStock = { facts: StockFacts; head: string } | null;

export function withHead(facts: StockFacts | null): CachedStock {
  if (!facts) return null;
  const { productId, available, total, saleStartsAt, saleEndsAt, perBuyerLimit, variants } = facts;
  const json = JSON.stringify({ stock: { productId, available, total, saleStartsAt, saleEndsAt, perBuyerLimit, variants } });
  return { facts, head: `${json.slice(0, -2)},"state":"` };
}

export function createLiveStockCache(opts: { ttlMs: number; maxEntries: number; now?: () => number; sources?: StockSources }) {
  return new MicroCache<CachedStock>(
    async (productId) => {
      try {
        return withHead(await readStockFacts(productId, opts.sources));
      } catch (err) {
        // One line per failed shared read (not per poll): every waiter gets the same error.
        log.error({ err, productId }, "live stock unreadable (Redis and PostgreSQL)");
        throw err;
      }
    },
    // A failure is kept briefly: the waiting crowd does not retry it in a tight loop, a recovery shows at once.
    { ttlMs: opts.ttlMs, errorTtlMs: Math.min(opts.ttlMs, 100), maxEntries: opts.maxEntries, now: opts.now },
  );
}

// One per process, on globalThis like the stock gate: Next's bundled route and the production server's
// fast path (server/fast-path.ts) load separate copies of this module and must share the cache.
const g = globalThis as unknown as { hurryupLiveStockCache?: MicroCache<CachedStock> };
export function liveStockCache(): MicroCache<CachedStock> {
  return (g.hurryupLiveStockCache ??= createLiveStockCache({ ttlMs: env.STOCK_CACHE_MS, maxEntries: env.STOCK_CACHE_MAX_PRODUCTS }));
}
/** Tests point the process at a cache of their own (or back to the default with undefined). */
export function setLiveStockCache(cache: MicroCache<CachedStock> | undefined) {
  g.hurryupLiveStockCache = cache;
}
