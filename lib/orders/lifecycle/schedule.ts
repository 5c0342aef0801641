// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// When the time-based steps run. Each move into a step's start state sends one delayed job (its id is
// derived from order and step, so a retried handler never schedules twice); a sweep every minute takes
// any step that is due and was missed (a lost job, a worker that was down, a delay changed since).
import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { ensureQueue } from "@/lib/jobs/queues";
import type { QueueOptions } from "@/lib/jobs/types";
import { log } from "@/lib/log";
import { shopDelaySql, stepDelaySeconds } from "./delays";
import { advanceOrder, stepNames, steps, type StepName } from "./steps";

export const ADVANCE_QUEUE = "orders-advance";
export const ADVANCE_QUEUE_OPTIONS = { retryLimit: 5, retryDelay: 10, retryBackoff: true } satisfies QueueOptions;
export type AdvancePayload = { orderId: string; step: StepName };

const jobId = (orderId: string, step: StepName) => {
  const h = createHash("sha256").update(`advance:${orderId}:${step}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/**
 * Sends the delayed job for one step (after the order's shop's delay); a second call for the same order
 * and step adds nothing, and a step the shop turned off is not sent (the sweep looks again if it changes).
 */
export async function scheduleStep(orderId: string, step: StepName, opts: { boss?: PgBoss } = {}): Promise<void> {
  const delay = await stepDelaySeconds(db, orderId, step);
  if (delay === null) return;
  const boss = opts.boss ?? (await getBoss());
  await ensureQueue(boss, { queue: ADVANCE_QUEUE, options: ADVANCE_QUEUE_OPTIONS });
  const payload: AdvancePayload = { orderId, step };
  await boss.send(ADVANCE_QUEUE, payload, { id: jobId(orderId, step), startAfter: Math.max(0, delay) });
}

/** The step that starts when an order enters `status`, if any. */
export const stepStartingAt = (status: string): StepName | null => stepNames.find((n) => steps[n].from === status) ?? null;

/**
 * Orders whose step is due: still in the step's start state, entered at least its delay ago — the shop's
 * delay (0 = off: never due) or the deployment default.
 */
async function dueOrders(step: StepName, limit: number, userIds?: string[]): Promise<string[]> {
  const { from, delaySeconds } = steps[step];
  const now = clock.now();
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "Order" o CROSS JOIN LATERAL (SELECT ${shopDelaySql(step)} AS own) shop
    WHERE o.status = ${from}::"OrderStatus"
      AND (${userIds ?? null}::uuid[] IS NULL OR o."userId" = ANY(${userIds ?? null}::uuid[]))
      AND (shop.own IS NULL OR shop.own > 0)
      AND (SELECT max(e."createdAt") FROM "OrderEvent" e WHERE e."orderId" = o.id AND e."toStatus" = o.status)
        + make_interval(secs => COALESCE(shop.own, ${delaySeconds()}::int)) <= ${now}
    ORDER BY o."updatedAt" LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/** Takes every due step (bounded per run); returns how many orders moved. Safe to run concurrently. */
export async function advanceDueOrders(opts: { limit?: number; userIds?: string[] } = {}): Promise<number> {
  let moved = 0;
  for (const step of stepNames) {
    for (const id of await dueOrders(step, opts.limit ?? 500, opts.userIds)) {
      if ((await advanceOrder(id, step)).result === "moved") moved++;
    }
  }
  if (moved) log.info({ moved }, "order steps taken by the sweep");
  return moved;
}
