import "server-only";
// Seller writes: products, drops and restocks. The ledger changes in one transaction; the stock tier's
// Redis copy follows right after the commit through lib/stock (never a second stock engine here). Each
// write then expires the catalog's cached pages of the product (lib/catalog/cache.ts). A new or moved
// opening and units back in a sold-out size tell the drop alerts, in the same transaction (lib/alerts).
import { openingSet, unitsAdded } from "@/lib/alerts/events";
import { invalidateProduct } from "@/lib/catalog/cache";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { getLimitCounters, roomSettingsOf } from "@/lib/stock/queries";
import { adjustUnitsInLedger, applyMetaToRedis, applyRestockToRedis, StockBelowCommitted } from "@/lib/stock/restock";
import { resolveVariant } from "@/lib/variants/queries";
import { defaultVariantData } from "@/lib/variants/types";
import { saleIssues, type ProductCreateInput, type ProductUpdateInput } from "./schemas";
import { ownedProductOrThrow, type SellerScope } from "./scope";

const invalid = (fields: FieldErrors) => new AppError("VALIDATION", "Invalid input", fields);
const add = (fields: FieldErrors, field: string, code: string) => (fields[field] ??= []).push(code);

async function checkCategory(categoryId: string, fields: FieldErrors) {
  if (!(await db.category.findUnique({ where: { id: categoryId }, select: { id: true } }))) add(fields, "categoryId", "unknown_category");
}

/**
 * Only a shop whose owner has verified their email may show products to the public: an account made with
 * somebody else's address (or a throwaway one) keeps its products as drafts. The owner's account is what
 * counts, whoever (the seller or an admin) presses publish.
 */
async function assertMayPublish(sellerId: string) {
  const seller = await db.seller.findUnique({ where: { id: sellerId }, select: { user: { select: { emailVerifiedAt: true } } } });
  if (!seller?.user.emailVerifiedAt) throw new AppError("EMAIL_NOT_VERIFIED", "Verify the shop's email address before publishing products");
}

export async function createProduct(scope: SellerScope, input: ProductCreateInput, sellerIdForAdmin?: string) {
  const sellerId = scope.sellerId ?? sellerIdForAdmin;
  const fields: FieldErrors = {};
  if (!sellerId) add(fields, "sellerId", "required");
  else if (input.status === "ACTIVE") await assertMayPublish(sellerId);
  if (input.saleStartsAt && input.saleStartsAt <= clock.now()) add(fields, "saleStartsAt", "opens_in_past");
  await checkCategory(input.categoryId, fields);
  if (Object.keys(fields).length) throw invalid(fields);
  const { units, ...data } = input;
  const product = await db.$transaction(async (tx) => {
    const created = await tx.product.create({
      data: {
        ...data,
        sellerId: sellerId!,
        saleStartsAt: input.saleStartsAt ?? null,
        saleEndsAt: input.saleEndsAt ?? null,
        perBuyerLimit: input.perBuyerLimit ?? null,
        // A limited drop gets its waiting room unless the seller says otherwise (docs/waiting-room.md).
        waitingRoom: input.waitingRoom ?? input.type === "LIMITED",
        admissionRate: input.admissionRate ?? null,
        inventory: { create: { total: units, available: units } },
        // A new product sells one implicit variant until the seller defines options (docs/variants.md).
        variants: { create: [defaultVariantData(units)] },
      },
      include: { inventory: true },
    });
    await openingSet(tx, created.id, created.saleStartsAt);
    return created;
  });
  invalidateProduct(product.id);
  return product;
}

/**
 * Applies edits. `units` sets the new total: refused (field error) below the units held or sold. A new
 * price only affects later orders — order items keep the price they were bought at.
 */
