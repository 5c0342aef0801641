import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  it("stays within [0, min(max, base·2^(n-1))] for every retry and random draw", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (retry, r) => {
        const delay = backoffDelay(retry, { baseMs: 100, maxMs: 2_000, random: () => r });
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(2_000, 100 * 2 ** (retry - 1)));
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });

  it("grows exponentially until the cap (highest draw)", () => {
    const top = { baseMs: 100, maxMs: 1_000, random: () => 0.999999 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, top))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });

  it("is jittered: different draws give different waits, the lowest draw waits nothing", () => {
    const opts = { baseMs: 400, maxMs: 5_000 };
    expect(backoffDelay(3, { ...opts, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...opts, random: () => 0.25 })).toBe(400);
    expect(backoffDelay(3, { ...opts, random: () => 0.5 })).toBe(800);
  });

  it("does not wait before the first attempt", () => {
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1_000, random: () => 0.9 })).toBe(0);
  });
});
