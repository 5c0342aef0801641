// runJobsOnce (the worker's job in one bounded call) and GET /api/cron/jobs, against real PostgreSQL and
// Redis. It relays every outbox row and runs every queue of its database, so it gets a database (and key
// prefix) of its own, like worker.int.test.ts: other files' leftovers must not be run or counted here.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ownTestDatabase } from "@/test/own-database";
import type { JobDefinition } from "@/lib/jobs/types";

// Before the app's modules load (lib/env.ts reads the environment once), hence the dynamic imports.
const SECRET = "test-cron-secret-0123456789";
const ownDb = ownTestDatabase("drain", { CRON_SECRET: SECRET });

let app: Awaited<ReturnType<typeof load>>;
async function load() {
  return {
    cronRoute: await import("@/app/api/cron/jobs/route"),
    ...(await import("@/lib/jobs/drain")),
    ...(await import("@/lib/jobs/outbox")),
    ...(await import("@/lib/jobs/boss")),
    ...(await import("./registry")),
    ...(await import("@/lib/jobs/queues")),
    ...(await import("@/lib/jobs/cron")),
    clock: (await import("@/lib/clock")).clock,
    db: (await import("@/lib/db")).db,
    env: (await import("@/lib/env")).env,
    redis: (await import("@/lib/redis")).redis,
    ...(await import("@/test/http")),
  };
}

// Test-only queues, added to the shop's registry (worker/registry.ts) the way a domain adds its jobs.
const runs: Record<string, string[]> = {};
const record = (queue: string, what: string) => void (runs[queue] ??= []).push(what);
const failures: Record<string, number> = {};
const testJobs: JobDefinition[] = [
  { queue: "test-drain-ok", handler: async (d) => record("test-drain-ok", (d as { n: string }).n) },
  {
    queue: "test-drain-flaky",
    handler: async (d) => {
      if ((failures["test-drain-flaky"] = (failures["test-drain-flaky"] ?? 0) + 1) <= 2) throw new Error("transient");
      record("test-drain-flaky", (d as { n: string }).n);
    },
    // An hour: a retry is surely not ready on its own while the test runs; the test makes it due (dueNow).
    options: { retryLimit: 3, retryDelay: 3_600, retryBackoff: false },
  },
  { queue: "test-drain-doomed", handler: async () => Promise.reject(new Error("always")), options: { retryLimit: 1, retryDelay: 0, retryBackoff: false } },
  {
    queue: "test-drain-slow",
    handler: async (d) => {
      await new Promise((r) => setTimeout(r, 150));
      record("test-drain-slow", (d as { n: string }).n);
    },
  },
  { queue: "test-drain-minutely", schedule: "* * * * *", handler: async (_, c) => record("test-drain-minutely", c.jobId) },
  { queue: "test-drain-daily", schedule: "0 3 * * *", handler: async (_, c) => record("test-drain-daily", c.jobId) },
];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
// The shop's clock, pinned where the next minute crosses no tick but the minutely ones (10:01:05 on a
// Wednesday): no other tick falls inside a test's runs unless the test moves the clock.
const start = Date.UTC(2026, 0, 7, 10, 1, 5);
// Every run starts at the time the test set, however long the tests between took: a moved clock would go on
// in real time, and a slow machine would reach the next minute's ticks and count their jobs.
let pinned = start;
const pin = () => app.clock.setOffsetMs(pinned - Date.now());
const setClock = (ms: number) => {
  pinned = ms;
  pin();
};

const emit = (topic: string, n: string) => app.db.$transaction((tx) => app.writeOutbox(tx, topic, { n }));
const run = (budgetMs = 20_000) => {
  pin();
  return app.runJobsOnce(app.jobs, { budgetMs });
};
/** Seconds until the queue's waiting job may start, by PostgreSQL's clock (pg-boss schedules by it). */
const startsIn = async (queue: string) =>
  (await app.db.$queryRaw<{ s: number }[]>`SELECT extract(epoch FROM start_after - now())::float8 AS s FROM pgboss.job WHERE name = ${queue} AND state = 'retry'`)[0]?.s;
