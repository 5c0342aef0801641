// Long polling without hammering: a status request reads the room once, and if nothing the buyer sees has
// changed since their last answer it reads again every `everyMs` until something does or `maxMs` passed —
// one read per waiting buyer per interval, from Redis, never PostgreSQL. Pure: the read, the sleep and the
// clock are handed in (tests drive them).

export type WaitOptions = { everyMs: number; maxMs: number; signal?: AbortSignal; now?: () => number; sleep?: (ms: number, signal?: AbortSignal) => Promise<void> };

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * Reads until `fingerprint(answer) !== since` (or at once when `since` is absent), the time is up, or the
 * caller went away; returns the last answer read. Final answers (`isFinal`) end the wait at once.
 */
export async function waitForChange<T>(read: () => Promise<T>, fingerprint: (v: T) => string, since: string | undefined, opts: WaitOptions, isFinal: (v: T) => boolean = () => false): Promise<T> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const deadline = now() + opts.maxMs;
  let v = await read();
  while (since !== undefined && fingerprint(v) === since && !isFinal(v) && !opts.signal?.aborted && now() + opts.everyMs <= deadline) {
    await sleep(opts.everyMs, opts.signal);
    if (opts.signal?.aborted) break;
    v = await read();
  }
  return v;
}
