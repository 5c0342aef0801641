"use client";
// Restock alerts (재입고 알림) on the product page: one button per sold-out size of a product with options, or
// one for a product without options that is sold out. Shown only while the sale is on (before it, the
// opening alert; after it, nothing to wait for). Units are the caller's (the drop panel's poll, or the
// cached page's figures).
import type { SaleState } from "@/lib/catalog/schemas";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import type { VariantView } from "@/lib/variants/types";
import { AlertToggle } from "./alert-toggle";

type Props = { productId: string; variants: VariantView[]; units: Record<string, number>; state: SaleState; t: Messages["alerts"] };

export function RestockAlerts({ productId, variants, units, state, t }: Props) {
  if (state !== "open" && state !== "sold_out") return null;
  if (!variants.length) {
    if (state !== "sold_out") return null;
    return <AlertToggle productId={productId} kind="RESTOCK" variantId={null} labels={{ ask: t.restockAsk, on: t.restockOn, cancel: t.restockCancel }} t={t} />;
  }
  const soldOut = variants.filter((v) => (units[v.id] ?? v.available) <= 0);
  if (!soldOut.length) return null;
  return (
    <section aria-labelledby={`restock-${productId}`} className="space-y-2" data-testid="restock-alerts">
      <h2 id={`restock-${productId}`} className="text-sm font-semibold">{t.restockTitle}</h2>
      <ul className="grid gap-2 sm:grid-cols-2">
        {soldOut.map((v) => (
          <li key={v.id}>
            <AlertToggle
              productId={productId}
              kind="RESTOCK"
              variantId={v.id}
              labels={{ ask: fill(t.restockAskSize, { size: v.label }), on: fill(t.restockOnSize, { size: v.label }), cancel: fill(t.restockCancelSize, { size: v.label }) }}
              t={t}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
