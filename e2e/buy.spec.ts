// Buying a limited drop as a demo buyer: the order is placed through POST /api/orders (as the product
// page's buy button does), the order page shows it awaiting payment with the hold's countdown, a
// replay with the same Idempotency-Key answers the same order, and the next buyer finds it sold out.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { signIn } from "./support/auth";
import pg from "pg";

let productId = "";

test.beforeAll(async () => {
  // The catalog's own seed may not have a drop with one unit left; make one straight in the ledger.
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const seller = await db.query(`SELECT id FROM "Seller" LIMIT 1`);
  const cat = await db.query(`INSERT INTO "Category" (id, slug, "nameKo", "nameEn") VALUES (gen_random_uuid(), $1, '한정판', 'Drops') RETURNING id`, [`e2e-${randomUUID().slice(0, 8)}`]);
  productId = randomUUID();
  await db.query(
    `INSERT INTO "Product" (id, "sellerId", "categoryId", type, status, name, description, price, images, "saleStartsAt", "perBuyerLimit", "createdAt", "updatedAt")
     VALUES ($1, $2, $3, 'LIMITED', 'ACTIVE', 'E2E 한정판 스니커즈', '선착순 한정판', 189000, '{}', now() - interval '1 minute', 1, now(), now())`,
    [productId, seller.rows[0].id, cat.rows[0].id],
  );
  await db.query(`INSERT INTO "Inventory" ("productId", total, available, "updatedAt") VALUES ($1, 1, 1, now())`, [productId]);
  await db.query(`INSERT INTO "ProductVariant" (id, "productId", sku, "optionValues", "isDefault", total, available, "updatedAt") VALUES (gen_random_uuid(), $1, 'default', '{}', true, 1, 1, now())`, [productId]);
  await db.end();
});

const buy = (page: Page, key: string, baseURL: string) =>
  page.request.post("/api/orders", {
    headers: { "idempotency-key": key, origin: baseURL },
    data: { items: [{ productId, quantity: 1 }] },
  });

test("a demo buyer buys the last unit; the order awaits payment with a live countdown", async ({ page, browser, baseURL }) => {
  await signIn(page, "buyer1@hurryup.dev");
  const key = randomUUID();
  const res = await buy(page, key, baseURL!);
  expect(res.status()).toBe(201);
  const { order } = await res.json();
  expect(order).toMatchObject({ amount: 189_000, status: "PENDING_PAYMENT" });
  const replay = await buy(page, key, baseURL!);
  expect(await replay.json()).toEqual({ order });

  await page.goto(`/orders/${order.id}`);
  await expect(page.getByText("결제를 기다리고 있어요")).toBeVisible();
  await expect(page.getByTestId("order-amount")).toHaveText("₩189,000");
  await expect(page.getByText("E2E 한정판 스니커즈")).toBeVisible();
  const countdown = page.getByTestId("hold-countdown");
  await expect(countdown).toHaveText(/^\d{2}:\d{2}$/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first!); // it ticks

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signIn(page2, "buyer2@hurryup.dev");
  const soldOut = await buy(page2, randomUUID(), baseURL!);
  expect(soldOut.status()).toBe(409);
  expect((await soldOut.json()).error.code).toBe("SOLD_OUT");
  // someone else's order is not found
  await page2.goto(`/orders/${order.id}`);
  await expect(page2.getByText("결제를 기다리고 있어요")).toHaveCount(0);
  await other.close();
});
