// Several app instances behind one PostgreSQL and one Redis keep the guarantees one instance keeps:
// two app processes (test/instance-server.ts — the production server's fast paths, the real buy and
// confirm handlers, without Next) and two workers (worker/index.ts) on one fresh database and one Redis
// key prefix. Buyers hit both instances at once, some sending the same Idempotency-Key to both; then
// holds run out and both workers end them concurrently; then the same payment is confirmed on both.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownTestDatabase } from "@/test/own-database";
import { eventually, NodeProcess } from "@/test/processes";
import { freePort } from "@/test/redis-server";

// Its own database and key prefix: the workers relay and run everything in theirs. Set before the app's
// modules load (lib/env.ts reads the environment once), hence the dynamic imports below.
const ownDb = ownTestDatabase("multi");
/** One public origin, as behind a load balancer: the Origin check passes on either instance. */
const APP_URL = "http://shop.test";
const UNITS = 60;
const LIMIT = 2;
const BUYERS = 80;

let app: Awaited<ReturnType<typeof load>>;
let instances: NodeProcess[] = [];
let workers: NodeProcess[] = [];
let bases: string[] = [];
let toss: Awaited<ReturnType<typeof app.startFakeToss>>;

async function load() {
  return {
    db: (await import("@/lib/db")).db,
    seedBuyers: (await import("@/bench/seed")).seedBuyers,
    createProduct: (await import("@/test/factories")).createProduct,
    ...(await import("@/test/stock")),
    ...(await import("@/lib/jobs/boss")),
    stockGate: (await import("@/lib/stock/gate")).stockGate,
    stockKeys: (await import("@/lib/stock/keys")).stockKeys,
    EXPIRE_HOLDS_QUEUE: (await import("@/lib/orders/lifecycle/jobs")).EXPIRE_HOLDS_QUEUE,
    startFakeToss: (await import("@/test/payments")).startFakeToss,
    payInWindow: (await import("@/test/payments")).payInWindow,
    TOSS_SECRET: (await import("@/lib/payments/toss-fake/test-support")).SECRET,
  };
}

beforeAll(async () => {
  await ownDb.create();
  app = await load();
  toss = await app.startFakeToss(); // the Toss-compatible server, in this process: both instances call it
  // Production mode with the demo's development secrets, as the e2e build runs; small pools: four
  // processes share the database with the rest of the suite.
  const common: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: "production", HURRYUP_DEMO: "1", APP_URL, HOST: "127.0.0.1", DATABASE_POOL_SIZE: "5",
    TOSS_API_BASE_URL: toss.url, TOSS_SECRET_KEY: app.TOSS_SECRET,
  };
  const ports = [await freePort(), await freePort()];
  bases = ports.map((p) => `http://127.0.0.1:${p}`);
  instances = ports.map((port, i) => new NodeProcess(`instance ${i + 1}`, "test/instance-server.ts", { ...common, PORT: String(port), LOG_LEVEL: "warn" }));
  // debug: each worker logs every hold-expiry run it makes ("hold expiry run", with how many it ended)
  workers = [1, 2].map((i) => new NodeProcess(`worker ${i}`, "worker/index.ts", { ...common, LOG_LEVEL: "debug" }));
  const all = [...instances, ...workers];
  await Promise.all([
    ...bases.map((b) => eventually(() => fetch(`${b}/healthz`).then((r) => r.ok, () => false), `${b} listening`, all, 120_000)),
    ...workers.map((w) => eventually(async () => w.logLines("worker started").length > 0, `${w.name} started`, all, 120_000)),
  ]);
});

afterAll(async () => {
  await Promise.all([...instances, ...workers].map((p) => p.stop()));
  await toss?.close();
  await app?.stopBoss();
  await app?.stockGate().close();
  await app?.db.$disconnect();
  await ownDb.drop();
});

type Answer = { status: number; body: { order?: { id: string; amount: number }; error?: { code: string } } };
const outcome = (a: Answer) => (a.status === 201 ? `201 ${a.body.order!.id}` : `${a.status} ${a.body.error?.code}`);

