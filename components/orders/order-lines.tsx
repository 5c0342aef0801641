// Order or checkout lines: image, name, unit price × quantity, line total (all the server's figures).
import Image from "next/image";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";

/** `variantLabel`: the size as ordered ("사이즈 270", the seller's words); null/absent without options. */
type Line = { key?: string; productId: string; variantLabel?: string | null; sku?: string | null; name: string; image: string | null; unitPrice: number; quantity: number; purchasable?: boolean };

export function OrderLines({ lines, t }: { lines: Line[]; t: Messages["orders"]; locale: Locale }) {
  return (
    <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200">
      {lines.map((l) => (
        <li key={l.key ?? l.productId} data-testid="order-line" className={`flex gap-4 p-4 ${l.purchasable === false ? "opacity-50" : ""}`}>
          <Image src={l.image ?? "/products/placeholder.svg"} alt="" width={64} height={64} className="h-16 w-16 rounded bg-neutral-100 object-cover" />
          <div className="min-w-0 flex-1">
            <p className="font-medium">{l.name}</p>
            {l.variantLabel && (
              <p className="text-sm text-neutral-700" data-testid="line-variant">
                {t.variantLabel}: {l.variantLabel}
                {l.sku && <span className="ml-2 text-xs text-neutral-500">{t.sku} {l.sku}</span>}
              </p>
            )}
            <p className="text-sm text-neutral-600 tabular-nums">
              {formatPrice(l.unitPrice)} · {fill(t.quantityN, { n: l.quantity })}
            </p>
            {l.purchasable === false && <p className="text-sm text-red-700">{t.checkoutNotPurchasable}</p>}
          </div>
          <p className="font-semibold tabular-nums">{formatPrice(l.unitPrice * l.quantity)}</p>
        </li>
      ))}
    </ul>
  );
}
