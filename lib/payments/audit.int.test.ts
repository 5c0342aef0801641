// The money audit against the real thing: orders paid and refunded through the shop's confirm and refund
// paths against the Toss-compatible server over HTTP, then read back from both sides. Clean first; then a
// console cancel the shop never heard of, and the audit says so.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auth } from "@/lib/payments/toss-fake/test-support";
import { cancelPaidOrder, fakeTossForFile, paidOrder, payInWindow, pendingOrder } from "@/test/payments";
import { formatMoneyAudit } from "./audit";
import { auditMoney, loadShopMoney } from "./audit-load";
import { refundOrder } from "./refunds";

const fake = await fakeTossForFile({ reset: false });

describe("money audit (Toss-compatible server ledger vs the database)", () => {
  it("clean after paying and refunding for real; a console cancel the shop did not record is reported", async () => {
    const kept = await paidOrder(fake, { price: 21_000 });
    const refunded = await paidOrder(fake, { price: 9_000, quantity: 2 });
    await cancelPaidOrder(refunded.orderId);
    expect(await refundOrder({ orderId: refunded.orderId })).toBe("refunded");
    const abandoned = await pendingOrder({ price: 5_000 });
    await payInWindow(fake, abandoned.orderId, abandoned.amount); // authorised, never confirmed: no money
    const orderIds = [kept.orderId, refunded.orderId, abandoned.orderId];

    // over HTTP, as `npm run audit:money` reads it
    const clean = await auditMoney({ tossUrl: fake.url, scope: { orderIds } });
    expect(clean.disagreements).toEqual([]);
    expect(clean.checked).toMatchObject({ charges: 2, cancels: 1, paidOrders: 1, refunds: 1 });
    expect(formatMoneyAudit(clean)).toContain("no disagreements");

    // An operator cancels the kept order's payment in Toss's console; the shop is not told (no webhook URL).
    expect(fake.consoleCancel(kept.paymentKey).status).toBe(200);
    const audit = await auditMoney({ ledger: fake.ledger().payments, scope: { orderIds } });
    expect(audit.disagreements.map((d) => [d.kind, d.orderId, d.paymentKey])).toEqual([
      ["CANCEL_NOT_RECORDED", kept.orderId, kept.paymentKey],
      ["PAID_ORDER_CANCELLED_AT_TOSS", kept.orderId, kept.paymentKey],
    ]);
    expect(formatMoneyAudit(audit)).toContain(`CANCEL_NOT_RECORDED  order ${kept.orderId}`);
  });

  it("reports a charge whose order is not paid, and a refund Toss never made", async () => {
    const o = await pendingOrder({ price: 12_000 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    // Toss approves (e.g. the shop's confirm timed out and the order was failed): money without a paid order
    const res = await fetch(`${fake.url}/v1/payments/confirm`, {
      method: "POST",
      headers: { Authorization: auth(), "Content-Type": "application/json" },
      body: JSON.stringify(q),
    });
    expect(res.status).toBe(200);
    await db.order.update({ where: { id: o.orderId }, data: { status: "PAYMENT_FAILED" } });
    const paid = await paidOrder(fake, { price: 4_000 });
    await db.refund.create({ data: { orderId: paid.orderId, paymentKey: paid.paymentKey, amount: 4_000, reason: "forged", idempotencyKey: `forged-${paid.orderId}`, status: "DONE" } });

    const audit = await auditMoney({ tossUrl: fake.url, scope: { orderIds: [o.orderId, paid.orderId] } });
    const kinds = audit.disagreements.map((d) => [d.kind, d.orderId]);
    expect(kinds).toContainEqual(["CHARGE_WITHOUT_PAID_ORDER", o.orderId]);
    expect(kinds).toContainEqual(["REFUND_NOT_AT_TOSS", paid.orderId]);
    // the order has no payment row (the shop never heard of the charge): only Toss's naming it brings it in
    expect(await loadShopMoney({ orderIds: [o.orderId] })).toEqual([]);
    expect((await loadShopMoney({ orderIds: [o.orderId] }, [o.orderId])).map((r) => r.status)).toEqual(["PAYMENT_FAILED"]);
  });
});
