// GET /api/products/[id]/stock through the real stack, real Redis and PostgreSQL: the production server's
// fast path (server/fast-path.ts, over a real socket) and the Next route answer the same status, headers
// and body; a crowd of concurrent polls costs one read — from Redis, or from PostgreSQL while Redis is away.
import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as stockRoute from "@/app/api/products/[id]/stock/route";
import { metrics } from "@/lib/metrics";
import { fastPaths } from "@/server/fast-path";
import { createProduct } from "@/test/factories";
import { ctx, jsonRequest } from "@/test/http";
import { freePort } from "@/test/redis-server";
import { setStockGate, StockGate } from "./gate";
import { createLiveStockCache, setLiveStockCache } from "./live-cache";
import { createStockRedis, IoredisStore } from "./store";

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const fast = fastPaths(req);
    if (fast) return void fast(req, res);
    res.writeHead(599).end(); // not a fast path: Next would have served it
  });
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => setLiveStockCache(undefined));

const viaFastPath = (path: string, requestId: string) => fetch(`${base}${path}`, { headers: { "x-request-id": requestId } });
const viaNext = (path: string, id: string, requestId: string) =>
  stockRoute.GET(jsonRequest(path, { headers: { "x-request-id": requestId } }), ctx({ id }) as never);

/** What an answer says, transport headers (date, connection, keep-alive) left out; serverTime apart. */
async function answerOf(res: Response) {
  const text = await res.text();
  const body = JSON.parse(text) as { stock?: { serverTime?: string } };
  const serverTime = body.stock?.serverTime;
  if (body.stock) delete body.stock.serverTime;
  const length = res.headers.get("content-length");
  if (length !== null) expect(Number(length)).toBe(Buffer.byteLength(text));
  return {
    status: res.status, body, serverTime,
    headers: { "content-type": res.headers.get("content-type"), "cache-control": res.headers.get("cache-control"), "x-request-id": res.headers.get("x-request-id"), "retry-after": res.headers.get("retry-after") },
  };
}

const reads = async (tier: "redis" | "postgres") =>
  (await metrics.liveStockReads.get()).values.find((v) => v.labels.tier === tier)?.value ?? 0;

describe("live stock: fast path and Next route", () => {
  it("answer the same status, headers and body for a product, an unknown one and an impossible id", async () => {
    const p = await createProduct({ type: "LIMITED", units: 6, perBuyerLimit: 2, saleStartsAt: new Date(Date.now() + 3_600_000) });
    const cases = [
      { id: p.id, status: 200 },
      { id: randomUUID(), status: 404 },
      { id: "not-a-uuid", status: 404 },
    ];
    for (const c of cases) {
      const path = `/api/products/${c.id}/stock`;
      const fast = await answerOf(await viaFastPath(path, `rid-${c.id}`));
      const next = await answerOf(await viaNext(path, c.id, `rid-${c.id}`));
      expect(fast.status).toBe(c.status);
      expect({ ...fast, serverTime: undefined }).toEqual({ ...next, serverTime: undefined });
      expect(fast.headers["cache-control"]).toBe("public, s-maxage=1, stale-while-revalidate=5");
      expect(fast.headers["x-request-id"]).toBe(`rid-${c.id}`);
    }
    const fast = await answerOf(await viaFastPath(`/api/products/${p.id}/stock?t=1`, "q"));
    expect(fast.body).toEqual({ stock: { productId: p.id, available: 6, total: 6, state: "upcoming", saleStartsAt: p.saleStartsAt!.toISOString(), saleEndsAt: null, perBuyerLimit: 2, variants: [] } });
    // serverTime is the clock of the answer (the page's countdown is set by it)
    expect(Math.abs(Date.parse(fast.serverTime!) - Date.now())).toBeLessThan(60_000);
  });

  it("200 concurrent polls through the fast path cost one Redis read", async () => {
    const p = await createProduct({ type: "LIMITED", units: 9, perBuyerLimit: 1 });
    // An interval longer than the test: what is counted is coalescing, not the clock.
    setLiveStockCache(createLiveStockCache({ ttlMs: 600_000, maxEntries: 100 }));
    await viaFastPath(`/api/products/${p.id}/stock`, "warm-up-keys"); // loads the product's Redis keys
    setLiveStockCache(createLiveStockCache({ ttlMs: 600_000, maxEntries: 100 }));
    const before = await reads("redis");
    const all = await Promise.all(Array.from({ length: 200 }, (_, i) => viaFastPath(`/api/products/${p.id}/stock`, `c${i}`)));
    expect(all.every((r) => r.status === 200)).toBe(true);
    expect((await all[199].json()).stock.available).toBe(9);
    expect((await reads("redis")) - before).toBe(1);
    // The Next route shares the process's cache.
    expect((await viaNext(`/api/products/${p.id}/stock`, p.id, "n")).status).toBe(200);
    expect((await reads("redis")) - before).toBe(1);
  });

  it("Redis unreachable: 100 concurrent polls cost one PostgreSQL read and still answer the ledger's stock", async () => {
    const p = await createProduct({ type: "LIMITED", units: 4, perBuyerLimit: 1 });
    const nobody = await freePort(); // nothing listens there: every Redis command fails at once
    const gate = new StockGate(new IoredisStore(createStockRedis(`redis://127.0.0.1:${nobody}`)));
    setStockGate(gate);
    try {
      setLiveStockCache(createLiveStockCache({ ttlMs: 600_000, maxEntries: 100 }));
      const pgBefore = await reads("postgres");
      const all = await Promise.all(Array.from({ length: 100 }, (_, i) => viaFastPath(`/api/products/${p.id}/stock`, `d${i}`)));
      expect(all.map((r) => r.status)).toEqual(Array(100).fill(200));
      expect((await all[0].json()).stock).toMatchObject({ available: 4, total: 4, state: "on_sale" });
      expect((await reads("postgres")) - pgBefore).toBe(1);
    } finally {
      setStockGate(undefined);
      await gate.close();
    }
  });
});
