// Prometheus metrics (prom-client), one registry per process, served by GET /api/metrics. Gauges that
// describe the ledger (orders by status, repairs) are read from PostgreSQL at scrape time by lib/metrics-ledger.ts.
import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";

type Metrics = ReturnType<typeof create>;

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "hurryup_" });
  return {
    registry,
    admissions: new Counter({
      name: "hurryup_stock_admissions_total",
      help: "Admission decisions per product line, by result and tier (redis or postgres).",
      labelNames: ["result", "tier"] as const,
      registers: [registry],
    }),
    holdsExpired: new Counter({ name: "hurryup_holds_expired_total", help: "Holds this process expired.", registers: [registry] }),
    redisFallback: new Gauge({
      name: "hurryup_stock_redis_fallback",
      help: "1 while admission runs on PostgreSQL alone because Redis is unreachable.",
      registers: [registry],
    }),
    reconciliationRepairs: new Counter({
      name: "hurryup_stock_reconciliation_repairs_total",
      help: "Products whose Redis stock this process repaired from PostgreSQL.",
      registers: [registry],
    }),
    pgQueries: new Counter({
      name: "hurryup_pg_queries_total",
      help: "Queries sent to PostgreSQL by this process (counted only with PG_QUERY_METRICS=1).",
      registers: [registry],
    }),
    liveStockReads: new Counter({
      name: "hurryup_stock_live_reads_total",
      help: "Reads of a product's live stock behind the polls' cache, by tier (redis, or postgres while Redis is away).",
      labelNames: ["tier"] as const,
      registers: [registry],
    }),
    redisRebuilds: new Counter({ name: "hurryup_stock_redis_rebuilds_total", help: "Full rebuilds of Redis stock keys.", registers: [registry] }),
  };
}

const g = globalThis as unknown as { hurryupMetrics?: Metrics };
export const metrics: Metrics = (g.hurryupMetrics ??= create());
