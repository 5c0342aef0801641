import { describe, expect, it } from "vitest";
import { nextPollDelay, parseRetryAfter, POLL, type PollOutcome } from "./poll";

const onSale: PollOutcome = { ok: true, state: "on_sale", msUntilOpen: 0 };
const upcoming = (msUntilOpen: number): PollOutcome => ({ ok: true, state: "upcoming", msUntilOpen });
const failed = (status: number | null, retryAfterMs: number | null = null): PollOutcome => ({ ok: false, status, retryAfterMs });

describe("nextPollDelay", () => {
  it("polls about every 2 s, spread ±25 % by the random draw", () => {
    expect(nextPollDelay(onSale, 0, 0)).toBe(1500);
    expect(nextPollDelay(onSale, 0, 0.5)).toBe(2000);
    expect(nextPollDelay(onSale, 0, 0.9999)).toBe(2500);
  });

  it("spreads a crowd loaded at the same moment over the whole window", () => {
    const delays = Array.from({ length: 1000 }, (_, i) => nextPollDelay(onSale, 0, i / 1000)!);
    expect(Math.min(...delays)).toBe(1500);
    expect(Math.max(...delays)).toBeGreaterThan(2490);
    expect(new Set(delays).size).toBeGreaterThan(900);
  });

  it("stops once the answer says sold out or ended", () => {
    expect(nextPollDelay({ ok: true, state: "sold_out", msUntilOpen: 0 }, 0, 0.5)).toBeNull();
    expect(nextPollDelay({ ok: true, state: "ended", msUntilOpen: 0 }, 0, 0.5)).toBeNull();
  });

  it("stops when the product is gone (404)", () => {
    expect(nextPollDelay(failed(404), 1, 0.5)).toBeNull();
  });

  it("polls slower while the opening is far, never past the minute before it", () => {
    expect(nextPollDelay(upcoming(3_600_000), 0, 0.5)).toBe(POLL.farIntervalMs);
    expect(nextPollDelay(upcoming(3_600_000), 0, 0)).toBe(7_500);
    // 65 s away: next poll in 5 s (± jitter), landing about a minute before the opening
    expect(nextPollDelay(upcoming(65_000), 0, 0.5)).toBe(5_000);
    // inside the last minute (and just outside it): the normal interval — the countdown itself is local
    expect(nextPollDelay(upcoming(61_000), 0, 0.5)).toBe(2_000);
    expect(nextPollDelay(upcoming(30_000), 0, 0.5)).toBe(2_000);
    expect(nextPollDelay(upcoming(500), 0, 0.5)).toBe(2_000);
  });

  it("backs off exponentially after failures, up to a minute, the upper half at random", () => {
    const mid = (failures: number) => nextPollDelay(failed(503), failures, 0.5)!;
    expect([1, 2, 3, 4, 5].map((f) => nextPollDelay(failed(503), f, 0))).toEqual([1000, 2000, 4000, 8000, 16000]);
    [1, 2, 3, 4, 5].forEach((f) => {
      const top = nextPollDelay(failed(503), f, 0.9999)!;
      expect(top).toBeLessThanOrEqual(2000 * 2 ** (f - 1));
      expect(top).toBeGreaterThan(1990 * 2 ** (f - 1));
    });
    expect(mid(1)).toBeLessThan(mid(2));
    expect(nextPollDelay(failed(null), 20, 0.9999)).toBeLessThanOrEqual(POLL.maxBackoffMs);
    expect(nextPollDelay(failed(null), 20, 0)).toBe(POLL.maxBackoffMs / 2);
  });

  it("never comes back before Retry-After, and spreads the crowd behind it", () => {
    expect(nextPollDelay(failed(429, 30_000), 1, 0)).toBe(30_000);
    expect(nextPollDelay(failed(429, 30_000), 1, 0.5)).toBe(31_000);
    // a Retry-After shorter than the back-off does not shorten it
    expect(nextPollDelay(failed(503, 1_000), 5, 0)).toBe(16_000);
  });

  it("forgets the back-off after a success", () => {
    expect(nextPollDelay(onSale, 0, 0.5)).toBe(2000);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-29T12:00:00Z");
  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfter("5", now)).toBe(5000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Sun, 29 Nov 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 11:00:00 GMT", now)).toBe(0);
  });
  it("is null when absent or unreadable", () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("", now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});
