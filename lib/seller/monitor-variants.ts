import "server-only";
// The drop monitor's figures per variant (docs/variants.md): units left (live from the stock engine while on
// sale, else the ledger), held and sold, so a seller sees which size is going and restocks that one.
import { db } from "@/lib/db";
import { holdingStates, soldStates } from "@/lib/orders/lifecycle/transitions";
import { variantLabel } from "@/lib/variants/types";

export type VariantFigure = { id: string; label: string; sku: string; remaining: number; total: number; held: number; sold: number };
type Line = { variantId: string; quantity: number; order: { status: string } };

/** Empty for a product without options (its one implicit variant is the product's own figures). */
export async function variantFigures(productId: string, lines: Line[], live: { id: string; available: number }[] | undefined): Promise<VariantFigure[]> {
  const [options, variants] = await Promise.all([
    db.productOption.findMany({ where: { productId }, orderBy: { position: "asc" }, select: { name: true } }),
    db.productVariant.findMany({ where: { productId, isDefault: false }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, sku: true, optionValues: true, available: true, total: true } }),
  ]);
  const liveLeft = new Map((live ?? []).map((v) => [v.id, v.available]));
  const sum = (id: string, states: readonly string[]) => lines.filter((l) => l.variantId === id && states.includes(l.order.status)).reduce((s, l) => s + l.quantity, 0);
  return variants.map((v) => ({
    id: v.id, sku: v.sku, label: variantLabel(options, v.optionValues) ?? v.sku,
    remaining: liveLeft.get(v.id) ?? v.available, total: v.total,
    held: sum(v.id, holdingStates), sold: sum(v.id, soldStates),
  }));
}
