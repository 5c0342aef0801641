// What a domain declares to run a background job. Add yours to lib/jobs/registry.ts; the worker core
// (worker/index.ts, lib/jobs/runner.ts) never changes for a new job.
export type JobContext = { jobId: string; queue: string };

export type JobDefinition<T = unknown> = {
  /** Queue name = outbox topic. Letters, digits, '-' and '_' only. */
  queue: string;
  /** Must be idempotent: a job can run more than once (retries, a crash before completion). */
  handler: (data: T, ctx: JobContext) => Promise<void>;
  options?: {
    retryLimit?: number;
    /** Seconds before the first retry; doubled each time when retryBackoff is on. */
    retryDelay?: number;
    retryBackoff?: boolean;
    /** Queue that receives the job after its last failed try; defaults to `<queue>-dead`. */
    deadLetter?: string;
    expireInSeconds?: number;
  };
  /** Cron expression (UTC) for scheduled jobs; the worker (or the cron route, lib/jobs/cron.ts) sends one job per tick. */
  schedule?: string;
};

/** Keeps the payload type of a definition while storing it in the untyped registry list. */
export const defineJob = <T>(job: JobDefinition<T>) => job as JobDefinition<unknown>;
