import { describe, expect, it } from "vitest";
import { betterSample, sampleOffset, sampleOffsetAged, serverNow } from "./server-clock";

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

describe("answers served from a shared cache (Age)", () => {
  it("moves the sample forward by the copy's age and widens its window by a second", () => {
    // The copy was made at server time 3_600_000 + 1100 and kept by a CDN for 2.0–2.999 s.
    const s = sampleOffsetAged(1000, 1200, 3_600_000 + 1100 - 2_400, "2");
    expect(s).toEqual({ offsetMs: 3_600_000 - 400 + 500, rttMs: 1200 });
    // The true offset (3_600_000) lies inside the window.
    expect(Math.abs(s.offsetMs - 3_600_000)).toBeLessThanOrEqual(s.rttMs / 2);
  });

  it("is the plain sample without an Age, or with an unreadable one", () => {
    expect(sampleOffsetAged(1000, 1200, 5000, null)).toEqual(sampleOffset(1000, 1200, 5000));
    expect(sampleOffsetAged(1000, 1200, 5000, "soon")).toEqual(sampleOffset(1000, 1200, 5000));
    expect(sampleOffsetAged(1000, 1200, 5000, "-3")).toEqual(sampleOffset(1000, 1200, 5000));
  });

  it("an answer straight from the server beats a cached one of the same round trip", () => {
    const direct = sampleOffsetAged(0, 100, 50, null);
    const cached = sampleOffsetAged(0, 100, 50, "0");
    expect(betterSample(cached, direct)).toBe(direct);
    expect(betterSample(direct, cached)).toBe(direct);
  });
});
