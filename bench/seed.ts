// Data for the flash-sale benchmark: a fresh database, one drop, many verified buyers with ready,
// cached session cookies, and the ledger check afterwards. Imported by bench/flash.ts after it set the env.
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import pg from "pg";
import { migrate } from "../scripts/migrate";
import { encodeSessionToken, sessionCookieName } from "@/lib/auth/cookie";
import { loadLiveSession } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadStock } from "@/lib/stock/admission";
import { stockKeys } from "@/lib/stock/keys";
import { createStockRedis, IoredisStore } from "@/lib/stock/store";
import { defaultVariantData } from "@/lib/variants/types";

export async function resetDatabase(url: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
  await client.end();
  await migrate(url);
}

export async function seedDrop(units: number, limit: number) {
  const user = await db.user.create({ data: { role: "SELLER", emailHash: `bench-seller-${randomUUID()}`, emailVerifiedAt: new Date() } });
  const seller = await db.seller.create({ data: { userId: user.id, shopName: "Bench Shop" } });
  const category = await db.category.create({ data: { slug: `bench-${randomUUID().slice(0, 8)}`, nameKo: "벤치", nameEn: "Bench" } });
  return db.product.create({
    data: {
      sellerId: seller.id, categoryId: category.id, type: "LIMITED", name: "한정판 벤치 스니커즈", description: "Benchmark drop",
      price: 189_000, images: [], perBuyerLimit: limit, saleStartsAt: new Date(Date.now() + 3600_000),
      inventory: { create: { total: units, available: units } },
      variants: { create: [defaultVariantData(units)] },
    },
  });
}

/** Verified buyers, each with a server-side session, its cookie, and its session already in the cache. */
export async function seedBuyers(n: number): Promise<string[]> {
  const users = Array.from({ length: n }, () => ({ id: randomUUID(), sid: randomUUID() }));
  const expiresAt = new Date(Date.now() + 86400_000);
  for (let i = 0; i < n; i += 2000) {
    const chunk = users.slice(i, i + 2000);
    await db.user.createMany({ data: chunk.map((u) => ({ id: u.id, emailHash: `bench-${u.id}`, emailVerifiedAt: new Date() })) });
    await db.session.createMany({ data: chunk.map((u) => ({ id: u.sid, userId: u.id, expiresAt })) });
  }
  const cookies: string[] = [];
  for (let i = 0; i < n; i += 200) {
    const chunk = users.slice(i, i + 200);
    const values = await Promise.all(chunk.map((u) => encodeSessionToken({ sub: u.id, sid: u.sid }, 86400)));
    // Shoppers browse before the opening, so their sessions are cached by then: warm them the real way.
    await Promise.all(chunk.map((u) => loadLiveSession(u.sid)));
    cookies.push(...values.map((v) => `${sessionCookieName}=${v}`));
  }
  return cookies;
}

/** Opens the sale `inMs` from now, in PostgreSQL and (rebuilt from it) in Redis. */
export async function openSale(productId: string, inMs: number): Promise<number> {
  const at = Date.now() + inMs;
  await db.product.update({ where: { id: productId }, data: { saleStartsAt: new Date(at) } });
  const store = new IoredisStore(createStockRedis());
  await loadStock(store, productId, "force");
  await store.close();
  return at;
}

export async function loadCeilingDrop(url: string, prefix: string, productId: string, units: number, limit: number) {
  const r = new Redis(url);
  await r.hset(`${prefix}{p:${productId}}:m`, { a: units, t: units, s: 0, e: 0, l: limit, x: 0 });
  r.disconnect();
}

