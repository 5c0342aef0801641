import "server-only";
// Admin actions on dead letters (lib/jobs/dead-letters.ts lists them): retry sends the job's data back to
// its original queue and then removes the dead letter; discard removes it. A retry is sent before the
// dead letter is deleted, so a crash in between can repeat a job but never lose one (handlers are idempotent).
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getBoss } from "@/lib/jobs/boss";
import { ensureQueue } from "@/lib/jobs/queues";
import { queueOf, type JobRegistry } from "@/lib/jobs/types";

async function findDeadLetter(id: string) {
  const [{ exists }] = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`;
  if (!exists) throw new AppError("NOT_FOUND", "dead letter not found");
  const rows = await db.$queryRaw<{ name: string; data: unknown }[]>`
    SELECT name, data FROM pgboss.job WHERE id = ${id}::uuid AND name LIKE '%-dead' AND state = 'created'`;
  if (!rows.length) throw new AppError("NOT_FOUND", "dead letter not found");
  return { deadLetterQueue: rows[0].name, queue: rows[0].name.replace(/-dead$/, ""), data: rows[0].data };
}

/** `jobs` names the options of the queue, in case it must be created again. */
export async function retryDeadLetter(id: string, jobs: JobRegistry) {
  const dl = await findDeadLetter(id);
  const boss = await getBoss();
  await ensureQueue(boss, queueOf(jobs, dl.queue));
  const jobId = await boss.send(dl.queue, (dl.data ?? {}) as object);
  await boss.deleteJob(dl.deadLetterQueue, id);
  return { queue: dl.queue, jobId };
}

export async function discardDeadLetter(id: string) {
  const dl = await findDeadLetter(id);
  const boss = await getBoss();
  await boss.deleteJob(dl.deadLetterQueue, id);
  return { queue: dl.queue };
}
