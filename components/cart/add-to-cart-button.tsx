"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { addToCartAction } from "@/lib/cart/actions";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import { useViewerUpdates } from "@/components/providers/viewer";
import { errorText } from "@/components/ui/error-text";

type Props = { productId: string; variantId?: string | null; quantity?: number; disabled?: boolean; t: Messages["cart"]; className?: string };

/** Adds to the cart (guest or signed in) and says what happened, including a cap the server applied. */
export function AddToCartButton({ productId, variantId, quantity = 1, disabled, t, className }: Props) {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const viewer = useViewerUpdates();

  function add() {
    setMessage(null);
    startTransition(async () => {
      const res = await addToCartAction({ productId, ...(variantId && { variantId }), quantity });
      if (!res.ok) return setMessage({ text: errorText(res.error.code, t), ok: false });
      viewer.setCartCount(res.data.cart.lines.length); // the header badge, before any refetch
      const r = res.data.result;
      const cap = r.capReason === "limit" ? t.capLimit : r.capReason === "max" ? t.capMax : t.capStock;
      setMessage({ text: r.capped ? fill(cap, { n: r.maxQuantity }) : t.addedToCart, ok: true });
    });
  }

  return (
    <div className={className}>
      <button
        type="button"
        onClick={add}
        disabled={disabled || pending}
        aria-busy={pending}
        className="w-full rounded-lg border border-neutral-900 px-4 py-2 font-semibold hover:bg-neutral-100 disabled:opacity-40"
      >
        {t.addToCart}
      </button>
      {message && (
        <p role="status" className={`mt-2 text-sm ${message.ok ? "text-neutral-700" : "text-red-700"}`}>
          {message.text}{" "}
          {message.ok && (
            <Link href="/cart" className="underline">
              {t.viewCart}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
