"use client";
// Moving a wishlisted product to the cart: a product with options asks its size here (the wishlist keeps
// the product, not a size — docs/variants.md); sold-out sizes are listed but cannot be chosen.
import { useState } from "react";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import type { WishlistItem } from "@/lib/wishlist/schemas";

type Props = { item: WishlistItem; disabled: boolean; onMove: (variantId: string | undefined) => void; t: Messages["cart"] };

export function MoveToCart({ item, disabled, onMove, t }: Props) {
  const [variantId, setVariantId] = useState("");
  const needsSize = item.variants.length > 0;
  return (
    <div className="flex flex-1 flex-col gap-2">
      {needsSize && (
        <label className="grid gap-1">
          <span className="sr-only">{t.chooseVariant}</span>
          <select value={variantId} onChange={(e) => setVariantId(e.target.value)} className="rounded border border-neutral-300 px-2 py-2" data-testid="wishlist-variant">
            <option value="">{t.chooseVariant}</option>
            {item.variants.map((v) => (
              <option key={v.id} value={v.id} disabled={v.available <= 0}>
                {v.available <= 0 ? fill(t.variantSoldOut, { label: v.label }) : v.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        disabled={disabled || (needsSize && !variantId)}
        onClick={() => onMove(variantId || undefined)}
        className="rounded border border-neutral-900 px-3 py-2 font-semibold disabled:opacity-40"
        data-testid="wishlist-move"
      >
        {t.moveToCart}
      </button>
    </div>
  );
}
