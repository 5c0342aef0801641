import { describe, expect, it } from "vitest";
import { availabilityOf, capFor, clampQuantity, selectedTotalsOf, totalsOf, type ProductFacts } from "./rules";
import { MAX_LINE_QUANTITY, type CartLine } from "./schemas";

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

describe("clampQuantity", () => {
  it("raises up to the cap only", () => {
    expect(clampQuantity(7, 2, 5)).toBe(5);
    expect(clampQuantity(4, 2, 5)).toBe(4);
  });
  it("always allows lowering, even below a fallen cap", () => {
    expect(clampQuantity(3, 6, 0)).toBe(3);
  });
  it("keeps the current quantity when the cap fell below it and more is asked", () => {
    expect(clampQuantity(8, 6, 2)).toBe(6);
  });
});

describe("totals", () => {
  const line = (p: Partial<CartLine>): CartLine => ({
    id: "l",
    productId: "p",
    name: "n",
    image: null,
    unitPrice: 1000,
    quantity: 1,
    selected: true,
    lineTotal: 1000,
    availability: { state: "available", opensAt: null, endsAt: null },
    maxQuantity: 10,
    capReason: "stock",
    purchasable: true,
    ...p,
  });
  const lines = [
    line({ unitPrice: 12_900, quantity: 2 }),
    line({ unitPrice: 5_000, quantity: 1, selected: false }),
    line({ unitPrice: 99_000, quantity: 1, purchasable: false }),
  ];
  it("sums every line in integer won", () => {
    expect(totalsOf(lines)).toEqual({ lineCount: 3, quantity: 4, amount: 129_800 });
  });
  it("counts only selected, purchasable lines as the selection", () => {
    expect(selectedTotalsOf(lines)).toEqual({ lineCount: 1, quantity: 2, amount: 25_800 });
  });
});
