"use client";

import Link from "next/link";
import { useOptimistic, useState, useTransition } from "react";
import { dismissMergeNoticeAction, removeCartItemAction, selectAllAction, updateCartItemAction } from "@/lib/cart/actions";
import { applyCartChange, type CartChange } from "@/lib/cart/optimistic";
import type { CartView as Cart } from "@/lib/cart/schemas";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";
import { CartLineRow } from "./cart-line-row";
import { CartSummary } from "./cart-summary";
import { errorText } from "@/components/ui/error-text";
import { MergeNotice } from "./merge-notice";

type Result = { ok: true } | { ok: false; error: { code: string } };

/** The cart page's body: optimistic on every change, then replaced by the server's view (refresh()). */
export function CartView({ cart, t, locale }: { cart: Cart; t: Messages["cart"]; locale: Locale }) {
  const [view, apply] = useOptimistic(cart, applyCartChange);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function change(c: CartChange, run: () => Promise<Result>) {
    setError(null);
    startTransition(async () => {
      apply(c);
      const res = await run();
      if (!res.ok) setError(errorText(res.error.code, t));
    });
  }

  if (view.lines.length === 0 && !view.mergeNotice) {
    return (
      <div data-testid="cart" aria-busy={pending} className="py-16 text-center text-neutral-600">
        <p>{t.cartEmpty}</p>
        <Link href="/" className="mt-4 inline-block underline">
          {t.continueShopping}
        </Link>
      </div>
    );
  }

  const allSelected = view.lines.length > 0 && view.lines.every((l) => l.selected);
  // aria-busy until the server's own view has replaced the optimistic one (journeys wait on it too).
  return (
    <div data-testid="cart" aria-busy={pending}>
      {view.mergeNotice && (
        <MergeNotice notice={view.mergeNotice} t={t} onDismiss={() => change({ type: "dismissNotice" }, dismissMergeNoticeAction)} />
      )}
      {error && (
        <p role="alert" className="mb-4 rounded bg-red-50 p-3 text-sm text-red-700">
          {error}
        </p>
      )}
      <div className="grid gap-8 md:grid-cols-[1fr_320px]">
        <section>
          <label className="flex items-center gap-2 border-b border-neutral-200 pb-3 text-sm">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={allSelected}
              onChange={(e) => change({ type: "selectAll", selected: e.target.checked }, () => selectAllAction({ selected: e.target.checked }))}
            />
            {t.selectAll}
          </label>
          <ul>
            {view.lines.map((line) => (
              <CartLineRow
                key={line.id}
                line={line}
                t={t}
                locale={locale}
                onQuantity={(quantity) => change({ type: "quantity", id: line.id, quantity }, () => updateCartItemAction(line.id, { quantity }))}
                onSelect={(selected) => change({ type: "select", id: line.id, selected }, () => updateCartItemAction(line.id, { selected }))}
                onRemove={() => change({ type: "remove", id: line.id }, () => removeCartItemAction(line.id))}
              />
            ))}
          </ul>
        </section>
        <CartSummary totals={view.totals} selected={view.selectedTotals} t={t} />
      </div>
    </div>
  );
}