/** Waits until no order has been written for 2 s (the server may still be working off its backlog). */
export async function waitForQuiet(maxSeconds = 60) {
  let last = -1;
  for (let i = 0; i < maxSeconds; i += 2) {
    const n = await db.order.count();
    if (n === last) return;
    last = n;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

export async function checkLedger(productId: string, limit: number) {
  await waitForQuiet();
  // One statement, one snapshot: every figure describes the same moment.
  const [f] = await db.$queryRaw<{ total: number; available: number; held: number; sold: number; orders: number; max_per_buyer: number }[]>`
    SELECT i.total, i.available,
      (SELECT COALESCE(sum(oi.quantity), 0)::int FROM "OrderItem" oi JOIN "Order" o ON o.id = oi."orderId"
        WHERE oi."productId" = i."productId" AND o.status IN ('PENDING_PAYMENT', 'CONFIRMING')) AS held,
      (SELECT COALESCE(sum(oi.quantity), 0)::int FROM "OrderItem" oi JOIN "Order" o ON o.id = oi."orderId"
        WHERE oi."productId" = i."productId" AND o.status IN ('PAID', 'SHIPPING', 'DELIVERED', 'RETURN_REQUESTED')) AS sold,
      (SELECT count(*)::int FROM "Order") AS orders,
      (SELECT COALESCE(max(q), 0)::int FROM (SELECT sum(oi.quantity) AS q FROM "OrderItem" oi JOIN "Order" o ON o.id = oi."orderId"
        WHERE oi."productId" = i."productId" AND o.status NOT IN ('EXPIRED', 'CANCELLED', 'PAYMENT_FAILED', 'RETURNED') GROUP BY o."userId") per) AS max_per_buyer
    FROM "Inventory" i WHERE i."productId" = ${productId}::uuid`;
  // Every buyer's purchase counter equals the units they hold or bought (what the per-buyer limit is checked on).
  const counterMismatches = await db.$queryRaw<{ userId: string; live: number; counted: number }[]>`
    WITH live AS (
      SELECT o."userId", sum(oi.quantity)::int AS q FROM "OrderItem" oi JOIN "Order" o ON o.id = oi."orderId"
      WHERE oi."productId" = ${productId}::uuid AND o.status IN ('PENDING_PAYMENT', 'CONFIRMING', 'PAID', 'SHIPPING', 'DELIVERED', 'RETURN_REQUESTED')
      GROUP BY o."userId"),
    counted AS (SELECT "userId", quantity AS q FROM "PurchaseCounter" WHERE "productId" = ${productId}::uuid AND quantity > 0)
    SELECT COALESCE(l."userId", c."userId")::text AS "userId", COALESCE(l.q, 0) AS live, COALESCE(c.q, 0) AS counted
    FROM live l FULL JOIN counted c ON c."userId" = l."userId" WHERE COALESCE(l.q, 0) <> COALESCE(c.q, 0)
    UNION ALL
    -- The same per verified phone (PhonePurchaseCounter against the orders counted under the phone).
    SELECT 'phone:' || COALESCE(l.phone, c.phone), COALESCE(l.q, 0), COALESCE(c.q, 0) FROM
      (SELECT o."phoneHash" AS phone, sum(oi.quantity)::int AS q FROM "OrderItem" oi JOIN "Order" o ON o.id = oi."orderId"
        WHERE oi."productId" = ${productId}::uuid AND o."phoneHash" IS NOT NULL
          AND o.status IN ('PENDING_PAYMENT', 'CONFIRMING', 'PAID', 'SHIPPING', 'DELIVERED', 'RETURN_REQUESTED')
        GROUP BY o."phoneHash") l
      FULL JOIN (SELECT "phoneHash" AS phone, quantity AS q FROM "PhonePurchaseCounter" WHERE "productId" = ${productId}::uuid AND quantity > 0) c
      ON c.phone = l.phone WHERE COALESCE(l.q, 0) <> COALESCE(c.q, 0)`;
  const r = new Redis(env.REDIS_URL);
  r.on("error", () => {});
  const redisAvailable = await r.hget(stockKeys.meta(productId), "a").then((v) => (v === null ? null : Number(v)), () => null);
  r.disconnect();
  const figures = {
    total: f.total, pgAvailable: f.available, unitsHeld: f.held, unitsSold: f.sold, redisAvailable,
    orders: f.orders, maxUnitsPerBuyer: f.max_per_buyer, oversold: Math.max(0, f.held + f.sold - f.total), counterMismatches,
  };
  const ok = f.available >= 0 && f.available + f.held + f.sold === f.total && figures.oversold === 0 && f.max_per_buyer <= limit && !counterMismatches.length &&
    (redisAvailable === null || redisAvailable === f.available);
  return { ...figures, ok, rule: "total = PostgreSQL available + units held + units sold; Redis available = PostgreSQL available; per buyer ≤ limit and = their purchase counter" };
}

export async function close() {
  await db.$disconnect();
}
