import { describe, expect, it } from "vitest";
import { msUntil, splitDuration } from "./state";

const at = (iso: string) => new Date(iso).getTime();
const starts = "2026-01-01T10:00:00.000Z";

describe("countdown helpers", () => {
  it("never counts below zero", () => {
    expect(msUntil(starts, at(starts) + 10)).toBe(0);
    expect(msUntil(null, 0)).toBe(0);
    expect(msUntil(starts, at(starts) - 1500)).toBe(1500);
  });

  it("rounds up to the next whole second and splits into units", () => {
    expect(splitDuration(1)).toMatchObject({ seconds: 1, total: 1 });
    expect(splitDuration(0)).toMatchObject({ seconds: 0, total: 0 });
    expect(splitDuration(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000)).toEqual({ days: 2, hours: 3, minutes: 4, seconds: 5, total: 183845 });
  });
});
