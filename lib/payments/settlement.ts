// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// The per-seller settlement ledger. A paid order writes, per seller, a SALE (+gross) and a FEE (−fee);
// its refund writes a REFUND (−gross) and gives the fee back (FEE +fee). Every entry has a unique key, so
// writing the same fact twice changes nothing. The daily job gathers a day's unpaid entries into one
// Payout per seller.
import { clock } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** Integer won; rounded to the nearest won. */
export const feeOf = (gross: number, rate = env.SETTLEMENT_FEE_RATE) => Math.round(gross * rate);

async function grossBySeller(tx: Tx, orderId: string): Promise<Map<string, number>> {
  const items = await tx.orderItem.findMany({ where: { orderId }, select: { sellerId: true, unitPrice: true, quantity: true } });
  const gross = new Map<string, number>();
  for (const i of items) gross.set(i.sellerId, (gross.get(i.sellerId) ?? 0) + i.unitPrice * i.quantity);
  return gross;
}

export async function recordSale(tx: Tx, orderId: string): Promise<void> {
  const data = [];
  for (const [sellerId, gross] of await grossBySeller(tx, orderId)) {
    data.push({ key: `sale:${orderId}:${sellerId}`, sellerId, orderId, kind: "SALE" as const, amount: gross });
    data.push({ key: `fee:sale:${orderId}:${sellerId}`, sellerId, orderId, kind: "FEE" as const, amount: -feeOf(gross) });
  }
  await tx.settlementEntry.createMany({ data, skipDuplicates: true });
}

/** A full refund: reverses each seller's sale and the fee withheld on it. */
export async function recordRefund(tx: Tx, orderId: string): Promise<void> {
  const fees = await tx.settlementEntry.findMany({ where: { orderId, kind: "FEE", key: { startsWith: "fee:sale:" } }, select: { sellerId: true, amount: true } });
  const feeBySeller = new Map(fees.map((f) => [f.sellerId, -f.amount]));
  const data = [];
  for (const [sellerId, gross] of await grossBySeller(tx, orderId)) {
    data.push({ key: `refund:${orderId}:${sellerId}`, sellerId, orderId, kind: "REFUND" as const, amount: -gross });
    data.push({ key: `fee:refund:${orderId}:${sellerId}`, sellerId, orderId, kind: "FEE" as const, amount: feeBySeller.get(sellerId) ?? 0 });
  }
  await tx.settlementEntry.createMany({ data, skipDuplicates: true });
}

const DAY_MS = 86_400_000;
/** Korea Standard Time: UTC+9 all year (no daylight saving). */
const KST_OFFSET_MS = 9 * 3_600_000;

/**
 * The settlement day `now` falls in, in Asia/Seoul: `start` is that day's 00:00 KST as an instant, `date`
 * the calendar day (UTC midnight of the same Y-M-D, which is how a `@db.Date` column holds it).
 */
export function kstDay(now: Date): { start: Date; date: Date } {
  const shifted = new Date(now.getTime() + KST_OFFSET_MS);
  const date = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
  return { start: new Date(date.getTime() - KST_OFFSET_MS), date };
}

/**
 * Settles every seller's entries created before 00:00 today in Korea (Asia/Seoul) that no payout holds yet:
 * one Payout per seller dated the previous Korean day. Safe to run twice or concurrently: entries are claimed
 * with `payoutId IS NULL` inside the payout's transaction and (seller, day) is unique.
 */
export async function runDailySettlement(opts: { now?: Date; sellerIds?: string[] } = {}): Promise<number> {
  const today = kstDay(opts.now ?? clock.now());
  const cutoff = today.start;
  const periodDate = new Date(today.date.getTime() - DAY_MS);
  const sellers = await db.settlementEntry.groupBy({
    by: ["sellerId"],
    where: { payoutId: null, createdAt: { lt: cutoff }, ...(opts.sellerIds && { sellerId: { in: opts.sellerIds } }) },
  });
  let created = 0;
  for (const { sellerId } of sellers) {
    const done = await db.$transaction(async (tx) => {
      const entries = await tx.$queryRaw<{ id: bigint; amount: number }[]>`
        SELECT id, amount FROM "SettlementEntry"
        WHERE "sellerId" = ${sellerId}::uuid AND "payoutId" IS NULL AND "createdAt" < ${cutoff}
        FOR UPDATE SKIP LOCKED`;
      if (!entries.length) return false;
      const existing = await tx.payout.findUnique({ where: { sellerId_periodDate: { sellerId, periodDate } } });
      const amount = entries.reduce((s, e) => s + e.amount, 0);
      const payout = existing
        ? await tx.payout.update({ where: { id: existing.id }, data: { amount: existing.amount + amount, entryCount: existing.entryCount + entries.length } })
        : await tx.payout.create({ data: { sellerId, periodDate, amount, entryCount: entries.length } });
      await tx.settlementEntry.updateMany({ where: { id: { in: entries.map((e) => e.id) } }, data: { payoutId: payout.id } });
      return true;
    });
    if (done) created++;
  }
  if (created) log.info({ sellers: created, periodDate: periodDate.toISOString().slice(0, 10) }, "daily settlement");
  return created;
}
