import Link from "next/link";
import type { CartTotals } from "@/lib/cart/schemas";
import { fill } from "@/lib/i18n/fill";
import { formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";

export function CartSummary({ totals, selected, t }: { totals: CartTotals; selected: CartTotals; t: Messages["cart"] }) {
  return (
    <aside className="h-fit rounded-lg border border-neutral-200 p-5">
      <dl className="space-y-2 text-sm">
        <div className="flex justify-between text-neutral-600">
          <dt>{t.totalAll}</dt>
          <dd data-testid="total-all" className="tabular-nums">
            {formatPrice(totals.amount)}
          </dd>
        </div>
        <div className="flex justify-between text-base font-semibold">
          <dt>
            {t.totalSelected} <span className="text-sm font-normal text-neutral-500">({fill(t.selectedCount, { n: selected.lineCount })})</span>
          </dt>
          <dd data-testid="total-selected" className="tabular-nums">
            {formatPrice(selected.amount)}
          </dd>
        </div>
      </dl>
      {selected.lineCount > 0 ? (
        <Link
          href="/checkout?source=cart"
          className="mt-5 block rounded-lg bg-neutral-900 py-3 text-center font-semibold text-white hover:bg-neutral-700"
        >
          {t.checkoutSelected}
        </Link>
      ) : (
        <span aria-disabled="true" className="mt-5 block cursor-not-allowed rounded-lg bg-neutral-300 py-3 text-center font-semibold text-white">
          {t.checkoutSelected}
        </span>
      )}
    </aside>
  );
}
