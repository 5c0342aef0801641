// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Groups the ledger writes of admitted requests into batches (see lib/orders/ledger/ledger.ts for why): while a
// batch is being written, the requests arriving meanwhile gather into the next one. A batch is all or
// nothing; when one fails (a refusal, two orders colliding) its orders are written one by one so each
// buyer gets their own answer. Admitted requests hold reserved units, so the queue is bounded by the stock
// itself; the explicit bound is only a backstop (503 + Retry-After beyond it).
import { AppError } from "@/lib/errors";
import type { LedgerInput } from "./ledger";
import type { PlacedOrder } from "../schemas";

type Pending = { input: LedgerInput; resolve: (p: PlacedOrder) => void; reject: (e: unknown) => void };
export type BatchWriters = {
  /** All orders in one statement, or an error. */
  many: (inputs: LedgerInput[]) => Promise<PlacedOrder[]>;
  /** One order, with its own refusal. */
  one: (input: LedgerInput) => Promise<PlacedOrder>;
};

export class LedgerBatcher {
  private queue: Pending[] = [];
  private running = 0;

  constructor(
    private readonly writers: BatchWriters,
    readonly opts: { concurrency: number; maxBatch: number; maxQueue: number },
  ) {}

  get queued() {
    return this.queue.length;
  }

  write(input: LedgerInput): Promise<PlacedOrder> {
    if (this.queue.length >= this.opts.maxQueue) {
      return Promise.reject(new AppError("UNAVAILABLE", "The shop is very busy; please retry", undefined, { retryAfter: 1 }));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.running < this.opts.concurrency && this.queue.length > 0) {
      const batch = this.take();
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** The oldest requests that can share a statement: no buyer or phone twice for one product, no key twice. */
  private take(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const seen = new Set<string>();
    for (const p of this.queue) {
      const phone = p.input.phoneHash;
      const keys = [
        `k:${p.input.userId}:${p.input.idempotencyKey}`,
        ...p.input.lines.map((l) => `c:${p.input.userId}:${l.productId}`),
        ...(phone ? p.input.lines.map((l) => `p:${phone}:${l.productId}`) : []),
      ];
      if (batch.length < this.opts.maxBatch && !keys.some((k) => seen.has(k))) {
        keys.forEach((k) => seen.add(k));
        batch.push(p);
      } else rest.push(p);
    }
    this.queue = rest;
    return batch;
  }

  private async run(batch: Pending[]) {
    if (batch.length > 1) {
      try {
        const placed = await this.writers.many(batch.map((p) => p.input));
        batch.forEach((p, i) => p.resolve(placed[i]));
        return;
      } catch {
        // Someone in the batch was refused (or collided): fall through and answer each on their own.
      }
    }
    await Promise.all(batch.map(async (p) => {
      try {
        p.resolve(await this.writers.one(p.input));
      } catch (err) {
        p.reject(err);
      }
    }));
  }
}
