// Settlement: per-seller entries from real paid and refunded orders, and the daily payout job (once per
// seller and day, however often it runs), read back as the seller sees them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelPaidOrder, fakeTossForFile, paidOrder } from "@/test/payments";
import { getUnsettledTotals, listPayoutsForSeller } from "./queries";
import { refundOrder } from "./refunds";
import { feeOf, kstDay, runDailySettlement } from "./settlement";

const fake = await fakeTossForFile({ reset: false });

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
    // Settle as if the job ran the day after the entries were written. Days are counted from the entries'
    // own time, not the test's: Korean midnight may fall between writing them and reading the clock here.
    const written = (await db.settlementEntry.findFirstOrThrow({ where: { sellerId }, orderBy: { createdAt: "asc" } })).createdAt;
    const tomorrow = new Date(written.getTime() + 86_400_000);
    const [first, again] = [await runDailySettlement({ now: tomorrow, sellerIds: [sellerId] }), await runDailySettlement({ now: tomorrow, sellerIds: [sellerId] })];
    expect([first, again]).toEqual([1, 0]);
    let payouts = await listPayoutsForSeller(sellerId);
    expect(payouts).toHaveLength(1);
    expect(payouts[0].amount).toBe(40_000 - feeOf(40_000));
    expect(payouts[0].entryCount).toBe(2);
    // the Korean day the entries were written on
    expect(payouts[0].periodDate.toISOString().slice(0, 10)).toBe(kstDay(written).date.toISOString().slice(0, 10));

    await cancelPaidOrder(a.orderId);
    expect(await refundOrder({ orderId: a.orderId })).toBe("refunded");
    expect(await getUnsettledTotals(sellerId)).toEqual({ REFUND: -40_000, FEE: feeOf(40_000) });
    const dayAfter = new Date(written.getTime() + 2 * 86_400_000);
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
    // A run on the very Korean day the entries were written (their own time: midnight may pass meanwhile).
    const written = (await db.settlementEntry.findFirstOrThrow({ where: { sellerId: a.product.sellerId }, orderBy: { createdAt: "desc" } })).createdAt;
    expect(await runDailySettlement({ now: written, sellerIds: [a.product.sellerId] })).toBe(0);
    expect(await listPayoutsForSeller(a.product.sellerId)).toEqual([]);
  });

  it("settlement days are Korean days: 23:30 KST and 00:30 KST the next day settle on different days", async () => {
    expect(kstDay(new Date("2026-03-01T14:30:00Z"))).toEqual({ start: new Date("2026-02-28T15:00:00Z"), date: new Date("2026-03-01T00:00:00Z") });
    expect(kstDay(new Date("2026-03-01T15:30:00Z"))).toEqual({ start: new Date("2026-03-01T15:00:00Z"), date: new Date("2026-03-02T00:00:00Z") });
    const late = await paidOrder(fake, { price: 11_000 });
    const early = await paidOrder(fake, { price: 13_000 });
    const sellerIds = [late.product.sellerId, early.product.sellerId];
    // 14:30 UTC = 23:30 KST on 1 March; 15:30 UTC = 00:30 KST on 2 March (the same UTC day)
    await db.settlementEntry.updateMany({ where: { orderId: late.orderId }, data: { createdAt: new Date("2026-03-01T14:30:00Z") } });
    await db.settlementEntry.updateMany({ where: { orderId: early.orderId }, data: { createdAt: new Date("2026-03-01T15:30:00Z") } });

    // the job on 2 March at 00:10 KST (1 March 15:10 UTC) settles 1 March (KST): only the 23:30 sale
    expect(await runDailySettlement({ now: new Date("2026-03-01T15:10:00Z"), sellerIds })).toBe(1);
    const [lateDay] = await listPayoutsForSeller(late.product.sellerId);
    expect(lateDay.periodDate.toISOString().slice(0, 10)).toBe("2026-03-01");
    expect(lateDay.amount).toBe(11_000 - feeOf(11_000));
    expect(await listPayoutsForSeller(early.product.sellerId)).toEqual([]);
    // at 23:59 KST on 2 March the 00:30 sale still waits; the next night's run settles it as 2 March
    expect(await runDailySettlement({ now: new Date("2026-03-02T14:59:00Z"), sellerIds })).toBe(0);
    expect(await runDailySettlement({ now: new Date("2026-03-02T15:10:00Z"), sellerIds })).toBe(1);
    const [earlyDay] = await listPayoutsForSeller(early.product.sellerId);
    expect(earlyDay.periodDate.toISOString().slice(0, 10)).toBe("2026-03-02");
    expect(earlyDay.amount).toBe(13_000 - feeOf(13_000));
  });
});
