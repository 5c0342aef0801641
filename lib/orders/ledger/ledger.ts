// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The ledger write for admitted requests: ONE SQL statement, which PostgreSQL runs as one transaction,
// for one order or a batch of them. Its parts are the price snapshot of every line (active product, sale
// open by the server's clock), each buyer's counter — and their verified phone's — under the per-buyer
// limit, a product's verified-phone requirement, the waiting-room pass the order uses (single use, by the
// primary key of UsedRoomPass), the guarded decrement of
// available units, the orders, their items, timeline events, outbox events (as lib/jobs/outbox.ts writes
// them), idempotency records and the cart/wishlist rows the orders consume. If any guard held back any
// line, the statement aborts itself (hurryup_ledger_refuse, see its migration) and nothing is written
// (LedgerRejected) — PostgreSQL has the last word whatever Redis said.
//
// Why one statement: it needs no client round trip before its commit, so the drop's hot inventory row is
// locked only for the statement's own execution and commit — not while this process's event loop, busy
// with thousands of other buyers, gets round to sending COMMIT. Why batches (lib/orders/ledger/batcher.ts):
// every order of a drop updates that one row, so orders commit one after another; a batch pays for the
// lock and the commit's WAL flush once for many orders.
import { salePhase } from "@/lib/catalog/sale-rules";
import { clock } from "@/lib/clock";
import type { Db, Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderLine, PlacedOrder, RejectCode, VariantRefusal } from "../schemas";
import { eventNote } from "@/lib/orders/event-note";

export class LedgerRejected extends Error {
  constructor(readonly code: RejectCode | VariantRefusal | "UNKNOWN_PRODUCT" | "PHONE_REQUIRED" | "PASS_USED", readonly productId: string) {
    super(`ledger refused ${productId}: ${code}`);
    this.name = "LedgerRejected";
  }
}

/** What a checkout takes along with the order, in the same transaction: the lines leave their cart/wishlist. */
export type Consumed = { cartItemIds?: string[]; wishlistProductIds?: string[] };
export type LedgerInput = {
  orderId: string; userId: string; idempotencyKey: string; requestHash: string; lines: OrderLine[];
  /** The shipping address, already encrypted (lib/crypto/aead). */
  shippingAddressEnc?: string | null;
  /** Without shippingAddressEnc: copy the buyer's profile address (ciphertext) into the order. */
  profileAddress?: boolean;
  /**
   * The delivery snapshot, already encrypted (lib/addresses/codec.ts). Without it the statement copies the
   * buyer's default address book entry, if any (no query before admission on the hot path).
   */
  deliveryEnc?: string | null;
  consume?: Consumed;
  /** The buyer's verified phone (blind index): its PhonePurchaseCounter is guarded like the buyer's own. */
  phoneHash?: string | null;
  /** The client's address range (lib/address-range.ts), kept on the order for fleet flagging. */
  clientNet?: string | null;
  /**
   * The waiting-room pass the order uses (its signature checked by the caller): recorded in UsedRoomPass in
   * the same statement, which refuses it (PASS_USED) if an order used it before — in either tier. Ignored
   * unless the order has a line of the pass's product and that drop's room is on (as the Redis scripts do).
   */
  roomPass?: { productId: string; passId: string; expiresMs: number } | null;
};

/** One order in its own statement; a refusal names the first line held back and why. */
export async function recordOrder(client: Db | Tx, input: LedgerInput): Promise<PlacedOrder> {
  const now = clock.now();
  try {
    return (await writeOrders(client, [input], now))[0];
  } catch (err) {
    const refusal = refusalOf(err);
    if (!refusal) throw err;
    if (refusal.code === "UNPRICED") throw await whyUnpriced(client, refusal.productId, input.lines, now);
    throw new LedgerRejected(refusal.code, refusal.productId);
  }
}

/**
 * Several orders in one statement: all are written or none (any refusal, or an error such as two orders
 * with the same Idempotency-Key, aborts the whole batch — the caller then writes them one by one to give
 * each its own answer). A batch must not hold two orders of one buyer (or one phone) for one product
 * (their counter rows would collide).
 */
export async function recordOrders(client: Db | Tx, inputs: LedgerInput[]): Promise<PlacedOrder[]> {
  return writeOrders(client, inputs, clock.now());
}

