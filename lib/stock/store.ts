// The one small port the stock tier talks to Redis through, and its ioredis implementation over TCP: one
// Redis (REDIS_URL, the default) or a Redis Cluster (STOCK_REDIS_CLUSTER_NODES). lib/stock/upstash-store.ts
// implements the same port over Upstash's REST API (Vercel).
import Redis, { Cluster } from "ioredis";
import { env } from "@/lib/env";
import type { LuaScript } from "./scripts";

export type ScriptArg = string | number;

export interface StockStore {
  /** "none": the PostgreSQL-only mode's store (lib/stock/no-store.ts), which reaches no Redis. */
  readonly kind: "ioredis" | "upstash" | "none";
  /**
   * True when the session cache (lib/auth/session-store.ts: lib/redis, REDIS_URL) is in this very Redis,
   * so the buy path's script may read a buyer's session beside the product's keys in its one round trip.
   * Never for a cluster (the session's key is in another slot) or a store reached another way.
   */
  readonly seesSessionCache?: boolean;
  /** Runs a script by SHA, sending its source only when Redis does not know it yet. */
  run(script: LuaScript, keys: string[], args: ScriptArg[]): Promise<unknown>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  hmget(key: string, fields: string[]): Promise<(string | null)[]>;
  /** Every field of a hash ({} when absent): a product's meta with all its variants' figures in one read. */
  hgetall(key: string): Promise<Record<string, string>>;
  scan(pattern: string): Promise<string[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Calls back when the connection drops (TCP clients only): the breaker opens without waiting for errors. */
  onConnectionLost?(cb: () => void): void;
}

const isNoScript = (err: unknown) => err instanceof Error && err.message.includes("NOSCRIPT");

/**
 * The port over one Redis or a Redis Cluster. A cluster needs nothing special for scripts: every script's
 * keys share one hash tag (lib/stock/keys.ts), so ioredis sends EVALSHA to the master of that slot and the
 * NOSCRIPT fallback's EVAL to the same master (which then caches it); commands are keyed the same way.
 * Only scan (one pass per master) and the connection-loss signal (a node dropped) differ.
 */
export class IoredisStore implements StockStore {
  readonly kind = "ioredis";
  readonly seesSessionCache: boolean;
  /** `seesSessionCache`: the client is a connection to REDIS_URL itself (createStockStore), not a cluster. */
  constructor(readonly client: Redis | Cluster, opts: { seesSessionCache?: boolean } = {}) {
    this.seesSessionCache = (opts.seesSessionCache ?? false) && !(client instanceof Cluster);
  }

  private corked: Redis["stream"] | null = null;
  private readonly uncork = () => {
    const stream = this.corked;
    this.corked = null;
    stream?.uncork();
  };
  /**
   * Commands sent in one turn of the event loop leave in one write: the connection's socket is corked at
   * the first and uncorked once the turn's I/O callbacks have run (setImmediate). That is what ioredis's
   * auto-pipelining does too, at the cost of a pipeline, two more promises and a tick per command — a
   * tenth of the buy path's time in a profile (docs/benchmarks.md, fourth pass). One Redis only: a
   * cluster's commands go to several sockets (and it has no auto-pipelining either, createStockCluster).
   */
  private batch() {
    if (this.corked !== null || this.client instanceof Cluster || this.client.status !== "ready") return;
    const stream = this.client.stream;
    stream.cork();
    this.corked = stream;
    setImmediate(this.uncork);
  }

  private firstReady?: Promise<void>;
  /** Only the first connection is waited for; a lost one fails fast (the breaker takes over). */
  private ready(): Promise<void> | undefined {
    const s = this.client.status;
    if (s !== "wait" && s !== "connecting" && s !== "connect") return;
    this.firstReady ??= new Promise<void>((resolve) => {
      if (s === "wait") this.client.connect().catch(() => {});
      const done = () => (clearTimeout(t), this.client.off("ready", done), resolve());
      const t = setTimeout(done, 1000);
      this.client.once("ready", done);
    });
    return this.firstReady;
  }

  /** The client, once its first connection is up (every command goes through here). */
  private async conn(): Promise<Redis | Cluster> {
    const waiting = this.ready();
    if (waiting) await waiting;
    this.batch();
    return this.client;
  }

