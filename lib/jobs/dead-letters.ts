import "server-only";
// Jobs that failed their last try. pg-boss copies each one (data and last error) into its queue's
// dead-letter queue (`<queue>-dead`, see queues.ts); this lists them for admins, newest first.
import { z } from "zod";
import { text } from "@/lib/validation";
import { db } from "@/lib/db";
import { BOSS_SCHEMA } from "./boss";

export const deadLettersQuerySchema = z.object({
  page: z.coerce.number({ error: "page must be a number" }).int({ error: "page must be a whole number" }).min(1, { error: "page starts at 1" }).max(10_000).default(1),
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int({ error: "pageSize must be a whole number" }).min(1, { error: "at least 1" }).max(100, { error: "at most 100" }).default(50),
  queue: text(100, { tooLong: "unknown queue", invalidCharacters: "unknown queue" }).regex(/^[\w.-]{1,100}$/, { error: "unknown queue" }).optional(),
});
export type DeadLettersQuery = z.infer<typeof deadLettersQuerySchema>;

export type DeadLetter = { id: string; queue: string; deadLetterQueue: string; data: unknown; error: string | null; failedAt: string };

type Row = { id: string; name: string; data: unknown; output: unknown; created_on: Date; total: bigint };

const errorOf = (output: unknown): string | null => {
  if (output && typeof output === "object" && "message" in output) return String((output as { message: unknown }).message);
  return output == null ? null : JSON.stringify(output);
};

export async function listDeadLetters({ page, pageSize, queue }: DeadLettersQuery): Promise<{ items: DeadLetter[]; page: number; pageSize: number; total: number }> {
  // Before the worker has ever started, pg-boss's tables do not exist: nothing has failed yet.
  const [{ exists }] = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass(${`${BOSS_SCHEMA}.job`}) IS NOT NULL AS exists`;
  if (!exists) return { items: [], page, pageSize, total: 0 };
  const name = queue ? (queue.endsWith("-dead") ? queue : `${queue}-dead`) : null;
  const rows = await db.$queryRaw<Row[]>`
    SELECT id::text, name, data, output, created_on, count(*) OVER () AS total
    FROM pgboss.job
    WHERE name LIKE '%-dead' AND (${name}::text IS NULL OR name = ${name}::text)
    ORDER BY created_on DESC, id DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return {
    items: rows.map((r) => ({
      id: r.id,
      queue: r.name.replace(/-dead$/, ""),
      deadLetterQueue: r.name,
      data: r.data,
      error: errorOf(r.output),
      failedAt: r.created_on.toISOString(),
    })),
    page,
    pageSize,
    total: rows.length ? Number(rows[0].total) : 0,
  };
}
