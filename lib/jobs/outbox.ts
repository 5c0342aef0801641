// The outbox relay. A change writes its OutboxEvent in the same transaction (writeOutbox), so the event
// exists if and only if the change committed. The relay moves unrelayed rows to pg-boss queues
// (topic = queue name, created with the options of the job registry the caller passes) and marks them
// relayed. Rows are claimed with FOR UPDATE SKIP LOCKED, so several workers never relay the same row at
// once; the pg-boss job id is derived from the outbox id, so even a crash between "sent" and "marked"
// cannot produce a second job (pg-boss inserts with ON CONFLICT DO NOTHING).
import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import { clock } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { log } from "@/lib/log";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getBoss } from "./boss";
import { ensureQueue } from "./queues";
import { queueOf, type JobRegistry } from "./types";

export async function writeOutbox(tx: Tx, topic: string, payload: Prisma.InputJsonValue): Promise<void> {
  await tx.outboxEvent.create({ data: { topic, payload } });
}

/** A UUID derived from a key: sending twice with it creates one job (pg-boss inserts ON CONFLICT DO NOTHING). */
export function stableJobId(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A stable UUID for the job of one outbox row. */
export const outboxJobId = (outboxId: bigint | number | string): string => stableJobId(`outbox:${outboxId}`);

type Row = { id: bigint; topic: string; payload: unknown };

/** One relay pass; returns how many events were handed to pg-boss. A topic `jobs` does not list gets a queue with default options. */
export async function relayOutbox(jobs: JobRegistry, opts: { boss?: PgBoss; limit?: number } = {}): Promise<number> {
  const boss = opts.boss ?? (await getBoss());
  const limit = opts.limit ?? 100;
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT id, topic, payload FROM "OutboxEvent"
        WHERE "relayedAt" IS NULL ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      for (const row of rows) {
        await ensureQueue(boss, queueOf(jobs, row.topic));
        await boss.send(row.topic, (row.payload ?? {}) as object, { id: outboxJobId(row.id) });
      }
      if (rows.length) {
        await tx.outboxEvent.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { relayedAt: clock.now() } });
        log.debug({ count: rows.length }, "outbox relayed");
      }
      return rows.length;
    },
    { timeout: 30_000 },
  );
}
