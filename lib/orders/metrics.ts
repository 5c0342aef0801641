import "server-only";
// Ledger gauges, read from PostgreSQL when /api/metrics is scraped (process counters cannot see what the
// worker or other replicas did): orders by status, holds expired so far, and reconciliation repairs.
import { Gauge } from "prom-client";
import { db } from "@/lib/db";
import { metrics } from "@/lib/metrics";

const g = globalThis as unknown as { hurryupLedgerGauges?: boolean };

export function registerLedgerGauges() {
  if (g.hurryupLedgerGauges) return;
  g.hurryupLedgerGauges = true;
  new Gauge({
    name: "hurryup_orders",
    help: "Orders in the ledger by status.",
    labelNames: ["status"] as const,
    registers: [metrics.registry],
    async collect() {
      const rows = await db.order.groupBy({ by: ["status"], _count: { _all: true } });
      this.reset();
      for (const r of rows) this.set({ status: r.status }, r._count._all);
    },
  });
  new Gauge({
    name: "hurryup_holds_expired",
    help: "Orders whose hold expired (ledger total).",
    registers: [metrics.registry],
    async collect() {
      this.set(await db.orderEvent.count({ where: { toStatus: "EXPIRED" } }));
    },
  });
  new Gauge({
    name: "hurryup_stock_reconciliation_drifts",
    help: "Stock drifts found by reconciliation, by whether they were repaired (ledger total).",
    labelNames: ["repaired"] as const,
    registers: [metrics.registry],
    async collect() {
      const rows = await db.stockReconciliation.groupBy({ by: ["repaired"], _count: { _all: true } });
      this.reset();
      for (const r of rows) this.set({ repaired: String(r.repaired) }, r._count._all);
    },
  });
}

export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  registerLedgerGauges();
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
