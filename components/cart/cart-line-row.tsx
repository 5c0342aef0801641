"use client";

import Image from "next/image";
import Link from "next/link";
import type { CartLine } from "@/lib/cart/schemas";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { AvailabilityBadge } from "./availability-badge";
import { QuantityStepper } from "./quantity-stepper";

type Props = {
  line: CartLine;
  t: Messages["cart"];
  locale: Locale;
  onQuantity: (quantity: number) => void;
  onSelect: (selected: boolean) => void;
  onRemove: () => void;
};

export function CartLineRow({ line, t, locale, onQuantity, onSelect, onRemove }: Props) {
  return (
    <li data-testid="cart-line" data-product-id={line.productId} data-variant-id={line.variantId} className="flex gap-4 border-b border-neutral-200 py-4">
      <input
        type="checkbox"
        className="mt-1 h-5 w-5"
        aria-label={`${t.select}: ${line.name}${line.variant.label ? ` (${line.variant.label})` : ""}`}
        checked={line.selected}
        onChange={(e) => onSelect(e.target.checked)}
      />
      <Image src={line.image ?? "/products/placeholder.svg"} alt="" width={80} height={80} className="h-20 w-20 rounded bg-neutral-100 object-cover" />
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex items-start justify-between gap-2">
          <Link href={`/products/${line.productId}`} className="font-medium hover:underline">
            {line.name}
          </Link>
          <button type="button" onClick={onRemove} className="text-sm text-neutral-500 hover:text-neutral-900">
            {t.remove}
          </button>
        </div>
        {line.variant.label && (
          <p className="text-sm text-neutral-700" data-testid="cart-line-variant">
            {t.variantLabel}: {line.variant.label}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-2 text-sm text-neutral-600">
          <AvailabilityBadge availability={line.availability} t={t} locale={locale} />
          <span>
            {formatPrice(line.unitPrice)} {t.unitPrice}
          </span>
        </div>
        {line.quantity > line.maxQuantity && line.maxQuantity > 0 && (
          <p className="text-xs text-amber-700">{fill(t.onlyN, { n: line.maxQuantity })}</p>
        )}
        <div className="flex items-center justify-between">
          <QuantityStepper quantity={line.quantity} max={Math.max(line.maxQuantity, line.quantity)} capReason={line.capReason} onChange={onQuantity} t={t} />
          <span data-testid="line-total" className="font-semibold tabular-nums">
            {formatPrice(line.lineTotal)}
          </span>
        </div>
      </div>
    </li>
  );
}
