// The money audit, as a pure comparison: Toss's record of charges and cancels (the Toss-compatible
// server's ledger, GET /_fake/ledger) against the shop's orders, payments, refunds and settlement entries.
// No I/O here: `audit-load.ts` reads both sides, `npm run audit:money` prints the result.
//
// The invariant, once things are quiet:
// - every payment Toss reports as having moved money and still holding some (DONE) belongs to exactly one
//   PAID-or-later order (PAID, SHIPPING, DELIVERED, RETURN_REQUESTED) of exactly its amount, under that
//   order's own paymentKey — otherwise it must have been cancelled;
// - every PAID-or-later order has a DONE payment at Toss of exactly its stored amount;
// - refunds recorded = cancels Toss made, one for one, amount for amount (and none recorded that Toss did
//   not make);
// - settlement: a paid order has its sale entries, a refunded sale its reversal entries, once each, and an
//   unrefunded order none.

export const PAID_OR_LATER = ["PAID", "SHIPPING", "DELIVERED", "RETURN_REQUESTED", "RETURN_REFUSED"] as const;
const paidOrLater = new Set<string>(PAID_OR_LATER);

/** One payment as Toss records it (the fake's ledger entry; the fields the audit needs). */
export type TossPaymentRecord = {
  paymentKey: string;
  orderId: string;
  status: string;
  totalAmount: number;
  balanceAmount: number;
  /** null: the payment never moved money (not confirmed, declined, expired). */
  approvedAt: string | null;
  cancels: { transactionKey: string; cancelAmount: number }[];
};

/** One order as the shop records it, with what the audit compares. */
export type ShopOrderRecord = {
  id: string;
  status: string;
  /** Integer won: the stored order amount. */
  amount: number;
  payment: { paymentKey: string; status: string; amount: number } | null;
  /** Refunds recorded for this order (any paymentKey: a compensation may cancel another key of the order). */
  refunds: { paymentKey: string; amount: number; status: string; transactionKey: string | null }[];
  settlement: {
    /** Distinct sellers among the order's items, and the items' gross (unit price × quantity). */
    sellers: number;
    itemsGross: number;
    saleEntries: number;
    saleTotal: number;
    refundEntries: number;
    refundTotal: number;
  };
};

export type DisagreementKind =
  /** Toss holds money for an orderId the shop does not know. */
  | "CHARGE_WITHOUT_ORDER"
  /** Toss holds money for an order that is not PAID-or-later (failed, expired, cancelled, still confirming). */
  | "CHARGE_WITHOUT_PAID_ORDER"
  /** Toss holds money under a paymentKey that is not the order's payment (a second paymentKey). */
  | "CHARGE_NOT_THE_ORDERS_PAYMENT"
  /** A PAID-or-later order with no payment recorded. */
  | "PAID_ORDER_WITHOUT_PAYMENT"
  /** A PAID-or-later order whose paymentKey Toss does not know, or never approved. */
  | "PAID_ORDER_NOT_CHARGED"
  /** A PAID-or-later order whose payment Toss shows cancelled (CANCELED or PARTIAL_CANCELED). */
  | "PAID_ORDER_CANCELLED_AT_TOSS"
  /** Toss's amount, the order's amount and the stored payment amount are not all the same. */
  | "AMOUNT_MISMATCH"
  /** Toss made a cancel the shop has not recorded as a completed refund. */
  | "CANCEL_NOT_RECORDED"
  /** The shop recorded a completed refund Toss did not make. */
  | "REFUND_NOT_AT_TOSS"
  /** A refund and Toss's cancel with the same transactionKey disagree on the amount. */
  | "REFUND_AMOUNT_MISMATCH"
  /** A paid order without exactly one sale entry per seller totalling its items. */
  | "SETTLEMENT_SALE_MISMATCH"
  /** A refunded sale whose reversal entries are missing, doubled or of another amount. */
  | "SETTLEMENT_REFUND_MISMATCH"
  /** Reversal entries for an order with no completed refund. */
  | "SETTLEMENT_REFUND_WITHOUT_REFUND";

export type Disagreement = { kind: DisagreementKind; orderId: string; paymentKey?: string; detail: string };

