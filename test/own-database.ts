// For integration files that relay and run everything in their database (the worker process, the cron
// drain): a database and Redis key prefix of their own, so other files' leftovers are neither run nor
// counted. Like vitest.config.ts, this is test harness that sets the environment the app then reads once
// through lib/env.ts — so call it before the app's modules load (use dynamic imports after it).
import { dropDatabase, migrate } from "@/scripts/migrate";

export function ownTestDatabase(tag: string, extraEnv: Record<string, string> = {}) {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname += `_${tag}`;
  Object.assign(process.env, { DATABASE_URL: url.toString(), REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? ""}${tag}:`, ...extraEnv });
  return {
    url: url.toString(),
    create: () => migrate(url.toString()),
    drop: () => dropDatabase(url.toString()),
  };
}
