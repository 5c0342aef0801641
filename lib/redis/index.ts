// The TCP Redis connection (ioredis) with a health check. Keys are namespaced by REDIS_KEY_PREFIX.
// With STOCK_STORE=postgres there is no Redis: `redisEnabled` is false, every user of `redis` takes its
// in-process or PostgreSQL stand-in, and the client below is never connected (lazyConnect, no command sent).
import Redis from "ioredis";
import { env } from "@/lib/env";

/** False in the PostgreSQL-only mode (STOCK_STORE=postgres): no Redis connection is ever attempted. */
export const redisEnabled = env.STOCK_STORE === "redis";

const globalForRedis = globalThis as unknown as { hurryupRedis?: Redis };

export function createRedis(url = env.REDIS_URL): Redis {
  // Auto-pipelining: commands issued in the same tick share one write. Each request's session check is a
  // GET here; one write per GET was a tenth of the server's CPU at an opening.
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2000, lazyConnect: !redisEnabled, enableAutoPipelining: true });
}

export const redis: Redis = globalForRedis.hurryupRedis ?? createRedis();
if (env.NODE_ENV !== "production") globalForRedis.hurryupRedis = redis;

export const key = (suffix: string) => `${env.REDIS_KEY_PREFIX}${suffix}`;

export async function pingRedis(client: Redis = redis, timeoutMs = 1000): Promise<boolean> {
  try {
    const pong = await Promise.race([client.ping(), new Promise<never>((_, rej) => setTimeout(() => rej(new Error("timeout")), timeoutMs))]);
    return pong === "PONG";
  } catch {
    return false;
  }
}
