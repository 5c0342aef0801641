// The live stock answer: cached facts, but the sale state and serverTime of the moment of each answer.
import { afterEach, describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { cachedLiveStockAnswer, handleLiveStock, liveStockAnswer, STOCK_CACHE_CONTROL } from "./handlers";
import { createLiveStockCache, setLiveStockCache } from "./live-cache";
import type { StockSources } from "./live";

const id = "5f0c2d7a-1b2c-4d3e-8f90-a1b2c3d4e5f6";

/** Redis holding one product that opens at `startsAtMs`; counts its reads. */
function install(startsAtMs: number, available = 4, ttlMs = 3_600_000) {
  const reads = { n: 0 };
  const sources = {
    gate: { run: async (op: (s: never) => unknown) => op({ hgetall: async () => (reads.n++, { a: String(available), t: "5", s: String(startsAtMs), e: "0", l: "1", x: "0", dv: "d" }) } as never), ensureLoaded: async () => {} },
    snapshot: async () => { throw new Error("not used"); },
  } as unknown as StockSources;
  // The cache's own clock is the shop's clock, as in production.
  setLiveStockCache(createLiveStockCache({ ttlMs, maxEntries: 10, now: clock.nowMs, sources }));
  return reads;
}

afterEach(() => {
  clock.setOffsetMs(0);
  setLiveStockCache(undefined);
});

describe("live stock answer", () => {
  it("keeps the facts for the interval but answers each poll with its own serverTime and state", async () => {
    // Time is moved, not waited for: the cache's interval here is an hour, the opening a minute away.
    const opensAt = Date.now() + 60_000;
    const reads = install(opensAt);
    const before = await liveStockAnswer(id);
    expect(before.status).toBe(200);
    expect(before.headers).toEqual({ "content-type": "application/json", "cache-control": STOCK_CACHE_CONTROL });
    const b = JSON.parse(before.body).stock;
    expect(b).toMatchObject({ productId: id, available: 4, total: 5, state: "upcoming", perBuyerLimit: 1, saleStartsAt: new Date(opensAt).toISOString() });

    clock.setOffsetMs(61_000); // past the opening, within the cache's interval
    const after = cachedLiveStockAnswer(id)!;
    expect(after).toBeDefined();
    const a = JSON.parse(after.body).stock;
    expect(a.state).toBe("on_sale");
    expect(Date.parse(a.serverTime)).toBeGreaterThanOrEqual(opensAt);
    expect(Date.parse(a.serverTime)).toBeLessThanOrEqual(clock.nowMs());
    expect(reads.n).toBe(1);
  });

  it("sold out by the cached facts once open", async () => {
    install(0, 0);
    expect(JSON.parse((await liveStockAnswer(id)).body).stock.state).toBe("sold_out");
  });

  it("answers 404 for an id that cannot exist, without a read; upper-case ids share the product's entry", async () => {
    const reads = install(0);
    const bad = await liveStockAnswer("not-a-uuid");
    expect(bad.status).toBe(404);
    expect(JSON.parse(bad.body)).toEqual({ error: { code: "NOT_FOUND", message: "product not found" } });
    expect(reads.n).toBe(0);
    await liveStockAnswer(id);
    expect(cachedLiveStockAnswer(id.toUpperCase())?.status).toBe(200);
    expect(reads.n).toBe(1);
  });

  it("the Next route's Response carries the same status, headers and body", async () => {
    install(0);
    const res = await handleLiveStock(id);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, s-maxage=1, stale-while-revalidate=5");
    expect(JSON.parse(await res.text()).stock.available).toBe(4);
  });
});
