// The background worker: `npm run worker`. Relays the outbox to pg-boss and runs every job of the
// registry (worker/registry.ts). Several workers can run side by side; stop with SIGTERM/SIGINT.
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { createBoss } from "@/lib/jobs/boss";
import { relayOutbox } from "@/lib/jobs/outbox";
import { startWorkers } from "@/lib/jobs/runner";
import { key, redis, redisEnabled } from "@/lib/redis";
import { tierModes, tierModesLine } from "@/lib/tiers";
import { jobs } from "./registry";

const RELAY_INTERVAL_MS = 500;

async function main() {
  const boss = createBoss(env.DATABASE_URL, { supervise: true, schedule: true });
  await boss.start();
  await startWorkers(boss, jobs);
  log.info("worker started");
  log.info({ tiers: tierModes() }, tierModesLine());

  let stopping = false;
  const loop = async () => {
    while (!stopping) {
      try {
        // Drain in passes of 100 until the outbox is empty, then rest.
        while (!stopping && (await relayOutbox(jobs, { boss })) > 0);
        // Without Redis (STOCK_STORE=postgres) there is no heartbeat: /api/ready says the worker is "unknown".
        if (redisEnabled) await redis.set(key("worker:heartbeat"), String(Date.now()), "EX", 30);
      } catch (err) {
        log.error({ err }, "outbox relay failed");
      }
      await new Promise((r) => setTimeout(r, RELAY_INTERVAL_MS));
    }
  };
  const relaying = loop();

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker stopping");
    await relaying;
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    redis.disconnect();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((err) => {
  log.fatal({ err }, "worker failed to start");
  process.exit(1);
});
