// Bounded exponential backoff with "full jitter" (a random wait between 0 and the exponential cap), so
// many callers retrying after the same Toss hiccup do not come back in lockstep.

export type BackoffOptions = {
  /** Cap of the first retry's wait. */
  baseMs: number;
  /** No single wait is longer than this. */
  maxMs: number;
  /** Injectable for tests; returns [0, 1). */
  random?: () => number;
};

export const defaultBackoff: BackoffOptions = { baseMs: 100, maxMs: 2_000 };

/** The wait before retry number `retry` (1 = first retry): uniform in [0, min(maxMs, baseMs·2^(retry-1))]. */
export function backoffDelay(retry: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  if (retry < 1) return 0;
  const cap = Math.min(maxMs, baseMs * 2 ** (retry - 1));
  return Math.floor(random() * (cap + 1));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
