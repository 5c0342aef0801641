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

type ProductInput = Partial<Omit<Prisma.ProductUncheckedCreateInput, "inventory">> & { units?: number };

/** A product with its inventory (`units`, default 100). */
export async function createProduct(input: ProductInput = {}) {
  const { units = 100, ...data } = input;
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
    },
    include: { inventory: true },
  });
}
