// The one-product buy path (lib/orders/place/buy-now.ts) through the real route handler, session cookies,
// Redis and PostgreSQL: one script per request (the session read inside it), and nothing kept for a session that does not hold.
import { randomUUID } from "node:crypto";
import type Redis from "ioredis";
import { describe, expect, it } from "vitest";
import * as ordersRoute from "@/app/api/orders/route";
import { mintSessionCookie, revokeSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { cancelOrder } from "@/lib/orders/lifecycle/steps";
import { redis } from "@/lib/redis";
import { sessionCacheKey } from "@/lib/auth/session-store";
import { setStockGate, stockGate, StockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { createStockRedis, IoredisStore } from "@/lib/stock/store";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { expectInvariant } from "@/test/stock";

async function buyer(verified = true) {
  const user = await createUser({ emailVerifiedAt: verified ? new Date() : null });
  const session = await mintSessionCookie(user.id);
  return { user, session, cookie: cookieHeader(session) };
}
const post = (body: unknown, cookie: string, key: string = randomUUID()) =>
  ordersRoute.POST(jsonRequest("/api/orders", { body, cookie, headers: { "idempotency-key": key } }), ctx() as never);

/** Counts the commands each Redis client sends while `fn` runs. */
async function countCommands<T>(fn: () => Promise<T>): Promise<{ result: T; stock: string[]; main: string[] }> {
  const stockClient = (stockGate().store as IoredisStore).client as Redis; // one Redis here, not a cluster
  const seen = { stock: [] as string[], main: [] as string[] };
  const spy = (client: Redis, into: string[]) => {
    const send = client.sendCommand.bind(client);
    client.sendCommand = ((cmd: { name: string }) => (into.push(cmd.name), send(cmd as never))) as typeof client.sendCommand;
    return () => void (client.sendCommand = send);
  };
  const undo = [spy(stockClient, seen.stock), spy(redis, seen.main)];
  try {
    return { result: await fn(), ...seen };
  } finally {
    undo.forEach((u) => u());
  }
}

const available = async (productId: string) => Number((await stockGate().run((s) => s.hmget(stockKeys.meta(productId), ["a"])))[0]);

describe("buy-now of one product", () => {
  it("a refused request costs one script, the session checked inside it; an admitted one adds only the answer it keeps", async () => {
    const p = await createProduct({ units: 1, price: 12_000 });
    const [first, second] = [await buyer(), await buyer()];
    const body = { items: [{ productId: p.id, quantity: 1 }] };
    // Warm what every buyer's first request loads once: the product's keys and each session's cache entry.
    await post({ items: [{ productId: p.id, quantity: 2 }] }, first.cookie);
    await post({ items: [{ productId: p.id, quantity: 2 }] }, second.cookie);

    const won = await countCommands(() => post(body, first.cookie));
    expect(won.result.status).toBe(201);
    expect(won.stock).toEqual(["evalsha", "set"]); // ADMIT_REQUEST (the session's validity in it), then the answer kept for replays
    expect(won.main).toEqual([]);

    const lost = await countCommands(() => post(body, second.cookie));
    expect(lost.result.status).toBe(409);
    expect((await lost.result.json()).error.code).toBe("SOLD_OUT");
    expect(lost.stock).toEqual(["evalsha"]);
    expect(lost.main).toEqual([]);
    await expectInvariant(p.id, { buyers: [first.user.id, second.user.id] });
  });

  it("a revoked session is a 401 and keeps nothing: the unit, the buyer's count and the key are given back", async () => {
    const p = await createProduct({ units: 1 });
    const b = await buyer();
    await post({ items: [{ productId: p.id, quantity: 5 }] }, b.cookie); // loads the keys (a refusal: SOLD_OUT)
    await revokeSession(b.user.id, b.session.sessionId);
    const key = randomUUID();
    const res = await post({ items: [{ productId: p.id, quantity: 1 }] }, b.cookie, key);
    expect(res.status).toBe(401);
    expect(await available(p.id)).toBe(1);
    const kept = await stockGate().run((s) => Promise.all([s.get(stockKeys.productClaim(p.id, b.user.id, key)), s.get(stockKeys.request(p.id, b.user.id, key))]));
    expect(kept).toEqual([null, null]);
    expect(await db.order.count({ where: { userId: b.user.id } })).toBe(0);
    // Another buyer still gets the unit.
    expect((await post({ items: [{ productId: p.id, quantity: 1 }] }, (await buyer()).cookie)).status).toBe(201);
  });

  it("an unverified buyer is a 403 and holds nothing; a bad body of a signed-out session is still a 401", async () => {
    const p = await createProduct({ units: 2 });
    await stockGate().ensureLoaded(p.id);
    const b = await buyer(false);
    const res = await post({ items: [{ productId: p.id, quantity: 1 }] }, b.cookie); // decided by PostgreSQL (not cached yet)
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("EMAIL_NOT_VERIFIED");
    const again = await countCommands(() => post({ items: [{ productId: p.id, quantity: 1 }] }, b.cookie)); // by the script, from the cache
    expect(again.result.status).toBe(403);
    expect((await again.result.json()).error.code).toBe("EMAIL_NOT_VERIFIED");
    expect(again.stock).toEqual(["evalsha"]);
    expect(await available(p.id)).toBe(2);
    expect(await stockGate().run((s) => s.get(stockKeys.buyerRequests(p.id, b.user.id)))).toBeNull(); // not even counted
    const revoked = await buyer();
    await revokeSession(revoked.user.id, revoked.session.sessionId);
    expect((await post({ items: "nope" }, revoked.cookie)).status).toBe(401);
  });

  it("the same key sent at once and again later makes one order, answered alike; another body is a mismatch", async () => {
    const p = await createProduct({ units: 5 });
    const b = await buyer();
    const key = randomUUID();
    const body = { items: [{ productId: p.id, quantity: 1 }] };
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(body, b.cookie, key)));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(bodies.map((x) => x.order.id)).size).toBe(1);
    const later = await post(body, b.cookie, key);
    expect((await later.json()).order.id).toBe(bodies[0].order.id);
    const other = await post({ items: [{ productId: p.id, quantity: 2 }] }, b.cookie, key);
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe("IDEMPOTENCY_MISMATCH");
    expect(await db.order.count({ where: { userId: b.user.id } })).toBe(1);
    await expectInvariant(p.id, { buyers: [b.user.id] });
  });

  it("a refusal is replayed for its key even after units come back; a new key tries again", async () => {
    const p = await createProduct({ units: 1 });
    const [holder, late] = [await buyer(), await buyer()];
    const placed = await post({ items: [{ productId: p.id, quantity: 1 }] }, holder.cookie);
    const { order } = await placed.json();
    const key = randomUUID();
    const refused = await post({ items: [{ productId: p.id, quantity: 1 }] }, late.cookie, key);
    expect((await refused.json()).error.code).toBe("SOLD_OUT");
    await cancelOrder(holder.user.id, order.id, "changed my mind");
    expect(await available(p.id)).toBe(1);
    const replay = await post({ items: [{ productId: p.id, quantity: 1 }] }, late.cookie, key);
    expect(replay.status).toBe(409);
    expect((await replay.json()).error.code).toBe("SOLD_OUT");
    expect((await post({ items: [{ productId: p.id, quantity: 1 }] }, late.cookie)).status).toBe(201);
    await expectInvariant(p.id, { buyers: [holder.user.id, late.user.id] });
  });

  it("a session the cache does not hold: the script says so, PostgreSQL decides once and fills the cache, the script runs again", async () => {
    const p = await createProduct({ units: 3 });
    await stockGate().ensureLoaded(p.id);
    const b = await buyer(); // minted: nothing cached yet
    const first = await countCommands(() => post({ items: [{ productId: p.id, quantity: 1 }] }, b.cookie));
    expect(first.result.status).toBe(201);
    expect(first.stock).toEqual(["evalsha", "evalsha", "set"]); // session_unknown, then with the session's phone given; the answer
    expect(first.main).toEqual(["set"]); // the cache filled from PostgreSQL
    expect(await redis.get(sessionCacheKey(b.session.sessionId))).toContain(b.user.id);
    const next = await countCommands(() => post({ items: [{ productId: p.id, quantity: 1 }] }, b.cookie));
    expect(next.result.status).toBe(201);
    expect(next.stock).toEqual(["evalsha", "set"]);
    expect(next.main).toEqual([]);
    await expectInvariant(p.id, { buyers: [b.user.id] });
  });

  it("the script refuses a cache entry that is expired or another user's (401) and reads PostgreSQL past one it cannot parse", async () => {
    const p = await createProduct({ units: 2 });
    await stockGate().ensureLoaded(p.id);
    const [b, other] = [await buyer(), await buyer()];
    const entry = (fields: object) => redis.set(sessionCacheKey(b.session.sessionId), JSON.stringify({ userId: b.user.id, role: "BUYER", emailVerified: true, phoneHash: null, exp: Date.now() + 60_000, ...fields }), "EX", 60);
    const buy = () => post({ items: [{ productId: p.id, quantity: 1 }] }, b.cookie);
    await entry({ exp: Date.now() - 1 });
    expect((await buy()).status).toBe(401);
    await entry({ userId: other.user.id });
    expect((await buy()).status).toBe(401);
    await redis.set(sessionCacheKey(b.session.sessionId), "{not json", "EX", 60);
    expect((await buy()).status).toBe(201); // PostgreSQL: the session lives
    expect(await available(p.id)).toBe(1);
    await expectInvariant(p.id, { buyers: [b.user.id, other.user.id] });
  });

  it("where the session cache is not in the stock's Redis, the session is read first and its phone given to the script", async () => {
    const gate = new StockGate(new IoredisStore(createStockRedis())); // seesSessionCache: false
    setStockGate(gate);
    try {
      const p = await createProduct({ units: 1 });
      await gate.ensureLoaded(p.id);
      const b = await buyer();
      await post({ items: [{ productId: p.id, quantity: 2 }] }, b.cookie); // fills the session cache (a refusal)
      const won = await countCommands(() => post({ items: [{ productId: p.id, quantity: 1 }] }, b.cookie));
      expect(won.result.status).toBe(201);
      expect(won.main).toEqual(["get"]);
      expect(won.stock).toEqual(["evalsha", "set"]);
      await expectInvariant(p.id, { buyers: [b.user.id] });
    } finally {
      setStockGate(undefined);
      await gate.close();
    }
  });
});
