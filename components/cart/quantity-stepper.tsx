"use client";
// A cart line's quantity. At the line's maximum "+" stays focusable (aria-disabled, not disabled) and the
// reason — the per-buyer limit, the stock left or the cart's own cap — is shown and announced, instead of a
// button that silently stops.
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import type { CapReason } from "@/lib/catalog/sale-rules";
import { useId } from "react";

type Props = { quantity: number; max: number; capReason?: CapReason; onChange: (quantity: number) => void; t: Messages["cart"] };

export function QuantityStepper({ quantity, max, capReason = "max", onChange, t }: Props) {
  const reasonId = useId();
  const btn = "h-8 w-8 text-lg leading-none disabled:opacity-30 aria-disabled:opacity-30";
  const atMax = quantity >= max;
  const reason = { limit: t.atLimit, stock: t.atStock, max: t.capMax }[capReason];
  return (
    <div className="space-y-1">
      <div className="inline-flex items-center rounded border border-neutral-300" role="group" aria-label={t.quantity}>
        <button type="button" className={btn} aria-label={t.decrease} disabled={quantity <= 1} onClick={() => onChange(quantity - 1)}>
          −
        </button>
        <span data-testid="quantity" className="w-8 text-center tabular-nums" aria-live="polite">
          {quantity}
        </span>
        <button
          type="button"
          className={btn}
          aria-label={t.increase}
          aria-disabled={atMax}
          aria-describedby={atMax ? reasonId : undefined}
          data-testid="increase"
          onClick={() => !atMax && onChange(quantity + 1)}
        >
          +
        </button>
      </div>
      <p id={reasonId} role="status" className="text-xs text-amber-800" data-testid="quantity-cap">
        {atMax && max > 0 ? fill(reason, { n: max }) : ""}
      </p>
    </div>
  );
}