/** The delay is over: the waiting job is made due now, instead of the test sleeping through it. */
const dueNow = (queue: string) => app.db.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = ${queue} AND state = 'retry'`;
const jobStates = (queue: string) => app.db.$queryRaw<{ state: string; retry_count: number }[]>`SELECT state::text, retry_count FROM pgboss.job WHERE name = ${queue} ORDER BY created_on`;

beforeAll(async () => {
  await ownDb.create();
  app = await load();
  app.jobs.push(...testJobs);
  setClock(start);
});

afterAll(async () => {
  app?.clock.setOffsetMs(0);
  await app?.stopBoss();
  await app?.db.$disconnect();
  app?.redis.disconnect();
  await ownDb.drop();
});

describe("runJobsOnce", () => {
  test("the first run sends one job per schedule (the latest tick) and runs them all", async () => {
    const scheduledQueues = app.jobs.filter((j) => j.schedule).length;
    expect(scheduledQueues).toBeGreaterThanOrEqual(3);
    const r = await run();
    // The shop's own scheduled jobs run too (on an empty database): every one must succeed.
    expect(r).toEqual({ relayed: 0, scheduled: scheduledQueues, ran: scheduledQueues, failed: 0, drained: true });
    expect(runs["test-drain-minutely"]).toEqual([app.scheduledJobId("test-drain-minutely", new Date(start - 5_000))]);
    expect(runs["test-drain-daily"]).toHaveLength(1);
    expect(await run()).toEqual({ relayed: 0, scheduled: 0, ran: 0, failed: 0, drained: true });
  });

  test("an outbox event is relayed and its handler runs exactly once; a second run does nothing more", async () => {
    await emit("test-drain-ok", "a");
    expect(await run()).toEqual({ relayed: 1, scheduled: 0, ran: 1, failed: 0, drained: true });
    expect(runs["test-drain-ok"]).toEqual(["a"]);
    expect(await run()).toEqual({ relayed: 0, scheduled: 0, ran: 0, failed: 0, drained: true });
    expect(runs["test-drain-ok"]).toEqual(["a"]);
    expect(await jobStates("test-drain-ok")).toEqual([{ state: "completed", retry_count: 0 }]);
    expect(await app.db.outboxEvent.count({ where: { relayedAt: null } })).toBe(0);
  });

  test("a cron tick is claimed once: overlapping runs send one job, missed ticks collapse into one", async () => {
    setClock(start + MINUTE);
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.scheduled + b.scheduled).toBe(app.jobs.filter((j) => j.schedule === "* * * * *").length);
    expect(runs["test-drain-minutely"]).toHaveLength(2);
    expect(runs["test-drain-daily"]).toHaveLength(1);
    // Two days and a bit without a run: one job for each schedule's latest tick, not one per missed tick.
    setClock(start + 2 * DAY + 30 * MINUTE);
    const r = await run();
    expect(r.scheduled).toBe(app.jobs.filter((j) => j.schedule).length);
    expect(runs["test-drain-minutely"]).toHaveLength(3);
    expect(runs["test-drain-daily"]).toHaveLength(2);
    expect(new Set(runs["test-drain-minutely"]).size).toBe(3);
    const ticks = await app.db.$queryRaw<{ lastTickAt: Date }[]>`SELECT "lastTickAt" FROM "ScheduleTick" WHERE queue = 'test-drain-daily'`;
    expect(ticks[0].lastTickAt.toISOString()).toBe(app.latestTick("0 3 * * *", new Date(start + 2 * DAY + 30 * MINUTE)).toISOString());
    expect(await run()).toMatchObject({ scheduled: 0, ran: 0 });
  });

  test("a failing handler is retried after its delay, not lost; after its last try it is dead-lettered", async () => {
    await emit("test-drain-flaky", "f");
    expect(await run()).toMatchObject({ relayed: 1, ran: 1, failed: 1, drained: true });
    // retryDelay an hour: not ready yet, so another run leaves it waiting, due about an hour from now.
    expect(await run()).toMatchObject({ ran: 0, failed: 0 });
    expect(await startsIn("test-drain-flaky")).toBeGreaterThan(3_000);
    // pg-boss counts a retry when it starts: waiting for its first retry, the count is still 0.
    expect(await jobStates("test-drain-flaky")).toEqual([{ state: "retry", retry_count: 0 }]);
    await dueNow("test-drain-flaky");
    expect(await run()).toMatchObject({ ran: 1, failed: 1 });
    expect(await startsIn("test-drain-flaky")).toBeGreaterThan(3_000);
    await dueNow("test-drain-flaky");
    expect(await run()).toMatchObject({ ran: 1, failed: 0 });
    expect(runs["test-drain-flaky"]).toEqual(["f"]);
    expect(await jobStates("test-drain-flaky")).toEqual([{ state: "completed", retry_count: 2 }]);

    await emit("test-drain-doomed", "d");
    // First try and its one retry (retryDelay 0: ready at once, in the same run) both fail.
    expect(await run()).toMatchObject({ relayed: 1, ran: 2, failed: 2, drained: true });
    expect(await jobStates("test-drain-doomed")).toEqual([{ state: "failed", retry_count: 1 }]);
    const dead = await app.db.$queryRaw<{ data: { n: string } }[]>`SELECT data FROM pgboss.job WHERE name = ${app.deadLetterOf({ queue: "test-drain-doomed" })}`;
    expect(dead.map((d) => d.data.n)).toEqual(["d"]);
  });

  test("stops at its budget and leaves the rest for the next run, without losing or repeating a job", async () => {
    for (let i = 0; i < 6; i++) await emit("test-drain-slow", `s${i}`);
    expect(await run(0)).toEqual({ relayed: 0, scheduled: 0, ran: 0, failed: 0, drained: false });
    expect(await app.db.outboxEvent.count({ where: { relayedAt: null } })).toBe(6);
    const first = await run(300);
    expect(first.drained).toBe(false);
    expect(first.ran).toBeLessThan(6);
    const rest = await run();
    expect(rest.drained).toBe(true);
    expect(first.ran + rest.ran).toBe(6);
    expect([...runs["test-drain-slow"]].sort()).toEqual(["s0", "s1", "s2", "s3", "s4", "s5"]);
  });
});

describe("GET /api/cron/jobs", () => {
  const call = (authorization?: string) => {
    pin();
    return app.cronRoute.GET(app.jsonRequest("/api/cron/jobs", { origin: null, headers: authorization ? { authorization } : {} }), app.ctx());
  };

  test("refuses a missing or wrong secret with 401 and runs nothing", async () => {
    await emit("test-drain-ok", "route");
    for (const auth of [undefined, `Bearer ${SECRET}x`, SECRET, `Bearer ${SECRET.slice(0, -1)}`]) {
      const res = await call(auth);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
    }
    expect(await app.db.outboxEvent.count({ where: { relayedAt: null } })).toBe(1);
  });

  test("answers 503 CRON_DISABLED while CRON_SECRET is unset", async () => {
    const saved = app.env.CRON_SECRET;
    app.env.CRON_SECRET = undefined;
    try {
      const res = await call(`Bearer ${SECRET}`);
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe("CRON_DISABLED");
    } finally {
      app.env.CRON_SECRET = saved;
    }
  });

  test("with the right secret runs the jobs and answers their counts", async () => {
    const res = await call(`Bearer ${SECRET}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ relayed: 1, scheduled: 0, ran: 1, failed: 0, drained: true });
    expect(runs["test-drain-ok"]).toEqual(["a", "route"]);
  });
});
