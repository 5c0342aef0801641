"use client";
// Restock: adds units to a product (PostgreSQL and Redis together, through the stock engine) — for a product
// with options, to the one option chosen (a size that sells fastest, during a live drop).
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { api } from "./api";
import { controlProps, FieldErrors, inputClass } from "@/components/ui/field";
import { Form } from "@/components/ui/form";

type VariantChoice = { id: string; label: string; available: number; total: number };

export function RestockForm({ productId, query, t, variants = [] }: { productId: string; query: string; t: Messages["seller"]; variants?: VariantChoice[] }) {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);
  return (
    <Form
      errors={fields}
      className="flex flex-wrap items-start gap-2"
      data-testid="restock-form"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = new FormData(form);
        const raw = String(data.get("add") ?? "");
        const variantId = variants.length ? String(data.get("variantId") ?? "") || undefined : undefined;
        const res = await api(`/api/seller/products/${productId}/stock${query}`, { body: { add: raw === "" ? undefined : Number(raw), variantId } });
        setDone(res.ok);
        setFields(res.ok ? {} : res.fields ?? { add: ["invalid"] });
        if (res.ok) {
          form.reset();
          router.refresh();
        }
      }}
    >
      {variants.length > 0 && (
        <div className="space-y-1">
          <label htmlFor="f-variant" className="sr-only">{t.restock.variant}</label>
          <select {...controlProps("variantId", fields.variantId, { id: "f-variant" })} name="variantId" required className={inputClass} data-testid="restock-variant">
            <option value="">{t.restock.chooseVariant}</option>
            {variants.map((v) => (
              <option key={v.id} value={v.id}>{`${v.label} (${v.available} / ${v.total})`}</option>
            ))}
          </select>
          <FieldErrors name="variantId" codes={fields.variantId} messages={t.fieldErrors} controlId="f-variant" />
        </div>
      )}
      <div className="space-y-1">
        <label htmlFor="f-add" className="sr-only">
          {t.restock.add}
        </label>
        <input {...controlProps("add", fields.add)} name="add" type="number" min={1} step={1} placeholder={t.restock.add} className={inputClass} />
        <FieldErrors name="add" codes={fields.add} messages={t.fieldErrors} />
      </div>
      <button type="submit" className="rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-50">
        {t.restock.submit}
      </button>
      {done && <p role="status" className="self-center text-sm text-green-700">{t.restock.done}</p>}
    </Form>
  );
}
