// Running the shop's background work inside an integration test: the outbox relayed and the worker's own
// handlers (worker/registry.ts) run on the named queues, until a condition holds. Other test files share
// the database and the queues, so the relay moves their rows too; the condition is what this test awaits.
import { expect } from "vitest";
import { relayOutbox } from "@/lib/jobs/outbox";
import { drainQueue } from "@/lib/jobs/runner";
import { jobs } from "@/worker/registry";

/** Relays and drains `queues` until `done` holds (a ceiling in time, not in tries); fails if it never does. */
export async function runJobsUntil(queues: readonly string[], done: () => Promise<boolean>, ceilingMs = 60_000): Promise<void> {
  const until = Date.now() + ceilingMs;
  while (!(await done()) && Date.now() < until) {
    while ((await relayOutbox(jobs, { limit: 500 })) > 0);
    for (const q of queues) await drainQueue(jobs, q, { max: 500 });
    await new Promise((r) => setTimeout(r, 50)); // a delayed job's moment, or another file's rows: look again shortly
  }
  expect(await done()).toBe(true);
}
