"use client";
// A product's option axes and variants (docs/variants.md): axes typed as name + values (or a size run),
// one row per combination with its SKU, stock and price difference, saved in one PUT that the shared zod
// schema checks; every field error shows under its own field. A size with orders stays (the server says
// which), and its units never go below those held or sold; restock it during a drop instead.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import { FieldErrors, inputClass } from "@/components/ui/field";
import type { OptionAxis } from "@/lib/variants/types";
import { api } from "./api";
import { SizeRun } from "./size-run";
import { inputOf, rowsFor, type AxisDraft, type RowDraft } from "./variant-rows";

type Existing = { sku: string; optionValues: string[]; priceDelta: number; total: number; available: number };
type Props = { productId: string; query: string; options: OptionAxis[]; variants: Existing[]; skuPrefix: string; t: Messages["seller"] };

/** The server names a size that cannot leave as "in_orders:<sku>"; said in words here. */
const wordsOf = (fields: Record<string, string[]>, t: Messages["seller"]["variants"]) =>
  Object.fromEntries(Object.entries(fields).map(([k, codes]) => [k, codes.map((c) => (c.startsWith("in_orders:") ? fill(t.inOrders, { sku: c.slice(10) }) : c))]));

export function VariantsEditor({ productId, query, options, variants, skuPrefix, t }: Props) {
  const v = t.variants;
  const router = useRouter();
  const axesOfProps = () => options.map((o) => ({ name: o.name, values: o.values.join(", ") }));
  const rowsOfProps = () => variants.map((x) => ({ optionValues: x.optionValues, sku: x.sku, units: String(x.total), priceDelta: String(x.priceDelta) }));
  const [axes, setAxes] = useState<AxisDraft[]>(axesOfProps);
  const [rows, setRows] = useState<RowDraft[]>(rowsOfProps);
  // The server's figures changed (a save, a restock refreshed the page): take them, keeping the notice shown.
  const signature = JSON.stringify([options, variants.map((x) => [x.sku, x.total, x.priceDelta])]);
  const [seen, setSeen] = useState(signature);
  if (seen !== signature) {
    setSeen(signature);
    setAxes(axesOfProps());
    setRows(rowsOfProps());
  }
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const changeAxes = (next: AxisDraft[]) => {
    setAxes(next);
    setRows(rowsFor(next, rows, skuPrefix));
  };
  const setRow = (i: number, patch: Partial<RowDraft>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const err = (name: string) => <FieldErrors name={name} codes={fields[name]} messages={t.fieldErrors} />;

  async function save() {
    setBusy(true);
    setSaved(false);
    const res = await api(`/api/seller/products/${productId}/variants${query}`, { method: "PUT", body: inputOf(axes, rows) });
    setBusy(false);
    setFields(res.ok ? {} : wordsOf(res.fields ?? { options: ["invalid"] }, v));
    if (res.ok) {
      setSaved(true);
      router.refresh();
    }
  }

  return (
    <section className="space-y-3 rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm" aria-labelledby="variants-title" data-testid="variants-editor">
      <h2 id="variants-title" className="font-semibold">{v.title}</h2>
      <p className="text-sm text-zinc-600">{v.hint}</p>
      {err("options")}
      {axes.map((a, i) => (
        <div key={i} className="grid gap-2 sm:grid-cols-[10rem_1fr_auto]">
          <label className="grid gap-1 text-sm">
            {v.axis}
            <input className={inputClass} value={a.name} placeholder={v.axisPlaceholder} data-testid={`axis-name-${i}`}
              onChange={(e) => changeAxes(axes.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
            {err(`options.${i}.name`)}
          </label>
          <label className="grid gap-1 text-sm">
            {v.values}
            <input className={inputClass} value={a.values} placeholder={v.valuesPlaceholder} data-testid={`axis-values-${i}`}
              onChange={(e) => changeAxes(axes.map((x, j) => (j === i ? { ...x, values: e.target.value } : x)))} />
            {err(`options.${i}.values`)}
          </label>
          <button type="button" className="self-end text-sm text-zinc-600 underline" onClick={() => changeAxes(axes.filter((_, j) => j !== i))}>{v.removeAxis}</button>
        </div>
      ))}
      <div className="flex flex-wrap items-start gap-3">
        {axes.length < 3 && <button type="button" className="rounded-lg border border-zinc-300 px-3 py-2 text-sm" onClick={() => changeAxes([...axes, { name: "", values: "" }])} data-testid="add-axis">{v.addAxis}</button>}
        <SizeRun t={v} onValues={(values) => changeAxes([{ name: axes[0]?.name || v.sizeAxis, values: values.join(", ") }, ...axes.slice(1)])} />
      </div>
      {rows.length > 0 && (
        <table className="w-full text-sm" data-testid="variants-table">
          <caption className="text-left text-xs text-zinc-500">{fill(v.summary, { n: rows.length, units: rows.reduce((s, r) => s + (Number(r.units) || 0), 0) })}</caption>
          <thead><tr className="text-left text-zinc-500"><th scope="col">{v.option}</th><th scope="col">{v.sku}</th><th scope="col">{v.units}</th><th scope="col">{v.priceDelta}</th></tr></thead>
          <tbody>
            {rows.map((r, i) => {
              const name = r.optionValues.join(" / ");
              return (
                <tr key={r.optionValues.join("\u0000")} data-testid="variant-row" data-value={r.optionValues.join("/")}>
                  <th scope="row" className="py-1 pr-2 text-left font-medium">{name}</th>
                  <td className="pr-2"><input aria-label={`${name} ${v.sku}`} className={inputClass} value={r.sku} onChange={(e) => setRow(i, { sku: e.target.value })} />{err(`variants.${i}.sku`)}</td>
                  <td className="pr-2"><input aria-label={`${name} ${v.units}`} type="number" min={0} className={inputClass} value={r.units} onChange={(e) => setRow(i, { units: e.target.value })} data-testid="variant-units-input" />{err(`variants.${i}.units`)}</td>
                  <td><input aria-label={`${name} ${v.priceDelta}`} type="number" className={inputClass} value={r.priceDelta} onChange={(e) => setRow(i, { priceDelta: e.target.value })} />{err(`variants.${i}.priceDelta`)}{err(`variants.${i}.optionValues`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {err("variants")}
      <button type="button" onClick={save} disabled={busy} className="rounded-lg bg-ink px-4 py-2 text-sm font-semibold text-white disabled:opacity-50" data-testid="variants-save">
        {busy ? v.saving : v.save}
      </button>
      {saved && <p role="status" className="text-sm text-green-700">{v.saved}</p>}
    </section>
  );
}
