// Products made for one journey, written straight into the e2e database (scripts/e2e.sh exports its
// DATABASE_URL) so the journeys do not depend on what the demo seed sells or how much of it is left.
import { randomUUID } from "node:crypto";
import pg from "pg";

let client: pg.Client | null = null;

async function db(): Promise<pg.Client> {
  if (!client) {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
  }
  return client;
}

export async function closeE2eDb() {
  await client?.end();
  client = null;
}

type ProductInput = { name: string; price: number; units: number; perBuyerLimit?: number; saleStartsAt?: Date; waitingRoom?: boolean; admissionRate?: number; images?: string[] };

/** An active product of the demo seller, in a category of its own, with `units` in stock. */
export async function createE2eProduct(p: ProductInput): Promise<{ id: string }> {
  const c = await db();
  const seller = await c.query(`SELECT "id" FROM "Seller" ORDER BY "createdAt" LIMIT 1`);
  if (!seller.rowCount) throw new Error("the demo seed has no seller");
  const categoryId = randomUUID();
  await c.query(`INSERT INTO "Category" ("id", "slug", "nameKo", "nameEn") VALUES ($1, $2, '테스트', 'Test')`, [categoryId, `e2e-${categoryId.slice(0, 8)}`]);
  const id = randomUUID();
  await c.query(
    `INSERT INTO "Product" ("id", "sellerId", "categoryId", "type", "status", "name", "description", "price", "images", "saleStartsAt", "perBuyerLimit", "waitingRoom", "admissionRate", "updatedAt")
     VALUES ($1, $2, $3, $4, 'ACTIVE', $5, '끝에서 끝까지 시험용 상품', $6, $11, $7, $8, $9, $10, now())`,
    [id, seller.rows[0].id, categoryId, p.perBuyerLimit ? "LIMITED" : "NORMAL", p.name, p.price, p.saleStartsAt ?? null, p.perBuyerLimit ?? null, p.waitingRoom ?? false, p.admissionRate ?? null, p.images ?? ["/products/placeholder.svg"]],
  );
  await c.query(`INSERT INTO "Inventory" ("productId", "total", "available", "updatedAt") VALUES ($1, $2, $2, now())`, [id, p.units]);
  await c.query(
    `INSERT INTO "ProductVariant" (id, "productId", sku, "optionValues", "isDefault", total, available, "updatedAt") VALUES (gen_random_uuid(), $1, 'default', '{}', true, $2, $2, now())`,
    [id, p.units],
  );
  return { id };
}

/** The id of a product the demo seed made, by its exact name. */
export async function productIdByName(name: string): Promise<string> {
  const res = await (await db()).query(`SELECT "id" FROM "Product" WHERE "name" = $1`, [name]);
  if (res.rowCount !== 1) throw new Error(`expected one product named ${name}, found ${res.rowCount}`);
  return res.rows[0].id;
}

/**
 * Text that sellers and buyers wrote (product names and descriptions, shop names, order snapshots): the
 * language walk (e2e/a11y.spec.ts) removes it from a page before judging the page's own words.
 */
export async function userWrittenStrings(): Promise<string[]> {
  const res = await (await db()).query(
    `SELECT "name" AS s FROM "Product" UNION SELECT "description" FROM "Product" UNION SELECT "shopName" FROM "Seller"
     UNION SELECT "name" FROM "OrderItem" UNION SELECT "variantLabel" FROM "OrderItem" UNION SELECT "name" FROM "ProductOption"`,
  );
  return res.rows.map((r: { s: string }) => r.s).filter(Boolean).sort((a, b) => b.length - a.length);
}

/**
 * Gives a product made by createE2eProduct one option axis (docs/variants.md): its implicit variant makes
 * way for one variant per value, and Inventory becomes their sum. Returns the variants' ids by value.
 */
export async function setE2eSizes(productId: string, axis: string, sizes: { value: string; units: number }[]): Promise<Record<string, string>> {
  const c = await db();
  await c.query(`DELETE FROM "ProductVariant" WHERE "productId" = $1`, [productId]);
  await c.query(`INSERT INTO "ProductOption" (id, "productId", position, name, "values") VALUES (gen_random_uuid(), $1, 0, $2, $3)`, [productId, axis, sizes.map((s) => s.value)]);
  const ids: Record<string, string> = {};
  for (const [position, s] of sizes.entries()) {
    const id = randomUUID();
    await c.query(
      `INSERT INTO "ProductVariant" (id, "productId", sku, "optionValues", position, total, available, "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $6, now())`,
      [id, productId, `E2E-${s.value}`, [s.value], position, s.units],
    );
    ids[s.value] = id;
  }
  const units = sizes.reduce((n, s) => n + s.units, 0);
  await c.query(`UPDATE "Inventory" SET total = $2, available = $2 WHERE "productId" = $1`, [productId, units]);
  return ids;
}

/**
 * What the admin pages list, so the walk reads them filled rather than empty: a stock reconciliation that
 * repaired a drift of `productId`, and a mail job that failed its last try (a dead letter in the queue the
 * worker made for it; nobody works a dead-letter queue, so it stays until an admin retries or discards it).
 */
export async function createE2eAdminRecords(productId: string): Promise<void> {
  const c = await db();
  await c.query(`INSERT INTO "StockReconciliation" (id, "productId", "redisAvailable", "pgAvailable", repaired) VALUES (gen_random_uuid(), $1, 3, 4, true)`, [productId]);
  await c.query(
    `INSERT INTO pgboss.job (name, data, output, state) VALUES ('mail-password-reset-dead', $1, $2, 'created')`,
    [{ mailId: randomUUID(), userId: randomUUID(), locale: "ko" }, { message: "connect ECONNREFUSED 127.0.0.1:587" }],
  );
}
