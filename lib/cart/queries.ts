import "server-only";
// Reads of the cart. Prices, availability and caps are the server's own, looked up at read time.
import { db } from "@/lib/db";
import { selectedTotalsOf, totalsOf } from "./rules";
import type { CartLine, CartView, MergeNotice } from "./schemas";
import { loadLines, ownerWhere } from "./store";
import { userOwner, type CartOwner } from "./owner";

export const emptyCart = (): CartView => ({
  lines: [],
  totals: { lineCount: 0, quantity: 0, amount: 0 },
  selectedTotals: { lineCount: 0, quantity: 0, amount: 0 },
  mergeNotice: null,
});

export function viewOf(lines: CartLine[], mergeNotice: unknown): CartView {
  return { lines, totals: totalsOf(lines), selectedTotals: selectedTotalsOf(lines), mergeNotice: (mergeNotice as MergeNotice | null) ?? null };
}

export async function getCartView(owner: CartOwner | null): Promise<CartView> {
  if (!owner) return emptyCart();
  const cart = await db.cart.findUnique({ where: ownerWhere(owner), select: { id: true, mergeNotice: true } });
  if (!cart) return emptyCart();
  const lines = await loadLines(db, cart.id, owner.kind === "user" ? owner.userId : null);
  return viewOf(lines, cart.mergeNotice);
}

/** A signed-in buyer's selected lines, with live availability and caps: what a cart checkout would order. */
export async function getSelectedCartLines(userId: string): Promise<CartLine[]> {
  const cart = await getCartView(userOwner(userId));
  return cart.lines.filter((l) => l.selected);
}

/** Number of lines, for the header badge (one cheap count, no product look-ups). */
export async function getCartLineCount(owner: CartOwner | null): Promise<number> {
  if (!owner) return 0;
  return db.cartItem.count({ where: { cart: ownerWhere(owner) } });
}
