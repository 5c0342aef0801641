// Data for the flash-sale benchmark: a fresh database, one drop, many verified buyers with ready,
// cached session cookies, and the ledger check afterwards. Imported by bench/flash.ts after it set the env.
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { dropDatabase, migrate } from "../scripts/migrate";
import { encryptDelivery } from "@/lib/addresses/codec";
import { encodeSessionToken, sessionCookieName } from "@/lib/auth/cookie";
import { loadLiveSession } from "@/lib/auth/session-store";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadStock } from "@/lib/stock/admission";
import { stockKeys } from "@/lib/stock/keys";
import { createStockRedis, IoredisStore } from "@/lib/stock/store";
import { defaultVariantData, sizeRun } from "@/lib/variants/types";

export async function resetDatabase(url: string) {
  await dropDatabase(url);
  await migrate(url);
}

/**
 * A size run of `sizes` variants (230, 235, … mm) sharing `units` evenly, the remainder to the middle sizes;
 * 0 = a product without options (one implicit variant).
 */
function sizeRunData(units: number, sizes: number) {
  const values = sizeRun(230, 230 + 5 * (sizes - 1), 5);
  const each = values.map(() => Math.floor(units / sizes));
  for (let r = units - each.reduce((a, b) => a + b, 0), i = Math.floor(sizes / 2); r > 0; r--, i = (i + 1) % sizes) each[i]++;
  return {
    options: { create: [{ position: 0, name: "사이즈", values }] },
    variants: { create: values.map((v, i) => ({ sku: `BENCH-${v}`, optionValues: [v], position: i, total: each[i], available: each[i] })) },
  };
}

export async function seedDrop(units: number, limit: number, sizes = 0) {
  const user = await db.user.create({ data: { role: "SELLER", emailHash: `bench-seller-${randomUUID()}`, emailVerifiedAt: new Date() } });
  const seller = await db.seller.create({ data: { userId: user.id, shopName: "Bench Shop" } });
  const category = await db.category.create({ data: { slug: `bench-${randomUUID().slice(0, 8)}`, nameKo: "벤치", nameEn: "Bench" } });
  return db.product.create({
    data: {
      sellerId: seller.id, categoryId: category.id, type: "LIMITED", name: "한정판 벤치 스니커즈", description: "Benchmark drop",
      price: 189_000, images: [], perBuyerLimit: limit, saleStartsAt: new Date(Date.now() + 3600_000),
      inventory: { create: { total: units, available: units } },
      ...(sizes > 0 ? sizeRunData(units, sizes) : { variants: { create: [defaultVariantData(units)] } }),
    },
    include: { variants: { orderBy: { position: "asc" } } },
  });
}

/** Verified buyers, each with a server-side session, its cookie, and its session already in the cache. */
let delivery: string | undefined;
/** One encrypted delivery address shared by every bench buyer (fixtures, not secrets). */
const benchDelivery = () =>
  (delivery ??= encryptDelivery({ recipient: "김벤치", phone: "+821012345678", postcode: "04524", address: "서울특별시 중구 세종대로 110", detail: "", memo: "" }));

export async function seedBuyers(n: number): Promise<string[]> {
  const users = Array.from({ length: n }, () => ({ id: randomUUID(), sid: randomUUID() }));
  const expiresAt = new Date(Date.now() + 86400_000);
  for (let i = 0; i < n; i += 2000) {
    const chunk = users.slice(i, i + 2000);
    await db.user.createMany({ data: chunk.map((u) => ({ id: u.id, emailHash: `bench-${u.id}`, emailVerifiedAt: new Date() })) });
    await db.session.createMany({ data: chunk.map((u) => ({ id: u.sid, userId: u.id, expiresAt })) });
    // A default delivery address each: an order that ships cannot be paid without one (lib/orders/delivery-rule.ts).
    await db.address.createMany({ data: chunk.map((u) => ({ userId: u.id, dataEnc: benchDelivery(), isDefault: true })) });
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

/** The ceiling's keys: the product's figures and each variant's (a:<v>, t:<v>; dv names the implicit one). */
export async function loadCeilingDrop(url: string, prefix: string, productId: string, units: number, limit: number, variants: { id: string; total: number; isDefault: boolean }[]) {
  const r = new Redis(url);
  const perVariant = Object.fromEntries(variants.flatMap((v) => [[`a:${v.id}`, v.total], [`t:${v.id}`, v.total]]));
  const dv = variants.find((v) => v.isDefault)?.id ?? "";
  await r.hset(`${prefix}{p:${productId}}:m`, { a: units, t: units, s: 0, e: 0, l: limit, x: 0, dv, ...perVariant });
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
  // Per variant (size): nothing oversold, and the product's Inventory is the variants' sum.
  const variants = await db.$queryRaw<{ id: string; sku: string; total: number; available: number; committed: number }[]>`
    SELECT v.id::text, v.sku, v.total, v.available,
      (SELECT COALESCE(sum(oi.quantity), 0)::int FROM "OrderItem" oi JOIN "Order" o ON o.id = oi."orderId"
        WHERE oi."variantId" = v.id AND o.status IN ('PENDING_PAYMENT', 'CONFIRMING', 'PAID', 'SHIPPING', 'DELIVERED', 'RETURN_REQUESTED')) AS committed
    FROM "ProductVariant" v WHERE v."productId" = ${productId}::uuid ORDER BY v.position`;
  const variantsWrong = variants.filter((v) => v.available < 0 || v.available + v.committed !== v.total || v.committed > v.total);
  const variantSums = variants.reduce((s, v) => ({ total: s.total + v.total, available: s.available + v.available }), { total: 0, available: 0 });
  const r = new Redis(env.REDIS_URL);
  r.on("error", () => {});
  const meta = await r.hgetall(stockKeys.meta(productId)).catch(() => ({}) as Record<string, string>);
  const redisAvailable = meta.a === undefined ? null : Number(meta.a);
  const redisVariantsWrong = meta.a === undefined ? [] : variants.filter((v) => Number(meta[`a:${v.id}`]) !== v.available).map((v) => v.sku);
  r.disconnect();
  const figures = {
    total: f.total, pgAvailable: f.available, unitsHeld: f.held, unitsSold: f.sold, redisAvailable,
    orders: f.orders, maxUnitsPerBuyer: f.max_per_buyer, oversold: Math.max(0, f.held + f.sold - f.total), counterMismatches,
    variants: variants.length, variantsOversold: variants.filter((v) => v.committed > v.total).map((v) => v.sku), variantsWrong: variantsWrong.map((v) => v.sku),
    redisVariantsWrong, soldOutSizes: variants.filter((v) => v.available === 0).map((v) => v.sku),
  };
  const ok = f.available >= 0 && f.available + f.held + f.sold === f.total && figures.oversold === 0 && f.max_per_buyer <= limit && !counterMismatches.length &&
    (redisAvailable === null || redisAvailable === f.available) &&
    !variantsWrong.length && !redisVariantsWrong.length && variantSums.total === f.total && variantSums.available === f.available;
  return {
    ...figures, ok,
    rule: "per variant and for the product: total = PostgreSQL available + units held + units sold; Redis = PostgreSQL; per buyer (across sizes) ≤ limit and = their purchase counter",
  };
}

export async function close() {
  await db.$disconnect();
}
