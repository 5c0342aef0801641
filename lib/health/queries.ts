import "server-only";
// Readiness: every dependency the shop cannot serve without, each checked with a bounded wait. The
// worker's heartbeat is reported too, but only as information: the shop serves pages without a worker.
// In the PostgreSQL-only mode (STOCK_STORE=postgres) Redis is "off" — configured away, not failing — and
// the report names every tier's mode (lib/tiers.ts).
import type Redis from "ioredis";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { key, pingRedis, redis as defaultRedis, redisEnabled } from "@/lib/redis";
import { tierModes, type TierModes } from "@/lib/tiers";

type Check = "ok" | "failing";
export type WorkerStatus = { status: "alive" | "missing" | "unknown"; lastHeartbeatAt: string | null };
export type Readiness = {
  status: "ok" | "unavailable"; checks: { postgres: Check; redis: Check | "off" }; failing: string[]; worker: WorkerStatus; modes: TierModes;
};

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);

async function pingPostgres(timeoutMs = 2000): Promise<boolean> {
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, timeoutMs);
    return true;
  } catch (err) {
    log.warn({ err }, "postgres readiness check failed");
    return false;
  }
}

/** The worker writes `<prefix>worker:heartbeat` (ms timestamp, 30 s expiry): present means alive. */
async function workerStatus(client: Redis): Promise<WorkerStatus> {
  try {
    const beat = await withTimeout(client.get(key("worker:heartbeat")), 1000);
    const at = beat === null ? NaN : Number(beat);
    return Number.isFinite(at) ? { status: "alive", lastHeartbeatAt: new Date(at).toISOString() } : { status: "missing", lastHeartbeatAt: null };
  } catch {
    return { status: "unknown", lastHeartbeatAt: null };
  }
}

export async function checkReadiness(deps: { postgres?: () => Promise<boolean>; redis?: Redis; redisEnabled?: boolean } = {}): Promise<Readiness> {
  const client = deps.redis ?? defaultRedis;
  if (!(deps.redisEnabled ?? redisEnabled)) {
    const pgOnly = await (deps.postgres ?? pingPostgres)();
    const worker = { status: "unknown" as const, lastHeartbeatAt: null };
    return { status: pgOnly ? "ok" : "unavailable", checks: { postgres: pgOnly ? "ok" : "failing", redis: "off" }, failing: pgOnly ? [] : ["postgres"], worker, modes: tierModes() };
  }
  const [pg, rd] = await Promise.all([(deps.postgres ?? pingPostgres)(), pingRedis(client)]);
  const checks = { postgres: pg ? "ok" : "failing", redis: rd ? "ok" : "failing" } as const;
  const failing = Object.entries(checks).filter(([, v]) => v === "failing").map(([k]) => k);
  if (!rd) log.warn("redis readiness check failed");
  const worker = rd ? await workerStatus(client) : { status: "unknown" as const, lastHeartbeatAt: null };
  return { status: failing.length ? "unavailable" : "ok", checks, failing, worker, modes: tierModes() };
}