  /** Not async: once connected, a script costs the command's own promise and one reaction, nothing more. */
  run(script: LuaScript, keys: string[], args: ScriptArg[]): Promise<unknown> {
    const waiting = this.ready();
    return waiting ? waiting.then(() => this.evalsha(script, keys, args)) : this.evalsha(script, keys, args);
  }
  private evalsha(script: LuaScript, keys: string[], args: ScriptArg[]): Promise<unknown> {
    this.batch();
    return this.client.evalsha(script.sha, keys.length, ...keys, ...args).catch((err: unknown) => {
      if (!isNoScript(err)) throw err;
      return this.client.eval(script.source, keys.length, ...keys, ...args);
    });
  }
  async get(key: string) {
    return (await this.conn()).get(key);
  }
  async set(key: string, value: string, ttlSeconds: number) {
    await (await this.conn()).set(key, value, "EX", ttlSeconds);
  }
  async del(key: string) {
    await (await this.conn()).del(key);
  }
  async hmget(key: string, fields: string[]) {
    return (await this.conn()).hmget(key, ...fields);
  }
  async hgetall(key: string) {
    return (await this.conn()).hgetall(key);
  }
  async scan(pattern: string) {
    const client = await this.conn();
    // A cluster's keys are spread over its masters (replicas only copy them): each master is scanned.
    const nodes = client instanceof Cluster ? client.nodes("master") : [client];
    const found: string[] = [];
    for (const node of nodes) {
      let cursor = "0";
      do {
        const [next, keys] = await node.scan(cursor, "MATCH", pattern, "COUNT", 500);
        found.push(...keys);
        cursor = next;
      } while (cursor !== "0");
    }
    return found;
  }
  async ping() {
    return (await (await this.conn()).ping()) === "PONG";
  }
  async close() {
    this.client.disconnect();
  }
  onConnectionLost(cb: () => void) {
    if (!(this.client instanceof Cluster)) {
      this.client.on("close", cb);
      return;
    }
    // A node's connection that closes is dropped from the pool ("-node"). A failover promotes a replica
    // that may lack the last admissions (replication is asynchronous), so losing any node means: stop
    // trusting Redis until the gate has rebuilt it from PostgreSQL. Nodes swapped while the first slot
    // map is learnt (seed names that differ from the cluster's own) are not a loss.
    let wasReady = this.client.status === "ready";
    if (!wasReady) this.client.once("ready", () => (wasReady = true));
    this.client.on("-node", () => wasReady && cb());
  }
}

/**
 * A connection that fails fast instead of queueing: while Redis is away, commands must not pile up and
 * run later behind the circuit breaker's back (a late admission would reserve units nobody ordered).
 */
export function createStockRedis(url = env.REDIS_URL): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 1000,
    connectTimeout: 1000,
    retryStrategy: (times) => Math.min(times * 100, 1000),
    // Commands issued in the same turn of the event loop go out in one write all the same: IoredisStore
    // corks the socket for the turn (batch()), which costs far less per command than auto-pipelining.
    enableAutoPipelining: false,
  });
  client.on("error", () => {}); // reported through the breaker and metrics, not once per reconnect
  return client;
}

/**
 * The same fail-fast settings for a Redis Cluster: no offline queue on the cluster nor its nodes, one
 * second per command, reads from masters only (a replica may lag behind an admission). Redirections
 * (MOVED/ASK during a resharding) are followed by ioredis itself. No auto-pipelining: in cluster mode
 * ioredis groups a pipeline by the slot of a command's first argument, which for EVALSHA is the SHA, not
 * a key — scripts of different shards end up in one pipeline and all fail ("All keys in the pipeline
 * should belong to the same slots allocation group", redis/ioredis#2109; seen here in
 * lib/stock/cluster.int.test.ts).
 */
export function createStockCluster(nodes: { host: string; port: number }[]): Cluster {
  const cluster = new Cluster(nodes, {
    enableOfflineQueue: false,
    enableAutoPipelining: false,
    scaleReads: "master",
    slotsRefreshTimeout: 1000,
    clusterRetryStrategy: (times) => Math.min(times * 100, 1000),
    redisOptions: { maxRetriesPerRequest: 0, commandTimeout: 1000, connectTimeout: 1000 },
  });
  cluster.on("error", () => {}); // as above
  cluster.on("node error", () => {});
  return cluster;
}
