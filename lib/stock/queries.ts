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
  /** The drop's waiting room (lib/waiting-room): absent = off. */
  room?: RoomSettings;
  /** Units per verified phone (blind index), PhonePurchaseCounter. */
  phones: [phoneHash: string, units: number][];
  /** Every variant's figures (docs/variants.md); available/total above are their sums. */
  variants: [variantId: string, available: number, total: number][];
  /** The implicit default variant of a product without options (null when it has options). */
  defaultVariantId: string | null;
};

/**
 * What the stock tier keeps of a drop's waiting room: on, its rate (null = auto), pre-queue window, and its
 * caps on places per address range and per device (null/absent = the deployment's default, 0 = no cap).
 */
export type RoomSettings = { on: boolean; rate: number | null; preQueueMs: number; rangeCap?: number | null; deviceCap?: number | null };
export const roomSettingsOf = (p: {
  waitingRoom: boolean; admissionRate: number | null; preQueueMinutes: number; roomRangeCap: number | null; roomDeviceCap: number | null;
}): RoomSettings => ({
  on: p.waitingRoom, rate: p.admissionRate, preQueueMs: p.preQueueMinutes * 60_000, rangeCap: p.roomRangeCap, deviceCap: p.roomDeviceCap,
});

export async function getStockSnapshot(productId: string, client: Db | Tx = db): Promise<StockSnapshot> {
  const product = await client.product.findUnique({
    where: { id: productId },
    select: {
      status: true, saleStartsAt: true, saleEndsAt: true, perBuyerLimit: true, phoneRequired: true, inventory: true,
      waitingRoom: true, admissionRate: true, preQueueMinutes: true, roomRangeCap: true, roomDeviceCap: true,
      variants: { select: { id: true, available: true, total: true, isDefault: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
    },
  });
  if (!product || product.status !== "ACTIVE" || !product.inventory || !product.variants.length) {
    return {
      productId, exists: false, available: 0, total: 0, startsAtMs: 0, endsAtMs: 0, perBuyerLimit: 0, phoneRequired: false, buyers: [], phones: [],
      variants: [], defaultVariantId: null,
    };
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
    room: roomSettingsOf(product),
    variants: product.variants.map((v): [string, number, number] => [v.id, v.available, v.total]),
    defaultVariantId: product.variants.find((v) => v.isDefault)?.id ?? null,
  };
}

/** Every buyer's and every verified phone's units of a product: what its per-buyer limit is checked on. */
export async function getLimitCounters(productId: string, client: Db | Tx = db): Promise<{ buyers: [string, number][]; phones: [string, number][] }> {
  // One statement for both (a load races restocks: its read should take no longer than it must).
  const rows = await client.$queryRaw<{ phone: boolean; id: string; quantity: number }[]>`
    SELECT false AS phone, "userId"::text AS id, quantity FROM "PurchaseCounter" WHERE "productId" = ${productId}::uuid AND quantity > 0
    UNION ALL
    SELECT true, "phoneHash", quantity FROM "PhonePurchaseCounter" WHERE "productId" = ${productId}::uuid AND quantity > 0`;
  const pairs = (phone: boolean) => rows.filter((r) => r.phone === phone).map((r): [string, number] => [r.id, Number(r.quantity)]);
  return { buyers: pairs(false), phones: pairs(true) };
}

/** Available units per variant of the given products: `productId:variantId` → units. */
export async function getPgAvailable(productIds: string[]): Promise<Map<string, number>> {
  const rows = await db.productVariant.findMany({ where: { productId: { in: productIds } }, select: { productId: true, id: true, available: true } });
  return new Map(rows.map((r) => [`${r.productId}:${r.id}`, r.available]));
}