async function writeOrders(client: Db | Tx, inputs: LedgerInput[], now: Date): Promise<PlacedOrder[]> {
  const holdExpiresAt = new Date(now.getTime() + env.ORDER_HOLD_SECONDS * 1000).toISOString();
  // One row per order line, in columns (unnest keeps the statement's text the same for any batch size).
  const L = { order: [] as number[], product: [] as string[], variant: [] as (string | null)[], qty: [] as number[] };
  const O = {
    id: [] as string[], user: [] as string[], key: [] as string[], hash: [] as string[], address: [] as (string | null)[], profile: [] as boolean[], delivery: [] as (string | null)[],
    first: [] as string[], note: [] as string[], phone: [] as (string | null)[], net: [] as (string | null)[],
  };
  const cartItems = { id: [] as string[], user: [] as string[] };
  const wishlist = { product: [] as string[], user: [] as string[] };
  const P = { order: [] as number[], product: [] as string[], id: [] as string[], expires: [] as string[] };
  inputs.forEach((o, i) => {
    if (o.roomPass) {
      P.order.push(i); P.product.push(o.roomPass.productId); P.id.push(o.roomPass.passId); P.expires.push(new Date(o.roomPass.expiresMs).toISOString());
    }
    for (const line of o.lines) {
      L.order.push(i);
      L.product.push(line.productId);
      L.variant.push(line.variantId ?? null);
      L.qty.push(line.quantity);
    }
    O.id.push(o.orderId); O.user.push(o.userId); O.key.push(o.idempotencyKey); O.hash.push(o.requestHash);
    O.address.push(o.shippingAddressEnc ?? null); O.profile.push(o.profileAddress === true); O.delivery.push(o.deliveryEnc ?? null); O.first.push(o.lines[0].productId);
    O.note.push(eventNote("hold_placed", { units: o.lines.reduce((s, l) => s + l.quantity, 0) }));
    O.phone.push(o.phoneHash ?? null); O.net.push(o.clientNet ?? null);
    for (const id of o.consume?.cartItemIds ?? []) {
      cartItems.id.push(id);
      cartItems.user.push(o.userId);
    }
    for (const p of o.consume?.wishlistProductIds ?? []) {
      wishlist.product.push(p);
      wishlist.user.push(o.userId);
    }
  });
  const lineCount = L.order.length;
  const rows = await client.$queryRaw<{ idx: number; id: string | null; amount: number }[]>`
    WITH o AS (
      SELECT (n - 1)::int AS idx, id, user_id, key, hash, address, profile, delivery, first_product, note, phone, net
      FROM unnest(${O.id}::text[], ${O.user}::uuid[], ${O.key}::text[], ${O.hash}::text[], ${O.address}::text[], ${O.profile}::boolean[], ${O.delivery}::text[], ${O.first}::uuid[], ${O.note}::text[], ${O.phone}::text[], ${O.net}::text[])
           WITH ORDINALITY AS t(id, user_id, key, hash, address, profile, delivery, first_product, note, phone, net, n)
    ), req AS (
      SELECT r.idx, r.product_id, r.variant_id, r.qty, o.user_id, o.phone
      FROM unnest(${L.order}::int[], ${L.product}::uuid[], ${L.variant}::uuid[], ${L.qty}::int[]) AS r(idx, product_id, variant_id, qty)
      JOIN o ON o.idx = r.idx
    ), priced AS (
      -- Each line at its variant (none named = the product's implicit default variant): price + difference.
      SELECT r.idx, r.user_id, r.phone, r.product_id, v.id AS variant_id, r.qty, p.name, p.price + v."priceDelta" AS price, p.images[1] AS image,
             p."sellerId" AS seller_id, p."phoneRequired" AS phone_required, COALESCE(p."perBuyerLimit", 2147483647) AS lim
      FROM req r JOIN "Product" p ON p.id = r.product_id
      JOIN "ProductVariant" v ON v."productId" = p.id AND (v.id = r.variant_id OR (r.variant_id IS NULL AND v."isDefault"))
      -- The sale window of salePhase (lib/catalog/sale-rules.ts), restated for the statement.
      WHERE p.status = 'ACTIVE' AND (p."saleStartsAt" IS NULL OR p."saleStartsAt" <= ${now})
        AND (p."saleEndsAt" IS NULL OR p."saleEndsAt" > ${now})
    ), per_product AS (
      -- The per-buyer limit spans a product's variants: an order's units of one product, summed.
      SELECT user_id, phone, product_id, sum(qty)::int AS qty, min(lim) AS lim FROM priced GROUP BY user_id, phone, product_id
    ), counted AS (
      INSERT INTO "PurchaseCounter" ("userId", "productId", quantity)
      SELECT user_id, product_id, qty FROM per_product WHERE qty <= lim ORDER BY user_id, product_id
      ON CONFLICT ("userId", "productId") DO UPDATE SET quantity = "PurchaseCounter".quantity + EXCLUDED.quantity
      WHERE "PurchaseCounter".quantity + EXCLUDED.quantity <= (SELECT min(lim) FROM priced WHERE priced.product_id = EXCLUDED."productId")
      RETURNING "userId", "productId"
    ), phone_counted AS (
      -- The same guard per verified phone, whichever account it is on now or was on before.
      INSERT INTO "PhonePurchaseCounter" ("phoneHash", "productId", quantity)
      SELECT phone, product_id, qty FROM per_product WHERE phone IS NOT NULL AND qty <= lim ORDER BY phone, product_id
      ON CONFLICT ("phoneHash", "productId") DO UPDATE SET quantity = "PhonePurchaseCounter".quantity + EXCLUDED.quantity
      WHERE "PhonePurchaseCounter".quantity + EXCLUDED.quantity <= (SELECT min(lim) FROM priced WHERE priced.product_id = EXCLUDED."productId")
      RETURNING "phoneHash", "productId"
    ), passes AS (
      -- The waiting-room passes the orders use, for drops whose room is on: single use, as in Redis (:wu).
      SELECT x.product_id, x.pass_id, o.id AS order_id, o.user_id, x.expires_at
      FROM unnest(${P.order}::int[], ${P.product}::uuid[], ${P.id}::text[], ${P.expires}::timestamp[]) AS x(idx, product_id, pass_id, expires_at)
      JOIN o ON o.idx = x.idx
      JOIN "Product" pr ON pr.id = x.product_id AND pr."waitingRoom"
      WHERE EXISTS (SELECT 1 FROM req r WHERE r.idx = x.idx AND r.product_id = x.product_id)
    ), pass_used AS (
      INSERT INTO "UsedRoomPass" ("productId", "passId", "userId", "orderId", "expiresAt", "createdAt")
      SELECT product_id, pass_id, user_id, order_id, expires_at, ${now} FROM passes ORDER BY product_id, pass_id
      ON CONFLICT DO NOTHING
      RETURNING "productId", "passId"
    ), taken AS (
      -- Variant rows in id order, each decremented once by the batch's total for it (the guard per size).
      UPDATE "ProductVariant" v SET available = v.available - t.qty, "updatedAt" = ${now}
      FROM (SELECT variant_id, sum(qty)::int AS qty FROM priced GROUP BY variant_id ORDER BY variant_id) t
      WHERE v.id = t.variant_id AND v.available >= t.qty
      RETURNING v.id, v."productId", t.qty
    ), inventory_taken AS (
      -- Then each product's sum (Inventory), by what its variants gave: it reads taken, so it runs after it.
      UPDATE "Inventory" i SET available = i.available - t.qty, "updatedAt" = ${now}
      FROM (SELECT "productId", sum(qty)::int AS qty FROM taken GROUP BY "productId" ORDER BY "productId") t
      WHERE i."productId" = t."productId"
      RETURNING 1
    ), ord AS (
      INSERT INTO "Order" (id, "userId", status, amount, "orderName", "idempotencyKey", "holdExpiresAt", "shippingAddressEnc", "deliveryEnc", "phoneHash", "clientNet", "createdAt", "updatedAt")
      SELECT o.id, o.user_id, 'PENDING_PAYMENT'::"OrderStatus", sum(p.price * p.qty)::int,
             COALESCE(min(p.name) FILTER (WHERE p.product_id = o.first_product), min(p.name))
               || CASE WHEN count(*) > 1 THEN ' 외 ' || (count(*) - 1) || '건' ELSE '' END,
             o.key, ${holdExpiresAt}::timestamp,
             COALESCE(o.address, CASE WHEN o.profile THEN (SELECT "addressEnc" FROM "User" u WHERE u.id = o.user_id) END),
             COALESCE(o.delivery, (SELECT a."dataEnc" FROM "Address" a WHERE a."userId" = o.user_id AND a."isDefault" LIMIT 1)), o.phone, o.net, ${now}, ${now}
      FROM o JOIN priced p ON p.idx = o.idx
      GROUP BY o.idx, o.id, o.user_id, o.key, o.address, o.profile, o.delivery, o.first_product, o.phone, o.net
      RETURNING id, amount
    ), items AS (
      -- The variant as ordered: its SKU and label ("사이즈 270 / 색상 블랙"; none for an implicit default variant).
      INSERT INTO "OrderItem" (id, "orderId", "productId", "variantId", "sellerId", name, "variantLabel", sku, image, "unitPrice", quantity)
      SELECT gen_random_uuid(), o.id, p.product_id, p.variant_id, p.seller_id, p.name,
             (SELECT string_agg(po.name || ' ' || v."optionValues"[po.position + 1], ' / ' ORDER BY po.position) FROM "ProductOption" po WHERE po."productId" = p.product_id),
             CASE WHEN v."isDefault" THEN NULL ELSE v.sku END, p.image, p.price, p.qty
      FROM priced p JOIN o ON o.idx = p.idx JOIN "ProductVariant" v ON v.id = p.variant_id
      RETURNING 1
    ), ev AS (
      INSERT INTO "OrderEvent" (id, "orderId", "fromStatus", "toStatus", note, "createdAt")
      SELECT gen_random_uuid(), ord.id, NULL, 'PENDING_PAYMENT'::"OrderStatus", o.note, ${now} FROM ord JOIN o ON o.id = ord.id
      RETURNING 1
    ), outbox AS (
      INSERT INTO "OutboxEvent" (topic, payload, "createdAt")
      SELECT 'order-created', jsonb_build_object('orderId', ord.id, 'userId', o.user_id::text, 'amount', ord.amount, 'holdExpiresAt', ${holdExpiresAt}::text), ${now}
      FROM ord JOIN o ON o.id = ord.id
      RETURNING 1
    ), idem AS (
      INSERT INTO "IdempotencyRecord" ("userId", key, "requestHash", "statusCode", body, "createdAt")
      SELECT o.user_id, o.key, o.hash, 201,
             jsonb_build_object('order', jsonb_build_object('id', ord.id, 'amount', ord.amount, 'holdExpiresAt', ${holdExpiresAt}::text, 'status', 'PENDING_PAYMENT')), ${now}
      FROM ord JOIN o ON o.id = ord.id
      RETURNING 1
    ), cart_consumed AS (
      DELETE FROM "CartItem" ci USING "Cart" c, unnest(${cartItems.id}::uuid[], ${cartItems.user}::uuid[]) AS x(item_id, user_id)
      WHERE ci.id = x.item_id AND ci."cartId" = c.id AND c."userId" = x.user_id
      RETURNING 1
    ), wishlist_consumed AS (
      DELETE FROM "WishlistItem" w USING unnest(${wishlist.product}::uuid[], ${wishlist.user}::uuid[]) AS x(product_id, user_id)
      WHERE w."userId" = x.user_id AND w."productId" = x.product_id
      RETURNING 1
    ), verdict AS (
      SELECT CASE
        WHEN (SELECT count(*) FROM priced) < ${lineCount} THEN 'UNPRICED:' || (SELECT min(r.product_id::text) FROM req r WHERE NOT EXISTS (SELECT 1 FROM priced p WHERE p.idx = r.idx AND p.product_id = r.product_id AND (r.variant_id IS NULL OR p.variant_id = r.variant_id)))
        WHEN EXISTS (SELECT 1 FROM priced WHERE phone_required AND phone IS NULL) THEN 'PHONE_REQUIRED:' || (SELECT min(product_id::text) FROM priced WHERE phone_required AND phone IS NULL)
        WHEN (SELECT count(*) FROM pass_used) < (SELECT count(*) FROM passes) THEN 'PASS_USED:' || (SELECT min(p.product_id::text) FROM passes p WHERE NOT EXISTS (SELECT 1 FROM pass_used u WHERE u."productId" = p.product_id AND u."passId" = p.pass_id))
        WHEN (SELECT count(*) FROM counted) < (SELECT count(*) FROM per_product) THEN 'LIMIT_EXCEEDED:' || (SELECT min(r.product_id::text) FROM req r WHERE NOT EXISTS (SELECT 1 FROM counted c WHERE c."userId" = r.user_id AND c."productId" = r.product_id))
        WHEN (SELECT count(*) FROM phone_counted) < (SELECT count(*) FROM per_product WHERE phone IS NOT NULL) THEN 'LIMIT_EXCEEDED:' || (SELECT min(p.product_id::text) FROM priced p WHERE p.phone IS NOT NULL AND NOT EXISTS (SELECT 1 FROM phone_counted c WHERE c."phoneHash" = p.phone AND c."productId" = p.product_id))
        WHEN (SELECT count(*) FROM taken) < (SELECT count(DISTINCT variant_id) FROM priced) THEN 'SOLD_OUT:' || (SELECT min(p.product_id::text) FROM priced p WHERE p.variant_id NOT IN (SELECT id FROM taken))
      END AS refusal
    )
    -- verdict is one row even when nothing was priced, so a refusal is always raised. (The CTEs that only
    -- write run to completion whether or not anything reads them.)
    SELECT o.idx, ord.id, ord.amount FROM verdict LEFT JOIN (ord JOIN o ON o.id = ord.id) ON true
    WHERE CASE WHEN verdict.refusal IS NULL THEN true ELSE hurryup_ledger_refuse(verdict.refusal) END`;
  if (rows.length !== inputs.length || rows.some((r) => r.id === null)) throw new Error(`ledger wrote ${rows.length} of ${inputs.length} orders`);
  const byIdx = new Map(rows.map((r) => [Number(r.idx), r]));
  return inputs.map((o, i) => ({ id: o.orderId, amount: Number(byIdx.get(i)!.amount), holdExpiresAt, status: "PENDING_PAYMENT" as const }));
}

