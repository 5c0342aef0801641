import "server-only";
// Catalog reads. Only ACTIVE products are public: drafts and archived products answer "not found".
import { clock } from "@/lib/clock";
import { db, type Db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { waitingRoomsOn } from "@/lib/tiers";
import type { ListProductsQuery } from "./schemas";
import { computeSaleState, factsOf, isPurchasable, productFactsSelect } from "./sale-rules";
import type { CategoryView, ProductPage, ProductView } from "./types";
import { variantLabel } from "@/lib/variants/types";

const productInclude = {
  category: true,
  inventory: true,
  // The axes and the real variants; the implicit default variant is never shown (docs/variants.md).
  options: { orderBy: { position: "asc" }, select: { name: true, values: true } },
  variants: { where: { isDefault: false }, orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.ProductInclude;
type ProductRow = Prisma.ProductGetPayload<{ include: typeof productInclude }>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toView(p: ProductRow, nowMs: number): ProductView {
  const remaining = p.inventory?.available ?? 0;
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    price: p.price,
    images: p.images,
    type: p.type,
    category: { slug: p.category.slug, nameKo: p.category.nameKo, nameEn: p.category.nameEn },
    saleStartsAt: iso(p.saleStartsAt),
    saleEndsAt: iso(p.saleEndsAt),
    perBuyerLimit: p.perBuyerLimit,
    phoneRequired: p.phoneRequired,
    waitingRoom: p.waitingRoom && waitingRoomsOn, // off in the PostgreSQL-only mode: the page shows a plain buy button
    remaining,
    total: p.inventory?.total ?? 0,
    state: computeSaleState({ saleStartsAt: p.saleStartsAt, saleEndsAt: p.saleEndsAt, remaining }, nowMs),
    createdAt: p.createdAt.toISOString(),
    options: p.options,
    variants: p.variants.map((v) => ({
      id: v.id, sku: v.sku, optionValues: v.optionValues, label: variantLabel(p.options, v.optionValues) ?? "", priceDelta: v.priceDelta,
      price: p.price + v.priceDelta, available: v.available, total: v.total,
    })),
  };
}

const orderBy: Record<ListProductsQuery["sort"], Prisma.ProductOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "asc" }],
  price_asc: [{ price: "asc" }, { id: "asc" }],
  price_desc: [{ price: "desc" }, { id: "asc" }],
};

function whereFor(query: ListProductsQuery, now: Date): Prisma.ProductWhereInput {
  const and: Prisma.ProductWhereInput[] = [{ status: "ACTIVE" }];
  if (query.q) and.push({ name: { contains: query.q, mode: "insensitive" } });
  if (query.category) and.push({ category: { slug: query.category } });
  if (query.type) and.push({ type: query.type });
  // "Available" = units left and the sale not over; drops that open later still count (they can be bought soon).
  // The end of the window as salePhase (./sale-rules.ts) reads it, restated as a filter the database runs.
  // "Size 270 available": a variant with that value — with units left when `available` is asked too.
  if (query.option) and.push({ variants: { some: { optionValues: { has: query.option }, ...(query.available && { available: { gt: 0 } }) } } });
  if (query.available) {
    and.push({ inventory: { is: { available: { gt: 0 } } } });
    and.push({ OR: [{ saleEndsAt: null }, { saleEndsAt: { gt: now } }] });
  }
  return { AND: and };
}

export async function listProducts(query: ListProductsQuery): Promise<ProductPage> {
  const now = clock.now();
  const where = whereFor(query, now);
  const [total, rows] = await Promise.all([
    db.product.count({ where }),
    db.product.findMany({ where, include: productInclude, orderBy: orderBy[query.sort], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return {
    items: rows.map((r) => toView(r, now.getTime())),
    page: query.page,
    pageSize: query.pageSize,
    total,
    totalPages: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

export async function getProduct(id: string): Promise<ProductView | null> {
  const row = await db.product.findFirst({ where: { id, status: "ACTIVE" }, include: productInclude });
  return row ? toView(row, clock.nowMs()) : null;
}

export async function getProductOrThrow(id: string): Promise<ProductView> {
  const product = await getProduct(id);
  if (!product) throw notFound("product");
  return product;
}

export async function listCategories(): Promise<CategoryView[]> {
  return db.category.findMany({ select: { slug: true, nameKo: true, nameEn: true }, orderBy: [{ sort: "asc" }, { slug: "asc" }] });
}

/** Units a user already holds or has bought, by product (guests have none): what the per-buyer cap subtracts. */
export async function boughtByProduct(client: Db | Tx, userId: string | null, productIds: string[]): Promise<Map<string, number>> {
  if (!userId || productIds.length === 0) return new Map();
  const rows = await client.purchaseCounter.findMany({ where: { userId, productId: { in: productIds } } });
  return new Map(rows.map((r) => [r.productId, r.quantity]));
}

export type BuyableLine = { productId: string; name: string; image: string | null; unitPrice: number; quantity: number; purchasable: boolean };

/**
 * Products as `userId` would buy them now, in the order asked: the server's price and whether `quantity`
 * can be bought (sale open, within the stock and the buyer's cap). Unknown and inactive products are left out.
 */
export async function getBuyableLines(userId: string, wanted: { productId: string; quantity: number }[]): Promise<BuyableLine[]> {
  const products = await db.product.findMany({
    where: { id: { in: wanted.map((w) => w.productId) }, status: "ACTIVE" },
    select: { id: true, name: true, images: true, price: true, ...productFactsSelect },
  });
  const byId = new Map(products.map((p) => [p.id, p]));
  const bought = await boughtByProduct(db, userId, [...byId.keys()]);
  const now = clock.now();
  return wanted.flatMap(({ productId, quantity }) => {
    const p = byId.get(productId);
    if (!p) return [];
    const purchasable = isPurchasable(factsOf(p), quantity, bought.get(p.id) ?? 0, now);
    return [{ productId: p.id, name: p.name, image: p.images[0] ?? null, unitPrice: p.price, quantity, purchasable }];
  });
}