export type MoneyAudit = {
  disagreements: Disagreement[];
  checked: { tossPayments: number; charges: number; cancels: number; orders: number; paidOrders: number; refunds: number };
};

const won = (n: number) => `₩${n.toLocaleString("en-US")}`;

/** Compares the two records. Pure: the same inputs give the same disagreements, in a stable order. */
export function compareMoney(toss: TossPaymentRecord[], orders: ShopOrderRecord[]): MoneyAudit {
  const out: Disagreement[] = [];
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const tossByKey = new Map(toss.map((p) => [p.paymentKey, p]));
  const charged = toss.filter((p) => p.approvedAt !== null);

  // 1. Every payment still holding money belongs to a PAID-or-later order, as that order's payment.
  for (const p of charged) {
    if (p.balanceAmount <= 0) continue;
    const order = orderById.get(p.orderId);
    const where = { orderId: p.orderId, paymentKey: p.paymentKey };
    if (!order) out.push({ kind: "CHARGE_WITHOUT_ORDER", ...where, detail: `Toss holds ${won(p.balanceAmount)} (${p.status}) for an order the shop does not have` });
    else if (!paidOrLater.has(order.status))
      out.push({ kind: "CHARGE_WITHOUT_PAID_ORDER", ...where, detail: `Toss holds ${won(p.balanceAmount)} (${p.status}) but the order is ${order.status}` });
    else if (order.payment?.paymentKey !== p.paymentKey)
      out.push({ kind: "CHARGE_NOT_THE_ORDERS_PAYMENT", ...where, detail: `Toss holds ${won(p.balanceAmount)} under a paymentKey that is not the order's (${order.payment?.paymentKey ?? "none"})` });
  }

  // 2. Every PAID-or-later order has a DONE payment of exactly its amount.
  for (const o of orders) {
    if (!paidOrLater.has(o.status)) continue;
    if (!o.payment) {
      out.push({ kind: "PAID_ORDER_WITHOUT_PAYMENT", orderId: o.id, detail: `${o.status} with no payment recorded` });
      continue;
    }
    const where = { orderId: o.id, paymentKey: o.payment.paymentKey };
    const p = tossByKey.get(o.payment.paymentKey);
    if (!p || p.approvedAt === null || p.orderId !== o.id) {
      out.push({ kind: "PAID_ORDER_NOT_CHARGED", ...where, detail: `${o.status} but Toss ${!p ? "does not know the payment" : p.orderId !== o.id ? `has it for order ${p.orderId}` : `shows it ${p.status}, never approved`}` });
      continue;
    }
    if (p.status !== "DONE" || p.balanceAmount !== p.totalAmount)
      out.push({ kind: "PAID_ORDER_CANCELLED_AT_TOSS", ...where, detail: `${o.status} but Toss shows ${p.status} with ${won(p.balanceAmount)} of ${won(p.totalAmount)} left` });
    if (p.totalAmount !== o.amount || o.payment.amount !== o.amount)
      out.push({ kind: "AMOUNT_MISMATCH", ...where, detail: `order ${won(o.amount)}, payment recorded ${won(o.payment.amount)}, Toss charged ${won(p.totalAmount)}` });
  }

  // 3. Refunds recorded = cancels Toss made, per paymentKey: matched by transactionKey, then by amount.
  const refundsByKey = new Map<string, { orderId: string; refund: ShopOrderRecord["refunds"][number] }[]>();
  for (const o of orders) for (const r of o.refunds) refundsByKey.set(r.paymentKey, [...(refundsByKey.get(r.paymentKey) ?? []), { orderId: o.id, refund: r }]);
  const keys = [...new Set([...charged.filter((p) => p.cancels.length).map((p) => p.paymentKey), ...refundsByKey.keys()])];
  let cancels = 0;
  let refunds = 0;
  for (const key of keys) {
    const p = tossByKey.get(key);
    const recorded = refundsByKey.get(key) ?? [];
    refunds += recorded.length;
    const done = recorded.filter((r) => r.refund.status === "DONE");
    const open = [...(p?.cancels ?? [])];
    cancels += open.length;
    const orderId = p?.orderId ?? recorded[0]!.orderId;
    const unmatched: typeof done = [];
    for (const r of done) {
      const byTx = r.refund.transactionKey ? open.findIndex((c) => c.transactionKey === r.refund.transactionKey) : -1;
      if (byTx >= 0) {
        const [c] = open.splice(byTx, 1);
        if (c.cancelAmount !== r.refund.amount)
          out.push({ kind: "REFUND_AMOUNT_MISMATCH", orderId: r.orderId, paymentKey: key, detail: `refund of ${won(r.refund.amount)} but Toss cancelled ${won(c.cancelAmount)} (${c.transactionKey})` });
      } else unmatched.push(r);
    }
    for (const r of unmatched) {
      const byAmount = open.findIndex((c) => c.cancelAmount === r.refund.amount);
      if (byAmount >= 0 && !r.refund.transactionKey) open.splice(byAmount, 1);
      else out.push({ kind: "REFUND_NOT_AT_TOSS", orderId: r.orderId, paymentKey: key, detail: `refund of ${won(r.refund.amount)} recorded DONE${r.refund.transactionKey ? ` (${r.refund.transactionKey})` : ""} but Toss made no such cancel` });
    }
    for (const c of open) {
      const pending = recorded.find((r) => r.refund.status !== "DONE");
      out.push({ kind: "CANCEL_NOT_RECORDED", orderId, paymentKey: key, detail: `Toss cancelled ${won(c.cancelAmount)} (${c.transactionKey}) and the shop has ${pending ? `a ${pending.refund.status} refund` : "no refund"} for it` });
    }
  }

  // 4. Settlement entries: a sale once per paid order, its reversal once per completed refund.
  for (const o of orders) {
    const s = o.settlement;
    // Only a refund of the payment the sale was recorded on reverses the sale; a compensation of another
    // paymentKey of the same order never had a sale entry to reverse.
    const refunded = o.refunds.some((r) => r.status === "DONE" && r.paymentKey === o.payment?.paymentKey);
    if (paidOrLater.has(o.status) && (s.saleEntries !== s.sellers || s.saleTotal !== s.itemsGross))
      out.push({ kind: "SETTLEMENT_SALE_MISMATCH", orderId: o.id, detail: `${o.status}: ${s.saleEntries} sale entries totalling ${won(s.saleTotal)}, expected ${s.sellers} totalling ${won(s.itemsGross)}` });
    if (refunded && s.saleEntries > 0 && (s.refundEntries !== s.saleEntries || s.refundTotal !== -s.saleTotal))
      out.push({ kind: "SETTLEMENT_REFUND_MISMATCH", orderId: o.id, detail: `refunded: ${s.refundEntries} refund entries totalling ${won(s.refundTotal)}, expected ${s.saleEntries} totalling ${won(-s.saleTotal)}` });
    if (!refunded && s.refundEntries > 0)
      out.push({ kind: "SETTLEMENT_REFUND_WITHOUT_REFUND", orderId: o.id, detail: `${s.refundEntries} refund entries totalling ${won(s.refundTotal)} but no completed refund` });
  }

  const rank = (d: Disagreement) => `${d.orderId}|${d.kind}|${d.paymentKey ?? ""}|${d.detail}`;
  out.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  return {
    disagreements: out,
    checked: { tossPayments: toss.length, charges: charged.length, cancels, orders: orders.length, paidOrders: orders.filter((o) => paidOrLater.has(o.status)).length, refunds },
  };
}

/** Human-readable report, one line per disagreement. */
export function formatMoneyAudit(audit: MoneyAudit): string {
  const c = audit.checked;
  const head = `money audit: ${c.tossPayments} Toss payments (${c.charges} charged, ${c.cancels} cancels), ${c.orders} orders (${c.paidOrders} paid or later), ${c.refunds} refunds`;
  if (!audit.disagreements.length) return `${head}\nno disagreements`;
  const lines = audit.disagreements.map((d) => `  ${d.kind}  order ${d.orderId}${d.paymentKey ? `  paymentKey ${d.paymentKey}` : ""}  ${d.detail}`);
  return `${head}\n${audit.disagreements.length} disagreement(s):\n${lines.join("\n")}`;
}
