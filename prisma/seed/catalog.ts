// The demo catalog: categories, products with their generated images, inventory and the four limited
// drops, whose sale windows are set relative to `now` on every run so a fresh seed always shows one drop
// open, one counting down, one sold out and one ended. Idempotent: ids derive from each row's key.
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { DEFAULT_SKU } from "@/lib/variants/types";
import { loadStock } from "@/lib/stock/admission";
import type { StockStore } from "@/lib/stock/store";
import { productImages, seedCategories, seedProducts, type DropKind, type SeedProduct } from "./catalog-data";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A stable UUID (version 5 layout) for a seed key, so a re-run updates the same rows. */
export function seedId(key: string): string {
  const h = createHash("sha1").update(`hurryup:seed:${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** How far the upcoming drop opens after seeding (or after the demo first answers: retimeDrops). */
export const UPCOMING_DROP_DELAY_MS = 3 * MINUTE;

function window(kind: DropKind, nowMs: number): { starts: number; ends: number } {
  switch (kind) {
    case "open": return { starts: nowMs - 10 * MINUTE, ends: nowMs + 3 * DAY };
    case "upcoming": return { starts: nowMs + UPCOMING_DROP_DELAY_MS, ends: nowMs + 3 * DAY };
    case "sold_out": return { starts: nowMs - 2 * 60 * MINUTE, ends: nowMs + 2 * DAY };
    case "ended": return { starts: nowMs - 10 * DAY, ends: nowMs - 3 * DAY };
  }
}

/** Units on sale after seeding: a sold-out drop has none left, an ended one a few unsold. */
function availableFor(p: SeedProduct, units: number, left?: number): number {
  if (p.drop?.kind === "sold_out") return 0;
  if (p.drop?.kind === "ended") return Math.floor(units / 5);
  return left ?? units;
}

/**
 * The product's variants (a size run, or the one implicit variant) and its Inventory as their sum. Units
 * already held or sold by real orders stay counted per variant, so total = available + held + sold holds.
 */
async function seedVariants(tx: Tx, productId: string, p: SeedProduct) {
  const s = p.sizes;
  const wanted = s
    ? s.values.map((v, i) => ({ sku: `${p.key}-${v}`.toUpperCase(), optionValues: [v], position: i, isDefault: false, units: s.units[i], left: s.left?.[i] }))
    : [{ sku: DEFAULT_SKU, optionValues: [] as string[], position: 0, isDefault: true, units: p.units, left: undefined }];
  await tx.productOption.deleteMany({ where: { productId } });
  if (s) {
    await tx.productOption.create({ data: { productId, position: 0, name: s.axis, values: s.values } });
    // A database seeded before sizes existed: its implicit variant goes unless orders name it.
    await tx.productVariant.deleteMany({ where: { productId, isDefault: true, orderItems: { none: {} } } });
  }
  for (const w of wanted) {
    const available = availableFor(p, w.units, w.left);
    const cur = await tx.productVariant.findUnique({ where: { productId_sku: { productId, sku: w.sku } } });
    const committed = cur ? Math.max(0, cur.total - cur.available) : 0;
    const total = Math.max(w.units, committed + available);
    const data = { optionValues: w.optionValues, position: w.position, isDefault: w.isDefault, total, available };
    await tx.productVariant.upsert({
      where: { productId_sku: { productId, sku: w.sku } },
      create: { id: seedId(`${p.key}:${w.sku}`), productId, sku: w.sku, ...data },
      update: data,
    });
  }
  const sum = await tx.productVariant.aggregate({ where: { productId }, _sum: { total: true, available: true } });
  const inv = { total: sum._sum.total ?? 0, available: sum._sum.available ?? 0 };
  await tx.inventory.upsert({ where: { productId }, create: { productId, ...inv }, update: inv });
}

export async function seedCatalog(db: Db, sellerId: string, nowMs: number): Promise<string[]> {
  const categoryIds = new Map<string, string>();
  for (const c of seedCategories) {
    const data = { slug: c.slug, nameKo: c.nameKo, nameEn: c.nameEn, sort: c.sort };
    const row = await db.category.upsert({ where: { slug: c.slug }, create: data, update: data });
    categoryIds.set(c.slug, row.id);
  }
  const ids: string[] = [];
  for (const p of seedProducts) {
    const id = seedId(p.key);
    const w = p.drop ? window(p.drop.kind, nowMs) : null;
    const data = {
      sellerId,
      categoryId: categoryIds.get(p.category)!,
      type: p.drop ? ("LIMITED" as const) : ("NORMAL" as const),
      status: "ACTIVE" as const,
      name: p.name,
      description: p.description,
      price: p.price,
      images: productImages(p.key),
      saleStartsAt: w ? new Date(w.starts) : null,
      saleEndsAt: w ? new Date(w.ends) : null,
      perBuyerLimit: p.drop?.perBuyerLimit ?? null,
      waitingRoom: p.drop?.room ?? false,
      phoneRequired: p.drop?.phoneRequired ?? false,
      createdAt: new Date(nowMs - p.ageDays * DAY),
    };
    await db.$transaction(async (tx) => {
      await tx.product.upsert({ where: { id }, create: { id, ...data }, update: data });
      await seedVariants(tx, id, p);
    });
    ids.push(id);
  }
  return ids;
}

/**
 * Sets the drops' sale windows again relative to `nowMs`, leaving everything else as seeded. `npm run demo`
 * calls it once the shop answers (scripts/demo-ready.ts): the seed runs before the build, and a drop set to
 * open minutes after seeding would otherwise open before a newcomer first sees it. Returns the drops' ids
 * (their stock in Redis must be reloaded: the windows moved).
 */
export async function retimeDrops(db: Db, nowMs: number): Promise<string[]> {
  const ids: string[] = [];
  for (const p of seedProducts) {
    if (!p.drop) continue;
    const w = window(p.drop.kind, nowMs);
    const id = seedId(p.key);
    const { count } = await db.product.updateMany({ where: { id }, data: { saleStartsAt: new Date(w.starts), saleEndsAt: new Date(w.ends) } });
    if (count === 1) ids.push(id);
  }
  return ids;
}

/** Makes Redis agree with PostgreSQL for the seeded products (forced: the sale windows just moved). */
export async function loadSeededStock(store: StockStore, productIds: string[]): Promise<void> {
  for (const id of productIds) await loadStock(store, id, "force");
}
