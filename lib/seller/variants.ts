import "server-only";
// The seller defines a product's option axes and variants (docs/variants.md): the axes are replaced, variants
// are matched by SKU (a kept SKU keeps its id, orders and units held or sold), new ones start with their
// units, and a variant that leaves must have nothing held or sold. PostgreSQL in one transaction, then the
// product's Redis keys are reloaded from it (the variants' fields are the meta hash's). A sold-out size given
// units again wakes its restock alerts, in the same transaction (lib/alerts).
import { unitsAdded } from "@/lib/alerts/events";
import { invalidateProduct } from "@/lib/catalog/cache";
import { db } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { RedisUnavailable, stockGate } from "@/lib/stock/gate";
import type { VariantsInput } from "@/lib/variants/schemas";
import { getOptionsAndVariants } from "@/lib/variants/queries";
import { ownedProductOrThrow, type SellerScope } from "./scope";

const invalid = (fields: FieldErrors) => new AppError("VALIDATION", "Invalid input", fields);

export async function setProductVariants(scope: SellerScope, productId: string, input: VariantsInput) {
  const product = await ownedProductOrThrow(scope, productId);
  if (!input.options.length) throw invalid({ options: ["required"] });
  await db.$transaction(async (tx) => {
    // The product's row first: two saves of one product's variants run one after the other. NO KEY UPDATE,
    // not UPDATE: an order's foreign keys take KEY SHARE on the product at the end of the ledger statement,
    // when it already holds the variant and Inventory rows this save goes on to lock. Then the variants in
    // id order, as the ledger and a release lock them (docs/architecture.md, "Lock order").
    await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ${productId}::uuid FOR NO KEY UPDATE`;
    await tx.$queryRaw`SELECT id FROM "ProductVariant" WHERE "productId" = ${productId}::uuid ORDER BY id FOR UPDATE`;
    const current = await tx.productVariant.findMany({ where: { productId }, include: { _count: { select: { orderItems: true } } } });
    const bySku = new Map(current.map((v) => [v.sku, v]));
    const fields: FieldErrors = {};
    input.variants.forEach((w, i) => {
      const cur = bySku.get(w.sku);
      if (cur && w.units < cur.total - cur.available) (fields[`variants.${i}.units`] ??= []).push("units_below_committed");
    });
    const leaving = current.filter((v) => v.isDefault || !input.variants.some((w) => w.sku === v.sku));
    for (const v of leaving) {
      if (v._count.orderItems > 0 || v.total !== v.available) (fields.variants ??= []).push(`in_orders:${v.sku}`);
    }
    if (Object.keys(fields).length) throw invalid(fields);
    await tx.productVariant.deleteMany({ where: { id: { in: leaving.map((v) => v.id) } } });
    await tx.productOption.deleteMany({ where: { productId } });
    await tx.productOption.createMany({ data: input.options.map((o, position) => ({ productId, position, name: o.name, values: o.values })) });
    const rows = input.variants.map((w, position) => {
      const cur = bySku.get(w.sku);
      const committed = cur && !cur.isDefault ? cur.total - cur.available : 0;
      return { cur, data: { optionValues: w.optionValues, priceDelta: w.priceDelta, position, isDefault: false, total: w.units, available: w.units - committed } };
    });
    // Kept sizes one by one (their ids stay), new ones in one statement: a size run is one INSERT.
    for (const { cur, data } of rows) if (cur && !cur.isDefault) await tx.productVariant.update({ where: { id: cur.id }, data });
    await tx.productVariant.createMany({
      data: rows.filter((r) => !r.cur || r.cur.isDefault).map(({ data }) => ({ productId, sku: input.variants[data.position].sku, ...data })),
    });
    const sum = await tx.productVariant.aggregate({ where: { productId }, _sum: { total: true, available: true } });
    const inv = { total: sum._sum.total ?? 0, available: sum._sum.available ?? 0 };
    await tx.inventory.upsert({ where: { productId }, create: { productId, ...inv }, update: inv });
    // A kept size given units back after selling out wakes its restock alerts (and the product's, if it was all gone).
    const kept = rows.flatMap(({ cur, data }) => (cur && !cur.isDefault ? [{ variantId: cur.id, before: cur.available, after: data.available }] : []));
    await unitsAdded(tx, productId, kept, { before: current.reduce((n, v) => n + v.available, 0), after: inv.available });
  }, { timeout: 15_000 });
  // Redis follows the committed rows; while it is away the gate's rebuild reads them.
  await stockGate().reload(productId).catch((err) => {
    if (!(err instanceof RedisUnavailable)) throw err;
  });
  invalidateProduct(productId);
  return getOptionsAndVariants(productId, product.price);
}
