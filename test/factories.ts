// Test data built straight into the ledger, for integration tests. Every call makes unique rows, so
// test files can run in parallel against one database.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const uid = () => randomUUID().slice(0, 8);

export async function createUser(data: Partial<Prisma.UserUncheckedCreateInput> = {}) {
  return db.user.create({ data: { emailHash: `test-${uid()}`, emailVerifiedAt: new Date(), role: "BUYER", ...data } });
}

export async function createSeller(shopName = `Shop ${uid()}`) {
  const user = await createUser({ role: "SELLER" });
  return db.seller.create({ data: { userId: user.id, shopName } });
}

export async function createCategory() {
  const slug = `cat-${uid()}`;
  return db.category.create({ data: { slug, nameKo: `분류 ${slug}`, nameEn: `Category ${slug}` } });
}

type ProductInput = Partial<Omit<Prisma.ProductUncheckedCreateInput, "inventory" | "variants" | "options">> & {
  units?: number;
  /** Option axes and per-variant units (docs/variants.md); absent = one implicit default variant holding `units`. */
  sizes?: { axis?: string; units: Record<string, number>; priceDelta?: Record<string, number> };
};

/** A product with its inventory (`units`, default 100), or a size run (`sizes`) whose units are summed into it. */
export async function createProduct(input: ProductInput = {}) {
  const { units: plain = 100, sizes, ...data } = input;
  const values = sizes ? Object.keys(sizes.units) : [];
  const units = sizes ? Object.values(sizes.units).reduce((a, b) => a + b, 0) : plain;
  const variants = sizes
    ? values.map((v, i) => ({ sku: `SZ-${v}`, optionValues: [v], position: i, priceDelta: sizes.priceDelta?.[v] ?? 0, total: sizes.units[v], available: sizes.units[v] }))
    : [{ sku: "default", optionValues: [], isDefault: true, total: units, available: units }];
  const sellerId = data.sellerId ?? (await createSeller()).id;
  const categoryId = data.categoryId ?? (await createCategory()).id;
  return db.product.create({
    data: {
      name: `Product ${uid()}`,
      description: "A product made for a test.",
      price: 10_000,
      images: ["/products/placeholder.svg"],
      ...data,
      sellerId,
      categoryId,
      inventory: { create: { total: units, available: units } },
      variants: { create: variants },
      ...(sizes && { options: { create: [{ position: 0, name: sizes.axis ?? "사이즈", values }] } }),
    },
    include: { inventory: true, variants: { orderBy: { position: "asc" } } },
  });
}