async function postOrder(instance: number, cookie: string, key: string, productId: string, quantity: number): Promise<Answer> {
  const res = await fetch(`${bases[instance]}/api/orders`, {
    method: "POST",
    headers: { cookie, origin: APP_URL, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({ items: [{ productId, quantity }] }),
  });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

describe("two app instances and two workers on one PostgreSQL and one Redis", () => {
  let productId: string;
  let buyerIds: string[];
  const placed = new Map<string, { quantity: number; amount: number; cookie: string }>(); // order id → what, whose

  it("sell no unit twice, hold the per-buyer limit, and answer one Idempotency-Key with one order on both", { timeout: 180_000 }, async () => {
    const product = await app.createProduct({ type: "LIMITED", units: UNITS, perBuyerLimit: LIMIT });
    productId = product.id;
    const cookies = await app.seedBuyers(BUYERS);
    const sessions = await app.db.session.findMany({ select: { userId: true } });
    buyerIds = sessions.map((s) => s.userId);
    // Each buyer asks for two units with key A and one more with key B (over the limit if A got through),
    // on alternating instances; every other buyer sends key A to both instances at the same moment.
    const keys = cookies.map(() => ({ a: randomUUID(), b: randomUUID() }));
    const pairs: { buyer: number; answers: [Answer, Answer] }[] = [];
    const singles: { buyer: number; quantity: number; answer: Answer }[] = [];
    const tasks = cookies.flatMap((cookie, i) => [
      async () => {
        if (i % 2 === 0) pairs.push({ buyer: i, answers: await Promise.all([postOrder(0, cookie, keys[i].a, productId, 2), postOrder(1, cookie, keys[i].a, productId, 2)]) });
        else singles.push({ buyer: i, quantity: 2, answer: await postOrder(i % 2, cookie, keys[i].a, productId, 2) });
      },
      async () => void singles.push({ buyer: i, quantity: 1, answer: await postOrder((i + 1) % 2, cookie, keys[i].b, productId, 1) }),
    ]);
    await app.concurrently(tasks, 32, (t) => t());

    // Same key on both instances: one answer, the same order (or the same refusal).
    expect(pairs).toHaveLength(BUYERS / 2);
    for (const { answers: [x, y] } of pairs) expect(outcome(x)).toBe(outcome(y));
    const answers = [...pairs.flatMap((p) => p.answers), ...singles.map((s) => s.answer)];
    const outcomes = answers.map((a) => (a.status === 201 ? "201" : `${a.status} ${a.body.error?.code}`));
    expect(outcomes.filter((o) => o !== "201" && o !== "409 SOLD_OUT" && o !== "409 LIMIT_EXCEEDED")).toEqual([]);
    expect(outcomes).toContain("409 SOLD_OUT"); // demand (240 units) really exceeded supply
    const keep = (a: Answer, quantity: number, buyer: number) => a.status === 201 && placed.set(a.body.order!.id, { quantity, amount: a.body.order!.amount, cookie: cookies[buyer] });
    for (const { buyer, answers: [x] } of pairs) keep(x, 2, buyer);
    for (const s of singles) keep(s.answer, s.quantity, s.buyer);

    // The ledger holds exactly the orders that were answered 201, no unit twice, and Redis agrees.
    const f = await app.expectInvariant(productId, { limit: LIMIT, buyers: buyerIds });
    expect(f.held + f.sold).toBeLessThanOrEqual(UNITS);
    expect(f.held).toBe([...placed.values()].reduce((n, p) => n + p.quantity, 0));
    expect(await app.db.order.count({ where: { items: { some: { productId } } } })).toBe(placed.size);
    // A later retry of key A, on the other instance, replays the stored answer.
    for (const { buyer, answers: [x] } of pairs.slice(0, 5)) expect(outcome(await postOrder(1, cookies[buyer], keys[buyer].a, productId, 2))).toBe(outcome(x));
  });

  it("end each expired hold once, whichever worker gets there: units back once, one timeline event", { timeout: 180_000 }, async () => {
    const pending = await app.db.order.findMany({ where: { status: "PENDING_PAYMENT", items: { some: { productId } } }, select: { id: true }, orderBy: { id: "asc" } });
    expect(pending.length).toBeGreaterThan(10);
    const live = pending.slice(0, 3).map((o) => o.id);
    const expiring = pending.slice(3).map((o) => o.id);
    const units = (await app.db.orderItem.findMany({ where: { orderId: { in: expiring } } })).reduce((n, i) => n + i.quantity, 0);
    const before = await app.ledgerFigures(productId);
    // Time passes for these holds only: their expiry is seeded in the past (the workers' clocks stay real).
    await app.db.order.updateMany({ where: { id: { in: expiring } }, data: { holdExpiresAt: new Date(Date.now() - 1000) } });

    // Expiry jobs for both workers at once (each fetches up to five per poll); more until each worker ran one.
    const boss = await app.getBoss();
    const sendJobs = (n: number) => Promise.all(Array.from({ length: n }, () => boss.send(app.EXPIRE_HOLDS_QUEUE, {})));
    const waiting = async () => (await app.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${app.EXPIRE_HOLDS_QUEUE} AND state IN ('created', 'retry', 'active')`)[0].n;
    await sendJobs(10);
    await eventually(async () => {
      if ((await waiting()) > 0) return false;
      if (workers.every((w) => w.logLines("hold expiry run").length > 0)) return true;
      await sendJobs(4);
      return false;
    }, "both workers ran hold expiry and every expiry job finished", [...instances, ...workers], 150_000);

    // PostgreSQL: every expired order ended once — one EXPIRED event each; the live ones untouched.
    const events = await app.db.orderEvent.groupBy({ by: ["orderId"], where: { orderId: { in: expiring }, toStatus: "EXPIRED" }, _count: true });
    expect(events).toHaveLength(expiring.length);
    expect(events.every((e) => e._count === 1)).toBe(true);
    expect(await app.db.order.count({ where: { id: { in: live }, status: "PENDING_PAYMENT" } })).toBe(live.length);
    // The workers' own tally: the orders they ended add up to the orders that expired, none twice.
    const ended = workers.flatMap((w) => w.logLines("hold expiry run")).reduce((n, l) => n + Number(l.ended), 0);
    expect(ended).toBe(expiring.length);

    // Units back exactly once: PostgreSQL available grew by the expired units, Redis shows the same figure
    // (a second release would put it above), every buyer's count in Redis equals PostgreSQL's counter.
    const after = await app.expectInvariant(productId, { limit: LIMIT, buyers: buyerIds });
    expect(after.available).toBe(before.available + units);
    const gate = app.stockGate();
    const redisCounts = await gate.run((s) => s.hmget(app.stockKeys.buyers(productId), buyerIds));
    const counters = new Map((await app.db.purchaseCounter.findMany({ where: { productId } })).map((c) => [c.userId, c.quantity]));
    expect(redisCounts.map((v) => Number(v ?? 0))).toEqual(buyerIds.map((id) => counters.get(id) ?? 0));
    // Released once per order line (its variant: lib/stock/admission.ts names the marker after both).
    const lines = await app.db.orderItem.findMany({ where: { orderId: { in: expiring } }, select: { orderId: true, variantId: true } });
    for (const l of lines) expect(await gate.run((s) => s.get(app.stockKeys.released(productId, `o:${l.orderId}:${l.variantId}`)))).toBe("1");
  });

  it("confirm one payment sent to both instances once: one PAID order, one payment, the units sold", { timeout: 120_000 }, async () => {
    const pending = await app.db.order.findMany({ where: { status: "PENDING_PAYMENT", items: { some: { productId } } }, select: { id: true } });
    expect(pending.length).toBeGreaterThan(0);
    for (const { id } of pending) {
      const { amount, cookie } = placed.get(id)!;
      const q = await app.payInWindow(toss, id, amount);
      const confirm = (instance: number) => fetch(`${bases[instance]}/api/payments/confirm`, {
        method: "POST",
        headers: { cookie, origin: APP_URL, "content-type": "application/json" },
        body: JSON.stringify(q),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { outcome: string } }));
      const answers = await Promise.all([confirm(0), confirm(1)]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      // One of the two confirmed; the other found the order already past PENDING_PAYMENT.
      expect(answers.map((a) => a.body.outcome).sort()).toEqual(["already", "paid"]);
      expect(await app.db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "PAID" });
      expect(await app.db.orderEvent.count({ where: { orderId: id, toStatus: "PAID" } })).toBe(1);
      expect(await app.db.payment.findMany({ where: { orderId: id }, select: { status: true, amount: true } })).toEqual([{ status: "DONE", amount }]);
    }
    const f = await app.expectInvariant(productId, { limit: LIMIT, buyers: buyerIds });
    expect(f.sold).toBe(pending.reduce((n, o) => n + placed.get(o.id)!.quantity, 0));
  });
});
