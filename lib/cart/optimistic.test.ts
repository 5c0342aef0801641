import { describe, expect, it } from "vitest";
import { applyCartChange } from "./optimistic";
import { selectedTotalsOf, totalsOf } from "./rules";
import type { CartLine, CartView } from "./schemas";

const line = (id: string, p: Partial<CartLine> = {}): CartLine => ({
  id,
  productId: `p-${id}`,
  variantId: `v-${id}`,
  variant: { id: `v-${id}`, label: null, sku: null },
  name: id,
  image: null,
  unitPrice: 1_000,
  quantity: 1,
  selected: true,
  lineTotal: 1_000,
  availability: { state: "available", opensAt: null, endsAt: null },
  maxQuantity: 3,
  capReason: "stock",
  purchasable: true,
  ...p,
});
const view = (lines: CartLine[]): CartView => ({ lines, totals: totalsOf(lines), selectedTotals: selectedTotalsOf(lines), mergeNotice: null });

describe("applyCartChange", () => {
  const cart = view([line("a"), line("b", { unitPrice: 2_500, quantity: 2, lineTotal: 5_000 })]);

  it("raises a quantity only up to the line's cap and re-totals", () => {
    const next = applyCartChange(cart, { type: "quantity", id: "a", quantity: 10 });
    expect(next.lines[0]).toMatchObject({ quantity: 3, lineTotal: 3_000 });
    expect(next.totals).toEqual({ lineCount: 2, quantity: 5, amount: 8_000 });
  });

  it("drops deselected lines from the selected total but not from the full total", () => {
    const next = applyCartChange(cart, { type: "select", id: "b", selected: false });
    expect(next.selectedTotals).toEqual({ lineCount: 1, quantity: 1, amount: 1_000 });
    expect(next.totals.amount).toBe(6_000);
    expect(applyCartChange(next, { type: "selectAll", selected: true }).selectedTotals.amount).toBe(6_000);
  });

  it("removes a line", () => {
    const next = applyCartChange(cart, { type: "remove", id: "a" });
    expect(next.lines.map((l) => l.id)).toEqual(["b"]);
    expect(next.totals.amount).toBe(5_000);
  });

  it("never goes below one unit (removing is its own change)", () => {
    expect(applyCartChange(cart, { type: "quantity", id: "a", quantity: 0 }).lines[0].quantity).toBe(1);
  });
});
