// A bounded queue in front of ledger transactions on the PostgreSQL-only path (Redis failed). There every
// request — not only admitted ones — reaches PostgreSQL, so under a flood requests beyond the queue get
// 503 + Retry-After at once instead of piling up behind the connection pool until every client times out.
// (Requests Redis admitted go through lib/orders/ledger/batcher.ts instead.)
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export class Slots {
  private active = 0;
  private waiting: (() => void)[] = [];
  constructor(readonly max: number, readonly queue: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      if (this.waiting.length >= this.queue) throw new AppError("UNAVAILABLE", "The shop is very busy; please retry", undefined, { retryAfter: 1 });
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** The PostgreSQL-only path, where every request reaches the ledger: a queue a few times the pool. */
export const ledgerSlots = new Slots(env.DATABASE_POOL_SIZE, env.DATABASE_POOL_SIZE * 8);
