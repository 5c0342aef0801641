// The stock port over Upstash's REST API (@upstash/redis), used when UPSTASH_REDIS_REST_URL and _TOKEN
// are set (Vercel). Responses stay raw strings: stored answers are JSON and must not be re-parsed.
import { Redis } from "@upstash/redis";
import type { LuaScript } from "./scripts";
import type { ScriptArg, StockStore } from "./store";

const isNoScript = (err: unknown) => err instanceof Error && err.message.includes("NOSCRIPT");

export class UpstashStore implements StockStore {
  readonly kind = "upstash";
  readonly client: Redis;
  constructor(url: string, token: string) {
    this.client = new Redis({ url, token, responseEncoding: false, automaticDeserialization: false, retry: { retries: 0 } });
  }

  async run(script: LuaScript, keys: string[], args: ScriptArg[]) {
    const argv = args.map(String);
    try {
      return await this.client.evalsha(script.sha, keys, argv);
    } catch (err) {
      if (!isNoScript(err)) throw err;
      return this.client.eval(script.source, keys, argv);
    }
  }
  async get(key: string) {
    return (await this.client.get<string>(key)) ?? null;
  }
  async set(key: string, value: string, ttlSeconds: number) {
    await this.client.set(key, value, { ex: ttlSeconds });
  }
  async del(key: string) {
    await this.client.del(key);
  }
  async hmget(key: string, fields: string[]) {
    // HMGET through the generic command keeps nulls positional (the typed helper returns an object).
    const res = (await this.client.eval("return redis.call('HMGET', KEYS[1], unpack(ARGV))", [key], fields)) as (string | null)[];
    return res.map((v) => v ?? null);
  }
  async hgetall(key: string) {
    // Through the generic command: the flat field, value list as Redis sends it (no deserialisation).
    const flat = (await this.client.eval("return redis.call('HGETALL', KEYS[1])", [key], [])) as string[];
    const out: Record<string, string> = {};
    for (let i = 0; i < flat.length; i += 2) out[flat[i]] = flat[i + 1];
    return out;
  }
  async scan(pattern: string) {
    const found: string[] = [];
    let cursor: string | number = "0";
    do {
      const [next, keys]: [string | number, string[]] = await this.client.scan(cursor, { match: pattern, count: 500 });
      found.push(...keys);
      cursor = next;
    } while (String(cursor) !== "0");
    return found;
  }
  async ping() {
    return (await this.client.ping()) === "PONG";
  }
  async close() {}
}