export async function updateProduct(scope: SellerScope, productId: string, input: ProductUpdateInput) {
  const current = await ownedProductOrThrow(scope, productId);
  if (input.status === "ACTIVE" && current.status !== "ACTIVE") await assertMayPublish(current.sellerId);
  const now = clock.now();
  const fields: FieldErrors = {};
  const merged = {
    type: input.type ?? current.type,
    units: input.units ?? current.inventory?.total ?? 0,
    saleStartsAt: input.saleStartsAt !== undefined ? input.saleStartsAt : current.saleStartsAt,
    saleEndsAt: input.saleEndsAt !== undefined ? input.saleEndsAt : current.saleEndsAt,
    perBuyerLimit: input.perBuyerLimit !== undefined ? input.perBuyerLimit : current.perBuyerLimit,
    waitingRoom: input.waitingRoom ?? current.waitingRoom,
  };
  for (const [f, code] of saleIssues(merged)) add(fields, f, code);
  const rescheduled = input.saleStartsAt && input.saleStartsAt.getTime() !== current.saleStartsAt?.getTime();
  const openingMoved = input.saleStartsAt !== undefined && (input.saleStartsAt?.getTime() ?? null) !== (current.saleStartsAt?.getTime() ?? null);
  if (rescheduled && input.saleStartsAt! <= now) add(fields, "saleStartsAt", "opens_in_past");
  const newEnd = input.saleEndsAt && input.saleEndsAt.getTime() !== current.saleEndsAt?.getTime();
  if (newEnd && input.saleEndsAt! <= now) add(fields, "saleEndsAt", "ends_in_past");
  if (input.categoryId) await checkCategory(input.categoryId, fields);
  const total = current.inventory?.total ?? 0;
  const committed = total - (current.inventory?.available ?? 0);
  if (input.units !== undefined && input.units < committed) add(fields, "units", "units_below_committed");
  // A product with options keeps its units per variant: its total is their sum, changed through them.
  if (input.units !== undefined && input.units !== total && !(await db.productVariant.count({ where: { productId, isDefault: true } }))) {
    add(fields, "units", "units_per_variant");
  }
  if (Object.keys(fields).length) throw invalid(fields);

  const { units, ...data } = input;
  const delta = units === undefined ? 0 : units - total;
  const { product, restockId } = await db.$transaction(async (tx) => {
    // The product's row before its units, as a size save takes them (lib/seller/variants.ts).
    await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ${productId}::uuid FOR NO KEY UPDATE`;
    let restockId: string | null = null;
    if (delta !== 0) {
      const r = await adjustUnitsInLedger(tx, productId, delta);
      restockId = r.restockId;
      await unitsAdded(tx, productId, ...changeOf(r, delta));
    }
    const product = await tx.product.update({ where: { id: productId }, data, include: { inventory: true } });
    if (openingMoved) await openingSet(tx, productId, product.saleStartsAt);
    return { product, restockId };
  }).catch((err) => {
    // Units were held or sold between the check above and the guarded update.
    if (err instanceof StockBelowCommitted) throw invalid({ units: ["units_below_committed"] });
    throw err;
  });
  if (restockId) await applyRestockToRedis(productId, delta, restockId);
  const metaChanged = [
    "saleStartsAt", "saleEndsAt", "perBuyerLimit", "status", "phoneRequired", "waitingRoom", "admissionRate", "preQueueMinutes", "roomRangeCap", "roomDeviceCap",
  ].some(
    (k) => k in data,
  );
  if (metaChanged) await syncMeta(product, (product.perBuyerLimit ?? null) !== (current.perBuyerLimit ?? null));
  invalidateProduct(productId);
  return product;
}

/** The before and after of one ledger adjustment (the size's, the product's), for the restock alerts. */
const changeOf = (r: { variantId: string; available: number; variantAvailable: number }, delta: number) =>
  [[{ variantId: r.variantId, before: r.variantAvailable - delta, after: r.variantAvailable }], { before: r.available - delta, after: r.available }] as const;

type MetaSource = {
  id: string; status: string; saleStartsAt: Date | null; saleEndsAt: Date | null; perBuyerLimit: number | null; phoneRequired: boolean;
  waitingRoom: boolean; admissionRate: number | null; preQueueMinutes: number; roomRangeCap: number | null; roomDeviceCap: number | null;
};
async function syncMeta(p: MetaSource, limitChanged: boolean) {
  await applyMetaToRedis(p.id, {
    startsAtMs: p.saleStartsAt?.getTime() ?? 0,
    endsAtMs: p.saleEndsAt?.getTime() ?? 0,
    perBuyerLimit: p.perBuyerLimit ?? 0,
    onSale: p.status === "ACTIVE",
    phoneRequired: p.phoneRequired,
    room: roomSettingsOf(p),
    counters: limitChanged ? await getLimitCounters(p.id) : undefined,
  });
}

/** Takes the product off sale (kept for its orders); PATCH status ACTIVE brings it back. */
export async function archiveProduct(scope: SellerScope, productId: string) {
  await ownedProductOrThrow(scope, productId);
  const product = await db.product.update({ where: { id: productId }, data: { status: "ARCHIVED" } });
  await syncMeta(product, false);
  invalidateProduct(productId);
  return product;
}

/**
 * Adds units to PostgreSQL and then, once, to Redis (live drops keep selling throughout): to one variant
 * (a size during a live drop), or to the implicit variant of a product without options. A product with
 * options needs the variant named (422 variantId).
 */
export async function restockProduct(scope: SellerScope, productId: string, addUnits: number, variantId?: string) {
  await ownedProductOrThrow(scope, productId);
  const variant = await resolveVariant(db, productId, variantId);
  const { restockId, total, available } = await db.$transaction(async (tx) => {
    const r = await adjustUnitsInLedger(tx, productId, addUnits, variant.id);
    await unitsAdded(tx, productId, ...changeOf(r, addUnits));
    return r;
  });
  await applyRestockToRedis(productId, addUnits, restockId, undefined, variant.id);
  invalidateProduct(productId); // the total ("n / total left") is a listing fact, unlike units sold
  const v = await db.productVariant.findUniqueOrThrow({ where: { id: variant.id }, select: { id: true, total: true, available: true } });
  return { total, available, variant: variant.isDefault ? null : v };
}
