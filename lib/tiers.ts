// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Which mode each tier runs in, from configuration alone: said once in one log line when the server and
// the worker start, and reported by GET /api/ready. The PostgreSQL-only mode (STOCK_STORE=postgres) is a
// configured mode, not an outage: nothing here is a failure.
import { env } from "@/lib/env";

export type TierModes = {
  /** "embedded": the demo's own PostgreSQL (scripts/embedded-postgres.ts); "server": one you run. */
  postgres: "embedded" | "server";
  /** Where a buy is admitted: the Redis gate, or the PostgreSQL ledger's guards alone. */
  stock: "redis" | "postgres";
  /** Rate limits, the session cache and proof-of-work nonces: in Redis, or per process in memory. */
  limits: "redis" | "memory";
  /** Waiting rooms keep their state in Redis: off without it (drops sell first come, first served). */
  waitingRoom: "on" | "off";
};

/** Waiting rooms run only with Redis (their state and scripts live there): off in the PostgreSQL-only mode. */
export const waitingRoomsOn = env.STOCK_STORE === "redis";

export function tierModes(): TierModes {
  const redis = env.STOCK_STORE === "redis";
  return {
    postgres: env.DATABASE_EMBEDDED ? "embedded" : "server",
    stock: redis ? "redis" : "postgres",
    limits: redis ? "redis" : "memory",
    waitingRoom: redis ? "on" : "off",
  };
}

/** The start-up line: "tiers: PostgreSQL embedded · stock on PostgreSQL alone · limits and caches in memory · waiting rooms off". */
export function tierModesLine(m: TierModes = tierModes()): string {
  return "tiers: " + [
    m.postgres === "embedded" ? "PostgreSQL embedded (the demo's, in .data/)" : "PostgreSQL server",
    m.stock === "redis" ? "stock admitted by Redis" : "stock on PostgreSQL alone (STOCK_STORE=postgres)",
    m.limits === "redis" ? "limits and caches in Redis" : "limits and caches in memory",
    `waiting rooms ${m.waitingRoom}`,
  ].join(" · ");
}
