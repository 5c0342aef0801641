"use client";
// The size (option) picker of a product with variants (docs/variants.md): one radio per variant, so the
// group is keyboard operable (arrow keys skip sold-out sizes) and labelled; sold-out sizes are disabled and
// say so, the units left are shown per size, and a size that sells out while the page is open is announced
// politely. Units come from the caller (the drop panel's stock poll, or the cached product for others).
import { useEffect, useRef, useState } from "react";
import { fill } from "@/lib/i18n/fill";
import { formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { OptionAxis, VariantView } from "@/lib/variants/types";

type Props = {
  options: OptionAxis[];
  variants: VariantView[];
  /** Live units per variant id (falls back to the variant's own figure). */
  units: Record<string, number>;
  value: string | null;
  onChange: (variantId: string | null) => void;
  /** The whole product cannot be bought now (not open, ended): sizes stay visible but not choosable. */
  disabled?: boolean;
  t: Messages["shop"];
};

export const axisName = (options: OptionAxis[]) => options.map((o) => o.name).join(" / ");

export function VariantPicker({ options, variants, units, value, onChange, disabled, t }: Props) {
  const left = (v: VariantView) => units[v.id] ?? v.available;
  const [announce, setAnnounce] = useState("");
  const seen = useRef<Record<string, number>>({});

  // A size that goes from some to none while the page is open: say it, and let go of it if it was chosen.
  useEffect(() => {
    const gone = variants.filter((v) => (seen.current[v.id] ?? 1) > 0 && left(v) === 0 && seen.current[v.id] !== undefined);
    for (const v of variants) seen.current[v.id] = left(v);
    if (gone.length) setAnnounce(gone.map((v) => fill(t.optionNowSoldOut, { label: v.label })).join(", "));
    if (value && gone.some((v) => v.id === value)) onChange(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the figures change
  }, [units, variants]);

  const axis = axisName(options);
  return (
    <fieldset className="space-y-2" data-testid="variant-picker">
      <legend className="text-sm font-semibold">{fill(t.chooseOption, { axis })}</legend>
      <div role="radiogroup" aria-label={axis} className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        {variants.map((v) => {
          const n = left(v);
          const out = n <= 0;
          const id = `variant-${v.id}`;
          return (
            <label
              key={v.id}
              htmlFor={id}
              data-testid="variant-option"
              data-value={v.optionValues.join("/")}
              data-sold-out={out ? "true" : "false"}
              className={`relative flex cursor-pointer flex-col items-center rounded-lg border px-2 py-2 text-sm has-[:checked]:border-neutral-900 has-[:checked]:bg-neutral-900 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${out ? "cursor-not-allowed border-neutral-200 text-neutral-400 line-through" : "border-neutral-300"}`}
            >
              <input
                id={id}
                type="radio"
                name="variant"
                value={v.id}
                className="sr-only"
                checked={value === v.id}
                disabled={out || disabled}
                onChange={() => onChange(v.id)}
              />
              <span className="font-semibold">{v.optionValues.join(" / ")}</span>
              <span className="text-xs no-underline" data-testid="variant-units">
                {out ? t.optionSoldOut : fill(t.optionUnitsLeft, { n })}
              </span>
              {v.priceDelta !== 0 && <span className="text-xs">{v.priceDelta > 0 ? "+" : "−"}{formatPrice(Math.abs(v.priceDelta))}</span>}
            </label>
          );
        })}
      </div>
      <p className="sr-only" aria-live="polite" data-testid="variant-announce">{announce}</p>
    </fieldset>
  );
}
