// The cart's own rules as pure functions (no database, no clock of their own): quantities and totals.
// Availability and caps are the product's sale rules (lib/catalog/sale-rules.ts).
import type { CartLine, CartTotals } from "./schemas";

/** The quantity a line gets when `requested` units are asked for and `current` are already in it. */
export function clampQuantity(requested: number, current: number, max: number): number {
  // Lowering is always allowed (even below a cap that fell); raising stops at the cap.
  if (requested <= current) return requested;
  return Math.max(current, Math.min(requested, max));
}

export function totalsOf(lines: Pick<CartLine, "quantity" | "unitPrice">[]): CartTotals {
  let quantity = 0;
  let amount = 0;
  for (const l of lines) {
    quantity += l.quantity;
    amount += l.quantity * l.unitPrice;
  }
  return { lineCount: lines.length, quantity, amount };
}

export function selectedTotalsOf(lines: CartLine[]): CartTotals {
  return totalsOf(lines.filter((l) => l.selected && l.purchasable));
}
