// Cancel, return and the worker's time-based steps against real PostgreSQL and Redis: guarded moves,
// units back exactly once, refund requests written with the move, races ending in exactly one winner.
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { stockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { createProduct } from "@/test/factories";
import { backdate, markPaid, placeTestOrder, refundRequests, statusOf } from "@/test/orders";
import { createBuyers, expectInvariant } from "@/test/stock";
import { advanceOrder, cancelOrder, requestReturn } from "./steps";
import { advanceDueOrders } from "./schedule";

const redisAvailable = async (productId: string) => Number((await stockGate().run((s) => s.hmget(stockKeys.meta(productId), ["a"])))[0]);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, status: e.extra?.status }),
  );
const DAY = 86_400;

describe("cancel", () => {
  it("an unpaid order: units back once, no refund; a second cancel is 409 with the current status", async () => {
    const p = await createProduct({ units: 5, perBuyerLimit: 3 });
    const [b] = await createBuyers(1);
    const id = await placeTestOrder(b, [{ productId: p.id, quantity: 3 }]);
    expect(await redisAvailable(p.id)).toBe(2);
    const results = await Promise.all([failure(cancelOrder(b, id)), failure(cancelOrder(b, id)), failure(cancelOrder(b, id))]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    for (const r of results.filter(Boolean)) expect(r).toEqual({ code: "INVALID_TRANSITION", status: "CANCELLED" });
    expect(await statusOf(id)).toBe("CANCELLED");
    expect(await refundRequests(id)).toBe(0);
    expect(await redisAvailable(p.id)).toBe(5);
    expect((await expectInvariant(p.id, { limit: 3 })).available).toBe(5);
  });

  it("a paid order: refund requested in the same move; another buyer's order is not found", async () => {
    const p = await createProduct({ units: 2 });
    const [b, other] = await createBuyers(2);
    const id = await placeTestOrder(b, [{ productId: p.id, quantity: 2 }]);
    await markPaid(id);
    expect(await failure(cancelOrder(other, id))).toEqual({ code: "NOT_FOUND", status: undefined });
    expect(await cancelOrder(b, id, "changed my mind")).toBe("CANCELLED");
    expect(await refundRequests(id)).toBe(1);
    expect((await expectInvariant(p.id)).available).toBe(2);
    expect(await redisAvailable(p.id)).toBe(2);
  });

  it("is refused once the order has shipped, and while a payment is being confirmed", async () => {
    const p = await createProduct({ units: 4 });
    const [b] = await createBuyers(1);
    const shipped = await placeTestOrder(b, [{ productId: p.id, quantity: 1 }]);
    await markPaid(shipped);
    await backdate(shipped, "PAID", env.ORDER_SHIP_DELAY_SECONDS + 1);
    expect(await advanceOrder(shipped, "ship")).toEqual({ result: "moved" });
    expect(await failure(cancelOrder(b, shipped))).toEqual({ code: "INVALID_TRANSITION", status: "SHIPPING" });
    expect(await failure(requestReturn(b, shipped))).toEqual({ code: "INVALID_TRANSITION", status: "SHIPPING" });
    expect((await expectInvariant(p.id)).sold).toBe(1);
  });

  it("racing the shipping job, ends in exactly one of them, and units come back exactly once", async () => {
    const p = await createProduct({ units: 40 });
    const buyers = await createBuyers(20);
    const ids = await Promise.all(buyers.map((b) => placeTestOrder(b, [{ productId: p.id, quantity: 2 }])));
    for (const id of ids) {
      await markPaid(id);
      await backdate(id, "PAID", env.ORDER_SHIP_DELAY_SECONDS + 1);
    }
    const outcomes = await Promise.all(
      ids.map(async (id, i) => {
        const [cancel, ship] = await Promise.all([failure(cancelOrder(buyers[i], id)), advanceOrder(id, "ship")]);
        return { id, cancelled: cancel === null, shipped: ship.result === "moved", status: await statusOf(id) };
      }),
    );
    for (const o of outcomes) {
      expect(Number(o.cancelled) + Number(o.shipped)).toBe(1);
      expect(o.status).toBe(o.cancelled ? "CANCELLED" : "SHIPPING");
      expect(await refundRequests(o.id)).toBe(o.cancelled ? 1 : 0);
    }
    const cancelled = outcomes.filter((o) => o.cancelled).length;
    const f = await expectInvariant(p.id);
    expect(f.available).toBe(cancelled * 2);
    expect(f.sold).toBe((20 - cancelled) * 2);
    expect(await redisAvailable(p.id)).toBe(cancelled * 2);
  });
});

describe("time-based steps and returns", () => {
  it("ship and deliver only when due; return within the window completes later with units back and a refund", async () => {
    const p = await createProduct({ units: 3, perBuyerLimit: 2 });
    const [b] = await createBuyers(1);
    const id = await placeTestOrder(b, [{ productId: p.id, quantity: 2 }]);
    expect(await advanceOrder(id, "ship")).toEqual({ result: "skipped", status: "PENDING_PAYMENT" });
    await markPaid(id);
    expect((await advanceOrder(id, "ship")).result).toBe("not_due");
    await backdate(id, "PAID", env.ORDER_SHIP_DELAY_SECONDS + 1);
    const [a1, a2] = await Promise.all([advanceOrder(id, "ship"), advanceOrder(id, "ship")]);
    expect([a1.result, a2.result].sort()).toEqual(["moved", "skipped"]);
    expect(await failure(requestReturn(b, id))).toEqual({ code: "INVALID_TRANSITION", status: "SHIPPING" });
    expect((await advanceOrder(id, "deliver")).result).toBe("not_due");
    await backdate(id, "SHIPPING", env.ORDER_DELIVER_DELAY_SECONDS + 1);
    expect(await advanceOrder(id, "deliver")).toEqual({ result: "moved" });

    expect(await requestReturn(b, id, "too small")).toBe("RETURN_REQUESTED");
    expect(await failure(requestReturn(b, id))).toEqual({ code: "INVALID_TRANSITION", status: "RETURN_REQUESTED" });
    expect((await advanceOrder(id, "completeReturn")).result).toBe("not_due");
    expect((await expectInvariant(p.id, { limit: 2 })).sold).toBe(2);
    await backdate(id, "RETURN_REQUESTED", env.ORDER_RETURN_COMPLETE_SECONDS + 1);
    expect(await advanceOrder(id, "completeReturn")).toEqual({ result: "moved" });
    expect(await advanceOrder(id, "completeReturn")).toEqual({ result: "skipped", status: "RETURNED" });
    expect(await statusOf(id)).toBe("RETURNED");
    expect(await refundRequests(id)).toBe(1);
    const f = await expectInvariant(p.id, { limit: 2 });
    expect(f.available).toBe(3);
    expect(await redisAvailable(p.id)).toBe(3);
  });

  it("refuses a return after the window with 409 RETURN_WINDOW_CLOSED", async () => {
    const p = await createProduct({ units: 1 });
    const [b] = await createBuyers(1);
    const id = await placeTestOrder(b, [{ productId: p.id, quantity: 1 }]);
    await markPaid(id);
    await backdate(id, "PAID", DAY * 10);
    await advanceOrder(id, "ship");
    await backdate(id, "SHIPPING", DAY * 10);
    await advanceOrder(id, "deliver");
    await backdate(id, "DELIVERED", env.ORDER_RETURN_WINDOW_SECONDS + 60);
    expect(await failure(requestReturn(b, id))).toEqual({ code: "RETURN_WINDOW_CLOSED", status: "DELIVERED" });
    expect(await statusOf(id)).toBe("DELIVERED");
  });

  it("the sweep takes every due step it finds, once", async () => {
    const p = await createProduct({ units: 10 });
    const buyers = await createBuyers(3);
    const [due, notDue, unpaid] = await Promise.all(buyers.map((b) => placeTestOrder(b, [{ productId: p.id, quantity: 1 }])));
    await markPaid(due);
    await markPaid(notDue);
    await backdate(due, "PAID", env.ORDER_SHIP_DELAY_SECONDS + 1);
    const runs = await Promise.all([advanceDueOrders({ userIds: buyers }), advanceDueOrders({ userIds: buyers })]);
    expect(runs[0] + runs[1]).toBe(1);
    expect([await statusOf(due), await statusOf(notDue), await statusOf(unpaid)]).toEqual(["SHIPPING", "PAID", "PENDING_PAYMENT"]);
    await backdate(due, "SHIPPING", env.ORDER_DELIVER_DELAY_SECONDS + 1);
    expect(await advanceDueOrders({ userIds: buyers })).toBe(1);
    expect(await statusOf(due)).toBe("DELIVERED");
  });
});
