// The money audit's comparison, on hand-made records: a clean picture, then each kind of disagreement.
import { describe, expect, it } from "vitest";
import { compareMoney, formatMoneyAudit, type ShopOrderRecord, type TossPaymentRecord } from "./audit";

const AT = "2026-03-01T03:00:00.000Z";

function charge(orderId: string, amount: number, over: Partial<TossPaymentRecord> = {}): TossPaymentRecord {
  return { paymentKey: `pk_${orderId}`, orderId, status: "DONE", totalAmount: amount, balanceAmount: amount, approvedAt: AT, cancels: [], ...over };
}
const cancelled = (p: TossPaymentRecord, ...cancels: [string, number][]): TossPaymentRecord => {
  const total = cancels.reduce((s, [, a]) => s + a, 0);
  return { ...p, status: total === p.totalAmount ? "CANCELED" : "PARTIAL_CANCELED", balanceAmount: p.totalAmount - total, cancels: cancels.map(([transactionKey, cancelAmount]) => ({ transactionKey, cancelAmount })) };
};

function order(id: string, amount: number, status = "PAID", over: Partial<ShopOrderRecord> = {}): ShopOrderRecord {
  const paid = ["PAID", "SHIPPING", "DELIVERED", "RETURN_REQUESTED", "CANCELLED", "RETURNED"].includes(status);
  return {
    id,
    status,
    amount,
    payment: { paymentKey: `pk_${id}`, status: "DONE", amount },
    refunds: [],
    settlement: { sellers: 1, itemsGross: amount, saleEntries: paid ? 1 : 0, saleTotal: paid ? amount : 0, refundEntries: 0, refundTotal: 0 },
    ...over,
  };
}
/** A paid order refunded once, recorded the way the shop records it. */
function refundedOrder(id: string, amount: number, tx = `tx_${id}`): ShopOrderRecord {
  const o = order(id, amount, "CANCELLED");
  return { ...o, refunds: [{ paymentKey: `pk_${id}`, amount, status: "DONE", transactionKey: tx }], settlement: { ...o.settlement, refundEntries: 1, refundTotal: -amount } };
}

const kinds = (toss: TossPaymentRecord[], shop: ShopOrderRecord[]) => compareMoney(toss, shop).disagreements.map((d) => [d.kind, d.orderId]);

