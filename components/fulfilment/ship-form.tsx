"use client";
// The seller ships one order: courier and tracking number (POST /api/seller/orders/{id}/ship). Also corrects
// the number while the order is on its way.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/seller/api";
import { controlProps, FieldErrors, inputClass } from "@/components/ui/field";
import { couriers } from "@/lib/fulfilment/couriers";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";
import { Form } from "@/components/ui/form";

type Props = { orderId: string; query: string; correcting: boolean; t: Messages["fulfilment"]; locale: Locale };

export function ShipForm({ orderId, query, correcting, t, locale }: Props) {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <Form
      errors={fields}
      className="flex flex-wrap items-start gap-2"
      data-testid="ship-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const res = await api<{ result: "shipped" | "updated" | "unchanged" }>(`/api/seller/orders/${encodeURIComponent(orderId)}/ship${query}`, {
          body: { courier: form.get("courier") || undefined, trackingNumber: String(form.get("trackingNumber") ?? "") },
        });
        setFields(res.ok ? {} : (res.fields ?? {}));
        setFailed(res.ok || res.fields ? null : t.fieldErrors[res.code === "CONFLICT" ? "other_sellers" : res.code === "INVALID_TRANSITION" ? "invalid_status" : "generic"]);
        setDone(res.ok ? t.ship[res.data.result] : null);
        if (res.ok) router.refresh();
      }}
    >
      <div className="space-y-1">
        <label htmlFor="f-courier" className="block text-sm text-zinc-500">{t.ship.courier}</label>
        <select {...controlProps("courier", fields.courier)} name="courier" defaultValue="" className={inputClass}>
          <option value="">{t.ship.chooseCourier}</option>
          {couriers.map((c) => (
            <option key={c.code} value={c.code}>{c[locale]}</option>
          ))}
        </select>
        <FieldErrors name="courier" codes={fields.courier} messages={t.fieldErrors} />
      </div>
      <div className="space-y-1">
        <label htmlFor="f-tracking" className="block text-sm text-zinc-500">{t.ship.trackingNumber}</label>
        <input {...controlProps("trackingNumber", fields.trackingNumber, { id: "f-tracking" })} name="trackingNumber" inputMode="numeric" autoComplete="off" className={inputClass} />
        <FieldErrors name="trackingNumber" codes={fields.trackingNumber} messages={t.fieldErrors} controlId="f-tracking" />
      </div>
      <button type="submit" className="mt-6 rounded-lg bg-ink px-4 py-2 text-sm font-medium text-white">
        {correcting ? t.ship.update : t.ship.submit}
      </button>
      {done && <p role="status" className="w-full text-sm text-green-700">{done}</p>}
      {failed && <p role="alert" className="w-full text-sm text-red-600">{failed}</p>}
    </Form>
  );
}
