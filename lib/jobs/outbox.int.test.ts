import { afterAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db";
import { createBoss, stopBoss } from "./boss";
import { outboxJobId, relayOutbox, writeOutbox } from "./outbox";
import { deadLetterOf } from "./queues";
import { drainQueue } from "./runner";
import type { JobDefinition, JobRegistry } from "./types";

// Test-only queues, in a registry of their own as the worker passes the shop's.
const seen: string[] = [];
let failuresLeft = 0;
const okJob: JobDefinition<{ n: string }> = {
  queue: "test-outbox-ok",
  handler: async (d) => {
    if (failuresLeft-- > 0) throw new Error("transient");
    seen.push(d.n);
  },
  options: { retryLimit: 2, retryDelay: 0, retryBackoff: false },
};
const badJob: JobDefinition = { queue: "test-outbox-bad", handler: async () => Promise.reject(new Error("always")), options: { retryLimit: 1, retryDelay: 0, retryBackoff: false } };
const jobs: JobRegistry = [okJob as JobDefinition, badJob];

afterAll(async () => {
  await stopBoss();
});

const unrelayed = (topic: string) => db.outboxEvent.count({ where: { topic, relayedAt: null } });

describe("outbox relay", () => {
  test("an event written in a rolled-back transaction is never relayed", async () => {
    await db
      .$transaction(async (tx) => {
        await writeOutbox(tx, okJob.queue, { n: "rolled-back" });
        throw new Error("abort");
      })
      .catch(() => undefined);
    expect(await db.outboxEvent.count({ where: { topic: okJob.queue } })).toBe(0);
  });

  test("relayed exactly once even with several relays at once, then run by its handler", async () => {
    for (let i = 0; i < 30; i++) await db.$transaction((tx) => writeOutbox(tx, okJob.queue, { n: `e${i}` }));
    // Two independent pg-boss instances, like two worker processes, relaying concurrently.
    const bossA = createBoss();
    const bossB = createBoss();
    await Promise.all([bossA.start(), bossB.start()]);
    try {
      const counts = await Promise.all([relayOutbox(jobs, { boss: bossA, limit: 7 }), relayOutbox(jobs, { boss: bossB, limit: 7 }), relayOutbox(jobs, { boss: bossA, limit: 7 }), relayOutbox(jobs, { boss: bossB, limit: 7 })]);
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      for (let i = 0; i < 50 && (await unrelayed(okJob.queue)) > 0; i++) await relayOutbox(jobs, { boss: bossA });
      // Other test files write (and relay) events of their own in the same database, so the relays'
      // return values count theirs too: "exactly once" is checked on this topic's rows and jobs.
      expect(await unrelayed(okJob.queue)).toBe(0);
      expect(await db.outboxEvent.count({ where: { topic: okJob.queue } })).toBe(30);
      const jobCount = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM pgboss.job WHERE name = ${okJob.queue}`;
      expect(Number(jobCount[0].n)).toBe(30);
      const r = await drainQueue(jobs, okJob.queue, { boss: bossA });
      expect(r).toEqual({ done: 30, failed: 0 });
      expect(seen.filter((n) => n.startsWith("e")).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `e${i}`).sort());
    } finally {
      await Promise.all([bossA.stop({ graceful: false, wait: true }), bossB.stop({ graceful: false, wait: true })]);
    }
  });

  test("re-sending an already relayed event (a crash before marking it) creates no second job", async () => {
    await db.$transaction((tx) => writeOutbox(tx, okJob.queue, { n: "dup" }));
    const row = await db.outboxEvent.findFirstOrThrow({ where: { topic: okJob.queue, relayedAt: null } });
    expect(await relayOutbox(jobs)).toBe(1);
    // Simulate the crash: the row is unmarked again and relayed a second time.
    await db.outboxEvent.update({ where: { id: row.id }, data: { relayedAt: null } });
    expect(await relayOutbox(jobs)).toBe(1);
    const n = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM pgboss.job WHERE id = ${outboxJobId(row.id)}::uuid`;
    expect(Number(n[0].n)).toBe(1);
    await drainQueue(jobs, okJob.queue);
    expect(seen.filter((n) => n === "dup")).toEqual(["dup"]);
  });

  test("a failing job is retried, and dead-lettered after its last try", async () => {
    failuresLeft = 1;
    await db.$transaction((tx) => writeOutbox(tx, okJob.queue, { n: "retried" }));
    await relayOutbox(jobs);
    // retryDelay 0: the retry is ready at once, so the same drain runs it again, and it succeeds.
    expect(await drainQueue(jobs, okJob.queue)).toEqual({ done: 1, failed: 1 });
    expect(seen).toContain("retried");

    await db.$transaction((tx) => writeOutbox(tx, badJob.queue, { n: "doomed" }));
    await relayOutbox(jobs);
    // First try and its one retry fail; then the job is gone from its queue and sits in the dead letters.
    expect(await drainQueue(jobs, badJob.queue)).toEqual({ done: 0, failed: 2 });
    expect(await drainQueue(jobs, badJob.queue)).toEqual({ done: 0, failed: 0 });
    const dead = await db.$queryRaw<{ data: { n: string } }[]>`SELECT data FROM pgboss.job WHERE name = ${deadLetterOf(badJob)}`;
    expect(dead.map((d) => d.data.n)).toEqual(["doomed"]);
  });
});
