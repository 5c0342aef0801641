import "server-only";
// Reads of a product's options and variants (docs/variants.md), for the catalog, the cart and checkout.
import { db, type Db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { variantLabel, type LineVariant, type OptionAxis, type VariantView } from "./types";

type Client = Db | Tx;

/** What a line needs of its variant; spread into a cart or order select. */
export const variantSelect = {
  id: true, sku: true, optionValues: true, priceDelta: true, available: true, total: true, isDefault: true,
  product: { select: { options: { select: { name: true, position: true }, orderBy: { position: "asc" } } } },
} as const;
export type VariantRow = {
  id: string; sku: string; optionValues: string[]; priceDelta: number; available: number; total: number; isDefault: boolean;
  product: { options: { name: string; position: number }[] };
};

/** A line's variant as the API shows it: label and SKU, none for an implicit default variant. */
export const lineVariantOf = (v: VariantRow): LineVariant => ({
  id: v.id,
  label: v.isDefault ? null : variantLabel(v.product.options, v.optionValues),
  sku: v.isDefault ? null : v.sku,
});

/**
 * The variant a request line means: the one named (it must be the product's), else the product's implicit
 * default variant — a product with options needs one named. 422 on `field` otherwise.
 */
export async function resolveVariant(client: Client, productId: string, variantId: string | undefined, field = "variantId"): Promise<VariantRow> {
  const v = await client.productVariant.findFirst({ where: { productId, ...(variantId ? { id: variantId } : { isDefault: true }) }, select: variantSelect });
  if (v) return v;
  throw new AppError("VALIDATION", "Invalid input", { [field]: [variantId ? "Unknown variant" : "Choose an option"] });
}

/** A product's axes and variants as the API shows them; both empty for a product without options. */
export async function getOptionsAndVariants(productId: string, price: number, client: Client = db): Promise<{ options: OptionAxis[]; variants: VariantView[] }> {
  const [options, variants] = await Promise.all([
    client.productOption.findMany({ where: { productId }, orderBy: { position: "asc" }, select: { name: true, values: true } }),
    client.productVariant.findMany({ where: { productId, isDefault: false }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
  ]);
  return {
    options,
    variants: variants.map((v) => ({
      id: v.id, sku: v.sku, optionValues: v.optionValues, label: variantLabel(options, v.optionValues) ?? "", priceDelta: v.priceDelta,
      price: price + v.priceDelta, available: v.available, total: v.total,
    })),
  };
}
