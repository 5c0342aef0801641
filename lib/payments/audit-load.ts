// Server code that also runs from scripts (plain Node via tsx), hence no "server-only" marker.
// Reads both sides of the money audit: Toss's record from the Toss-compatible server's ledger
// (GET /_fake/ledger — the real Toss has no such endpoint), the shop's from PostgreSQL. `auditMoney()` is
// what `npm run audit:money` and integration tests call.
import { db } from "@/lib/db";
import { compareMoney, PAID_OR_LATER, type MoneyAudit, type ShopOrderRecord, type TossPaymentRecord } from "./audit";

export type AuditScope = {
  /** Only these orders (and Toss payments for these orderIds). */
  orderIds?: string[];
  /** Only orders created, and Toss payments requested, at or after this instant. */
  since?: Date;
};

type LedgerPayment = TossPaymentRecord & { requestedAt: string };

/** Toss's side: every payment the Toss-compatible server at `baseUrl` knows, with its cancels. */
export async function loadTossLedger(baseUrl: string, scope: AuditScope = {}): Promise<TossPaymentRecord[]> {
  const res = await fetch(new URL("/_fake/ledger", baseUrl), { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`GET ${baseUrl}/_fake/ledger answered ${res.status}`);
  const { payments } = (await res.json()) as { payments: LedgerPayment[] };
  return inScope(payments, scope);
}

/** Filters ledger payments (from HTTP or `fake.ledger()`) to the scope. */
export function inScope<T extends TossPaymentRecord & { requestedAt: string }>(payments: T[], scope: AuditScope): T[] {
  const ids = scope.orderIds && new Set(scope.orderIds);
  return payments.filter((p) => (!ids || ids.has(p.orderId)) && (!scope.since || Date.parse(p.requestedAt) >= scope.since.getTime()));
}

const CHUNK = 5_000;
const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / CHUNK) }, (_, i) => xs.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * The shop's side: every order in scope that money could concern — PAID-or-later, with a payment or a
 * refund, or named by one of Toss's payments (`tossOrderIds`) — with its payment, refunds and settlement.
 */
export async function loadShopMoney(scope: AuditScope = {}, tossOrderIds: string[] = []): Promise<ShopOrderRecord[]> {
  const inScopeWhere = { ...(scope.orderIds && { id: { in: scope.orderIds } }), ...(scope.since && { createdAt: { gte: scope.since } }) };
  const concerned = await db.order.findMany({
    where: { ...inScopeWhere, OR: [{ status: { in: [...PAID_OR_LATER] } }, { payment: { isNot: null } }, { refunds: { some: {} } }] },
    select: { id: true },
  });
  const ids = [...new Set([...concerned.map((o) => o.id), ...tossOrderIds])];
  const records: ShopOrderRecord[] = [];
  for (const part of chunks(ids)) {
    const [orders, entries] = await Promise.all([
      db.order.findMany({
        where: { id: { in: part } },
        select: {
          id: true,
          status: true,
          amount: true,
          payment: { select: { paymentKey: true, status: true, amount: true } },
          refunds: { select: { paymentKey: true, amount: true, status: true, transactionKey: true, kind: true } },
          items: { select: { sellerId: true, unitPrice: true, quantity: true } },
        },
      }),
      db.settlementEntry.findMany({ where: { orderId: { in: part }, kind: { in: ["SALE", "REFUND"] } }, select: { orderId: true, kind: true, amount: true } }),
    ]);
    const byOrder = new Map<string, typeof entries>();
    for (const e of entries) byOrder.set(e.orderId, [...(byOrder.get(e.orderId) ?? []), e]);
    for (const o of orders) {
      const own = byOrder.get(o.id) ?? [];
      const sales = own.filter((e) => e.kind === "SALE");
      const reversals = own.filter((e) => e.kind === "REFUND");
      records.push({
        id: o.id,
        status: o.status,
        amount: o.amount,
        payment: o.payment,
        refunds: o.refunds,
        settlement: {
          sellers: new Set(o.items.map((i) => i.sellerId)).size,
          itemsGross: o.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0),
          saleEntries: sales.length,
          saleTotal: sales.reduce((s, e) => s + e.amount, 0),
          refundEntries: reversals.length,
          refundTotal: reversals.reduce((s, e) => s + e.amount, 0),
        },
      });
    }
  }
  return records;
}

/**
 * The whole audit: Toss's record (from `tossUrl`, or `ledger` when the caller already has it, e.g.
 * `fake.ledger().payments`) against the shop's. Read-only on both sides.
 */
export async function auditMoney(opts: { tossUrl?: string; ledger?: LedgerPayment[]; scope?: AuditScope }): Promise<MoneyAudit> {
  const scope = opts.scope ?? {};
  const toss = opts.ledger ? inScope(opts.ledger, scope) : await loadTossLedger(opts.tossUrl ?? "", scope);
  const tossOrderIds = toss.filter((p) => p.approvedAt !== null).map((p) => p.orderId);
  const shop = await loadShopMoney(scope, tossOrderIds);
  return compareMoney(toss, shop);
}
