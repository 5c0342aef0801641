// A per-process gate on how many of one kind of work run at once. Work beyond `concurrency` waits its
// turn in memory (cheap) instead of each caller grabbing a database connection and a transaction it then
// cannot finish in time; a caller that waits longer than `maxWaitMs` is refused before doing anything.
import { AppError } from "@/lib/errors";

export type Gate = { run<T>(work: () => Promise<T>): Promise<T>; readonly active: number; readonly waiting: number };

export function createGate(opts: { concurrency: number; maxWaitMs: number; busyMessage: string }): Gate {
  let active = 0;
  const queue: { go: () => void; timer: NodeJS.Timeout }[] = [];
  const release = () => {
    const next = queue.shift();
    if (!next) return void active--;
    clearTimeout(next.timer);
    next.go();
  };
  const acquire = () =>
    new Promise<void>((go, refuse) => {
      if (active < opts.concurrency) {
        active++;
        return go();
      }
      const entry = {
        go,
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(entry), 1);
          refuse(new AppError("UNAVAILABLE", opts.busyMessage, undefined, { retryAfter: 1 }));
        }, opts.maxWaitMs),
      };
      queue.push(entry);
    });
  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
