// A bounded queue in front of ledger transactions. Under a flood (PostgreSQL-only mode after Redis
// failed, or a machine out of CPU) requests beyond the queue get 503 + Retry-After at once instead of
// piling up behind the connection pool until every client times out.
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

/** As many transactions as pool connections, and a queue a few times that deep. */
export const ledgerSlots = new Slots(env.DATABASE_POOL_SIZE, env.DATABASE_POOL_SIZE * 8);
