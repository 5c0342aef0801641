import { describe, expect, it } from "vitest";
import { MicroCache } from "./micro-cache";

/** A loader that answers only when the test says so, counting its calls per key. */
function gatedLoader() {
  const calls: string[] = [];
  const pending: { key: string; resolve: (v: string) => void; reject: (e: unknown) => void }[] = [];
  const load = (key: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push(key);
      pending.push({ key, resolve, reject });
    });
  return { load, calls, pending };
}

function fakeClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const opts = (clock: { now: () => number }, over: Partial<{ ttlMs: number; errorTtlMs: number; maxEntries: number }> = {}) => ({
  ttlMs: 250, errorTtlMs: 50, maxEntries: 100, now: clock.now, ...over,
});

describe("MicroCache", () => {
  it("coalesces: 500 concurrent misses of one key cost one load, and all get its value", async () => {
    const clock = fakeClock();
    const l = gatedLoader();
    const cache = new MicroCache(l.load, opts(clock));
    const all = Promise.all(Array.from({ length: 500 }, () => cache.get("p1")));
    expect(l.calls).toEqual(["p1"]);
    l.pending[0].resolve("v1");
    expect(new Set(await all)).toEqual(new Set(["v1"]));
    // Fresh: answered without loading, synchronously by peek.
    expect(await cache.get("p1")).toBe("v1");
    expect(cache.peek("p1")?.value).toBe("v1");
    expect(l.calls).toHaveLength(1);
  });

  it("loads different keys separately", async () => {
    const clock = fakeClock();
    const l = gatedLoader();
    const cache = new MicroCache(l.load, opts(clock));
    const a = cache.get("a");
    const b = cache.get("b");
    expect(l.calls).toEqual(["a", "b"]);
    l.pending[1].resolve("B");
    l.pending[0].resolve("A");
    expect([await a, await b]).toEqual(["A", "B"]);
  });

  it("keeps a value for ttlMs, then loads once more (coalesced again)", async () => {
    const clock = fakeClock();
    const l = gatedLoader();
    const cache = new MicroCache(l.load, opts(clock));
    const first = cache.get("p");
    l.pending[0].resolve("old");
    await first;
    clock.advance(249);
    expect(cache.peek("p")?.value).toBe("old");
    clock.advance(1);
    expect(cache.peek("p")).toBeUndefined();
    const again = Promise.all([cache.get("p"), cache.get("p"), cache.get("p")]);
    expect(l.calls).toHaveLength(2);
    l.pending[1].resolve("new");
    expect(await again).toEqual(["new", "new", "new"]);
  });

  it("keeps a failure only errorTtlMs: every waiter gets it, nobody reloads meanwhile, then a load is tried again", async () => {
    const clock = fakeClock();
    const l = gatedLoader();
    const cache = new MicroCache(l.load, opts(clock));
    const waiters = Array.from({ length: 20 }, () => cache.get("p"));
    l.pending[0].reject(new Error("backend down"));
    for (const w of waiters) await expect(w).rejects.toThrow("backend down");
    await expect(cache.get("p")).rejects.toThrow("backend down");
    expect(cache.peek("p")).toBeUndefined();
    expect(l.calls).toHaveLength(1);
    clock.advance(50);
    const retried = cache.get("p");
    expect(l.calls).toHaveLength(2);
    l.pending[1].resolve("back");
    expect(await retried).toBe("back");
  });

  it("caches null and undefined-free answers alike (an unknown product's 404 is kept too)", async () => {
    const clock = fakeClock();
    let loads = 0;
    const cache = new MicroCache<string | null>(async () => (loads++, null), opts(clock));
    expect(await cache.get("ghost")).toBeNull();
    expect(await cache.get("ghost")).toBeNull();
    expect(cache.peek("ghost")).toEqual(expect.objectContaining({ value: null }));
    expect(loads).toBe(1);
  });

  it("is bounded: made-up keys push out the oldest-written, a key refreshed since stays", async () => {
    const clock = fakeClock();
    let loads = 0;
    const cache = new MicroCache(async (k: string) => (loads++, `v:${k}`), opts(clock, { maxEntries: 3, ttlMs: 100 }));
    await cache.get("hot");
    for (const k of ["x1", "x2"]) await cache.get(k);
    clock.advance(100); // "hot" expires and is read again: written last now
    await cache.get("hot");
    for (const k of ["x3", "x4"]) await cache.get(k);
    expect(cache.size).toBe(3);
    expect(cache.peek("hot")?.value).toBe("v:hot");
    expect(cache.peek("x1")).toBeUndefined();
    expect(cache.peek("x2")).toBeUndefined();
    for (let i = 0; i < 1000; i++) await cache.get(`random-${i}`);
    expect(cache.size).toBe(3);
    expect(loads).toBe(1 + 2 + 1 + 2 + 1000);
  });

  it("ttlMs 0 keeps nothing but still coalesces what arrives together", async () => {
    const clock = fakeClock();
    const l = gatedLoader();
    const cache = new MicroCache(l.load, opts(clock, { ttlMs: 0, errorTtlMs: 0 }));
    const together = Promise.all([cache.get("p"), cache.get("p")]);
    l.pending[0].resolve("v");
    expect(await together).toEqual(["v", "v"]);
    expect(cache.peek("p")).toBeUndefined();
    void cache.get("p");
    expect(l.calls).toHaveLength(2);
    l.pending[1].resolve("w");
  });

  it("delete forgets a key at once", async () => {
    const clock = fakeClock();
    let n = 0;
    const cache = new MicroCache(async () => `v${++n}`, opts(clock));
    expect(await cache.get("p")).toBe("v1");
    cache.delete("p");
    expect(await cache.get("p")).toBe("v2");
  });
});
