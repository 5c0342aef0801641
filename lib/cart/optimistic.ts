// The cart page's optimistic updates: what the cart will most likely look like once the server has
// answered. The server's own view replaces it when the action's refresh arrives.
import { selectedTotalsOf, totalsOf } from "./rules";
import type { CartLine, CartView } from "./schemas";

export type CartChange =
  | { type: "quantity"; id: string; quantity: number }
  | { type: "select"; id: string; selected: boolean }
  | { type: "selectAll"; selected: boolean }
  | { type: "remove"; id: string }
  | { type: "dismissNotice" };

function withLine(line: CartLine, patch: Partial<CartLine>): CartLine {
  const next = { ...line, ...patch };
  next.lineTotal = next.quantity * next.unitPrice;
  next.purchasable = next.availability.state === "available" && next.quantity <= next.maxQuantity;
  return next;
}

export function applyCartChange(cart: CartView, change: CartChange): CartView {
  let lines = cart.lines;
  let mergeNotice = cart.mergeNotice;
  switch (change.type) {
    case "quantity":
      lines = lines.map((l) => {
        if (l.id !== change.id) return l;
        const quantity = change.quantity <= l.quantity ? change.quantity : Math.max(l.quantity, Math.min(change.quantity, l.maxQuantity));
        return withLine(l, { quantity: Math.max(1, quantity) });
      });
      break;
    case "select":
      lines = lines.map((l) => (l.id === change.id ? withLine(l, { selected: change.selected }) : l));
      break;
    case "selectAll":
      lines = lines.map((l) => withLine(l, { selected: change.selected }));
      break;
    case "remove":
      lines = lines.filter((l) => l.id !== change.id);
      break;
    case "dismissNotice":
      mergeNotice = null;
      break;
  }
  return { lines, totals: totalsOf(lines), selectedTotals: selectedTotalsOf(lines), mergeNotice };
}
