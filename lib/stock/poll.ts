// When a product page asks for live stock again (components/flash-sale/drop-panel.tsx). Pure, for the
// browser: a crowd of thousands polls one drop, so the schedule is what keeps it from arriving in waves.
// - every ~2 s, ±25 % at random, so pages loaded together drift apart instead of polling in lockstep;
// - while the opening is more than a minute away, every ~10 s (never past the minute before it): nothing
//   changes then, and the countdown and the unlock run on the page's own clock, not on polls;
// - after a failure, exponentially longer (up to a minute, the half above the floor at random) and never
//   sooner than a Retry-After the server or a CDN sent;
// - never again once the answer says the drop is sold out or ended, or the product is gone (404).

export type PollState = "upcoming" | "on_sale" | "sold_out" | "ended";

export type PollOutcome =
  | { ok: true; state: PollState; /** by the server's clock; 0 once open */ msUntilOpen: number }
  | { ok: false; status: number | null; retryAfterMs: number | null };

export const POLL = {
  intervalMs: 2_000,
  jitter: 0.25,
  farIntervalMs: 10_000,
  /** Within this of the opening the page polls at the normal interval. */
  nearOpeningMs: 60_000,
  maxBackoffMs: 60_000,
} as const;

/**
 * Milliseconds until the next poll, or null to stop polling. `failures`: failed polls in a row, this one
 * included; `random`: a number in [0, 1) (Math.random in the page, fixed in tests).
 */
export function nextPollDelay(outcome: PollOutcome, failures: number, random: number): number | null {
  const jittered = (ms: number) => Math.round(ms * (1 - POLL.jitter + 2 * POLL.jitter * random));
  if (!outcome.ok) {
    if (outcome.status === 404) return null;
    const backoff = Math.min(POLL.maxBackoffMs, POLL.intervalMs * 2 ** Math.max(0, failures - 1));
    const delay = Math.round(backoff / 2 + (backoff / 2) * random);
    // Retry-After is a floor; the jitter above it keeps the crowd it was sent to from returning at once.
    return outcome.retryAfterMs === null ? delay : Math.max(delay, outcome.retryAfterMs + Math.round(POLL.intervalMs * random));
  }
  if (outcome.state === "sold_out" || outcome.state === "ended") return null;
  if (outcome.state === "upcoming" && outcome.msUntilOpen > POLL.nearOpeningMs + POLL.intervalMs) {
    return jittered(Math.min(POLL.farIntervalMs, outcome.msUntilOpen - POLL.nearOpeningMs));
  }
  return jittered(POLL.intervalMs);
}

/** Retry-After in milliseconds (delay-seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === "") return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
