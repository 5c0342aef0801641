"use client";
// Cancel and return buttons: POST /api/orders/{id}/cancel|return, then the page re-renders the order.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorText, type ApiError } from "@/components/ui/error-text";
import { fill } from "@/lib/i18n/fill";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";

type Actions = { cancel: boolean; return: boolean; returnDeadline: string | null };

type Props = { orderId: string; actions: Actions; paid: boolean; t: Messages["orders"]; locale: Locale; returnReasonLabel: string };

export function OrderActions({ orderId, actions, paid, t, locale, returnReasonLabel }: Props) {
  const router = useRouter();
  // The seller reads the buyer's reason before inspecting the goods (the return request's timeline note).
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  async function run(which: "cancel" | "return") {
    if (!window.confirm(which === "cancel" ? t.cancelConfirm : t.returnConfirm)) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch(`/api/orders/${encodeURIComponent(orderId)}/${which}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(which === "return" && reason.trim() ? { reason: reason.trim() } : {}) });
      const body = (await res.json().catch(() => ({}))) as { error?: ApiError };
      setMessage(res.ok ? { text: which === "cancel" ? t.cancelled : t.returnRequested, ok: true } : { text: errorText(body.error, t), ok: false });
      router.refresh();
    } catch {
      setMessage({ text: t.errorGeneric, ok: false });
    }
    setBusy(false);
  }

  if (!actions.cancel && !actions.return && !message) return null;
  return (
    <div className="space-y-2">
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`rounded p-3 text-sm ${message.ok ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700"}`}>
          {message.text}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        {actions.cancel && (
          <button type="button" disabled={busy} onClick={() => run("cancel")} className="rounded-lg border border-red-600 px-4 py-2 font-semibold text-red-700 disabled:opacity-50">
            {t.cancel}
          </button>
        )}
        {actions.return && (
          <label className="block w-full text-sm">
            <span className="text-neutral-500">{returnReasonLabel}</span>
            <input name="returnReason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} className="mt-1 block w-full rounded-lg border border-neutral-300 px-3 py-2" />
          </label>
        )}
        {actions.return && (
          <button type="button" disabled={busy} onClick={() => run("return")} className="rounded-lg border border-neutral-900 px-4 py-2 font-semibold disabled:opacity-50">
            {t.requestReturn}
          </button>
        )}
      </div>
      {actions.return && actions.returnDeadline && <p className="text-sm text-neutral-500">{fill(t.returnUntil, { time: formatDateTime(actions.returnDeadline, locale) })}</p>}
      {paid && <p className="text-sm text-neutral-500">{t.refundNote}</p>}
    </div>
  );
}
