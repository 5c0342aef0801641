// What a domain declares to run a background job, in its own jobs.ts. The plumbing in lib/jobs knows no
// domain: the one list of every job is the composition file worker/registry.ts, which the worker and the
// cron route hand to the runner; a new job never changes lib/jobs.
export type JobContext = { jobId: string; queue: string };

/** How pg-boss creates a queue (and its dead-letter queue). Unset fields take the defaults in queues.ts. */
export type QueueOptions = {
  retryLimit?: number;
  /** Seconds before the first retry; doubled each time when retryBackoff is on. */
  retryDelay?: number;
  retryBackoff?: boolean;
  /** Queue that receives the job after its last failed try; defaults to `<queue>-dead`. */
  deadLetter?: string;
  expireInSeconds?: number;
};

/** A queue and the options it is created with: what a sender needs to create it before sending. */
export type QueueDefinition = {
  /** Queue name = outbox topic. Letters, digits, '-' and '_' only. */
  queue: string;
  options?: QueueOptions;
};

export type JobDefinition<T = unknown> = QueueDefinition & {
  /** Must be idempotent: a job can run more than once (retries, a crash before completion). */
  handler: (data: T, ctx: JobContext) => Promise<void>;
  /** Cron expression (UTC) for scheduled jobs; the worker (or the cron route, lib/jobs/cron.ts) sends one job per tick. */
  schedule?: string;
};

/** Every job a process runs; built once by the composition file and passed to the runner. */
export type JobRegistry = readonly JobDefinition[];

/** Keeps the payload type of a definition while storing it in the untyped registry list. */
export const defineJob = <T>(job: JobDefinition<T>) => job as JobDefinition<unknown>;

export const findJob = (jobs: JobRegistry, queue: string): JobDefinition | undefined => jobs.find((j) => j.queue === queue);

/** The registered definition of a queue, or the bare queue (default options) when none is registered. */
export const queueOf = (jobs: JobRegistry, queue: string): QueueDefinition => findJob(jobs, queue) ?? { queue };
