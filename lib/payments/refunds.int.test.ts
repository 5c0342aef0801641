// Refunds of cancelled paid orders against the Toss-compatible server over real HTTP: exactly once under
// repeated and concurrent handling, a lost answer, and through the real outbox → pg-boss path; the order
// shows the refund and the seller's ledger reverses the sale and the fee.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { cancelPaidOrder, fakeTossForFile, paidOrder, withHangs } from "@/test/payments";
import { expectInvariant } from "@/test/stock";
import { REFUND_REQUESTED_QUEUE, refundKey, refundOrder } from "./refunds";
import { feeOf } from "./settlement";
import { runJobsNow } from "@/test/jobs";

const fake = await fakeTossForFile();

afterAll(async () => {
  await stopBoss();
});

const cancelCalls = () => fake.state.requests.filter((r) => r.operation === "cancel");

describe("refunds", () => {
  it("refund once however often and concurrently the event is handled; ledger reversed", async () => {
    const o = await paidOrder(fake, { price: 45_000 });
    await cancelPaidOrder(o.orderId);
    const results = await Promise.all([refundOrder({ orderId: o.orderId }), refundOrder({ orderId: o.orderId }), refundOrder({ orderId: o.orderId })]);
    expect(results.filter((r) => r === "refunded")).toHaveLength(1);
    expect(await refundOrder({ orderId: o.orderId, reason: "again" })).toBe("already");
    expect(fake.state.refunds).toEqual([expect.objectContaining({ orderId: o.orderId, amount: 45_000 })]);
    expect(new Set(cancelCalls().map((c) => c.idempotencyKey))).toEqual(new Set([refundKey(o.paymentKey)]));
    const refund = await db.refund.findFirstOrThrow({ where: { orderId: o.orderId } });
    expect(refund).toMatchObject({ status: "DONE", amount: 45_000 });
    expect(refund.transactionKey).toBeTruthy();
    expect((await db.payment.findUniqueOrThrow({ where: { orderId: o.orderId } })).status).toBe("CANCELED");
    const entries = await db.settlementEntry.findMany({ where: { orderId: o.orderId } });
    const byKind = (k: string) => entries.filter((e) => e.kind === k).reduce((s, e) => s + e.amount, 0);
    expect(byKind("SALE")).toBe(45_000);
    expect(byKind("REFUND")).toBe(-45_000);
    expect(byKind("FEE")).toBe(0); // withheld on the sale, given back with the refund
    expect(entries).toHaveLength(4);
    expect(feeOf(45_000)).toBeGreaterThan(0);
    expect((await expectInvariant(o.product.id)).sold).toBe(0);
  });

  it("a lost answer is settled by Toss's record (look-up), and a retry uses the same key: still one refund", async () => {
    const o = await paidOrder(fake);
    await cancelPaidOrder(o.orderId);
    // Toss cancels but the answer is lost: the look-up by paymentKey shows CANCELED, so it is recorded at once.
    expect(await withHangs(fake, "cancel", "after", () => refundOrder({ orderId: o.orderId }))).toBe("refunded");
    expect(fake.state.refunds).toHaveLength(1);
    expect((await db.refund.findFirstOrThrow({ where: { orderId: o.orderId } })).status).toBe("DONE");
    expect(await refundOrder({ orderId: o.orderId })).toBe("already");
    expect(fake.state.refunds).toHaveLength(1);
    expect(await db.settlementEntry.count({ where: { orderId: o.orderId, kind: "REFUND" } })).toBe(1);
  });

  it("an order that was never paid has nothing to refund (no Toss call)", async () => {
    expect(await refundOrder({ orderId: "HU-never-paid-order" })).toBe("nothing_to_refund");
    expect(cancelCalls()).toHaveLength(0);
  });

  it("the cancel's outbox event reaches the handler through pg-boss", async () => {
    const o = await paidOrder(fake);
    await cancelPaidOrder(o.orderId);
    await runJobsNow([REFUND_REQUESTED_QUEUE]);
    expect((await db.refund.findFirstOrThrow({ where: { orderId: o.orderId } })).status).toBe("DONE");
    expect(fake.state.refunds.filter((r) => r.orderId === o.orderId)).toHaveLength(1);
  });
});
