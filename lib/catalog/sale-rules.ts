// A product's sale rules, the one TypeScript owner of them: the sale window, the sale state and a line's
// availability, the per-buyer cap, the product facts they read and the Prisma select that reads those
// facts. Pure (no database, no clock of its own), so the server and the browser (countdown against the
// server's clock) decide the same way. Cart, wishlist, catalog, checkout and the ledger's explanations
// call these. Where TypeScript cannot run the window is restated by design: ADMIT in lib/stock/scripts.ts
// (Redis) and the `priced` step of the ledger statement in lib/orders/ledger/ledger.ts (PostgreSQL);
// change them together with salePhase.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SaleState } from "./schemas";

/** A moment: a Date, an ISO string or epoch milliseconds; null = none. */
type When = Date | string | number | null;
const ms = (d: When) => (d === null ? null : new Date(d).getTime());

export type SalePhase = "upcoming" | "open" | "ended";

/**
 * Where a sale window stands at a moment. A sale opens exactly at saleStartsAt and is over exactly at
 * saleEndsAt; ended wins over upcoming (sellers cannot save a window that ends before it starts).
 */
export function salePhase(saleStartsAt: When, saleEndsAt: When, nowMs: number): SalePhase {
  const starts = ms(saleStartsAt);
  const ends = ms(saleEndsAt);
  if (ends !== null && nowMs >= ends) return "ended";
  if (starts !== null && nowMs < starts) return "upcoming";
  return "open";
}

export type SaleWindow = {
  saleStartsAt: When;
  saleEndsAt: When;
  remaining: number;
};

/** Ended wins over everything (an ended drop is "ended", not "sold out"); then upcoming; then stock. */
export function computeSaleState(w: SaleWindow, nowMs: number): SaleState {
  const phase = salePhase(w.saleStartsAt, w.saleEndsAt, nowMs);
  if (phase !== "open") return phase;
  if (w.remaining <= 0) return "sold_out";
  return "open";
}

/** What the sale rules read of a product. */
export type ProductFacts = {
  status: "DRAFT" | "ACTIVE" | "ARCHIVED";
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
  perBuyerLimit: number | null;
  /** Units available in the ledger; null when the product has no inventory row. */
  available: number | null;
};

/** The columns ProductFacts come from; spread it into a larger select and hand the row to factsOf. */
export const productFactsSelect = {
  status: true,
  saleStartsAt: true,
  saleEndsAt: true,
  perBuyerLimit: true,
  inventory: { select: { available: true } },
} as const satisfies Prisma.ProductSelect;

export type ProductFactsRow = {
  status: ProductFacts["status"];
  saleStartsAt: Date | null;
  saleEndsAt: Date | null;
  perBuyerLimit: number | null;
  inventory: { available: number } | null;
};

export const factsOf = (p: ProductFactsRow): ProductFacts => ({
  status: p.status,
  saleStartsAt: p.saleStartsAt,
  saleEndsAt: p.saleEndsAt,
  perBuyerLimit: p.perBuyerLimit,
  available: p.inventory?.available ?? null,
});

export type AvailabilityState = "available" | "sold_out" | "upcoming" | "ended";
export type Availability = { state: AvailabilityState; opensAt: string | null; endsAt: string | null };

/** Whether a product can be put in a cart and bought now: a product not on sale (draft, archived) is ended. */
export function availabilityOf(p: ProductFacts, now: Date): Availability {
  const opensAt = p.saleStartsAt?.toISOString() ?? null;
  const endsAt = p.saleEndsAt?.toISOString() ?? null;
  const at = (state: Availability["state"]): Availability => ({ state, opensAt, endsAt });
  const phase = salePhase(p.saleStartsAt, p.saleEndsAt, now.getTime());
  if (p.status !== "ACTIVE" || phase === "ended") return at("ended");
  if (phase === "upcoming") return at("upcoming");
  if ((p.available ?? 0) <= 0) return at("sold_out");
  return at("available");
}

/** Which bound limits a line: units in stock, the per-buyer limit, or the cart's own maximum. */
export type CapReason = "stock" | "limit" | "max";

/** No shopper needs more than this many of one product in a cart, even of an unlimited one. */
export const MAX_LINE_QUANTITY = 99;

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

/** Whether `quantity` units can be bought now by a buyer who already holds or bought `alreadyBought`. */
export function isPurchasable(p: ProductFacts, quantity: number, alreadyBought: number, now: Date): boolean {
  return availabilityOf(p, now).state === "available" && quantity <= capFor(p, alreadyBought).max;
}

/**
 * A refusal the ledger would certainly give an order line by the window and the stock alone (status and
 * the per-buyer limit are left to the ledger), or null.
 */
export function saleRefusal(p: Pick<ProductFacts, "saleStartsAt" | "saleEndsAt" | "available">, quantity: number, now: Date): "NOT_OPEN" | "ENDED" | "SOLD_OUT" | null {
  const phase = salePhase(p.saleStartsAt, p.saleEndsAt, now.getTime());
  if (phase === "upcoming") return "NOT_OPEN";
  if (phase === "ended") return "ENDED";
  if ((p.available ?? 0) < quantity) return "SOLD_OUT";
  return null;
}
