// Running jobs: the one way a fetched job is run (runJob), the worker's long-running loop, and a
// synchronous drain for tests. The jobs come from the caller (the shop's list is worker/registry.ts). The
// cron route's budgeted drain (drain.ts) runs jobs through runJob too.
import type PgBoss from "pg-boss";
import { log } from "@/lib/log";
import { getBoss } from "./boss";
import { ensureQueue } from "./queues";
import { findJob, type JobDefinition, type JobRegistry } from "./types";

/**
 * Runs one fetched job with its registered handler and reports the outcome to pg-boss: complete, or fail
 * (pg-boss then retries it per the queue's options, and dead-letters it after the last try). Never throws
 * for a handler's error; returns whether the job succeeded.
 */
export async function runJob(boss: PgBoss, def: JobDefinition, job: PgBoss.Job<unknown>): Promise<boolean> {
  const { queue } = def;
  try {
    await def.handler(job.data, { jobId: job.id, queue });
    await boss.complete(queue, job.id);
    return true;
  } catch (err) {
    log.warn({ err, queue, jobId: job.id }, "job failed");
    await boss.fail(queue, job.id, { message: err instanceof Error ? err.message : String(err) });
    return false;
  }
}

/**
 * Fetches and runs the queue's ready jobs now, in this process, until none is left (bounded by `max`
 * jobs and by `keepGoing`, asked before each fetch). A failed job is retried by pg-boss after its delay (at
 * once with retryDelay 0, even in the same drain).
 */
export async function drainQueue(jobs: JobRegistry, queue: string, opts: { boss?: PgBoss; max?: number; keepGoing?: () => boolean } = {}) {
  const def = findJob(jobs, queue);
  if (!def) throw new Error(`no handler registered for queue ${queue}`);
  const boss = opts.boss ?? (await getBoss());
  await ensureQueue(boss, def);
  let done = 0;
  let failed = 0;
  for (let i = 0; i < (opts.max ?? 100) && (opts.keepGoing?.() ?? true); i++) {
    const [job] = await boss.fetch<unknown>(queue, { batchSize: 1 });
    if (!job) break;
    if (await runJob(boss, def, job)) done++;
    else failed++;
  }
  return { done, failed };
}

/** Subscribes the worker to every queue and schedule of `jobs`. */
export async function startWorkers(boss: PgBoss, jobs: JobRegistry, pollingIntervalSeconds = 1): Promise<void> {
  for (const def of jobs) {
    await ensureQueue(boss, def);
    await boss.work<unknown>(def.queue, { batchSize: 5, pollingIntervalSeconds }, async (batch) => {
      // pg-boss fails the whole batch if this throws; run each job on its own so one failure stays local.
      for (const job of batch) await runJob(boss, def, job);
    });
    if (def.schedule) await boss.schedule(def.queue, def.schedule, {}, { tz: "UTC" });
  }
}
