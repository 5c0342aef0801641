import { describe, expect, it } from "vitest";
import { computeSaleState, msUntil, splitDuration } from "./state";

const at = (iso: string) => new Date(iso).getTime();
const starts = "2026-01-01T10:00:00.000Z";
const ends = "2026-01-02T10:00:00.000Z";

describe("computeSaleState", () => {
  it("is upcoming before the opening and open at the opening instant", () => {
    expect(computeSaleState({ saleStartsAt: starts, saleEndsAt: ends, remaining: 5 }, at(starts) - 1)).toBe("upcoming");
    expect(computeSaleState({ saleStartsAt: starts, saleEndsAt: ends, remaining: 5 }, at(starts))).toBe("open");
  });

  it("is sold out when no units remain during the sale", () => {
    expect(computeSaleState({ saleStartsAt: starts, saleEndsAt: ends, remaining: 0 }, at(starts) + 1)).toBe("sold_out");
  });

  it("is ended at the end instant, even with units left or none", () => {
    expect(computeSaleState({ saleStartsAt: starts, saleEndsAt: ends, remaining: 3 }, at(ends))).toBe("ended");
    expect(computeSaleState({ saleStartsAt: starts, saleEndsAt: ends, remaining: 0 }, at(ends) + 5)).toBe("ended");
  });

  it("treats missing windows as always open (normal products)", () => {
    expect(computeSaleState({ saleStartsAt: null, saleEndsAt: null, remaining: 1 }, 0)).toBe("open");
    expect(computeSaleState({ saleStartsAt: null, saleEndsAt: null, remaining: 0 }, 0)).toBe("sold_out");
  });
});

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
