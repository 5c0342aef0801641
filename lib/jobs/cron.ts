import "server-only";
// Scheduled jobs without a long-running process (the cron route through drain.ts). For each schedule of
// the job registry it is given, the latest cron tick at or before now is claimed in ScheduleTick — an
// upsert that only moves forward, so overlapping runs claim a tick once — and one job is sent for it, with an id derived from
// queue and tick, so a crash between sending and committing the claim cannot produce a second job.
// Ticks missed while nothing ran collapse into one job at the next run (handlers are idempotent anyway).
// pg-boss's own cron (the worker's boss.schedule) is not used here: it sends only a tick less than 60 s
// old, through an internal queue polled on timers, which a short request cannot wait for or rely on.
import cronParser from "cron-parser";
import type PgBoss from "pg-boss";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { getBoss } from "./boss";
import { stableJobId } from "./outbox";
import { ensureQueue } from "./queues";
import type { JobRegistry } from "./types";

/** The latest tick of a cron expression (UTC) at or before `at`. */
export function latestTick(cron: string, at: Date): Date {
  // prev() is strictly before currentDate: one millisecond later includes a tick falling exactly on `at`.
  return cronParser.parseExpression(cron, { currentDate: new Date(at.getTime() + 1), tz: "UTC" }).prev().toDate();
}

export const scheduledJobId = (queue: string, tick: Date) => stableJobId(`cron:${queue}:${tick.toISOString()}`);

/** Sends one job to each scheduled queue whose latest tick has none yet; returns how many were sent. */
export async function enqueueDueSchedules(jobs: JobRegistry, opts: { boss?: PgBoss; now?: Date } = {}): Promise<number> {
  const boss = opts.boss ?? (await getBoss());
  const now = opts.now ?? clock.now();
  let sent = 0;
  for (const def of jobs) {
    if (!def.schedule) continue;
    const tick = latestTick(def.schedule, now);
    await ensureQueue(boss, def);
    const claimed = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ queue: string }[]>`
        INSERT INTO "ScheduleTick" (queue, "lastTickAt") VALUES (${def.queue}, ${tick}::timestamp)
        ON CONFLICT (queue) DO UPDATE SET "lastTickAt" = EXCLUDED."lastTickAt"
        WHERE "ScheduleTick"."lastTickAt" < EXCLUDED."lastTickAt"
        RETURNING queue`;
      // Sent while the claimed row is locked: a failed send rolls the claim back for the next run.
      if (rows.length) await boss.send(def.queue, {}, { id: scheduledJobId(def.queue, tick) });
      return rows.length > 0;
    });
    if (claimed) {
      sent++;
      log.debug({ queue: def.queue, tick }, "scheduled job sent");
    }
  }
  return sent;
}
