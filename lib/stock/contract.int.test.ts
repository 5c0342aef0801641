// The stock port's contract, run against both clients: ioredis over TCP, and @upstash/redis over HTTP
// through @humanwhocodes/upstash-redis-server on loopback in front of the same local Redis.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "@humanwhocodes/upstash-redis-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { admit, loadStock, release } from "./admission";
import { stockKeys } from "./keys";
import type { StockSnapshot } from "./queries";
import { REPAIR } from "./copy-scripts";
import { CLAIM } from "./scripts";
import { createStockRedis, IoredisStore, type StockStore } from "./store";
import { UpstashStore } from "./upstash-store";

let server: ServerType;
const stores: Record<string, StockStore> = {};

beforeAll(async () => {
  const token = randomUUID();
  server = serve({ fetch: createApp({ token, redisUrl: env.REDIS_URL }).fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as AddressInfo;
  stores.ioredis = new IoredisStore(createStockRedis());
  stores.upstash = new UpstashStore(`http://127.0.0.1:${port}`, token);
});
afterAll(async () => {
  for (const s of Object.values(stores)) await s.close();
  server?.close();
});

/** A product without options: its one implicit variant holds the units. */
const snapshot = (over: Partial<StockSnapshot> = {}): StockSnapshot => {
  const s = { productId: randomUUID(), exists: true, available: 3, total: 3, startsAtMs: 0, endsAtMs: 0, perBuyerLimit: 2, phoneRequired: false, buyers: [], phones: [], ...over };
  return { variants: [["d", s.available, s.total]], defaultVariantId: "d", ...s };
};

describe.each(["ioredis", "upstash"])("stock port over %s", (kind) => {
  const store = () => stores[kind];

  it("admits until sold out, within the per-buyer limit, once per request", async () => {
    const s = snapshot();
    const id = s.productId;
    const input = (userId: string, quantity = 1, requestKey: string = randomUUID()) => ({ productId: id, userId, quantity, requestKey, nowMs: Date.now() });
    expect((await admit(store(), input("u1"))).result).toBe("missing");
    expect(await loadStock(store(), id, "missing", s)).toBe(true);
    expect(await loadStock(store(), id, "missing", { ...s, available: 99 })).toBe(false); // live keys are not overwritten
    expect(await admit(store(), input("u1", 2, "k1"))).toEqual({ result: "reserved", available: 1 });
    expect((await admit(store(), input("u1", 2, "k1"))).result).toBe("duplicate");
    expect((await admit(store(), input("u1", 1))).result).toBe("limit_exceeded");
    expect((await admit(store(), input("u2", 2))).result).toBe("sold_out");
    expect(await admit(store(), input("u2", 1))).toEqual({ result: "reserved", available: 0 });
    expect((await admit(store(), input("u3", 1))).result).toBe("sold_out");
  });

  it("releases once per release id and gives the buyer's allowance back", async () => {
    const s = snapshot({ available: 1, perBuyerLimit: 1 });
    await loadStock(store(), s.productId, "force", s);
    const base = { productId: s.productId, userId: "u1", quantity: 1 };
    expect((await admit(store(), { ...base, requestKey: "k", nowMs: Date.now() })).result).toBe("reserved");
    expect(await release(store(), { ...base, releaseId: "r1", requestKey: "k" })).toBe("released");
    expect(await release(store(), { ...base, releaseId: "r1", requestKey: "k" })).toBe("already");
    const [a] = await store().hmget(stockKeys.meta(s.productId), ["a"]);
    expect(a).toBe("1");
    // the same request may try again after its undo, and the buyer is back under the limit
    expect((await admit(store(), { ...base, requestKey: "k", nowMs: Date.now() })).result).toBe("reserved");
  });

  it("knows the sale window by the clock it is given, and unknown products", async () => {
    const now = Date.now();
    const s = snapshot({ startsAtMs: now + 1000, endsAtMs: now + 2000 });
    await loadStock(store(), s.productId, "force", s);
    const at = (nowMs: number) => admit(store(), { productId: s.productId, userId: "u", quantity: 1, requestKey: randomUUID(), nowMs });
    expect((await at(now)).result).toBe("not_open");
    expect((await at(now + 1000)).result).toBe("reserved");
    expect((await at(now + 2000)).result).toBe("ended");
    const gone = snapshot({ exists: false });
    await loadStock(store(), gone.productId, "missing", gone);
    expect((await admit(store(), { productId: gone.productId, userId: "u", quantity: 1, requestKey: "k", nowMs: now })).result).toBe("unknown");
  });

  it("loads buyers with the units, repairs by compare-and-set, claims keys once", async () => {
    const s = snapshot({ available: 5, total: 5, perBuyerLimit: 2, buyers: [["u9", 2]] });
    await loadStock(store(), s.productId, "force", s);
    expect((await admit(store(), { productId: s.productId, userId: "u9", quantity: 1, requestKey: "k", nowMs: Date.now() })).result).toBe("limit_exceeded");
    const meta = stockKeys.meta(s.productId);
    expect(Number(await store().run(REPAIR, [meta], ["4", "1", "d"]))).toBe(0); // Redis shows 5, not 4: left alone
    expect(Number(await store().run(REPAIR, [meta], ["5", "1", "d"]))).toBe(1);
    // The variant's figure and the product's sum move together.
    expect((await store().hmget(meta, ["a", "t", "a:d", "t:d"]))).toEqual(["1", "5", "1", "5"]);
    const claim = stockKeys.claim("u9", randomUUID());
    expect(await store().run(CLAIM, [claim], ["P|h", 30])).toBe("");
    expect(await store().run(CLAIM, [claim], ["P|other", 30])).toBe("P|h");
    await store().set(claim, 'D|h|{"status":201}', 30);
    expect(await store().get(claim)).toBe('D|h|{"status":201}');
    await store().del(claim);
    expect(await store().get(claim)).toBeNull();
    expect(await store().ping()).toBe(true);
  });
});