/** The refusal a ledger statement raised (SQLSTATE HU409, message "ledger_refused:<code>:<productId>"). */
function refusalOf(err: unknown): { code: RejectCode | "UNPRICED" | "PHONE_REQUIRED" | "PASS_USED"; productId: string } | null {
  const text = err instanceof Prisma.PrismaClientKnownRequestError ? `${err.message} ${JSON.stringify(err.meta ?? {})}` : err instanceof Error ? err.message : "";
  const m = /ledger_refused:(UNPRICED|PHONE_REQUIRED|PASS_USED|LIMIT_EXCEEDED|SOLD_OUT):([0-9a-f-]{36})/.exec(text);
  return m ? { code: m[1] as RejectCode | "UNPRICED" | "PHONE_REQUIRED" | "PASS_USED", productId: m[2] } : null;
}

/** The rare path: tell the buyer why a line could not be priced. */
async function whyUnpriced(client: Db | Tx, productId: string, lines: OrderLine[], now: Date): Promise<LedgerRejected> {
  const p = await client.product.findUnique({
    where: { id: productId },
    select: { status: true, saleStartsAt: true, saleEndsAt: true, variants: { select: { id: true, isDefault: true } } },
  });
  if (!p || p.status !== "ACTIVE") return new LedgerRejected("UNKNOWN_PRODUCT", productId);
  // Every line of the product must name one of its variants, or none when it has only the implicit one.
  for (const line of lines.filter((l) => l.productId === productId)) {
    if (!line.variantId && !p.variants.some((v) => v.isDefault)) return new LedgerRejected("VARIANT_REQUIRED", productId);
    if (line.variantId && !p.variants.some((v) => v.id === line.variantId)) return new LedgerRejected("UNKNOWN_VARIANT", productId);
  }
  // Unpriced while active means outside the window (or the window moved since): upcoming, else over.
  return new LedgerRejected(salePhase(p.saleStartsAt, p.saleEndsAt, now.getTime()) === "upcoming" ? "NOT_OPEN" : "ENDED", productId);
}
