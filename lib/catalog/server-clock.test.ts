import { describe, expect, it } from "vitest";
import { betterSample, sampleOffset, serverNow } from "./server-clock";

describe("server clock offset", () => {
  it("uses the midpoint of the round trip", () => {
    // Client clock 1 hour behind the server: sent at 1000, received at 1200, server read 3_600_000 + 1100.
    const s = sampleOffset(1000, 1200, 3_600_000 + 1100);
    expect(s).toEqual({ offsetMs: 3_600_000, rttMs: 200 });
    expect(serverNow(5000, s)).toBe(3_605_000);
  });

  it("works for a client clock ahead of the server", () => {
    const s = sampleOffset(10_000, 10_040, 4_020);
    expect(s.offsetMs).toBe(-6_000);
    expect(serverNow(10_000, s)).toBe(4_000);
  });

  it("keeps the sample with the shortest round trip", () => {
    const slow = sampleOffset(0, 1000, 900);
    const fast = sampleOffset(0, 10, 505);
    expect(betterSample(null, slow)).toBe(slow);
    expect(betterSample(slow, fast)).toBe(fast);
    expect(betterSample(fast, slow)).toBe(fast);
  });

  it("falls back to the local clock before any sample", () => {
    expect(serverNow(1234, null)).toBe(1234);
  });
});
