// With PG_QUERY_METRICS=1, every query any pg client of this process sends (Prisma's adapter included) is
// counted in hurryup_pg_queries_total — how the benchmark proves a refused order costs PostgreSQL nothing.
import pg from "pg";
import { metrics } from "@/lib/metrics";

export function countPgQueries() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __counted?: boolean };
  if (proto.__counted) return;
  proto.__counted = true;
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    metrics.pgQueries.inc();
    return original.apply(this, args);
  };
}
