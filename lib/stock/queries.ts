// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// PostgreSQL reads the stock tier is rebuilt from. PostgreSQL is the ledger: Redis only mirrors this.
import { db, type Db, type Tx } from "@/lib/db";

export type StockSnapshot = {
  productId: string;
  /** False when the product does not exist or is not on sale (draft, archived). */
  exists: boolean;
  available: number;
  total: number;
  startsAtMs: number;
  endsAtMs: number;
  perBuyerLimit: number;
  phoneRequired: boolean;
  buyers: [userId: string, units: number][];
  /** Units per verified phone (blind index), PhonePurchaseCounter. */
  phones: [phoneHash: string, units: number][];
};

export async function getStockSnapshot(productId: string, client: Db | Tx = db): Promise<StockSnapshot> {
  const product = await client.product.findUnique({
    where: { id: productId },
    select: { status: true, saleStartsAt: true, saleEndsAt: true, perBuyerLimit: true, phoneRequired: true, inventory: true },
  });
  if (!product || product.status !== "ACTIVE" || !product.inventory) {
    return { productId, exists: false, available: 0, total: 0, startsAtMs: 0, endsAtMs: 0, perBuyerLimit: 0, phoneRequired: false, buyers: [], phones: [] };
  }
  const limit = product.perBuyerLimit ?? 0;
  // Buyer counts only matter where a limit applies; unlimited products keep the key small.
  const { buyers, phones } = limit > 0 ? await getLimitCounters(productId, client) : { buyers: [], phones: [] };
  return {
    productId,
    exists: true,
    available: product.inventory.available,
    total: product.inventory.total,
    startsAtMs: product.saleStartsAt?.getTime() ?? 0,
    endsAtMs: product.saleEndsAt?.getTime() ?? 0,
    perBuyerLimit: limit,
    phoneRequired: product.phoneRequired,
    buyers,
    phones,
  };
}

/** Every buyer's and every verified phone's units of a product: what its per-buyer limit is checked on. */
export async function getLimitCounters(productId: string, client: Db | Tx = db): Promise<{ buyers: [string, number][]; phones: [string, number][] }> {
  const [counters, phoneCounters] = await Promise.all([
    client.purchaseCounter.findMany({ where: { productId, quantity: { gt: 0 } }, select: { userId: true, quantity: true } }),
    client.phonePurchaseCounter.findMany({ where: { productId, quantity: { gt: 0 } }, select: { phoneHash: true, quantity: true } }),
  ]);
  return { buyers: counters.map((c) => [c.userId, c.quantity]), phones: phoneCounters.map((c) => [c.phoneHash, c.quantity]) };
}

export async function getPgAvailable(productIds: string[]): Promise<Map<string, number>> {
  const rows = await db.inventory.findMany({ where: { productId: { in: productIds } }, select: { productId: true, available: true } });
  return new Map(rows.map((r) => [r.productId, r.available]));
}
