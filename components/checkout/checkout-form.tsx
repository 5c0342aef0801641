"use client";
// Places the order through POST /api/orders with where it goes (a saved address, the default preselected,
// or a new one, saved to the book first when asked). One Idempotency-Key per attempt: a network retry
// reuses it (the server replays its first answer), a definite refusal starts a new attempt with a new key.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DeliveryPicker, deliveryErrors, type DeliveryPick } from "@/components/addresses/delivery-picker";
import { resolvePick, type DeliveryBody } from "@/components/addresses/resolve-pick";
import { errorText, type ApiError } from "@/components/ui/error-text";
import type { AddressView } from "@/lib/addresses/schemas";
import { MAX_ADDRESSES } from "@/lib/addresses/schemas";
import { fill } from "@/lib/i18n/fill";
import { formatPrice } from "@/lib/i18n/format";
import type { Messages } from "@/lib/i18n/messages";
import type { CheckoutSource } from "@/lib/orders/schemas";
import { Form } from "@/components/ui/form";

type Line = { key: string; productId: string; variantId?: string; quantity: number };

function bodyFor(source: CheckoutSource, lines: Line[], delivery: DeliveryBody) {
  if (source === "cart") return { source, cartItemIds: lines.map((l) => l.key), ...delivery };
  return { source, items: lines.map((l) => ({ productId: l.productId, ...(l.variantId && { variantId: l.variantId }), quantity: l.quantity })), ...delivery };
}

type Props = { source: CheckoutSource; lines: Line[]; amount: number; saved: AddressView[]; returnTo: string; t: Messages["orders"]; ta: Messages["address"] };

export function CheckoutForm(props: Props) {
  const { t } = props;
  const router = useRouter();
  const [pick, setPick] = useState<DeliveryPick | null>(null);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; fields?: Record<string, string[]> } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!pick) return;
    setBusy(true);
    setError(null);
    try {
      const delivery = await resolvePick(pick);
      if (!delivery.ok) {
        setError({ text: errorText(delivery.error.code, t), fields: delivery.error.fields });
        setBusy(false);
        return;
      }
      // Saved on the way: from now on the order names that entry (a retry must not save it again).
      if (pick.kind === "new" && "addressId" in delivery.body) setPick({ kind: "saved", addressId: delivery.body.addressId });
      const res = await fetch("/api/orders", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(bodyFor(props.source, props.lines, delivery.body)),
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

  return (
    <Form onSubmit={submit} errors={error} className="space-y-4">
      <DeliveryPicker saved={props.saved} onChange={setPick} errors={deliveryErrors(error?.fields)} canSave={props.saved.length < MAX_ADDRESSES} t={props.ta} />
      {error && (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-700">
          {error.text}
        </p>
      )}
      <button
        type="submit"
        disabled={busy || !pick || props.lines.length === 0}
        className="w-full rounded-lg bg-neutral-900 py-3 font-semibold text-white hover:bg-neutral-700 disabled:opacity-50"
      >
        {busy ? t.checkoutPlacing : fill(t.checkoutPlace, { amount: formatPrice(props.amount) })}
      </button>
    </Form>
  );
}
