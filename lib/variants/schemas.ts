// Input for a product's option axes and variants (the seller's form and API). No server imports: the
// client form shares these schemas.
import { z } from "zod";
import { text } from "@/lib/validation";
import { combinations, VARIANT_LIMITS } from "./types";

const name = text(30, { tooLong: "too_long" }).min(1, { error: "required" });
const value = text(30, { tooLong: "too_long" }).min(1, { error: "required" });
const units = z.number({ error: "invalid" }).int({ error: "invalid" }).min(0, { error: "invalid" }).max(1_000_000, { error: "invalid" });

export const optionAxisSchema = z.object({
  name,
  values: z.array(value).min(1, { error: "required" }).max(VARIANT_LIMITS.values, { error: "too_many" })
    .refine((v) => new Set(v).size === v.length, { error: "duplicate" }),
});

export const variantInputSchema = z.object({
  optionValues: z.array(value).max(VARIANT_LIMITS.axes),
  sku: text(64, { tooLong: "too_long" }).min(1, { error: "required" }).regex(/^[A-Za-z0-9._-]+$/, { error: "invalid" }),
  /** Integer won added to the product's price. */
  priceDelta: z.number({ error: "invalid" }).int({ error: "invalid" }).min(-10_000_000).max(10_000_000).default(0),
  units,
});

/**
 * A product's axes and the variants that exist (not every combination must: a colour may lack a size).
 * Empty axes = no options (the implicit default variant holds the product's units).
 */
export const variantsInputSchema = z.object({
  options: z.array(optionAxisSchema).max(VARIANT_LIMITS.axes, { error: "too_many" })
    .refine((a) => new Set(a.map((x) => x.name)).size === a.length, { error: "duplicate" }),
  variants: z.array(variantInputSchema).max(VARIANT_LIMITS.variants, { error: "too_many" }),
}).superRefine((v, ctx) => {
  if (!v.options.length) {
    if (v.variants.length) ctx.addIssue({ code: "custom", path: ["variants"], message: "no_options" });
    return;
  }
  if (!v.variants.length) ctx.addIssue({ code: "custom", path: ["variants"], message: "required" });
  const valid = new Set(combinations(v.options).map((c) => c.join("\u0000")));
  const seen = new Set<string>();
  const skus = new Set<string>();
  v.variants.forEach((x, i) => {
    const key = x.optionValues.join("\u0000");
    if (!valid.has(key)) ctx.addIssue({ code: "custom", path: ["variants", i, "optionValues"], message: "invalid" });
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["variants", i, "optionValues"], message: "duplicate" });
    if (skus.has(x.sku)) ctx.addIssue({ code: "custom", path: ["variants", i, "sku"], message: "duplicate" });
    seen.add(key);
    skus.add(x.sku);
  });
});
export type VariantsInput = z.infer<typeof variantsInputSchema>;

/** Restock (or reduce) one variant: `add` units, negative to take unsold units away. */
export const variantRestockSchema = z.object({
  variantId: z.uuid({ error: "invalid" }),
  add: z.number({ error: "invalid" }).int({ error: "invalid" }).min(-1_000_000).max(1_000_000).refine((n) => n !== 0, { error: "invalid" }),
});
