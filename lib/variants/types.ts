// Product options and variants (docs/variants.md): plain JSON-safe types and pure helpers shared by the
// API, the pages and the seller's form. Imported by client components, so no server code here.

/** One option axis of a product, e.g. { name: "사이즈", values: ["230", "235", …] }. */
export type OptionAxis = { name: string; values: string[] };

/**
 * One variant as the shop shows it. A product without option axes has exactly one variant, its implicit
 * default: the API and the pages never list it (`options: []`, `variants: []`), and a line that names no
 * variant means it.
 */
export type VariantView = {
  id: string;
  sku: string;
  /** One value per axis, in axis order. */
  optionValues: string[];
  /** "사이즈 270 / 색상 블랙" (the axes' names with the values). */
  label: string;
  /** Integer won added to the product's price. */
  priceDelta: number;
  /** Integer won: the product's price plus priceDelta. */
  price: number;
  available: number;
  total: number;
};

/** What a product line (cart, order, checkout) shows of its variant; null for an implicit default variant. */
export type LineVariant = { id: string; label: string | null; sku: string | null };

/** "사이즈 270 / 색상 블랙"; null for the implicit default variant (no values). */
export function variantLabel(axes: readonly { name: string }[], values: readonly string[]): string | null {
  if (!values.length) return null;
  return values.map((v, i) => (axes[i]?.name ? `${axes[i].name} ${v}` : v)).join(" / ");
}

/** Sizes from `from` to `to` (inclusive) by `step`: sizeRun(230, 300, 5) = 230, 235, …, 300 (15 sizes). */
export function sizeRun(from: number, to: number, step: number): string[] {
  if (!(step > 0) || to < from) return [];
  const out: string[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(String(Math.round(v * 10) / 10));
  return out;
}

/** Every combination of the axes' values, first axis slowest (the variants' default order). */
export function combinations(axes: readonly OptionAxis[]): string[][] {
  return axes.reduce<string[][]>((acc, axis) => acc.flatMap((prefix) => axis.values.map((v) => [...prefix, v])), [[]]);
}

/** A SKU suggested for a combination: the product's code and the values, e.g. "AJ1-270-BLK". */
export function suggestSku(code: string, values: readonly string[]): string {
  return [code, ...values].map((s) => s.trim().replace(/\s+/g, "-")).filter(Boolean).join("-").toUpperCase();
}

/** The SKU of an implicit default variant (unique per product, like every SKU). */
export const DEFAULT_SKU = "default";
/** Most axes a product may have, most values per axis, most variants. */
export const VARIANT_LIMITS = { axes: 3, values: 40, variants: 200 } as const;

/** The row of a product's implicit default variant holding `units` (a nested create for a new product). */
export const defaultVariantData = (units: number) => ({ sku: DEFAULT_SKU, optionValues: [] as string[], isDefault: true, total: units, available: units });
