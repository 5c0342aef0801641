"use client";
// A normal product's add-to-cart and buy-now; with options, the size is chosen first (docs/variants.md);
// an opening alert before its sale, restock alerts for what is sold out (docs/alerts.md).
// The page is cached for every viewer, so the units per size are the cached page's (the cart and the
// order re-check them on the server).
import Link from "next/link";
import { useState } from "react";
import { AlertToggle } from "@/components/alerts/alert-toggle";
import { RestockAlerts } from "@/components/alerts/restock-alerts";
import { AddToCartButton } from "@/components/cart/add-to-cart-button";
import type { ProductView } from "@/lib/catalog/types";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import { axisName, VariantPicker } from "./variant-picker";

type Props = { product: ProductView; t: Messages["shop"]; cartT: Messages["cart"]; alertsT: Messages["alerts"] };

export function ProductActions({ product, t, cartT, alertsT }: Props) {
  const [variantId, setVariantId] = useState<string | null>(null);
  const hasOptions = product.variants.length > 0;
  const open = product.state === "open";
  const needsSize = hasOptions && !variantId;
  const buyHref = `/checkout?source=buy-now&productId=${product.id}${variantId ? `&variantId=${variantId}` : ""}&quantity=1`;
  return (
    <div className="space-y-3">
      {hasOptions && (
        <VariantPicker options={product.options} variants={product.variants} units={{}} value={variantId} onChange={setVariantId} disabled={!open} t={t} />
      )}
      <RestockAlerts productId={product.id} variants={product.variants} units={{}} state={product.state} t={alertsT} />
      {product.state === "upcoming" && (
        <AlertToggle productId={product.id} kind="OPENING" variantId={null} labels={{ ask: alertsT.openingAsk, on: alertsT.openingOn, cancel: alertsT.openingCancel }} t={alertsT} />
      )}
      <AddToCartButton productId={product.id} variantId={variantId} disabled={!open || needsSize} t={cartT} />
      {open &&
        (needsSize ? (
          <p className="rounded-lg bg-neutral-100 px-4 py-2 text-center text-sm text-neutral-600" data-testid="choose-option-note">
            {fill(t.chooseOptionFirst, { axis: axisName(product.options) })}
          </p>
        ) : (
          <Link href={buyHref} className="block rounded-lg bg-neutral-900 px-4 py-2 text-center font-semibold text-white hover:bg-neutral-700">
            {t.buyNow}
          </Link>
        ))}
    </div>
  );
}
