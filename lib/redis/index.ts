// The TCP Redis connection (ioredis) with a health check. Keys are namespaced by REDIS_KEY_PREFIX.
import Redis from "ioredis";
import { env } from "@/lib/env";

const globalForRedis = globalThis as unknown as { hurryupRedis?: Redis };

export function createRedis(url = env.REDIS_URL): Redis {
  // Auto-pipelining: commands issued in the same tick share one write. Each request's session check is a
  // GET here; one write per GET was a tenth of the server's CPU at an opening.
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2000, lazyConnect: false, enableAutoPipelining: true });
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
