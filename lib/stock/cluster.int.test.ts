// The stock tier on a Redis Cluster: a private three-master cluster started here (test/redis-cluster.ts),
// selected the way production selects it (STOCK_REDIS_CLUSTER_NODES), with drops whose keys land on each
// of the three masters. The buy path, release, restock, reconciliation and the rebuild run against it.
import { randomUUID } from "node:crypto";
import { Cluster } from "ioredis";
import calculateSlot from "cluster-key-slot";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RedisClusterProcesses } from "@/test/redis-cluster";

let cluster: RedisClusterProcesses;
let m: Awaited<ReturnType<typeof load>>;

async function load() {
  return {
    ...(await import("./gate")),
    ...(await import("./admission")),
    ...(await import("./restock")),
    ...(await import("./reconcile")),
    IoredisStore: (await import("./store")).IoredisStore,
    ...(await import("./scripts")),
    ...(await import("@/test/stock")),
    stockKeys: (await import("./keys")).stockKeys,
    placeOrder: (await import("@/lib/orders/place/place-order")).placeOrder,
    ordersRoute: await import("@/app/api/orders/route"),
    mintSessionCookie: (await import("@/lib/auth/session")).mintSessionCookie,
    ...(await import("@/test/http")),
    createProduct: (await import("@/test/factories")).createProduct,
    db: (await import("@/lib/db")).db,
  };
}

beforeAll(async () => {
  cluster = await RedisClusterProcesses.start(3);
  // lib/env.ts reads the environment once, when the app's modules first load: set it, then import them.
  vi.stubEnv("STOCK_REDIS_CLUSTER_NODES", cluster.nodes.map((n) => `${n.host}:${n.port}`).join(","));
  m = await load();
});
afterAll(async () => {
  await m?.stockGate().close();
  await cluster?.stop();
  vi.unstubAllEnvs();
});

const LIMIT = 2;
const UNITS = 12;
type Drop = { id: string; master: string };
let drops: Drop[] = [];

const client = () => (m.stockGate().store as InstanceType<typeof m.IoredisStore>).client as Cluster;
/** The master ("host:port") that serves this product's slot, as the client's slot map says. */
const masterOf = (productId: string) => client().slots[calculateSlot(m.stockKeys.meta(productId))][0];
const redisAvailable = async (productId: string) => Number((await m.stockGate().run((s) => s.hmget(m.stockKeys.meta(productId), ["a"])))[0]);
/** Drift on a product without options: its implicit variant's units (a:<dv>), which reconciliation compares. */
const setAvailable = async (productId: string, n: number) => {
  const key = m.stockKeys.meta(productId);
  const dv = await client().hget(key, "dv");
  if (!dv) throw new Error(`product ${productId} is not loaded with its default variant`);
  await client().hset(key, `a:${dv}`, n, "a", n);
};

