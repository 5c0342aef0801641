// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The pg-boss instance (schema `pgboss` in the shop's own database). Started once per process.
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export const BOSS_SCHEMA = "pgboss";

const g = globalThis as unknown as { hurryupBoss?: Promise<PgBoss> };

export function createBoss(connectionString = env.DATABASE_URL, opts: { supervise?: boolean; schedule?: boolean } = {}) {
  const boss = new PgBoss({ connectionString, schema: BOSS_SCHEMA, max: 4, supervise: opts.supervise ?? false, schedule: opts.schedule ?? false });
  boss.on("error", (err) => log.error({ err }, "pg-boss error"));
  return boss;
}

/** A started pg-boss for sending and fetching (no maintenance, no cron: the worker process, or the cron route's runJobsOnce, does those). */
export function getBoss(): Promise<PgBoss> {
  g.hurryupBoss ??= (async () => {
    const boss = createBoss();
    await boss.start();
    return boss;
  })();
  return g.hurryupBoss;
}

export async function stopBoss(): Promise<void> {
  const p = g.hurryupBoss;
  g.hurryupBoss = undefined;
  if (p) await (await p).stop({ graceful: false, wait: true });
}
