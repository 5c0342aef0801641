"use client";
// An unpaid order's delivery details, asked for within its hold (a buy-now by a buyer with no default
// address, or a change before paying). Saved through the same service as PUT /api/orders/{id}/delivery.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorText } from "@/components/ui/error-text";
import { setOrderDeliveryAction } from "@/lib/addresses/actions";
import type { AddressView } from "@/lib/addresses/schemas";
import type { Messages } from "@/lib/i18n/messages";
import { DeliveryPicker, deliveryErrors, type DeliveryPick } from "./delivery-picker";
import { resolvePick } from "./resolve-pick";
import { Form } from "@/components/ui/form";

type Props = { orderId: string; saved: AddressView[]; canSave: boolean; t: Messages["address"]; statuses: Record<string, string> };

export function OrderDeliveryForm({ orderId, saved, canSave, t, statuses }: Props) {
  const router = useRouter();
  const [pick, setPick] = useState<DeliveryPick | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; fields?: Record<string, string[]> } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!pick) return;
    setBusy(true);
    setError(null);
    const resolved = await resolvePick(pick);
    const result = resolved.ok ? await setOrderDeliveryAction(orderId, resolved.body) : resolved;
    setBusy(false);
    if (result.ok) return router.refresh();
    const status = (result.error as { status?: string }).status;
    setError({ text: errorText({ code: result.error.code, status }, { ...t, status: statuses }), fields: deliveryErrors(result.error.fields) });
  }

  return (
    <Form onSubmit={submit} errors={error} className="space-y-3" data-testid="order-delivery-form">
      <DeliveryPicker saved={saved} onChange={setPick} errors={error?.fields} canSave={canSave} t={t} />
      {error && (
        <p role="alert" className="rounded bg-red-50 p-3 text-sm text-red-700">
          {error.text}
        </p>
      )}
      <button type="submit" disabled={busy || !pick} className="w-full rounded-lg bg-neutral-900 py-2 font-semibold text-white disabled:opacity-50">
        {busy ? t.saving : t.setDelivery}
      </button>
    </Form>
  );
}
