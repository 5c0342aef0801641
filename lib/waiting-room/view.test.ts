// The honest figures a waiting buyer sees, from a reading of the room script.
import { describe, expect, it } from "vitest";
import { fingerprint, viewOf, type RoomReading } from "./view";

const base: RoomReading = { state: "waiting", rank: 41, queued: 100, admitted: 30, available: 12, passId: "", passExpiresMs: 0, startsMs: 1_000_000, rate: 4, windowMs: 900_000 };

describe("viewOf", () => {
  it("counts the people still ahead (not those already let through) and the wait at the rate", () => {
    const v = viewOf(base, 2_000_000, null);
    expect(v).toMatchObject({ state: "waiting", position: 42, ahead: 11, waiting: 70, available: 12, rate: 4, estimateSeconds: 3, pass: null });
    expect(v.entryOpensAt).toBe(new Date(100_000).toISOString());
  });

  it("shows a pass only when admitted, and no place before the draw", () => {
    expect(viewOf({ ...base, state: "admitted", rank: 3, passId: "abc", passExpiresMs: 5_000_000 }, 2_000_000, "token")).toMatchObject({ ahead: 0, pass: "token", estimateSeconds: null });
    expect(viewOf({ ...base, state: "waiting" }, 2_000_000, "token").pass).toBeNull();
    expect(viewOf({ ...base, state: "prequeue", rank: -1, admitted: 0 }, 900_000, null)).toMatchObject({ position: null, ahead: null, waiting: 100 });
  });

  it("a fingerprint changes with the place and the state, not with the clock", () => {
    const a = viewOf(base, 2_000_000, null);
    expect(fingerprint(viewOf(base, 2_000_500, null))).toBe(fingerprint(a));
    expect(fingerprint(viewOf({ ...base, admitted: 31 }, 2_000_000, null))).not.toBe(fingerprint(a)); // 11 → 10 ahead
    // Far back, a step of the line is not news: 300 → 299 ahead keeps the fingerprint, 301 → 300 changes it.
    const far = { ...base, rank: 330, admitted: 30 };
    expect(fingerprint(viewOf({ ...far, admitted: 31 }, 2_000_000, null))).toBe(fingerprint(viewOf(far, 2_000_000, null)));
    expect(fingerprint(viewOf({ ...far, admitted: 29 }, 2_000_000, null))).not.toBe(fingerprint(viewOf(far, 2_000_000, null)));
    expect(fingerprint(viewOf({ ...base, state: "sold_out" }, 2_000_000, null))).not.toBe(fingerprint(a));
  });
});
