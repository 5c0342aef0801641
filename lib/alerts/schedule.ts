// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// When opening alerts go out: one delayed job per opening, ten minutes before it. Its id is derived from the
// product and the opening, so scheduling the same opening again adds nothing, and a moved opening gets a
// job of its own while the old one finds the drop moved and sends nothing (lib/alerts/fanout.ts). The
// every-minute sweep takes any opening whose job was lost.
import type PgBoss from "pg-boss";
import { clock } from "@/lib/clock";
import { getBoss } from "@/lib/jobs/boss";
import { stableJobId } from "@/lib/jobs/outbox";
import { ensureQueue } from "@/lib/jobs/queues";
import type { QueueOptions } from "@/lib/jobs/types";
import { OPENING_LEAD_MS } from "./fanout";
import { OPENING_DUE_QUEUE } from "./queues";

export const OPENING_DUE_OPTIONS = { retryLimit: 5, retryDelay: 10, retryBackoff: true } satisfies QueueOptions;
export type OpeningDuePayload = { productId: string; opensAt: string };

export const openingJobId = (productId: string, opensAt: Date) => stableJobId(`alerts-opening:${productId}:${opensAt.getTime()}`);

/** Sends the T-10 job of this opening (at once when T-10 has passed); a second call adds nothing. */
export async function scheduleOpeningAlerts(productId: string, opensAt: Date, opts: { boss?: PgBoss } = {}): Promise<void> {
  const boss = opts.boss ?? (await getBoss());
  await ensureQueue(boss, { queue: OPENING_DUE_QUEUE, options: OPENING_DUE_OPTIONS });
  const startAfter = Math.max(0, Math.ceil((opensAt.getTime() - OPENING_LEAD_MS - clock.nowMs()) / 1000));
  const payload: OpeningDuePayload = { productId, opensAt: opensAt.toISOString() };
  await boss.send(OPENING_DUE_QUEUE, payload, { id: openingJobId(productId, opensAt), startAfter });
}
