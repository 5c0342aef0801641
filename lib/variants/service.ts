import "server-only";
// The seller defines a product's option axes and variants (docs/variants.md). Replacing them is allowed only
// while the product has no order lines: an order line points at its variant for good (the snapshot keeps its
// label and SKU, but reports and returns follow the row). Afterwards a size changes through its own restock.
import { invalidateProduct } from "@/lib/catalog/cache";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SellerScope } from "@/lib/seller/scope";
import { ownedProductOrThrow } from "@/lib/seller/scope";
import { reloadStockInRedis } from "@/lib/stock/restock";
import type { VariantsInput } from "./schemas";
import { defaultVariantData } from "./types";

/**
 * Replaces the product's axes and variants in one transaction (the variant rows locked first, then the
 * product's Inventory — the order the ledger takes), sets Inventory to their sum, then rewrites the product's
 * Redis keys. Empty axes turn the product back into one without options (one implicit variant holding the
 * units the variants had). Cart lines of the old variants go with them (a cart line holds no stock).
 */
export async function setProductVariants(scope: SellerScope, productId: string, input: VariantsInput) {
  await ownedProductOrThrow(scope, productId);
  await db.$transaction(async (tx) => {
    const old = await tx.$queryRaw<{ id: string; total: number }[]>`
      SELECT id::text, total FROM "ProductVariant" WHERE "productId" = ${productId}::uuid ORDER BY id FOR UPDATE`;
    await tx.$queryRaw`SELECT 1 FROM "Inventory" WHERE "productId" = ${productId}::uuid FOR UPDATE`;
    if (await tx.orderItem.count({ where: { productId } })) {
      throw new AppError("VALIDATION", "Invalid input", { options: ["options_locked"] });
    }
    const ids = old.map((v) => v.id);
    await tx.cartItem.deleteMany({ where: { variantId: { in: ids } } });
    await tx.productVariant.deleteMany({ where: { productId } });
    await tx.productOption.deleteMany({ where: { productId } });
    const units = input.options.length
      ? input.variants.reduce((s, v) => s + v.units, 0)
      : old.reduce((s, v) => s + v.total, 0);
    if (input.options.length) {
      await tx.productOption.createMany({ data: input.options.map((o, position) => ({ productId, position, name: o.name, values: o.values })) });
      await tx.productVariant.createMany({
        data: input.variants.map((v, position) => ({
          productId, position, sku: v.sku, optionValues: v.optionValues, priceDelta: v.priceDelta, total: v.units, available: v.units,
        })),
      });
    } else {
      await tx.productVariant.create({ data: { productId, ...defaultVariantData(units) } });
    }
    await tx.inventory.update({ where: { productId }, data: { total: units, available: units } });
  });
  await reloadStockInRedis(productId);
  invalidateProduct(productId);
  return getSellerVariants(scope, productId);
}

/** The seller's view of a product's axes and every variant with its figures (default variant excluded). */
export async function getSellerVariants(scope: SellerScope, productId: string) {
  await ownedProductOrThrow(scope, productId);
  const [options, variants, lines] = await Promise.all([
    db.productOption.findMany({ where: { productId }, orderBy: { position: "asc" }, select: { name: true, values: true } }),
    db.productVariant.findMany({
      where: { productId, isDefault: false }, orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, sku: true, optionValues: true, priceDelta: true, total: true, available: true },
    }),
    db.orderItem.count({ where: { productId } }),
  ]);
  /** `locked`: orders exist, so the axes and variants stay as they are (restock per variant instead). */
  return { options, variants, locked: lines > 0 };
}
