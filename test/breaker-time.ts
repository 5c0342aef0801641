// A circuit breaker that stays open until the test says so. opossum arms its reset with setTimeout: the
// test fakes setTimeout (every other timer still runs as time passes, shouldAdvanceTime) and gives the
// breaker a reset far longer than any test, so it cannot half-open on its own however slow the machine;
// `endOpenPeriod()` then makes the reset due at once. Call `realTimers()` in afterEach.
import { vi } from "vitest";

export const HELD_OPEN_MS = 10 * 60_000;

export function holdBreakerOpenUntilTold(): void {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"], shouldAdvanceTime: true });
}

export function endOpenPeriod(): void {
  vi.advanceTimersByTime(HELD_OPEN_MS);
}

export function realTimers(): void {
  vi.useRealTimers();
}
