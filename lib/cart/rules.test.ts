import { describe, expect, it } from "vitest";
import { clampQuantity, selectedTotalsOf, totalsOf } from "./rules";
import type { CartLine } from "./schemas";

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
    variantId: "v",
    variant: { id: "v", label: null, sku: null },
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
