// Running the shop's background work inside an integration test: the outbox relayed and the worker's own
// handlers (worker/registry.ts) run on the named queues — until a condition holds, or until nothing is left.
// Earlier test files share the database and the queues and leave their rows behind, so the relay moves
// theirs too: both run to a ceiling in time, never a count of rows, however large that backlog grows.
import { expect } from "vitest";
import { relayOutbox } from "@/lib/jobs/outbox";
import { drainQueue } from "@/lib/jobs/runner";
import { jobs } from "@/worker/registry";

/** Relays and drains `queues` until `done` holds (a ceiling in time, not in tries); fails if it never does. */
export async function runJobsUntil(queues: readonly string[], done: () => Promise<boolean>, ceilingMs = 60_000): Promise<void> {
  const until = Date.now() + ceilingMs;
  while (!(await done()) && Date.now() < until) {
    await oneRound(queues);
    await new Promise((r) => setTimeout(r, 50)); // a delayed job's moment, or another file's rows: look again shortly
  }
  expect(await done()).toBe(true);
}

/**
 * Relays the whole outbox and runs every job ready on `queues`, again while that makes more (a job's own
 * outbox rows): once it returns, every job made before the call has run — for a test that then checks what
 * was, or was not, sent. A ceiling in time, not in rows; fails past it.
 */
export async function runJobsNow(queues: readonly string[], ceilingMs = 60_000): Promise<void> {
  const until = Date.now() + ceilingMs;
  for (;;) {
    if ((await oneRound(queues)) === 0) return;
    if (Date.now() > until) throw new Error(`jobs on ${queues.join(", ")} still coming after ${ceilingMs} ms`);
  }
}

/** The whole outbox relayed, then up to 500 jobs of each queue run: how many rows and jobs moved. */
async function oneRound(queues: readonly string[]): Promise<number> {
  let moved = 0;
  for (let n; (n = await relayOutbox(jobs, { limit: 500 })) > 0; ) moved += n;
  for (const q of queues) {
    const r = await drainQueue(jobs, q, { max: 500 });
    moved += r.done + r.failed;
  }
  return moved;
}
