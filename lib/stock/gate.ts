// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The circuit breaker in front of Redis. While Redis fails, callers get RedisUnavailable and admit on
// PostgreSQL alone; the Redis path reopens only after every product's keys were rebuilt from PostgreSQL,
// because a Redis that missed the PostgreSQL-only sales would otherwise admit units already sold.
// The PostgreSQL-only mode (STOCK_STORE=postgres) is that same fallback chosen by configuration: its gate
// answers RedisUnavailable at once, always, without a breaker to trip, a metric to raise or a log line.
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { Breaker, type BreakerOptions } from "./breaker";
import { admit, admitRequest, loadStock, rebuildAll, release, type AdmitInput, type AdmitRequestInput, type AdmitRequestResult, type AdmitResult, type ReleaseInput } from "./admission";
import { getStockSnapshot } from "./queries";
import { createStockCluster, createStockRedis, IoredisStore, type StockStore } from "./store";
import { NoRedisStore } from "./no-store";
import { UpstashStore } from "./upstash-store";

/** The buy path talks to the gate only; admission is what the gate runs. */
export type { AdmitRequestInput, AdmitRequestResult, AdmitResult };

export class RedisUnavailable extends Error {
  constructor(cause: unknown) {
    super("redis unavailable", { cause });
    this.name = "RedisUnavailable";
  }
  /**
   * The production server loads lib/ twice — Next's bundle and the fast path's own modules — and both use the
   * one process-wide gate (globalThis), so the class that threw may be the other copy: recognise it by name.
   */
  static [Symbol.hasInstance](x: unknown): boolean {
    return x instanceof Error && x.name === "RedisUnavailable";
  }
}

type Op<T> = (store: StockStore) => Promise<T>;

export class StockGate {
  private needsRebuild = false;
  readonly breaker: Breaker<Op<unknown>>;

  /** "postgres": the PostgreSQL-only mode — every operation is RedisUnavailable, so every caller takes its fallback. */
  readonly mode: "redis" | "postgres";

  /**
   * `opts.timeout`: by default none over ioredis, whose every command fails after a second by itself
   * (createStockRedis), and 2 s for any other store.
   */
  constructor(readonly store: StockStore, opts: BreakerOptions = {}) {
    this.mode = store.kind === "none" ? "postgres" : "redis";
    this.breaker = new Breaker((op: Op<unknown>) => (this.needsRebuild ? this.rebuildThen(op) : op(this.store)), {
      timeout: store.kind === "ioredis" ? false : 2000, errorThresholdPercentage: 20, volumeThreshold: 5, resetTimeout: 2000, rollingCountTimeout: 5000, ...opts,
      failure: (err) => new RedisUnavailable(err),
    });
    this.breaker.on("open", () => {
      this.needsRebuild = true;
      metrics.redisFallback.set(1);
      log.error("redis unreachable: admission falls back to PostgreSQL");
    });
    this.breaker.on("close", () => metrics.redisFallback.set(0));
    store.onConnectionLost?.(() => {
      if (this.breaker.closed) this.breaker.open();
    });
  }

  /** The first call after an outage: Redis is rebuilt from PostgreSQL before it admits again. */
  private async rebuildThen(op: Op<unknown>) {
    const n = await rebuildAll(this.store);
    this.needsRebuild = false;
    metrics.redisRebuilds.inc();
    log.warn({ products: n }, "redis stock keys rebuilt from PostgreSQL; reopening the Redis path");
    return op(this.store);
  }

  private loading = new Map<string, Promise<void>>();

  /**
   * Loads a product's missing keys from PostgreSQL — once per process at a time, however many requests
   * found them missing (an opening's first second must not send thousands of identical reads). The
   * PostgreSQL read runs outside the breaker: only Redis failures may open it.
   */
  async ensureLoaded(productId: string): Promise<void> {
    let p = this.loading.get(productId);
    if (!p) {
      p = (async () => {
        const snapshot = await getStockSnapshot(productId);
        await this.run((s) => loadStock(s, productId, "missing", snapshot));
      })().finally(() => this.loading.delete(productId));
      this.loading.set(productId, p);
    }
    return p;
  }

  /**
   * Re-reads a product's stock, window and limit from PostgreSQL into Redis — call after a seller changes
   * them. A reload racing in-flight orders can only over-state Redis, which the ledger's guards absorb.
   */
  async reload(productId: string): Promise<void> {
    const snapshot = await getStockSnapshot(productId);
    await this.run((s) => loadStock(s, productId, "force", snapshot));
  }

  async admit(input: AdmitInput): Promise<{ result: AdmitResult; available: number }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const r = await this.run((s) => admit(s, input));
      if (r.result !== "missing") return r as { result: AdmitResult; available: number };
      await this.ensureLoaded(input.productId);
    }
    throw new Error(`stock keys of ${input.productId} vanished while loading`);
  }

  /**
   * A whole one-product buy request (session, rate limit, key claim, admission) in one Redis round trip.
   * "missing": the product's keys are not loaded — ensureLoaded, then ask again (the caller's loop: the
   * buy path adds no promise of its own here, lib/orders/place/buy-now.ts).
   */
  admitRequest(input: AdmitRequestInput): Promise<AdmitRequestResult> {
    return this.run((s) => admitRequest(s, input));
  }

  /** Gives units back in Redis, at most once per releaseId (RELEASE); RedisUnavailable while Redis is away. */
  release(input: ReleaseInput): Promise<"released" | "already" | "not_loaded"> {
    return this.run((s) => release(s, input));
  }

  /** True while Redis is away, and always in the PostgreSQL-only mode. */
  get usingFallback() {
    return this.mode === "postgres" || !this.breaker.closed;
  }

  /** Runs op against Redis through the breaker; any failure (or an open breaker) is RedisUnavailable. */
  run<T>(op: Op<T>): Promise<T> {
    if (this.mode === "postgres") return Promise.reject(new RedisUnavailable(configuredOff));
    return this.breaker.fire(op as Op<unknown>) as Promise<T>;
  }

  async close() {
    this.breaker.shutdown();
    await this.store.close();
  }
}

const configuredOff = new Error("STOCK_STORE=postgres: stock is admitted on PostgreSQL alone");

export function createStockStore(): StockStore {
  if (env.STOCK_STORE === "postgres") return new NoRedisStore();
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return new UpstashStore(env.UPSTASH_REDIS_REST_URL, env.UPSTASH_REDIS_REST_TOKEN);
  }
  if (env.STOCK_REDIS_CLUSTER_NODES) return new IoredisStore(createStockCluster(env.STOCK_REDIS_CLUSTER_NODES));
  // The session cache is on REDIS_URL too: the buy path's script reads a buyer's session there (one round trip).
  return new IoredisStore(createStockRedis(), { seesSessionCache: true });
}

const g = globalThis as unknown as { hurryupStockGate?: StockGate };
/** The process's gate (one Redis connection, one breaker). */
export function stockGate(): StockGate {
  return (g.hurryupStockGate ??= new StockGate(createStockStore()));
}
/** Tests and the benchmark point the process at another Redis. */
export function setStockGate(gate: StockGate | undefined) {
  g.hurryupStockGate = gate;
}
