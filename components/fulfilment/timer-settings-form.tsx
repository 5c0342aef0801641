"use client";
// The shop's fallback timers (PUT /api/seller/fulfilment-settings): empty = the deployment default, 0 = off.
import { useState } from "react";
import { api } from "@/components/seller/api";
import { controlProps, FieldErrors, inputClass } from "@/components/ui/field";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import { Form } from "@/components/ui/form";

type Timers = { autoShipSeconds: number | null; autoDeliverSeconds: number | null; autoCompleteReturnSeconds: number | null };
const names = ["autoShipSeconds", "autoDeliverSeconds", "autoCompleteReturnSeconds"] as const;

export function TimerSettingsForm({ timers, defaults, query, t }: { timers: Timers; defaults: Timers; query: string; t: Messages["fulfilment"] }) {
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);
  return (
    <Form
      errors={fields}
      className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm"
      data-testid="timer-settings"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const body = Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? "") === "" ? null : Number(form.get(n))]));
        const res = await api(`/api/seller/fulfilment-settings${query}`, { method: "PUT", body });
        setSaved(res.ok);
        setFields(res.ok ? {} : (res.fields ?? { _: ["generic"] }));
      }}
    >
      <h2 className="font-semibold">{t.timers.title}</h2>
      <p className="text-sm text-zinc-500">{t.timers.hint}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        {names.map((n) => (
          <div key={n} className="space-y-1">
            <label htmlFor={`f-${n}`} className="block text-sm">{t.timers[n]}</label>
            <input {...controlProps(n, fields[n])} name={n} type="number" min={0} step={1} defaultValue={timers[n] ?? ""} placeholder={fill(t.timers.defaultIs, { seconds: defaults[n] ?? 0 })} className={inputClass} />
            <FieldErrors name={n} codes={fields[n]} messages={t.fieldErrors} />
          </div>
        ))}
      </div>
      <FieldErrors name="_" codes={fields._} messages={t.fieldErrors} />
      <button type="submit" className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-50">{t.timers.save}</button>
      {saved && <p role="status" className="text-sm text-green-700">{t.timers.saved}</p>}
    </Form>
  );
}
