"use client";

import Image from "next/image";
import Link from "next/link";
import { useOptimistic, useState, useTransition } from "react";
import { AvailabilityBadge } from "@/components/cart/availability-badge";
import { errorText } from "@/components/ui/error-text";
import type { Locale } from "@/lib/i18n/config";
import { formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import { moveToCartAction, setWishlistedAction } from "@/lib/wishlist/actions";
import type { WishlistItem } from "@/lib/wishlist/schemas";
import { MoveToCart } from "./move-to-cart";

export function WishlistView({ items, t, locale }: { items: WishlistItem[]; t: Messages["cart"]; locale: Locale }) {
  const [shown, hide] = useOptimistic(items, (list, productId: string) => list.filter((i) => i.productId !== productId));
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function run(productId: string, action: () => Promise<{ ok: boolean; error?: { code: string } }>, okText: string | null) {
    setMessage(null);
    startTransition(async () => {
      hide(productId);
      const res = await action();
      if (!res.ok) setMessage({ text: errorText(res.error?.code ?? "", t), ok: false });
      else if (okText) setMessage({ text: okText, ok: true });
    });
  }

  return (
    <div data-testid="wishlist" aria-busy={pending}>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`mb-4 rounded p-3 text-sm ${message.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
          {message.text}{" "}
          {message.ok && (
            <Link href="/cart" className="underline">
              {t.viewCart}
            </Link>
          )}
        </p>
      )}
      {shown.length === 0 && <p className="py-16 text-center text-neutral-600">{t.wishlistEmpty}</p>}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {shown.map((item) => (
          <li key={item.productId} data-testid="wishlist-item" data-product-id={item.productId} className="flex flex-col gap-3 rounded-lg border border-neutral-200 p-4">
            <Link href={`/products/${item.productId}`} className="flex gap-3">
              <Image src={item.image ?? "/products/placeholder.svg"} alt="" width={80} height={80} className="h-20 w-20 rounded bg-neutral-100 object-cover" />
              <div className="min-w-0">
                <p className="font-medium">{item.name}</p>
                <p className="tabular-nums">{formatPrice(item.price)}</p>
                <AvailabilityBadge availability={item.availability} t={t} locale={locale} />
              </div>
            </Link>
            <div className="mt-auto flex gap-2 text-sm">
              <MoveToCart
                item={item}
                disabled={item.availability.state === "sold_out" || item.availability.state === "ended"}
                onMove={(variantId) => run(item.productId, () => moveToCartAction({ productId: item.productId, variantId }), t.addedToCart)}
                t={t}
              />
              {/* Buying straight from the wishlist needs a size for a product with options: its page asks it. */}
              <Link
                href={item.variants.length ? `/products/${item.productId}` : `/checkout?source=wishlist&productId=${item.productId}`}
                data-testid="wishlist-buy"
                className="flex-1 self-end rounded bg-neutral-900 px-3 py-2 text-center font-semibold text-white"
              >
                {t.buyNow}
              </Link>
              <button
                type="button"
                aria-label={t.wishlistRemove}
                onClick={() => run(item.productId, () => setWishlistedAction({ productId: item.productId }, false), null)}
                className="rounded border border-neutral-300 px-3 py-2"
              >
                {t.remove}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
