// The one-product buy path (lib/orders/place/buy-now.ts) through the real route handler, session cookies,
// Redis and PostgreSQL: one script and one session read per request, and nothing kept for a session that does not hold.
import { randomUUID } from "node:crypto";
import type Redis from "ioredis";
import { describe, expect, it } from "vitest";
import * as ordersRoute from "@/app/api/orders/route";
import { mintSessionCookie, revokeSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { cancelOrder } from "@/lib/orders/lifecycle/steps";
import { redis } from "@/lib/redis";
import { stockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import type { IoredisStore } from "@/lib/stock/store";
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
  it("a refused request costs one script and one session read; an admitted one adds only the answer it keeps", async () => {
    const p = await createProduct({ units: 1, price: 12_000 });
    const [first, second] = [await buyer(), await buyer()];
    const body = { items: [{ productId: p.id, quantity: 1 }] };
    // Warm what every buyer's first request loads once: the product's keys and each session's cache entry.
    await post({ items: [{ productId: p.id, quantity: 2 }] }, first.cookie);
    await post({ items: [{ productId: p.id, quantity: 2 }] }, second.cookie);

    const won = await countCommands(() => post(body, first.cookie));
    expect(won.result.status).toBe(201);
    expect(won.stock).toEqual(["evalsha", "set"]); // ADMIT_REQUEST, then the answer kept for replays
    expect(won.main).toEqual(["get"]); // the session's validity

    const lost = await countCommands(() => post(body, second.cookie));
    expect(lost.result.status).toBe(409);
    expect((await lost.result.json()).error.code).toBe("SOLD_OUT");
    expect(lost.stock).toEqual(["evalsha"]);
    expect(lost.main).toEqual(["get"]);
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
    const res = await post({ items: [{ productId: p.id, quantity: 1 }] }, b.cookie);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("EMAIL_NOT_VERIFIED");
    expect(await available(p.id)).toBe(2);
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
});
