"use client";
// Bulk shipping: the seller picks a CSV file, the browser reads it as text and posts it
// (POST /api/seller/orders/shipments { csv }); the answer lists every row's result.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/seller/api";
import { controlProps, FieldErrors, inputClass } from "@/components/ui/field";
import { fill } from "@/lib/i18n/fill";
import type { BulkRowResult } from "@/lib/fulfilment/schemas";
import type { Messages } from "@/lib/i18n/messages";
import { Form } from "@/components/ui/form";

type Answer = { rows: BulkRowResult[]; counts: Record<BulkRowResult["result"], number> };

export function BulkShipForm({ query, maxRows, t }: { query: string; maxRows: number; t: Messages["fulfilment"] }) {
  const router = useRouter();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const errors = Object.fromEntries(Object.entries(t.fieldErrors).map(([k, v]) => [k, fill(v, { rows: maxRows })]));
  const reason = (code?: string) => (code ? (errors[code.split(":")[0]] ?? code) : "");
  return (
    <section className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-4 shadow-sm" data-testid="bulk-ship">
      <h2 className="font-semibold">{t.bulk.title}</h2>
      <p className="text-sm text-zinc-500">{fill(t.bulk.hint, { rows: maxRows })}</p>
      <a href={`/api/seller/orders/shipments/template${query}`} download className="text-sm underline" data-testid="bulk-template">
        {t.bulk.template}
      </a>
      <Form
        errors={fields}
        className="flex flex-wrap items-start gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const file = new FormData(e.currentTarget).get("file");
          const csv = file instanceof File ? await file.text() : "";
          const res = await api<Answer>(`/api/seller/orders/shipments${query}`, { body: { csv } });
          setAnswer(res.ok ? res.data : null);
          setFields(res.ok ? {} : (res.fields ?? { csv: [res.status === 413 ? "csv_too_large" : "generic"] }));
          if (res.ok) router.refresh();
        }}
      >
        <label htmlFor="f-csv" className="sr-only">{t.bulk.file}</label>
        <input {...controlProps("csv", fields.csv)} name="file" type="file" accept=".csv,text/csv" className={inputClass} data-testid="bulk-file" />
        <button type="submit" className="rounded-lg bg-ink px-4 py-2 text-sm font-medium text-white">{t.bulk.submit}</button>
      </Form>
      <FieldErrors name="csv" codes={fields.csv} messages={errors} />
      {answer && (
        <div className="space-y-2">
          <p role="status" className="text-sm" data-testid="bulk-summary">{fill(t.bulk.summary, answer.counts)}</p>
          <table className="w-full text-sm" data-testid="bulk-results">
            <thead>
              <tr className="text-left text-zinc-500"><th>{t.bulk.line}</th><th>{t.bulk.order}</th><th>{t.bulk.result}</th></tr>
            </thead>
            <tbody>
              {answer.rows.map((r) => (
                <tr key={r.line} data-testid="bulk-row" data-result={r.result}>
                  <td className="tabular-nums">{r.line}</td>
                  <td className="font-mono text-xs">{r.orderId}</td>
                  <td className={r.result === "error" ? "text-red-600" : ""}>{t.bulk.results[r.result]}{r.error && ` — ${reason(r.error)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
