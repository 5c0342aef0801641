// Settlement: per-seller entries from real paid and refunded orders, and the daily payout job (once per
// seller and day, however often it runs), read back as the seller sees them.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TossFake } from "@/lib/payments/toss-fake";
import { cancelPaidOrder, paidOrder, startFakeToss, pointAtFake } from "@/test/payments";
import { setTossClient } from "./gateway";
import { getUnsettledTotals, listPayoutsForSeller } from "./queries";
import { refundOrder } from "./refunds";
import { feeOf, runDailySettlement } from "./settlement";
import type { TossClient } from "./toss";

let fake: TossFake;
let client: TossClient;
beforeAll(async () => {
  fake = await startFakeToss();
});
afterAll(() => fake.close());
beforeEach(() => {
  client = pointAtFake(fake);
});
afterEach(() => {
  client.shutdown();
  setTossClient(undefined);
});

describe("settlement", () => {
  it("fee is integer won at the configured rate", () => {
    expect(feeOf(10_000, 0.033)).toBe(330);
    expect(feeOf(12_345, 0.033)).toBe(407);
    expect(Number.isInteger(feeOf(99_999))).toBe(true);
  });

  it("one payout per seller and day with the day's sales net of fees; refunds settle on the day they happen", async () => {
    const a = await paidOrder(fake, { price: 20_000, quantity: 2 });
    const sellerId = a.product.sellerId;
    expect(await getUnsettledTotals(sellerId)).toEqual({ SALE: 40_000, FEE: -feeOf(40_000) });
    // entries created "today" (real time); settle as if the job ran tomorrow
    const tomorrow = new Date(Date.now() + 86_400_000);
    const [first, again] = [await runDailySettlement({ now: tomorrow, sellerIds: [sellerId] }), await runDailySettlement({ now: tomorrow, sellerIds: [sellerId] })];
    expect([first, again]).toEqual([1, 0]);
    let payouts = await listPayoutsForSeller(sellerId);
    expect(payouts).toHaveLength(1);
    expect(payouts[0].amount).toBe(40_000 - feeOf(40_000));
    expect(payouts[0].entryCount).toBe(2);
    expect(payouts[0].periodDate.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));

    await cancelPaidOrder(a.orderId);
    expect(await refundOrder({ orderId: a.orderId })).toBe("refunded");
    expect(await getUnsettledTotals(sellerId)).toEqual({ REFUND: -40_000, FEE: feeOf(40_000) });
    const dayAfter = new Date(Date.now() + 2 * 86_400_000);
    // run twice at once: still one payout for that day
    await Promise.all([runDailySettlement({ now: dayAfter, sellerIds: [sellerId] }), runDailySettlement({ now: dayAfter, sellerIds: [sellerId] })]);
    payouts = await listPayoutsForSeller(sellerId);
    expect(payouts).toHaveLength(2);
    const total = payouts.reduce((s, p) => s + p.amount, 0);
    expect(total).toBe(0); // sold and fully refunded: nothing owed either way
    expect(await db.settlementEntry.count({ where: { sellerId, payoutId: null } })).toBe(0);
  });

  it("entries of the current day wait for tomorrow's run", async () => {
    const a = await paidOrder(fake, { price: 7_000 });
    expect(await runDailySettlement({ now: new Date(), sellerIds: [a.product.sellerId] })).toBe(0);
    expect(await listPayoutsForSeller(a.product.sellerId)).toEqual([]);
  });
});
