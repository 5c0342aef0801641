// Creates and migrates the test run's own database, and removes it and its Redis keys afterwards.
import Redis from "ioredis";
import { dropDatabase, migrate } from "../scripts/migrate";

export async function setup() {
  const url = process.env.DATABASE_URL!;
  await dropDatabase(url);
  await migrate(url);
  return async () => {
    await dropDatabase(url);
    await deleteKeys(process.env.REDIS_KEY_PREFIX!);
  };
}

async function deleteKeys(prefix: string) {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  await redis.quit();
}
