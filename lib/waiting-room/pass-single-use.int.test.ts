// A waiting-room pass buys once whichever tier admits: Redis (the drop's :wu hash) or, while Redis is away,
// the ledger statement on PostgreSQL alone (UsedRoomPass, written with the order). Real PostgreSQL, a real
// redis-server of the test's own that it kills (the outage), and the shared Redis for "Redis came back".
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { sessionClaims } from "@/lib/auth/guards";
import { mintSessionCookie } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { buyOneProduct, oneProductLine } from "@/lib/orders/place/buy-now";
import { placeOrder } from "@/lib/orders/place/place-order";
import { stockGate, StockGate } from "@/lib/stock/gate";
import { createStockRedis, IoredisStore } from "@/lib/stock/store";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, jsonRequest } from "@/test/http";
import { RedisProcess } from "@/test/redis-server";
import { expectInvariant } from "@/test/stock";
import { passKeys } from "./config";
import { verifyPass, type RoomPass } from "./pass";
import { getRoomView } from "./room";
import { sweepUsedPasses, USED_PASS_GRACE_MS } from "./used-passes";

const MIN = 60_000;
afterEach(() => clock.setOffsetMs(0));
const at = (start: number, ms: number) => clock.setOffsetMs(start + ms - Date.now());

type Body = { error?: { code: string } };
const codeOf = (a: { body: unknown }) => (a.body as Body).error?.code;
const order = (userId: string, productId: string, gate: StockGate, pass: RoomPass | null) =>
  placeOrder(userId, randomUUID(), { items: [{ productId, quantity: 1 }] }, gate, { pass });

/** A gate on a redis-server of the test's own, which the test can take away. */
async function ownRedis() {
  const redis = await RedisProcess.start();
  const gate = new StockGate(new IoredisStore(createStockRedis(redis.url)), { volumeThreshold: 1, resetTimeout: 600_000 });
  return {
    gate,
    /** Kills the server and waits for the gate's own connection-lost signal (it then uses PostgreSQL alone). */
    async outage() {
      const lost = new Promise<void>((resolve) => gate.store.onConnectionLost!(resolve));
      await redis.stop();
      await lost;
      expect(gate.usingFallback).toBe(true);
    },
    async close() {
      await gate.close();
      await redis.stop().catch(() => {});
    },
  };
}

/** A drop (per-buyer limit 5, so the limit never masks a pass refusal) and a buyer let through with a pass. */
async function admitted(gate: StockGate) {
  const start = Date.now();
  const opensAt = 10 * MIN;
  const p = await createProduct({ type: "LIMITED", units: 10, perBuyerLimit: 5, saleStartsAt: new Date(start + opensAt), waitingRoom: true, admissionRate: 100, preQueueMinutes: 15 });
  const user = await createUser();
  at(start, opensAt - MIN);
  await getRoomView(p.id, user, "enter", gate);
  at(start, opensAt + 1000);
  const view = await getRoomView(p.id, user, "status", gate);
  expect(view.state).toBe("admitted");
  const pass = verifyPass(passKeys, view.pass!, user.id, clock.nowMs());
  if (typeof pass === "string") throw new Error(pass);
  return { p, user, pass };
}

describe("a pass while Redis is away", () => {
  it("buys once on the PostgreSQL path: a replay is 403 PASS_USED, as in Redis mode", async () => {
    const r = await ownRedis();
    try {
      const { p, user, pass } = await admitted(r.gate);
      await r.outage();
      const first = await order(user.id, p.id, r.gate, pass);
      expect(first.status).toBe(201);
      const replay = await order(user.id, p.id, r.gate, pass);
      expect(replay.status).toBe(403);
      expect(codeOf(replay)).toBe("PASS_USED");
      expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
      expect(await db.usedRoomPass.findMany({ where: { productId: p.id } })).toMatchObject([{ passId: pass.passId, userId: user.id, expiresAt: new Date(pass.expiresMs) }]);
      await expectInvariant(p.id, { redisQuiet: false, buyers: [user.id] });
    } finally {
      await r.close();
    }
  });

  it("concurrent replays on the PostgreSQL path: exactly one order", async () => {
    const r = await ownRedis();
    try {
      const { p, user, pass } = await admitted(r.gate);
      await r.outage();
      const answers = await Promise.all(Array.from({ length: 6 }, () => order(user.id, p.id, r.gate, pass)));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
      expect(answers.filter((a) => a.status === 403).map(codeOf)).toEqual(Array(5).fill("PASS_USED"));
      expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
      await expectInvariant(p.id, { redisQuiet: false, buyers: [user.id] });
    } finally {
      await r.close();
    }
  });

  it("a pass used through Redis, replayed after Redis went down within its lifetime: refused", async () => {
    const r = await ownRedis();
    try {
      const { p, user, pass } = await admitted(r.gate);
      const claims = sessionClaims(jsonRequest("/", { cookie: cookieHeader(await mintSessionCookie(user.id)) }))!;
      const what = oneProductLine({ source: "buy-now", items: [{ productId: p.id, quantity: 1 }] })!;
      const bought = await buyOneProduct(claims, randomUUID(), what, r.gate, () => null, pass); // ADMIT_REQUEST, then the ledger
      expect(bought).toMatchObject({ status: 201 });
      await r.outage();
      const replay = await order(user.id, p.id, r.gate, pass);
      expect(replay.status).toBe(403);
      expect(codeOf(replay)).toBe("PASS_USED");
      expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
    } finally {
      await r.close();
    }
  });

  it("a pass used on the PostgreSQL path, replayed once Redis is back (Redis never heard of it): refused, units given back in Redis", async () => {
    const r = await ownRedis();
    try {
      const { p, user, pass } = await admitted(r.gate);
      await r.outage();
      expect((await order(user.id, p.id, r.gate, pass)).status).toBe(201);
      // "Back": the shared Redis, which has no record of this pass; it admits, the ledger refuses, Redis is undone.
      const back = stockGate();
      const replay = await order(user.id, p.id, back, pass);
      expect(replay.status).toBe(403);
      expect(codeOf(replay)).toBe("PASS_USED");
      expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
      await expectInvariant(p.id, { gate: back, buyers: [user.id] }); // Redis's units equal PostgreSQL's again
    } finally {
      await r.close();
    }
  });
});

describe("sweeping used passes", () => {
  it("deletes rows whose pass expired more than the grace ago, and only those", async () => {
    const productId = randomUUID();
    const now = clock.now();
    const row = (passId: string, expiresAt: Date) => ({ productId, passId, userId: randomUUID(), orderId: `HU-${passId}`, expiresAt });
    await db.usedRoomPass.createMany({
      data: [
        row("old-pass-1", new Date(now.getTime() - USED_PASS_GRACE_MS - 1000)),
        row("recent-pass", new Date(now.getTime() - USED_PASS_GRACE_MS + 60_000)),
        row("live-pass-1", new Date(now.getTime() + 60_000)),
      ],
    });
    expect(await sweepUsedPasses(now)).toBeGreaterThanOrEqual(1);
    const left = await db.usedRoomPass.findMany({ where: { productId }, select: { passId: true }, orderBy: { passId: "asc" } });
    expect(left.map((r) => r.passId)).toEqual(["live-pass-1", "recent-pass"]);
  });
});
