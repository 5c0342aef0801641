// Creating queues (and their dead-letter queues) before anything is sent to or fetched from them:
// pg-boss 10 refuses both for a queue that does not exist. The caller names the queue's options.
import type PgBoss from "pg-boss";
import type { QueueDefinition } from "./types";

const created = new WeakMap<PgBoss, Set<string>>();

export const deadLetterOf = ({ queue, options }: QueueDefinition) => options?.deadLetter ?? `${queue}-dead`;

/**
 * Queue creation is DDL (a partition per queue); two processes creating the same queue at once can
 * deadlock in PostgreSQL, so an existing queue is not re-created and a deadlock is retried.
 */
async function createOnce(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(name)) return;
    try {
      await boss.createQueue(name, options);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "40P01" || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt));
    }
  }
}

/** Creates the queue with the given options unless it exists (an existing queue keeps the options it has). */
export async function ensureQueue(boss: PgBoss, def: QueueDefinition): Promise<void> {
  const { queue, options } = def;
  const known = created.get(boss) ?? new Set<string>();
  created.set(boss, known);
  if (known.has(queue)) return;
  const deadLetter = deadLetterOf(def);
  await createOnce(boss, deadLetter, { name: deadLetter, retentionDays: 14 });
  await createOnce(boss, queue, {
    name: queue,
    retryLimit: options?.retryLimit ?? 5,
    retryDelay: options?.retryDelay ?? 5,
    retryBackoff: options?.retryBackoff ?? true,
    expireInSeconds: options?.expireInSeconds ?? 300,
    deadLetter,
  });
  known.add(queue);
}