describe("the stock tier on a three-master Redis Cluster", () => {
  it("is chosen by STOCK_REDIS_CLUSTER_NODES, and drops land on every master", async () => {
    const { store } = m.stockGate();
    expect(store).toBeInstanceOf(m.IoredisStore);
    expect((store as InstanceType<typeof m.IoredisStore>).client).toBeInstanceOf(Cluster);
    expect(await store.ping()).toBe(true);
    // Products until each master serves one: the test then covers three shards, not one by chance.
    const byMaster = new Map<string, Drop>();
    for (let i = 0; i < 60 && byMaster.size < 3; i++) {
      const p = await m.createProduct({ type: "LIMITED", units: UNITS, perBuyerLimit: LIMIT });
      const master = masterOf(p.id);
      if (!byMaster.has(master)) byMaster.set(master, { id: p.id, master });
    }
    drops = [...byMaster.values()];
    expect(drops.map((d) => d.master).sort()).toEqual(cluster.nodes.map((n) => `${n.host}:${n.port}`).sort());
  });

  it("concurrent buyers on three shards: no oversell, the per-buyer limit held, a replayed key answered once", async () => {
    const buyers = await m.createBuyers(30);
    const cookies = new Map(await Promise.all(buyers.map(async (b) => [b, m.cookieHeader(await m.mintSessionCookie(b))] as const)));
    // Each buyer asks for two units, then one more with another key (over the limit unless the first failed),
    // and replays the first key: 90 requests per drop for 12 units. The two-unit key goes through the route
    // handler (a buy-now of one product: ADMIT_REQUEST, the opening's one round trip), the other through
    // placeOrder's general path (CLAIM on the buyer's slot, then ADMIT).
    const requests = drops.flatMap((d) => buyers.flatMap((b) => {
      const first = randomUUID();
      return [
        { d, b, key: first, quantity: 2, via: "route" },
        { d, b, key: randomUUID(), quantity: 1, via: "placeOrder" },
        { d, b, key: first, quantity: 2, via: "route" },
      ];
    }));
    const order = async (r: (typeof requests)[number]) => {
      const items = [{ productId: r.d.id, quantity: r.quantity }];
      if (r.via === "placeOrder") return m.placeOrder(r.b, r.key, { items });
      const res = await m.ordersRoute.POST(m.jsonRequest("/api/orders", { body: { items }, cookie: cookies.get(r.b)!, headers: { "idempotency-key": r.key } }), m.ctx() as never);
      return { status: res.status, body: (await res.json()) as unknown };
    };
    const answers = await m.concurrently(requests, 24, async (r) => ({ r, a: await order(r) }));
    expect(m.stockGate().usingFallback).toBe(false); // Redis decided, not the PostgreSQL fallback
    const codes = answers.map(({ a }) => (a.status === 201 ? "201" : (a.body as { error: { code: string } }).error.code));
    expect(codes).toContain("SOLD_OUT"); // demand really exceeded supply on the shards
    expect(codes.filter((c) => c !== "201" && c !== "SOLD_OUT" && c !== "LIMIT_EXCEEDED" && c !== "CONFLICT")).toEqual([]);
    // The same (buyer, key) was answered with one order, whichever request of the two got there first.
    const byKey = new Map<string, Set<string>>();
    for (const { r, a } of answers) {
      if (a.status !== 201) continue;
      const id = (a.body as { order: { id: string } }).order.id;
      byKey.set(`${r.b}|${r.key}`, (byKey.get(`${r.b}|${r.key}`) ?? new Set()).add(id));
    }
    for (const ids of byKey.values()) expect(ids.size).toBe(1);
    // The masters started without any script: each learnt the ones it ran from the NOSCRIPT fallback's EVAL.
    for (const node of client().nodes("master")) expect(await node.script("EXISTS", m.ADMIT_REQUEST.sha, m.ADMIT.sha)).toEqual([1, 1]);
    expect((await Promise.all(client().nodes("master").map((n) => n.script("EXISTS", m.CLAIM.sha)))).flat()).toContain(1);
    for (const d of drops) {
      const f = await m.expectInvariant(d.id, { limit: LIMIT, buyers }); // Redis available = PostgreSQL's, through the cluster
      expect(f.held + f.sold).toBeLessThanOrEqual(UNITS);
      expect(f.held).toBeGreaterThan(0);
      expect(await m.db.order.count({ where: { items: { some: { productId: d.id } } } })).toBe(byKeyFor(d.id, answers));
    }
  });

  it("releases once, restocks once, reconciles and rebuilds every master's products", async () => {
    const gate = m.stockGate();
    const [d0, d1, d2] = drops;
    const before = await redisAvailable(d0.id);
    const [b] = await m.createBuyers(1);
    await m.db.product.update({ where: { id: d0.id }, data: { perBuyerLimit: null } });
    await gate.reload(d0.id);
    // admission + undo through the gate, as the buy path does when the ledger says no
    expect((await gate.admit({ productId: d0.id, userId: b, quantity: 1, requestKey: "k", nowMs: Date.now() })).result).toBe(before > 0 ? "reserved" : "sold_out");
    if (before > 0) {
      expect(await gate.release({ productId: d0.id, userId: b, quantity: 1, releaseId: "u:1", requestKey: "k" })).toBe("released");
      expect(await gate.release({ productId: d0.id, userId: b, quantity: 1, releaseId: "u:1", requestKey: "k" })).toBe("already");
    }
    expect(await redisAvailable(d0.id)).toBe(before);
    // a restock: PostgreSQL first, then Redis at most once per id
    const { restockId } = await m.db.$transaction((tx) => m.adjustUnitsInLedger(tx, d1.id, 5));
    expect(await m.applyRestockToRedis(d1.id, 5, restockId, gate)).toBe("applied");
    expect(await m.applyRestockToRedis(d1.id, 5, restockId, gate)).toBe("already");
    expect((await gate.run((s) => s.hmget(m.stockKeys.meta(d1.id), ["t"])))[0]).toBe(String(UNITS + 5));
    expect(await m.reconcileStock({ gate, settleMs: 50 })).toEqual([]);
    // drift on every master: reconciliation's scan finds all three
    for (const d of drops) await setAvailable(d.id, 999);
    const drifts = await m.reconcileStock({ gate, settleMs: 50 });
    expect(drifts.map((x) => x.productId).sort()).toEqual(drops.map((d) => d.id).sort());
    expect(drifts.every((x) => x.repaired)).toBe(true);
    for (const d of drops) await m.expectInvariant(d.id, {});
    // the gate's rebuild before reopening (rebuildAll) reloads every master's products from PostgreSQL
    for (const d of [d1, d2]) await setAvailable(d.id, 0);
    expect(await m.rebuildAll(gate.store)).toBeGreaterThanOrEqual(3);
    for (const d of drops) await m.expectInvariant(d.id, {});
  });

  it("a master lost opens the breaker: orders go on through PostgreSQL alone", async () => {
    const gate = m.stockGate();
    const [d0, d1] = drops;
    const [b] = await m.createBuyers(1);
    await m.db.$transaction((tx) => m.adjustUnitsInLedger(tx, d0.id, 1)); // one unit to sell here, whatever was left
    await gate.reload(d0.id);
    await cluster.killNode(Number(d1.master.split(":")[1]));
    const deadline = performance.now() + 30_000;
    while (!gate.usingFallback && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(gate.usingFallback).toBe(true);
    const a = await m.placeOrder(b, randomUUID(), { items: [{ productId: d0.id, quantity: 1 }] });
    expect(a.status).toBe(201);
    await m.expectInvariant(d0.id, { redisQuiet: false });
  });
});

/** Orders the ledger should hold for a drop: one per (buyer, key) that was answered 201. */
function byKeyFor(productId: string, answers: { r: { d: Drop; b: string; key: string }; a: { status: number } }[]) {
  return new Set(answers.filter(({ r, a }) => r.d.id === productId && a.status === 201).map(({ r }) => `${r.b}|${r.key}`)).size;
}
