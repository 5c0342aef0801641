"use client";
// Restock: adds units to a product (PostgreSQL and Redis together, through the stock engine).
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { api } from "./api";
import { FieldErrors, inputClass } from "@/components/ui/field";

export function RestockForm({ productId, query, t }: { productId: string; query: string; t: Messages["seller"] }) {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);
  return (
    <form
      className="flex flex-wrap items-start gap-2"
      data-testid="restock-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const raw = String(new FormData(form).get("add") ?? "");
        const res = await api(`/api/seller/products/${productId}/stock${query}`, { body: { add: raw === "" ? undefined : Number(raw) } });
        setDone(res.ok);
        setFields(res.ok ? {} : res.fields ?? { add: ["invalid"] });
        if (res.ok) {
          form.reset();
          router.refresh();
        }
      }}
    >
      <div className="space-y-1">
        <label htmlFor="f-add" className="sr-only">
          {t.restock.add}
        </label>
        <input id="f-add" name="add" type="number" min={1} step={1} placeholder={t.restock.add} className={inputClass} aria-invalid={fields.add ? true : undefined} />
        <FieldErrors name="add" codes={fields.add} messages={t.fieldErrors} />
      </div>
      <button type="submit" className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-50">
        {t.restock.submit}
      </button>
      {done && <p role="status" className="self-center text-sm text-green-700">{t.restock.done}</p>}
    </form>
  );
}
