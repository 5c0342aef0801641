import "server-only";
// The worker's whole job in one bounded call, for platforms without a long-running process (the cron
// route, app/api/cron/jobs). Sends the jobs of due schedules (cron.ts), runs pg-boss maintenance (a job
// whose run was cut off returns to its queue once expired), then relays the outbox and runs the ready jobs
// of every queue of the job registry it is given through runJob — so retries, backoff and dead letters
// stay pg-boss's — round after round until nothing is left or the budget is spent. A job already started finishes past the
// deadline, so the budget needs a margin below the platform's time limit.
import type PgBoss from "pg-boss";
import { getBoss } from "./boss";
import { enqueueDueSchedules } from "./cron";
import { relayOutbox } from "./outbox";
import { ensureQueue } from "./queues";
import { drainQueue } from "./runner";
import type { JobRegistry } from "./types";

export type DrainResult = {
  /** Outbox events handed to pg-boss. */
  relayed: number;
  /** Jobs sent for due cron ticks. */
  scheduled: number;
  /** Handler runs, failed ones included (a retried job counts once per try). */
  ran: number;
  /** Handler runs that threw; pg-boss retries or dead-letters those jobs. */
  failed: number;
  /** True when every queue was empty before the budget ran out. */
  drained: boolean;
};

/** Jobs a queue runs per round, so that one busy queue does not hold back the outbox and the others. */
const PER_QUEUE_PER_ROUND = 10;

export async function runJobsOnce(jobs: JobRegistry, { budgetMs, boss: given }: { budgetMs: number; boss?: PgBoss }): Promise<DrainResult> {
  const deadline = performance.now() + budgetMs;
  const hasTime = () => performance.now() < deadline;
  const result: DrainResult = { relayed: 0, scheduled: 0, ran: 0, failed: 0, drained: false };
  if (!hasTime()) return result;
  const boss = given ?? (await getBoss());

  result.scheduled = await enqueueDueSchedules(jobs, { boss });
  await boss.maintain();
  // One at a time before the queues run side by side: creating queues at once deadlocks in PostgreSQL.
  for (const def of jobs) await ensureQueue(boss, def);
  while (hasTime()) {
    // Relayed in every round: the handlers write outbox events of their own, whose jobs belong to this run.
    let relayed = 0;
    while (hasTime()) {
      const n = await relayOutbox(jobs, { boss });
      relayed += n;
      if (n === 0) break;
    }
    result.relayed += relayed;
    // Queues side by side, like the worker's subscriptions; each queue's jobs one after another.
    const rounds = await Promise.all(jobs.map((def) => drainQueue(jobs, def.queue, { boss, max: PER_QUEUE_PER_ROUND, keepGoing: hasTime })));
    const ran = rounds.reduce((sum, r) => sum + r.done + r.failed, 0);
    result.ran += ran;
    result.failed += rounds.reduce((sum, r) => sum + r.failed, 0);
    if (relayed === 0 && ran === 0) {
      // Nothing found, unless the queues were skipped for want of time.
      result.drained = hasTime();
      break;
    }
  }
  return result;
}
