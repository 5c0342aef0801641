"use client";

import type { Messages } from "@/lib/i18n/messages";

type Props = { quantity: number; max: number; onChange: (quantity: number) => void; t: Messages["cart"] };

export function QuantityStepper({ quantity, max, onChange, t }: Props) {
  const btn = "h-8 w-8 text-lg leading-none disabled:opacity-30";
  return (
    <div className="inline-flex items-center rounded border border-neutral-300" role="group" aria-label={t.quantity}>
      <button type="button" className={btn} aria-label={t.decrease} disabled={quantity <= 1} onClick={() => onChange(quantity - 1)}>
        −
      </button>
      <span data-testid="quantity" className="w-8 text-center tabular-nums" aria-live="polite">
        {quantity}
      </span>
      <button type="button" className={btn} aria-label={t.increase} disabled={quantity >= max} onClick={() => onChange(quantity + 1)}>
        +
      </button>
    </div>
  );
}
