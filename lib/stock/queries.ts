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
  buyers: [userId: string, units: number][];
  /** The drop's waiting room (lib/waiting-room): absent = off. */
  room?: RoomSettings;
};

/** What the stock tier keeps of a drop's waiting room: on, its rate (null = auto) and pre-queue window. */
export type RoomSettings = { on: boolean; rate: number | null; preQueueMs: number };
export const roomSettingsOf = (p: { waitingRoom: boolean; admissionRate: number | null; preQueueMinutes: number }): RoomSettings => ({
  on: p.waitingRoom, rate: p.admissionRate, preQueueMs: p.preQueueMinutes * 60_000,
});

export async function getStockSnapshot(productId: string, client: Db | Tx = db): Promise<StockSnapshot> {
  const product = await client.product.findUnique({
    where: { id: productId },
    select: { status: true, saleStartsAt: true, saleEndsAt: true, perBuyerLimit: true, inventory: true, waitingRoom: true, admissionRate: true, preQueueMinutes: true },
  });
  if (!product || product.status !== "ACTIVE" || !product.inventory) {
    return { productId, exists: false, available: 0, total: 0, startsAtMs: 0, endsAtMs: 0, perBuyerLimit: 0, buyers: [] };
  }
  const limit = product.perBuyerLimit ?? 0;
  // Buyer counts only matter where a limit applies; unlimited products keep the key small.
  const counters = limit > 0
    ? await client.purchaseCounter.findMany({ where: { productId, quantity: { gt: 0 } }, select: { userId: true, quantity: true } })
    : [];
  return {
    productId,
    exists: true,
    available: product.inventory.available,
    total: product.inventory.total,
    startsAtMs: product.saleStartsAt?.getTime() ?? 0,
    endsAtMs: product.saleEndsAt?.getTime() ?? 0,
    perBuyerLimit: limit,
    buyers: counters.map((c) => [c.userId, c.quantity]),
    room: roomSettingsOf(product),
  };
}

export async function getPgAvailable(productIds: string[]): Promise<Map<string, number>> {
  const rows = await db.inventory.findMany({ where: { productId: { in: productIds } }, select: { productId: true, available: true } });
  return new Map(rows.map((r) => [r.productId, r.available]));
}
