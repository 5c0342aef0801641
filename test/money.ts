// Money checks for payment tests: our database side of the money invariant, and — when the fake is given —
// its record of charges and cancels against ours, then the project-wide money audit (`npm run audit:money`,
// lib/payments/audit.ts) on the fake's own ledger, scoped to the test's orders.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { holdingStates, soldStates } from "@/lib/orders/lifecycle/transitions";
import { auditMoney } from "@/lib/payments/audit-load";
import type { TossFake } from "@/lib/payments/toss-fake";
import { expectInvariant } from "./stock";

/**
 * Once quiet, for these orders: nothing CONFIRMING and no refund in flight; every PAID-or-later order has one
 * DONE payment of exactly its amount (and Toss agrees); every charge Toss made for them belongs to exactly
 * one sold order or was refunded exactly once, and every refund we recorded as DONE was made by Toss once
 * (and the other way round); sale and refund settlement entries at most once each; units follow the order
 * (the stock invariant for each product: a failed/expired/cancelled order holds none). With the fake, ends
 * with the money audit of these orders against the fake's ledger: no disagreement.
 */
export async function expectMoneyConsistent(orderIds: string[], fake?: TossFake): Promise<void> {
  const orders = await db.order.findMany({
    where: { id: { in: orderIds } },
    select: { id: true, status: true, amount: true, payment: true, refunds: true, items: { select: { productId: true } } },
  });
  expect(orders).toHaveLength(orderIds.length);
  for (const o of orders) {
    const where = `order ${o.id} (${o.status})`;
    expect(o.status, `${where}: still CONFIRMING once quiet`).not.toBe("CONFIRMING");
    expect(o.refunds.filter((r) => r.status === "REQUESTED"), `${where}: refund in flight once quiet`).toEqual([]);
    if (soldStates.includes(o.status)) {
      expect(o.payment, `${where}: paid without a payment`).not.toBeNull();
      expect(o.payment!.status, `${where}: paid order's payment`).toBe("DONE");
      expect(o.payment!.amount, `${where}: paid amount`).toBe(o.amount);
    }
    // settlement: one SALE per seller at most, one REFUND per seller at most, REFUND only after a SALE
    const entries = await db.settlementEntry.findMany({ where: { orderId: o.id } });
    const sellers = new Set(entries.map((e) => e.sellerId));
    for (const s of sellers) {
      const of = (k: string) => entries.filter((e) => e.sellerId === s && e.kind === k).length;
      expect(of("SALE"), `${where}: SALE entries`).toBeLessThanOrEqual(1);
      expect(of("REFUND"), `${where}: REFUND entries`).toBeLessThanOrEqual(of("SALE"));
    }
    const sold = soldStates.includes(o.status);
    const saleRefunded = o.refunds.some((r) => r.status === "DONE" && r.paymentKey === o.payment?.paymentKey);
    if (sold) expect(entries.some((e) => e.kind === "SALE"), `${where}: sold without a SALE entry`).toBe(true);
    if (saleRefunded && entries.some((e) => e.kind === "SALE")) expect(entries.some((e) => e.kind === "REFUND"), `${where}: refunded sale not reversed`).toBe(true);
    if (!sold && !holdingStates.includes(o.status) && !saleRefunded) {
      expect(entries.filter((e) => e.kind === "SALE"), `${where}: a SALE for an order that never stayed paid`).toEqual([]);
    }

    if (fake) {
      const charges = fake.state.charges.filter((c) => c.orderId === o.id);
      const refunds = fake.state.refunds.filter((r) => r.orderId === o.id);
      for (const c of charges) {
        const refundedByToss = refunds.filter((r) => r.paymentKey === c.paymentKey);
        const ours = o.refunds.filter((r) => r.paymentKey === c.paymentKey && r.status === "DONE");
        const honoured = sold && o.payment?.paymentKey === c.paymentKey && !refundedByToss.length;
        expect(honoured || refundedByToss.length === 1, `${where}: charge ${c.paymentKey} neither honoured nor refunded once`).toBe(true);
        expect(refundedByToss.length, `${where}: Toss refunds of ${c.paymentKey} vs ours`).toBe(ours.length);
        if (honoured) expect(c.amount, `${where}: charged amount`).toBe(o.amount);
      }
      if (sold) expect(charges.filter((c) => c.paymentKey === o.payment!.paymentKey), `${where}: paid order without Toss's charge`).toHaveLength(1);
      // no refund recorded that Toss did not make
      for (const r of o.refunds.filter((x) => x.status === "DONE")) {
        expect(refunds.filter((x) => x.paymentKey === r.paymentKey).length, `${where}: refund ${r.paymentKey} recorded but not made by Toss`).toBe(1);
      }
    }
  }
  for (const productId of new Set(orders.flatMap((o) => o.items.map((i) => i.productId)))) await expectInvariant(productId);
  if (fake) await expectAuditClean(orderIds, fake);
}

/** The money audit (lib/payments/audit.ts) of these orders against the fake's ledger finds nothing. */
export async function expectAuditClean(orderIds: string[], fake: TossFake): Promise<void> {
  expect((await auditMoney({ ledger: fake.ledger().payments, scope: { orderIds } })).disagreements).toEqual([]);
}

export type ProxyAction = "forward" | "forward-no-answer" | "no-answer" | { status: number; body: unknown };
export type TossProxy = { url: string; seen: { method: string; path: string; action: string }[]; close(): Promise<void> };

/**
 * A tiny HTTP server in front of the Toss-compatible one that answers like Toss where the fake cannot. The
 * fake now does 409 IDEMPOTENT_REQUEST_PROCESSING (slowRate/slowMs, conflictRate, nextFaults "slow" /
 * "conflict"), 5xx (errorRate, nextFaults "error") and hangs (hangRate/hangPhase, nextFaults "hang") itself;
 * what is left for this proxy: Toss's temporary 4xx codes (400 PROVIDER_ERROR, 403
 * FORBIDDEN_CONSECUTIVE_REQUEST — the fake's only temporary failure is 500 FAILED_INTERNAL_SYSTEM_PROCESSING)
 * and a definite refusal of a cancel the fake would carry out (403 NOT_CANCELABLE_PAYMENT on a DONE payment).
 * `script(method, path, n)` — n counts requests to that method+path — says forward it, forward it and
 * never answer (the work is done, the answer lost), never answer, or answer with this status and body.
 */
export async function startTossProxy(fake: TossFake, script: (method: string, path: string, n: number) => ProxyAction): Promise<TossProxy> {
  const counts = new Map<string, number>();
  const seen: TossProxy["seen"] = [];
  const held: IncomingMessage[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    const k = `${method} ${path}`;
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    const action = script(method, path, n);
    seen.push({ method, path, action: typeof action === "string" ? action : String(action.status) });
    if (typeof action === "object") return void res.writeHead(action.status, { "content-type": "application/json" }).end(JSON.stringify(action.body));
    if (action === "no-answer") return void held.push(req);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([h]) => !["host", "content-length", "connection"].includes(h)).map(([h, v]) => [h, String(v)]));
    const upstream = await fetch(new URL(path, fake.url), { method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const text = await upstream.text();
    if (action === "forward-no-answer") return void held.push(req);
    res.writeHead(upstream.status, { "content-type": "application/json" }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export const tossError = (status: number, code: string, message = code) => ({ status, body: { code, message } });
