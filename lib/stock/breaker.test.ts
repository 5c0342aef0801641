// The stock gate's breaker (lib/stock/breaker.ts): when it opens, what it refuses while open, the one
// trial call of half-open, and the timeout. Time is faked; nothing here waits.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Breaker, BreakerOpenError, CallTimeout } from "./breaker";

const ok = () => Promise.resolve("ok");
const boom = () => Promise.reject(new Error("boom"));
type Call = () => Promise<string>;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function breaker(opts = {}) {
  const b = new Breaker((call: Call) => call(), { errorThresholdPercentage: 20, volumeThreshold: 5, resetTimeout: 2000, rollingCountTimeout: 5000, ...opts });
  const events: string[] = [];
  b.on("open", () => events.push("open")).on("close", () => events.push("close"));
  return { b, events };
}

describe("Breaker", () => {
  it("stays closed below the volume threshold, opens once more than the share of calls failed", async () => {
    const { b, events } = breaker();
    for (let i = 0; i < 3; i++) await b.fire(ok);
    await expect(b.fire(boom)).rejects.toThrow("boom"); // 1 of 4: under the volume of 5
    expect(b.closed).toBe(true);
    await b.fire(ok);
    await expect(b.fire(boom)).rejects.toThrow("boom"); // 2 of 6 = 33 % > 20 %
    expect(b.closed).toBe(false);
    expect(events).toEqual(["open"]);
    await expect(b.fire(ok)).rejects.toBeInstanceOf(BreakerOpenError);
  });

  it("forgets failures older than the window", async () => {
    const { b } = breaker({ volumeThreshold: 1 });
    for (let i = 0; i < 20; i++) await b.fire(ok);
    await expect(b.fire(boom)).rejects.toThrow(); // 1 of 21: under 20 %
    vi.advanceTimersByTime(5_000); // the window has moved past all of them
    await expect(b.fire(boom)).rejects.toThrow(); // 1 of 1
    expect(b.closed).toBe(false);
  });

  it("half-opens after the reset: one trial call; its success closes, its failure opens again", async () => {
    const { b, events } = breaker();
    b.open();
    vi.advanceTimersByTime(1999);
    await expect(b.fire(ok)).rejects.toBeInstanceOf(BreakerOpenError);
    vi.advanceTimersByTime(1);
    let release!: () => void;
    const trial = b.fire(() => new Promise<string>((r) => (release = () => r("ok"))));
    await expect(b.fire(ok)).rejects.toBeInstanceOf(BreakerOpenError); // only the trial passes
    release();
    await expect(trial).resolves.toBe("ok");
    expect(b.closed).toBe(true);
    b.open();
    vi.advanceTimersByTime(2000);
    await expect(b.fire(boom)).rejects.toThrow("boom");
    expect(b.closed).toBe(false);
    await expect(b.fire(ok)).rejects.toBeInstanceOf(BreakerOpenError);
    expect(events).toEqual(["open", "close", "open", "open"]);
  });

  it("counts a call past its timeout as failed, when it has one", async () => {
    const { b } = breaker({ timeout: 100, volumeThreshold: 1 });
    const slow = b.fire(() => new Promise<string>(() => {}));
    vi.advanceTimersByTime(100);
    await expect(slow).rejects.toBeInstanceOf(CallTimeout);
    expect(b.closed).toBe(false);
  });

  it("counts a call that throws before returning a promise as failed", async () => {
    const { b } = breaker({ volumeThreshold: 1 });
    await expect(b.fire(() => { throw new Error("sync"); })).rejects.toThrow("sync");
    expect(b.closed).toBe(false);
  });
});
