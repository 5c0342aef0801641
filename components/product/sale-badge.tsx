// Badges of a product's type and sale state, shared by cards and the product page.
import { Badge } from "@/components/ui/badge";
import type { SaleState } from "@/lib/catalog/schemas";
import type { ProductView } from "@/lib/catalog/types";
import type { Messages } from "@/lib/i18n/messages";

const stateStyle: Record<SaleState, string> = {
  open: "bg-emerald-700 text-white",
  upcoming: "bg-amber-400 text-neutral-900",
  sold_out: "bg-neutral-800 text-white",
  ended: "bg-neutral-600 text-white",
};

export function stateLabel(state: SaleState, t: Messages["shop"]): string {
  return { open: t.badgeOpen, upcoming: t.badgeUpcoming, sold_out: t.badgeSoldOut, ended: t.badgeEnded }[state];
}

export function SaleBadges({ product, state, t }: { product: Pick<ProductView, "type">; state: SaleState; t: Messages["shop"] }) {
  const limited = product.type === "LIMITED";
  // A normal product on sale needs no badge; everything else says what it is.
  const showState = state !== "open" || limited;
  return (
    <span className="flex flex-wrap gap-1">
      {limited && (
        <Badge className="bg-brand-500 text-xs font-bold text-white" data-testid="badge-limited">
          {t.badgeLimited}
        </Badge>
      )}
      {showState && (
        <Badge className={`text-xs font-bold ${stateStyle[state]}`} data-testid={`badge-${state}`}>
          {stateLabel(state, t)}
        </Badge>
      )}
    </span>
  );
}
