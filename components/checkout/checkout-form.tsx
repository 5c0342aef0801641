"use client";
// Places the order through POST /api/orders. One Idempotency-Key per attempt: a network retry reuses
// it (the server replays its first answer), a definite refusal starts a new attempt with a new key.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorText, type ApiError } from "@/components/ui/error-text";
import { fill } from "@/lib/i18n/fill";
import { formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { CheckoutSource } from "@/lib/orders/schemas";

type Line = { key: string; productId: string; variantId?: string; quantity: number };

function bodyFor(source: CheckoutSource, lines: Line[], shippingAddress: string) {
  if (source === "cart") return { source, cartItemIds: lines.map((l) => l.key), shippingAddress };
  return { source, items: lines.map((l) => ({ productId: l.productId, ...(l.variantId && { variantId: l.variantId }), quantity: l.quantity })), shippingAddress };
}

export function CheckoutForm(props: { source: CheckoutSource; lines: Line[]; amount: number; address: string | null; returnTo: string; t: Messages["orders"] }) {
  const { t } = props;
  const router = useRouter();
  const [address, setAddress] = useState(props.address ?? "");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; fields?: Record<string, string[]> } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/orders", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(bodyFor(props.source, props.lines, address.trim())),
      });
      const body = (await res.json().catch(() => ({}))) as { order?: { id: string }; error?: ApiError & { fields?: Record<string, string[]> } };
      if (res.status === 201 && body.order) {
        router.push(`/orders/${body.order.id}`);
        return;
      }
      if (res.status === 401) {
        router.push(`/signin?callbackUrl=${encodeURIComponent(props.returnTo)}`);
        return;
      }
      setKey(crypto.randomUUID());
      setError({ text: errorText(body.error, t), fields: body.error?.fields });
    } catch {
      setError({ text: t.errorGeneric });
    }
    setBusy(false);
  }

  const addressError = error?.fields?.shippingAddress?.[0];
  return (
    <form onSubmit={submit} className="space-y-4">
      <div>
        <label htmlFor="shipping-address" className="mb-1 block font-semibold">
          {t.shippingAddress}
        </label>
        <textarea
          id="shipping-address"
          name="shippingAddress"
          required
          minLength={5}
          maxLength={200}
          rows={2}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          aria-invalid={Boolean(addressError)}
          aria-describedby="address-hint"
          className="w-full rounded-lg border border-neutral-300 p-3"
        />
        <p id="address-hint" className="mt-1 text-sm text-neutral-500">
          {addressError ?? t.checkoutAddressHint}
        </p>
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-700">
          {error.text}
        </p>
      )}
      <button
        type="submit"
        disabled={busy || props.lines.length === 0}
        className="w-full rounded-lg bg-neutral-900 py-3 font-semibold text-white hover:bg-neutral-700 disabled:opacity-50"
      >
        {busy ? t.checkoutPlacing : fill(t.checkoutPlace, { amount: formatPrice(props.amount) })}
      </button>
    </form>
  );
}