describe("compareMoney", () => {
  it("agrees when every charge is a paid order of its amount, every cancel a recorded refund, every entry written once", () => {
    const toss = [
      charge("o-paid", 10_000),
      charge("o-shipped", 5_000),
      cancelled(charge("o-refunded", 7_000), ["tx_o-refunded", 7_000]),
      charge("o-abandoned", 3_000, { status: "EXPIRED", approvedAt: null }),
      charge("o-declined", 3_000, { status: "ABORTED", approvedAt: null }),
    ];
    const shop = [
      order("o-paid", 10_000),
      order("o-shipped", 5_000, "SHIPPING"),
      refundedOrder("o-refunded", 7_000),
      order("o-abandoned", 3_000, "EXPIRED", { payment: null }),
      order("o-declined", 3_000, "PAYMENT_FAILED", { payment: { paymentKey: "pk_o-declined", status: "ABORTED", amount: 3_000 } }),
    ];
    const audit = compareMoney(toss, shop);
    expect(audit.disagreements).toEqual([]);
    expect(audit.checked).toEqual({ tossPayments: 5, charges: 3, cancels: 1, orders: 5, paidOrders: 2, refunds: 1 });
    expect(formatMoneyAudit(audit)).toContain("no disagreements");
  });

  it("a compensation (our cancel of a charge for an order we could not honour) is clean once recorded", () => {
    const toss = [cancelled(charge("o-late", 4_000), ["tx_comp", 4_000])];
    const shop = [order("o-late", 4_000, "EXPIRED", { payment: null, refunds: [{ paymentKey: "pk_o-late", amount: 4_000, status: "DONE", transactionKey: "tx_comp" }], settlement: { sellers: 1, itemsGross: 4_000, saleEntries: 0, saleTotal: 0, refundEntries: 0, refundTotal: 0 } })];
    expect(kinds(toss, shop)).toEqual([]);
  });

  it("CHARGE_WITHOUT_ORDER: Toss holds money for an orderId we do not have", () => {
    expect(kinds([charge("o-ghost", 1_000)], [])).toEqual([["CHARGE_WITHOUT_ORDER", "o-ghost"]]);
  });

  it("CHARGE_WITHOUT_PAID_ORDER: the issue's hole — charged while the order is PAYMENT_FAILED (or EXPIRED, CONFIRMING)", () => {
    const toss = [charge("o-failed", 2_000), charge("o-expired", 2_000), charge("o-confirming", 2_000)];
    const shop = [order("o-failed", 2_000, "PAYMENT_FAILED"), order("o-expired", 2_000, "EXPIRED"), order("o-confirming", 2_000, "CONFIRMING")];
    expect(kinds(toss, shop)).toEqual([
      ["CHARGE_WITHOUT_PAID_ORDER", "o-confirming"],
      ["CHARGE_WITHOUT_PAID_ORDER", "o-expired"],
      ["CHARGE_WITHOUT_PAID_ORDER", "o-failed"],
    ]);
    expect(compareMoney(toss, shop).disagreements[2].detail).toContain("PAYMENT_FAILED");
  });

  it("CHARGE_NOT_THE_ORDERS_PAYMENT: two paymentKeys charged for one orderId", () => {
    const toss = [charge("o-twice", 9_000), charge("o-twice", 9_000, { paymentKey: "pk_second" })];
    const d = compareMoney(toss, [order("o-twice", 9_000)]).disagreements;
    expect(d.map((x) => [x.kind, x.paymentKey])).toEqual([["CHARGE_NOT_THE_ORDERS_PAYMENT", "pk_second"]]);
  });

  it("PAID_ORDER_WITHOUT_PAYMENT and PAID_ORDER_NOT_CHARGED: paid orders Toss never charged", () => {
    const toss = [charge("o-unconfirmed", 1_500, { status: "IN_PROGRESS", approvedAt: null })];
    const shop = [order("o-nopay", 1_500, "PAID", { payment: null }), order("o-unconfirmed", 1_500), order("o-unknown", 1_500, "DELIVERED")];
    expect(kinds(toss, shop)).toEqual([
      ["PAID_ORDER_WITHOUT_PAYMENT", "o-nopay"],
      ["PAID_ORDER_NOT_CHARGED", "o-unconfirmed"],
      ["PAID_ORDER_NOT_CHARGED", "o-unknown"],
    ]);
  });

  it("console cancel of a PAID order not recorded: PAID_ORDER_CANCELLED_AT_TOSS and CANCEL_NOT_RECORDED", () => {
    const toss = [cancelled(charge("o-console", 6_000), ["tx_console", 6_000])];
    const d = compareMoney(toss, [order("o-console", 6_000)]).disagreements;
    expect(d.map((x) => x.kind)).toEqual(["CANCEL_NOT_RECORDED", "PAID_ORDER_CANCELLED_AT_TOSS"]);
    expect(d[0].detail).toContain("tx_console");
  });

  it("a partial cancel of a paid order is a disagreement too", () => {
    const toss = [cancelled(charge("o-part", 6_000), ["tx_p", 1_000])];
    expect(kinds(toss, [order("o-part", 6_000)])).toEqual([
      ["CANCEL_NOT_RECORDED", "o-part"],
      ["PAID_ORDER_CANCELLED_AT_TOSS", "o-part"],
    ]);
  });

  it("AMOUNT_MISMATCH: Toss charged another amount than the order's (or the payment row's)", () => {
    expect(kinds([charge("o-amt", 10_001)], [order("o-amt", 10_000)])).toEqual([["AMOUNT_MISMATCH", "o-amt"]]);
    const row = order("o-row", 10_000, "PAID", { payment: { paymentKey: "pk_o-row", status: "DONE", amount: 9_000 } });
    expect(kinds([charge("o-row", 10_000)], [row])).toEqual([["AMOUNT_MISMATCH", "o-row"]]);
  });

  it("CANCEL_NOT_RECORDED: Toss cancelled while our refund is still FAILED / REQUESTED", () => {
    const toss = [cancelled(charge("o-fail-ref", 3_000), ["tx_f", 3_000])];
    const o = refundedOrder("o-fail-ref", 3_000);
    const shop = [{ ...o, refunds: [{ ...o.refunds[0], status: "FAILED", transactionKey: null }], settlement: { ...o.settlement, refundEntries: 0, refundTotal: 0 } }];
    const d = compareMoney(toss, shop).disagreements;
    expect(d.map((x) => x.kind)).toEqual(["CANCEL_NOT_RECORDED"]);
    expect(d[0].detail).toContain("FAILED refund");
  });

  it("REFUND_NOT_AT_TOSS: a refund recorded DONE that Toss never made", () => {
    expect(kinds([charge("o-phantom", 3_000)], [refundedOrder("o-phantom", 3_000)])).toEqual([
      ["CHARGE_WITHOUT_PAID_ORDER", "o-phantom"],
      ["REFUND_NOT_AT_TOSS", "o-phantom"],
    ]);
  });

  it("two cancels at Toss for one recorded refund (cancelled twice): the extra one is reported", () => {
    const toss = [cancelled(charge("o-twice-c", 4_000), ["tx_o-twice-c", 2_000], ["tx_extra", 2_000])];
    const o = refundedOrder("o-twice-c", 2_000);
    const d = compareMoney(toss, [{ ...o, amount: 4_000, payment: { ...o.payment!, amount: 4_000 }, settlement: { ...o.settlement, itemsGross: 4_000 } }]).disagreements;
    expect(d.map((x) => x.kind)).toContain("CANCEL_NOT_RECORDED");
    expect(d.find((x) => x.kind === "CANCEL_NOT_RECORDED")!.detail).toContain("tx_extra");
  });

  it("REFUND_AMOUNT_MISMATCH: the same transactionKey, another amount", () => {
    const toss = [cancelled(charge("o-ra", 5_000), ["tx_o-ra", 5_000])];
    const o = refundedOrder("o-ra", 5_000);
    expect(kinds(toss, [{ ...o, refunds: [{ ...o.refunds[0], amount: 4_000 }] }])).toEqual([["REFUND_AMOUNT_MISMATCH", "o-ra"]]);
  });

  it("settlement: missing or doubled sale, missing or doubled reversal, reversal without refund", () => {
    const base = order("o-s1", 8_000);
    const toss = [charge("o-s1", 8_000), charge("o-s2", 8_000), cancelled(charge("o-s3", 8_000), ["tx_o-s3", 8_000]), cancelled(charge("o-s4", 8_000), ["tx_o-s4", 8_000])];
    const shop = [
      { ...base, settlement: { ...base.settlement, saleEntries: 0, saleTotal: 0 } },
      { ...order("o-s2", 8_000), settlement: { ...base.settlement, refundEntries: 1, refundTotal: -8_000 } },
      { ...refundedOrder("o-s3", 8_000), settlement: { ...refundedOrder("o-s3", 8_000).settlement, refundEntries: 0, refundTotal: 0 } },
      { ...refundedOrder("o-s4", 8_000), settlement: { ...refundedOrder("o-s4", 8_000).settlement, refundEntries: 2, refundTotal: -16_000 } },
    ];
    expect(kinds(toss, shop)).toEqual([
      ["SETTLEMENT_SALE_MISMATCH", "o-s1"],
      ["SETTLEMENT_REFUND_WITHOUT_REFUND", "o-s2"],
      ["SETTLEMENT_REFUND_MISMATCH", "o-s3"],
      ["SETTLEMENT_REFUND_MISMATCH", "o-s4"],
    ]);
  });

  it("the report names every disagreement", () => {
    const text = formatMoneyAudit(compareMoney([charge("o-x", 1_000)], []));
    expect(text).toMatch(/1 disagreement\(s\):\n {2}CHARGE_WITHOUT_ORDER {2}order o-x {2}paymentKey pk_o-x/);
  });
});
