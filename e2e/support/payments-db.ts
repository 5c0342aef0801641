// Direct database steps for the payments journey (scripts/e2e.sh exports the e2e DATABASE_URL): a limited
// product of its own, and — until the orders issue's cancel button is merged — the cancel of a paid order
// exactly as lib/orders does it (CANCELLED, units back, `payment.refund_requested` in one transaction).
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

export async function closePaymentsDb() {
  await client?.end();
  client = null;
}

export async function createLimitedProduct(name: string, price: number, units: number): Promise<string> {
  const c = await db();
  const seller = await c.query(`SELECT "id" FROM "Seller" ORDER BY "createdAt" LIMIT 1`);
  const categoryId = randomUUID();
  await c.query(`INSERT INTO "Category" ("id", "slug", "nameKo", "nameEn") VALUES ($1, $2, '결제 시험', 'Payments test')`, [categoryId, `pay-${categoryId.slice(0, 8)}`]);
  const id = randomUUID();
  await c.query(
    `INSERT INTO "Product" ("id", "sellerId", "categoryId", "type", "status", "name", "description", "price", "images", "perBuyerLimit", "updatedAt")
     VALUES ($1, $2, $3, 'LIMITED', 'ACTIVE', $4, '결제 여정 시험용 한정판', $5, ARRAY['/products/placeholder.svg'], 1, now())`,
    [id, seller.rows[0].id, categoryId, name, price],
  );
  await c.query(`INSERT INTO "Inventory" ("productId", "total", "available", "updatedAt") VALUES ($1, $2, $2, now())`, [id, units]);
  return id;
}

export async function cancelPaidOrder(orderId: string, reason: string): Promise<void> {
  const c = await db();
  await c.query("BEGIN");
  try {
    const moved = await c.query(`UPDATE "Order" SET status = 'CANCELLED', "updatedAt" = now() WHERE id = $1 AND status = 'PAID'`, [orderId]);
    if (moved.rowCount !== 1) throw new Error(`order ${orderId} is not PAID`);
    await c.query(`INSERT INTO "OrderEvent" ("id", "orderId", "fromStatus", "toStatus", "note") VALUES ($1, $2, 'PAID', 'CANCELLED', 'cancelled by buyer')`, [randomUUID(), orderId]);
    await c.query(
      `UPDATE "Inventory" i SET available = available + oi.quantity FROM "OrderItem" oi WHERE oi."orderId" = $1 AND i."productId" = oi."productId"`,
      [orderId],
    );
    await c.query(`INSERT INTO "OutboxEvent" (topic, payload) VALUES ('payment.refund_requested', $1)`, [JSON.stringify({ orderId, reason })]);
    await c.query("COMMIT");
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  }
}
