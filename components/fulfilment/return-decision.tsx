"use client";
// The seller's decision on a requested return, after inspecting the goods: approve (refund) or refuse with
// a reason the buyer will read.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/seller/api";
import { controlProps, FieldErrors, inputClass } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages";
import { Form } from "@/components/ui/form";

export function ReturnDecision({ orderId, query, t }: { orderId: string; query: string; t: Messages["fulfilment"] }) {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const base = `/api/seller/orders/${encodeURIComponent(orderId)}/return`;
  const after = (res: { ok: boolean; data?: { result: string }; fields?: Record<string, string[]> }, doneText: string) => {
    setFields(res.ok ? {} : (res.fields ?? {}));
    setMessage(res.ok ? { text: res.data?.result === "already" ? t.returns.already : doneText, ok: true } : res.fields ? null : { text: t.fieldErrors.generic, ok: false });
    if (res.ok) router.refresh();
  };
  return (
    <div className="space-y-3" data-testid="return-decision">
      <p className="text-sm">{t.returns.requested}</p>
      <button
        type="button"
        className="rounded-lg bg-ink px-4 py-2 text-sm font-medium text-white"
        onClick={async () => {
          if (!window.confirm(t.returns.approveConfirm)) return;
          after(await api<{ result: string }>(`${base}/approve${query}`, { body: {} }), t.returns.approved);
        }}
      >
        {t.returns.approve}
      </button>
      <Form
        errors={fields}
        className="space-y-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
          after(await api<{ result: string }>(`${base}/refuse${query}`, { body: { reason } }), t.returns.refused);
        }}
      >
        <label htmlFor="f-reason" className="block text-sm text-zinc-500">{t.returns.reason}</label>
        <textarea {...controlProps("reason", fields.reason)} name="reason" rows={2} className={inputClass} />
        <FieldErrors name="reason" codes={fields.reason} messages={t.fieldErrors} />
        <button type="submit" className="rounded-lg border border-red-600 px-4 py-2 text-sm font-medium text-red-700">{t.returns.refuse}</button>
      </Form>
      {message && <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-700" : "text-red-600"}`}>{message.text}</p>}
    </div>
  );
}
