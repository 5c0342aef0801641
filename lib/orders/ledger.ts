// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The ledger write for one admitted request: ONE SQL statement inside one transaction. Its parts are
// the price snapshot of every line (active product, sale open by the server's clock), the buyer's
// counter under the per-buyer limit, the guarded decrement of available units, the order, its items,
// timeline event, outbox event (as lib/jobs/outbox.ts writes them) and idempotency record. If any guard
// held back a line, the transaction is rolled back (LedgerRejected) — PostgreSQL has the last word
// whatever Redis said. One statement instead of a dozen keeps the hot inventory row locked only for
// this statement and the commit, and the per-order cost low enough for thousands of buyers a second.
import { clock } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { OrderLine, PlacedOrder, RejectCode } from "./schemas";

export class LedgerRejected extends Error {
  constructor(readonly code: RejectCode | "UNKNOWN_PRODUCT", readonly productId: string) {
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
  consume?: Consumed;
};

type Outcome = { priced: string[]; counted: string[]; taken: string[]; amount: number | null };

export async function recordOrder(tx: Tx, input: LedgerInput): Promise<PlacedOrder> {
  const { orderId, userId, idempotencyKey, requestHash, lines } = input;
  const now = clock.now();
  const holdExpiresAt = new Date(now.getTime() + env.ORDER_HOLD_SECONDS * 1000).toISOString();
  const units = lines.reduce((s, l) => s + l.quantity, 0);
  // Inventory rows are locked in product-id order, so two multi-line orders cannot deadlock.
  const sorted = [...lines].sort((a, b) => a.productId.localeCompare(b.productId));
  const ids = sorted.map((l) => l.productId);
  const qtys = sorted.map((l) => l.quantity);
  const firstId = lines[0].productId;
  const [r] = await tx.$queryRaw<Outcome[]>`
    WITH req AS (
      SELECT * FROM unnest(${ids}::uuid[], ${qtys}::int[]) AS r(product_id, qty)
    ), priced AS (
      SELECT r.product_id, r.qty, p.name, p.price, p.images[1] AS image, p."sellerId" AS seller_id,
             COALESCE(p."perBuyerLimit", 2147483647) AS lim
      FROM req r JOIN "Product" p ON p.id = r.product_id
      WHERE p.status = 'ACTIVE' AND (p."saleStartsAt" IS NULL OR p."saleStartsAt" <= ${now})
        AND (p."saleEndsAt" IS NULL OR p."saleEndsAt" > ${now})
    ), counted AS (
      INSERT INTO "PurchaseCounter" ("userId", "productId", quantity)
      SELECT ${userId}::uuid, product_id, qty FROM priced WHERE qty <= lim ORDER BY product_id
      ON CONFLICT ("userId", "productId") DO UPDATE SET quantity = "PurchaseCounter".quantity + EXCLUDED.quantity
      WHERE "PurchaseCounter".quantity + EXCLUDED.quantity <= (SELECT lim FROM priced WHERE priced.product_id = EXCLUDED."productId")
      RETURNING "productId"
    ), ord AS (
      INSERT INTO "Order" (id, "userId", status, amount, "orderName", "idempotencyKey", "holdExpiresAt", "shippingAddressEnc", "createdAt", "updatedAt")
      SELECT ${orderId}, ${userId}::uuid, 'PENDING_PAYMENT'::"OrderStatus", sum(price * qty)::int,
             COALESCE((SELECT name FROM priced WHERE product_id = ${firstId}::uuid), min(name))
               || CASE WHEN count(*) > 1 THEN ' 외 ' || (count(*) - 1) || '건' ELSE '' END,
             ${idempotencyKey}, ${holdExpiresAt}::timestamp, ${input.shippingAddressEnc ?? null}::text, ${now}, ${now}
      FROM priced HAVING count(*) > 0
      RETURNING id, amount
    ), items AS (
      INSERT INTO "OrderItem" (id, "orderId", "productId", "sellerId", name, image, "unitPrice", quantity)
      SELECT gen_random_uuid(), ${orderId}, product_id, seller_id, name, image, price, qty FROM priced
      RETURNING 1
    ), ev AS (
      INSERT INTO "OrderEvent" (id, "orderId", "fromStatus", "toStatus", note, "createdAt")
      SELECT gen_random_uuid(), id, NULL, 'PENDING_PAYMENT'::"OrderStatus", ${`hold of ${units} unit(s)`}, ${now} FROM ord
      RETURNING 1
    ), outbox AS (
      INSERT INTO "OutboxEvent" (topic, payload, "createdAt")
      SELECT 'order-created', jsonb_build_object('orderId', id, 'userId', ${userId}::text, 'amount', amount, 'holdExpiresAt', ${holdExpiresAt}::text), ${now} FROM ord
      RETURNING 1
    ), idem AS (
      INSERT INTO "IdempotencyRecord" ("userId", key, "requestHash", "statusCode", body, "createdAt")
      SELECT ${userId}::uuid, ${idempotencyKey}, ${requestHash}, 201,
             jsonb_build_object('order', jsonb_build_object('id', id, 'amount', amount, 'holdExpiresAt', ${holdExpiresAt}::text, 'status', 'PENDING_PAYMENT')), ${now}
      FROM ord
      RETURNING 1
    ), taken AS (
      UPDATE "Inventory" i SET available = i.available - p.qty, "updatedAt" = ${now}
      FROM priced p WHERE i."productId" = p.product_id AND i.available >= p.qty
      RETURNING i."productId"
    )
    SELECT ARRAY(SELECT product_id::text FROM priced) AS priced,
           ARRAY(SELECT "productId"::text FROM counted) AS counted,
           ARRAY(SELECT "productId"::text FROM taken) AS taken,
           (SELECT amount FROM ord) AS amount,
           (SELECT count(*) FROM items) + (SELECT count(*) FROM ev) + (SELECT count(*) FROM outbox) + (SELECT count(*) FROM idem) AS written`;
  const missing = (got: string[]) => ids.find((id) => !got.includes(id));
  const unpriced = missing(r.priced);
  if (unpriced) throw await whyUnpriced(tx, unpriced, now);
  const overLimit = missing(r.counted);
  if (overLimit) throw new LedgerRejected("LIMIT_EXCEEDED", overLimit);
  const soldOut = missing(r.taken);
  if (soldOut) throw new LedgerRejected("SOLD_OUT", soldOut);
  // Placed lines leave the buyer's own cart / wishlist — only because the order itself commits with them.
  const { cartItemIds, wishlistProductIds } = input.consume ?? {};
  if (cartItemIds?.length) await tx.cartItem.deleteMany({ where: { id: { in: cartItemIds }, cart: { userId } } });
  if (wishlistProductIds?.length) await tx.wishlistItem.deleteMany({ where: { userId, productId: { in: wishlistProductIds } } });
  return { id: orderId, amount: Number(r.amount), holdExpiresAt, status: "PENDING_PAYMENT" };
}

/** The rare path: tell the buyer why a line could not be priced. */
async function whyUnpriced(tx: Tx, productId: string, now: Date): Promise<LedgerRejected> {
  const p = await tx.product.findUnique({ where: { id: productId }, select: { status: true, saleStartsAt: true, saleEndsAt: true } });
  if (!p || p.status !== "ACTIVE") return new LedgerRejected("UNKNOWN_PRODUCT", productId);
  if (p.saleStartsAt && now < p.saleStartsAt) return new LedgerRejected("NOT_OPEN", productId);
  return new LedgerRejected("ENDED", productId);
}
