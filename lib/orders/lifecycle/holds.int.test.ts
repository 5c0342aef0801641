// Holds end exactly once, and a late payment cannot revive an expired order.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { stockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { createProduct } from "@/test/factories";
import { createBuyers, expectInvariant } from "@/test/stock";
import { placeOrder } from "../place/place-order";
import { beginConfirming, expireHolds, moveOrder } from "./holds";

afterEach(() => clock.setOffsetMs(0));

async function orderOf(userId: string, productId: string, quantity = 1) {
  const a = await placeOrder(userId, randomUUID(), { items: [{ productId, quantity }] });
  expect(a.status).toBe(201);
  return (a.body as { order: { id: string; holdExpiresAt: string } }).order;
}
const redisAvailable = async (productId: string) => Number((await stockGate().run((s) => s.hmget(stockKeys.meta(productId), ["a"])))[0]);

describe("holds", () => {
  it("last ORDER_HOLD_SECONDS and expire exactly once, units back in PostgreSQL and Redis", async () => {
    const p = await createProduct({ units: 3, perBuyerLimit: 2 });
    const [b] = await createBuyers(1);
    const order = await orderOf(b, p.id, 2);
    expect(new Date(order.holdExpiresAt).getTime() - clock.nowMs()).toBeGreaterThan((env.ORDER_HOLD_SECONDS - 5) * 1000);
    expect(await expireHolds({ userIds: [b] })).toBe(0); // not yet due
    clock.setOffsetMs(env.ORDER_HOLD_SECONDS * 1000 + 1000);
    // two workers at once, then a third run: one expiry in total
    const runs = await Promise.all([expireHolds({ userIds: [b] }), expireHolds({ userIds: [b] })]);
    expect(runs[0] + runs[1]).toBeGreaterThanOrEqual(1);
    expect(await expireHolds({ userIds: [b] })).toBe(0);
    const o = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { events: true } });
    expect(o.status).toBe("EXPIRED");
    expect(o.events.filter((e) => e.toStatus === "EXPIRED")).toHaveLength(1);
    expect(await redisAvailable(p.id)).toBe(3);
    const f = await expectInvariant(p.id, { limit: 2 });
    expect(f.available).toBe(3);
    // the allowance came back with the units
    clock.setOffsetMs(0);
    expect((await placeOrder(b, randomUUID(), { items: [{ productId: p.id, quantity: 2 }] })).status).toBe(201);
  });

  it("a late payment racing expiry cannot revive the order", async () => {
    const p = await createProduct({ units: 1 });
    const [b] = await createBuyers(1);
    const order = await orderOf(b, p.id);
    clock.setOffsetMs(env.ORDER_HOLD_SECONDS * 1000 + 1000);
    // the hold's time is up: even before the job runs, payment is refused
    await expect(beginConfirming(order.id, b)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await expireHolds({ userIds: [b] })).toBeGreaterThanOrEqual(1);
    await expect(beginConfirming(order.id, b)).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("EXPIRED");
    await expectInvariant(p.id);
  });

  it("payment and expiry racing at the deadline: exactly one wins, and the units agree", async () => {
    for (let i = 0; i < 5; i++) {
      const p = await createProduct({ units: 1 });
      const [b] = await createBuyers(1);
      const order = await orderOf(b, p.id);
      // the hold ends in a few milliseconds; payment and the expiry job start together at that moment
      await db.order.update({ where: { id: order.id }, data: { holdExpiresAt: new Date(clock.nowMs() + 5 * i) } });
      await new Promise((r) => setTimeout(r, 5 * i));
      const pay = beginConfirming(order.id, b).then(() => moveOrder(order.id, "CONFIRMING", "PAID"), () => false);
      await Promise.all([pay, expireHolds({ userIds: [b] })]);
      const status = (await db.order.findUniqueOrThrow({ where: { id: order.id } })).status;
      expect(["PAID", "EXPIRED"]).toContain(status);
      const f = await expectInvariant(p.id);
      expect(f.sold + f.available).toBe(1);
      expect(f.sold).toBe(status === "PAID" ? 1 : 0);
    }
  });

  it("cancelling a paid order returns its units once; shipping cannot be cancelled", async () => {
    const p = await createProduct({ units: 2 });
    const [b] = await createBuyers(1);
    const order = await orderOf(b, p.id);
    await beginConfirming(order.id, b);
    expect(await moveOrder(order.id, "CONFIRMING", "PAID")).toBe(true);
    expect((await expectInvariant(p.id)).sold).toBe(1);
    const both = await Promise.all([moveOrder(order.id, "PAID", "CANCELLED"), moveOrder(order.id, "PAID", "CANCELLED")]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect((await expectInvariant(p.id)).available).toBe(2);
    await expect(moveOrder(order.id, "SHIPPING", "CANCELLED")).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });
});
