import { describe, expect, it } from "vitest";
import { availabilityOf, capFor, computeSaleState, isPurchasable, MAX_LINE_QUANTITY, salePhase, saleRefusal, type ProductFacts } from "./sale-rules";

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

describe("salePhase", () => {
  it("opens exactly at the start and is over exactly at the end", () => {
    expect(salePhase(starts, ends, at(starts) - 1)).toBe("upcoming");
    expect(salePhase(new Date(starts), new Date(ends), at(starts))).toBe("open");
    expect(salePhase(starts, ends, at(ends))).toBe("ended");
    expect(salePhase(null, null, 0)).toBe("open");
  });
});

const now = new Date("2026-11-22T03:00:00Z");
const facts = (p: Partial<ProductFacts> = {}): ProductFacts => ({
  status: "ACTIVE",
  saleStartsAt: null,
  saleEndsAt: null,
  perBuyerLimit: null,
  available: 50,
  ...p,
});

describe("availabilityOf", () => {
  it("is available when on sale with stock", () => {
    expect(availabilityOf(facts(), now).state).toBe("available");
  });
  it("is upcoming before the opening, with the opening time", () => {
    const a = availabilityOf(facts({ saleStartsAt: new Date("2026-11-22T04:00:00Z") }), now);
    expect(a).toEqual({ state: "upcoming", opensAt: "2026-11-22T04:00:00.000Z", endsAt: null });
  });
  it("is sold out with no units and when the inventory is missing", () => {
    expect(availabilityOf(facts({ available: 0 }), now).state).toBe("sold_out");
    expect(availabilityOf(facts({ available: null }), now).state).toBe("sold_out");
  });
  it("is ended after the sale's end and when archived, even with stock", () => {
    expect(availabilityOf(facts({ saleEndsAt: now }), now).state).toBe("ended");
    expect(availabilityOf(facts({ status: "ARCHIVED" }), now).state).toBe("ended");
  });
  it("opens exactly at saleStartsAt", () => {
    expect(availabilityOf(facts({ saleStartsAt: now }), now).state).toBe("available");
  });
});

describe("capFor", () => {
  it("is the stock when stock is the smallest bound", () => {
    expect(capFor(facts({ available: 3, perBuyerLimit: 5 }))).toEqual({ max: 3, reason: "stock" });
  });
  it("subtracts what the buyer already holds or bought from the per-buyer limit", () => {
    expect(capFor(facts({ available: 100, perBuyerLimit: 5 }), 2)).toEqual({ max: 3, reason: "limit" });
    expect(capFor(facts({ available: 100, perBuyerLimit: 2 }), 5)).toEqual({ max: 0, reason: "limit" });
  });
  it("reports the limit when limit and stock tie", () => {
    expect(capFor(facts({ available: 2, perBuyerLimit: 2 }))).toEqual({ max: 2, reason: "limit" });
  });
  it("falls back to the cart maximum for plentiful, unlimited products", () => {
    expect(capFor(facts({ available: 10_000 }))).toEqual({ max: MAX_LINE_QUANTITY, reason: "max" });
  });
  it("never goes negative", () => {
    expect(capFor(facts({ available: -4 })).max).toBe(0);
  });
});

describe("isPurchasable", () => {
  it("needs the sale open and the quantity within the cap", () => {
    expect(isPurchasable(facts({ available: 3, perBuyerLimit: 2 }), 2, 0, now)).toBe(true);
    expect(isPurchasable(facts({ available: 3, perBuyerLimit: 2 }), 1, 2, now)).toBe(false);
    expect(isPurchasable(facts({ saleEndsAt: now }), 1, 0, now)).toBe(false);
  });
});

describe("saleRefusal", () => {
  it("refuses by the window first, then by the stock", () => {
    expect(saleRefusal(facts({ saleStartsAt: new Date(now.getTime() + 1) }), 1, now)).toBe("NOT_OPEN");
    expect(saleRefusal(facts({ saleEndsAt: now, available: 0 }), 1, now)).toBe("ENDED");
    expect(saleRefusal(facts({ available: 1 }), 2, now)).toBe("SOLD_OUT");
    expect(saleRefusal(facts({ available: 2 }), 2, now)).toBeNull();
  });
});
