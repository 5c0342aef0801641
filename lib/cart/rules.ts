// The cart's rules as pure functions (no database, no clock of their own): availability, caps, totals.
// Queries and services feed them rows; unit tests feed them plain objects.
import { MAX_LINE_QUANTITY, type Availability, type CapReason, type CartLine, type CartTotals } from "./schemas";

export type ProductFacts = {
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
  perBuyerLimit: number | null;
  /** Units available in the ledger; null when the product has no inventory row. */
  available: number | null;
};

export function availabilityOf(p: ProductFacts, now: Date): Availability {
  const opensAt = p.saleStartsAt?.toISOString() ?? null;
  const endsAt = p.saleEndsAt?.toISOString() ?? null;
  const at = (state: Availability["state"]): Availability => ({ state, opensAt, endsAt });
  if (p.status !== "ACTIVE" || (p.saleEndsAt && now >= p.saleEndsAt)) return at("ended");
  if (p.saleStartsAt && now < p.saleStartsAt) return at("upcoming");
  if ((p.available ?? 0) <= 0) return at("sold_out");
  return at("available");
}

/**
 * Most units of a product this shopper may hold in a cart: the smallest of the units in stock, the
 * per-buyer limit less what the buyer already holds or bought (PurchaseCounter), and the cart maximum.
 */
export function capFor(p: ProductFacts, alreadyBought = 0): { max: number; reason: CapReason } {
  const bounds: [number, CapReason][] = [
    [MAX_LINE_QUANTITY, "max"],
    [Math.max(0, p.available ?? 0), "stock"],
  ];
  if (p.perBuyerLimit !== null) bounds.push([Math.max(0, p.perBuyerLimit - alreadyBought), "limit"]);
  // Ties go to the later bound: "limit" explains more to a shopper than "stock" or "max".
  let best = bounds[0];
  for (const b of bounds) if (b[0] <= best[0]) best = b;
  return { max: best[0], reason: best[1] };
}

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
