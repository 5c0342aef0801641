// Returns decided by the seller, against real PostgreSQL, Redis and the Toss-compatible server over HTTP:
// approval refunds exactly once (however often it is clicked, and racing the fallback timer), through the
// outbox → pg-boss refund path, with the money and stock invariants holding; a refusal keeps the sale and
// tells the buyer why. The shop's fallback timers: its own delay, or off.
import { afterAll, describe, expect, it } from "vitest";
import { encrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import { getOrderForUser } from "@/lib/orders/queries";
import { onOrderStatusChanged } from "@/lib/orders/lifecycle/notify";
import { advanceOrder } from "@/lib/orders/lifecycle/steps";
import { advanceDueOrders, scheduleStep } from "@/lib/orders/lifecycle/schedule";
import { REFUND_REQUESTED_QUEUE } from "@/lib/payments/refunds";
import { expectMoneyConsistent } from "@/test/money";
import { backdate, refundRequests, returnRequested, statusOf } from "@/test/orders";
import { fakeTossForFile, paidOrder } from "@/test/payments";
import { expectInvariant } from "@/test/stock";
import { approveReturn, refuseReturn } from "./returns";
import { updateTimerSettings } from "./settings";
import { runJobsNow } from "@/test/jobs";

const fake = await fakeTossForFile();
afterAll(async () => {
  await stopBoss();
});

/** A paid order shipped by its seller, delivered, and with a return requested by its buyer. */
async function paidAndReturnRequested() {
  const o = await paidOrder(fake, { price: 52_000 });
  return { ...o, scope: await returnRequested(o, "사이즈가 맞지 않아요") };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, status: e.extra?.status }),
  );

describe("approveReturn", () => {
  it("refunds exactly once however often it is approved and though the timer races it; units back once", async () => {
    const o = await paidAndReturnRequested();
    const [a, b, c, timer] = await Promise.all([
      approveReturn(o.scope, o.orderId),
      approveReturn(o.scope, o.orderId),
      approveReturn(o.scope, o.orderId),
      advanceOrder(o.orderId, "completeReturn", { dueNow: true }),
    ]);
    const done = [a, b, c].filter((r) => r.result === "done").length + (timer.result === "moved" ? 1 : 0);
    expect(done).toBe(1);
    for (const r of [a, b, c]) expect(r.status).toBe("RETURNED");
    expect(await statusOf(o.orderId)).toBe("RETURNED");
    expect(await refundRequests(o.orderId)).toBe(1);
    expect(await approveReturn(o.scope, o.orderId)).toEqual({ result: "already", status: "RETURNED" });

    await runJobsNow([REFUND_REQUESTED_QUEUE]);
    expect(await db.refund.findFirstOrThrow({ where: { orderId: o.orderId } })).toMatchObject({ status: "DONE", amount: 52_000 });
    expect(fake.state.refunds.filter((r) => r.orderId === o.orderId)).toHaveLength(1);
    expect((await expectInvariant(o.product.id)).sold).toBe(0);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("is 409 before a return is requested, and 404 for another shop", async () => {
    const o = await paidOrder(fake);
    const scope = { sellerId: o.product.sellerId, isAdmin: false };
    expect(await failure(approveReturn(scope, o.orderId))).toEqual({ code: "INVALID_TRANSITION", status: "PAID" });
    const other = { sellerId: (await db.seller.create({ data: { shopName: "x", user: { create: { emailHash: `t-${o.orderId}`, role: "SELLER" } } } })).id, isAdmin: false };
    expect(await failure(refuseReturn(other, o.orderId, "no"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refundRequests(o.orderId)).toBe(0);
  });
});

describe("refuseReturn", () => {
  it("keeps the sale, shows the buyer the reason, and ends the return for good", async () => {
    const o = await paidAndReturnRequested();
    const reason = "사용 흔적이 있어 반품이 어려워요";
    expect(await refuseReturn(o.scope, o.orderId, reason)).toEqual({ result: "done", status: "RETURN_REFUSED" });
    expect(await refuseReturn(o.scope, o.orderId, "again")).toEqual({ result: "already", status: "RETURN_REFUSED" });
    expect(await failure(approveReturn(o.scope, o.orderId))).toEqual({ code: "INVALID_TRANSITION", status: "RETURN_REFUSED" });
    expect(await advanceOrder(o.orderId, "completeReturn", { dueNow: true })).toEqual({ result: "skipped", status: "RETURN_REFUSED" });
    const view = await getOrderForUser(o.orderId, o.userId);
    expect(view?.returnRefusal).toBe(reason);
    expect(view?.shipment).toMatchObject({ courier: "cj", trackingNumber: "123456789012" });
    expect(await refundRequests(o.orderId)).toBe(0);
    expect((await expectInvariant(o.product.id)).sold).toBe(1);
    await expectMoneyConsistent([o.orderId], fake);

    // The buyer's mails name the tracking number and link, and the seller's reason.
    const email = `refused-${o.orderId}@example.test`;
    await db.user.update({ where: { id: o.userId }, data: { emailEnc: encrypt(email) } });
    await onOrderStatusChanged({ orderId: o.orderId, to: "SHIPPING" });
    await onOrderStatusChanged({ orderId: o.orderId, to: "RETURN_REFUSED" });
    const mails = await db.devMail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining("출발"), expect.stringContaining("거절")]);
    expect(mails[0].text).toContain("CJ대한통운 123456789012 https://trace.cjlogistics.com/next/tracking.html?wblNo=123456789012");
    expect(mails[1].text).toContain(reason);
  });
});

describe("the shop's fallback timers", () => {
  it("follow the shop's own delay, and never move an order whose step the shop turned off", async () => {
    const o = await paidOrder(fake);
    const scope = { sellerId: o.product.sellerId, isAdmin: false };
    await updateTimerSettings(scope, { autoShipSeconds: 0 });
    await backdate(o.orderId, "PAID", env.ORDER_SHIP_DELAY_SECONDS + 3600);
    expect(await advanceOrder(o.orderId, "ship")).toEqual({ result: "off" });
    await advanceDueOrders({ userIds: [o.userId] });
    expect(await statusOf(o.orderId)).toBe("PAID");
    await scheduleStep(o.orderId, "ship");
    expect(await db.$queryRaw`SELECT 1 FROM pgboss.job WHERE name = 'orders-advance' AND data->>'orderId' = ${o.orderId}`).toEqual([]);

    // A shorter delay of the shop's own: due after 2 minutes, where the deployment waits a day.
    await updateTimerSettings(scope, { autoShipSeconds: 120, autoDeliverSeconds: 600 });
    await backdate(o.orderId, "PAID", -(env.ORDER_SHIP_DELAY_SECONDS + 3600) + 60);
    expect(await advanceOrder(o.orderId, "ship")).toMatchObject({ result: "not_due" });
    await backdate(o.orderId, "PAID", 61);
    expect(await advanceDueOrders({ userIds: [o.userId] })).toBe(1);
    expect(await statusOf(o.orderId)).toBe("SHIPPING");
    await backdate(o.orderId, "SHIPPING", 599);
    expect(await advanceDueOrders({ userIds: [o.userId] })).toBe(0);
    await backdate(o.orderId, "SHIPPING", 2);
    expect(await advanceDueOrders({ userIds: [o.userId] })).toBe(1);
    expect(await statusOf(o.orderId)).toBe("DELIVERED");
  });
});
