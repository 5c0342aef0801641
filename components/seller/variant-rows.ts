// The variants editor's pure steps: values typed as text → axes, axes → one row per combination (keeping
// what the seller already typed for a combination), rows → the API's input (lib/variants/schemas.ts).
import { combinations, suggestSku, type OptionAxis } from "@/lib/variants/types";

export type AxisDraft = { name: string; values: string };
export type RowDraft = { optionValues: string[]; sku: string; units: string; priceDelta: string };

export const splitValues = (text: string) => text.split(/[,\n]/).map((v) => v.trim()).filter(Boolean);
export const axesOf = (drafts: AxisDraft[]): OptionAxis[] => drafts.map((d) => ({ name: d.name.trim(), values: splitValues(d.values) }));
const key = (values: readonly string[]) => values.join("\u0000");

/** One row per combination of the axes, in their order; rows typed before keep their SKU, units and price. */
export function rowsFor(drafts: AxisDraft[], previous: RowDraft[], skuPrefix: string): RowDraft[] {
  const axes = axesOf(drafts).filter((a) => a.values.length);
  if (!axes.length) return [];
  const before = new Map(previous.map((r) => [key(r.optionValues), r]));
  return combinations(axes).map((values) => before.get(key(values)) ?? { optionValues: values, sku: suggestSku(skuPrefix, values), units: "0", priceDelta: "0" });
}

const int = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));

/** The body of PUT /api/seller/products/:id/variants; numbers the seller left odd go as they are, for the schema to name. */
export function inputOf(drafts: AxisDraft[], rows: RowDraft[]) {
  const options = axesOf(drafts).filter((a) => a.name || a.values.length);
  return {
    options,
    variants: options.length ? rows.map((r) => ({ optionValues: r.optionValues, sku: r.sku.trim(), units: int(r.units), priceDelta: int(r.priceDelta) })) : [],
  };
}
