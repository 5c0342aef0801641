// A small in-process cache for hot reads polled by a crowd (live stock): each key's value is kept for
// `ttlMs`, and all callers that miss at once share one load (request coalescing), so however many
// requests arrive, a key costs at most one load per interval. Plumbing: it knows nothing of what it
// caches; the loader is handed in.
//
// Bounded: at most `maxEntries` keys, the oldest-written dropped first. Entries are rewritten at every
// refresh, so a key being polled keeps moving to the young end while keys nobody asks for again (a flood
// of made-up ids) drift to the old end and go first — an LRU by refresh, without touching the map on hits.
// Failures are kept for `errorTtlMs` only (short): long enough that a failing backend is not hammered by
// every waiting caller, short enough that a recovered one is seen at once.

export type MicroCacheOptions = {
  ttlMs: number;
  errorTtlMs: number;
  maxEntries: number;
  /** The clock (milliseconds); tests pass their own. */
  now?: () => number;
};

type Entry<V> = { ok: true; value: V; expiresAt: number } | { ok: false; error: unknown; expiresAt: number };

export class MicroCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private readonly now: () => number;

  constructor(private readonly load: (key: string) => Promise<V>, private readonly opts: MicroCacheOptions) {
    this.now = opts.now ?? Date.now;
  }

  /** The fresh cached value, without a Promise (the hot path of a fast server); undefined on a miss or a cached failure. */
  peek(key: string): { value: V } | undefined {
    const e = this.entries.get(key);
    return e !== undefined && e.ok && e.expiresAt > this.now() ? e : undefined;
  }

  /** The cached value if fresh, else the result of the one load in flight for this key (started if none is). */
  get(key: string): Promise<V> {
    const e = this.entries.get(key);
    if (e !== undefined && e.expiresAt > this.now()) return e.ok ? Promise.resolve(e.value) : Promise.reject(e.error);
    let p = this.inFlight.get(key);
    if (p === undefined) {
      p = this.refresh(key);
      this.inFlight.set(key, p);
    }
    return p;
  }

  /** Forgets a key (a write made its value wrong); a load already in flight still answers its waiters. */
  delete(key: string) {
    this.entries.delete(key);
  }

  get size() {
    return this.entries.size;
  }

  private async refresh(key: string): Promise<V> {
    try {
      const value = await this.load(key);
      this.store(key, { ok: true, value, expiresAt: this.now() + this.opts.ttlMs });
      return value;
    } catch (error) {
      this.store(key, { ok: false, error, expiresAt: this.now() + this.opts.errorTtlMs });
      throw error;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private store(key: string, entry: Entry<V>) {
    this.entries.delete(key); // re-inserted at the young end
    this.entries.set(key, entry);
    // Map iterates in insertion order: the first keys are the ones written longest ago.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.opts.maxEntries) break;
      this.entries.delete(oldest);
    }
  }
}
