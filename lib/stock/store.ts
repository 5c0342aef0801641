// The one small port the stock tier talks to Redis through, and its ioredis implementation (TCP, the
// default). lib/stock/upstash-store.ts implements the same port over Upstash's REST API (Vercel).
import Redis from "ioredis";
import { env } from "@/lib/env";
import type { LuaScript } from "./scripts";

export type ScriptArg = string | number;

export interface StockStore {
  readonly kind: "ioredis" | "upstash";
  /** Runs a script by SHA, sending its source only when Redis does not know it yet. */
  run(script: LuaScript, keys: string[], args: ScriptArg[]): Promise<unknown>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  hmget(key: string, fields: string[]): Promise<(string | null)[]>;
  scan(pattern: string): Promise<string[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Calls back when the connection drops (TCP clients only): the breaker opens without waiting for errors. */
  onConnectionLost?(cb: () => void): void;
}

const isNoScript = (err: unknown) => err instanceof Error && err.message.includes("NOSCRIPT");

export class IoredisStore implements StockStore {
  readonly kind = "ioredis";
  constructor(readonly client: Redis) {}

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
  private async conn(): Promise<Redis> {
    const waiting = this.ready();
    if (waiting) await waiting;
    return this.client;
  }

  async run(script: LuaScript, keys: string[], args: ScriptArg[]) {
    await this.conn();
    try {
      return await this.client.evalsha(script.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!isNoScript(err)) throw err;
      return this.client.eval(script.source, keys.length, ...keys, ...args);
    }
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
  async scan(pattern: string) {
    const client = await this.conn();
    const found: string[] = [];
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", pattern, "COUNT", 500);
      found.push(...keys);
      cursor = next;
    } while (cursor !== "0");
    return found;
  }
  async ping() {
    return (await (await this.conn()).ping()) === "PONG";
  }
  async close() {
    this.client.disconnect();
  }
  onConnectionLost(cb: () => void) {
    this.client.on("close", cb);
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
    // Commands issued in the same tick go out in one write: an opening's thousands of admissions per
    // second cost a fraction of the syscalls.
    enableAutoPipelining: true,
  });
  client.on("error", () => {}); // reported through the breaker and metrics, not once per reconnect
  return client;
}
