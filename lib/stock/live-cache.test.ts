// The crowd's cache over the real read (readStockFacts) with fake Redis and PostgreSQL: whatever the crowd,
// one read per product per interval — from Redis, or from PostgreSQL while Redis is away.
import { describe, expect, it } from "vitest";
import { RedisUnavailable } from "./gate";
import { createLiveStockCache } from "./live-cache";
import type { StockSources } from "./live";
import type { StockSnapshot } from "./queries";

const id = "0b7e4c1e-8a43-4d8e-9c55-2a1d5e3f6a70";
/** The meta hash's fixed fields a, t, s, e, l, x (null = not loaded) as HGETALL answers them. */
const metaOf = (v: (string | null)[]): Record<string, string> =>
  v[0] === null ? {} : { a: v[0], t: v[1]!, s: v[2]!, e: v[3]!, l: v[4]!, x: v[5]!, dv: "d" };
const snapshot = (over: Partial<StockSnapshot> = {}): StockSnapshot => ({
  productId: id, exists: true, available: 7, total: 10, startsAtMs: 0, endsAtMs: 0, perBuyerLimit: 2, phoneRequired: false, buyers: [], phones: [], variants: [], defaultVariantId: "d", ...over,
});

/** Redis (up or down) and PostgreSQL as counters; reads resolve on the next macrotask, like a socket. */
function fakeSources(opts: { redisUp: boolean; meta?: (string | null)[]; pg?: () => Promise<StockSnapshot> }) {
  const count = { redis: 0, loads: 0, pg: 0 };
  const later = <T>(v: T) => new Promise<T>((r) => setTimeout(() => r(v), 1));
  const sources: StockSources = {
    gate: {
      run: async <T>(op: (s: never) => Promise<T>) => {
        if (!opts.redisUp) throw new RedisUnavailable(new Error("connection refused"));
        return op({ hgetall: async () => (count.redis++, later(metaOf(opts.meta ?? ["7", "10", "0", "0", "2", "0"]))) } as never);
      },
      ensureLoaded: async () => void count.loads++,
    } as unknown as StockSources["gate"],
    snapshot: async () => (count.pg++, opts.pg ? opts.pg() : later(snapshot())),
  };
  return { sources, count };
}

function fakeClock() {
  let t = 5_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("live stock cache", () => {
  it("one Redis read for 300 concurrent polls, none more within the interval, one more after it", async () => {
    const clock = fakeClock();
    const { sources, count } = fakeSources({ redisUp: true });
    const cache = createLiveStockCache({ ttlMs: 250, maxEntries: 100, now: clock.now, sources });
    const answers = await Promise.all(Array.from({ length: 300 }, () => cache.get(id)));
    expect(count.redis).toBe(1);
    expect(answers[0]?.facts).toMatchObject({ productId: id, available: 7, total: 10, perBuyerLimit: 2, saleStartsAt: null });
    expect(answers[0]?.head).toBe(`{"stock":{"productId":"${id}","available":7,"total":10,"saleStartsAt":null,"saleEndsAt":null,"perBuyerLimit":2,"variants":[],"state":"`);
    clock.advance(200);
    await Promise.all(Array.from({ length: 50 }, () => cache.get(id)));
    expect(count.redis).toBe(1);
    clock.advance(50);
    await Promise.all(Array.from({ length: 50 }, () => cache.get(id)));
    expect(count.redis).toBe(2);
    expect(count.pg).toBe(0);
  });

  it("Redis down: the PostgreSQL fallback is coalesced too — one ledger read per interval, not one per poll", async () => {
    const clock = fakeClock();
    const { sources, count } = fakeSources({ redisUp: false });
    const cache = createLiveStockCache({ ttlMs: 250, maxEntries: 100, now: clock.now, sources });
    const answers = await Promise.all(Array.from({ length: 300 }, () => cache.get(id)));
    expect(count.pg).toBe(1);
    expect(answers.every((a) => a?.facts.available === 7)).toBe(true);
    await Promise.all(Array.from({ length: 100 }, () => cache.get(id)));
    expect(count.pg).toBe(1);
    clock.advance(250);
    await Promise.all(Array.from({ length: 100 }, () => cache.get(id)));
    expect(count.pg).toBe(2);
  });

  it("an unknown product is kept as null (its 404) for the interval: made-up ids do not reach Redis each poll", async () => {
    const clock = fakeClock();
    const { sources, count } = fakeSources({ redisUp: true, meta: ["0", "0", "0", "0", "0", "1"] });
    const cache = createLiveStockCache({ ttlMs: 250, maxEntries: 100, now: clock.now, sources });
    expect(await cache.get(id)).toBeNull();
    expect(await cache.get(id)).toBeNull();
    expect(count.redis).toBe(1);
  });

  it("missing keys are loaded once, then read again", async () => {
    const clock = fakeClock();
    const { sources, count } = fakeSources({ redisUp: true, meta: [null, null, null, null, null, null] });
    const cache = createLiveStockCache({ ttlMs: 250, maxEntries: 100, now: clock.now, sources });
    await Promise.all(Array.from({ length: 40 }, () => cache.get(id)));
    expect(count.loads).toBe(1);
    expect(count.redis).toBe(2);
  });

  it("both tiers failing: every waiter hears it, kept 100 ms at most, then tried again", async () => {
    const clock = fakeClock();
    let pgUp = false;
    const { sources, count } = fakeSources({ redisUp: false, pg: async () => (pgUp ? snapshot({ available: 3 }) : Promise.reject(new Error("pg down"))) });
    const cache = createLiveStockCache({ ttlMs: 250, maxEntries: 100, now: clock.now, sources });
    const all = await Promise.allSettled(Array.from({ length: 50 }, () => cache.get(id)));
    expect(all.every((r) => r.status === "rejected")).toBe(true);
    expect(count.pg).toBe(1);
    await expect(cache.get(id)).rejects.toThrow("pg down");
    expect(count.pg).toBe(1);
    pgUp = true;
    clock.advance(100);
    expect((await cache.get(id))?.facts.available).toBe(3);
    expect(count.pg).toBe(2);
  });
});
