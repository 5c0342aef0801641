import "server-only";
// Sales figures for the dashboard: revenue and units by Korean calendar day, top products, refunds and
// settlement payouts. A sale counts once its order is paid (PAID and every later state but refunded ones).
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { soldStates } from "@/lib/orders/lifecycle/transitions";
import type { SellerScope } from "./scope";

const DAY = 24 * 3600 * 1000;
const KST = 9 * 3600 * 1000;
const kstDayOf = (ms: number) => new Date(ms + KST).toISOString().slice(0, 10);

export type DayFigure = { day: string; revenue: number; units: number };

export async function getSales(scope: SellerScope, days: number) {
  const now = clock.nowMs();
  const firstDay = kstDayOf(now - (days - 1) * DAY);
  const since = new Date(`${firstDay}T00:00:00+09:00`);
  const seller = scope.sellerId ? Prisma.sql`AND i."sellerId" = ${scope.sellerId}::uuid` : Prisma.empty;
  const sold = Prisma.join(soldStates.map((s) => Prisma.sql`${s}`));
  const localDay = Prisma.sql`to_char(o."createdAt" + interval '9 hours', 'YYYY-MM-DD')`;

  const [byDay, top, topVariants, refunds, payouts] = await Promise.all([
    db.$queryRaw<{ day: string; revenue: number; units: number }[]>`
      SELECT ${localDay} AS day, SUM(i."unitPrice" * i.quantity)::int AS revenue, SUM(i.quantity)::int AS units
      FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId"
      WHERE o.status::text IN (${sold}) AND o."createdAt" >= ${since} ${seller}
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ productId: string; name: string; revenue: number; units: number }[]>`
      SELECT i."productId", MAX(p.name) AS name, SUM(i."unitPrice" * i.quantity)::int AS revenue, SUM(i.quantity)::int AS units
      FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId" JOIN "Product" p ON p.id = i."productId"
      WHERE o.status::text IN (${sold}) AND o."createdAt" >= ${since} ${seller}
      GROUP BY i."productId" ORDER BY revenue DESC LIMIT 5`,
    // Per size (docs/variants.md): the order lines' own snapshot of the label, so a renamed axis keeps history.
    db.$queryRaw<{ variantId: string; name: string; label: string; sku: string; revenue: number; units: number }[]>`
      SELECT i."variantId", MAX(i.name) AS name, MAX(i."variantLabel") AS label, MAX(i.sku) AS sku,
        SUM(i."unitPrice" * i.quantity)::int AS revenue, SUM(i.quantity)::int AS units
      FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId"
      WHERE o.status::text IN (${sold}) AND o."createdAt" >= ${since} AND i."variantLabel" IS NOT NULL ${seller}
      GROUP BY i."variantId" ORDER BY units DESC, revenue DESC LIMIT 10`,
    db.$queryRaw<{ orders: number; amount: number }[]>`
      SELECT COUNT(DISTINCT o.id)::int AS orders, COALESCE(SUM(i."unitPrice" * i.quantity), 0)::int AS amount
      FROM "OrderItem" i JOIN "Order" o ON o.id = i."orderId" JOIN "Refund" r ON r."orderId" = o.id
      WHERE r."createdAt" >= ${since} ${seller}`,
    db.payout.findMany({
      where: scope.sellerId ? { sellerId: scope.sellerId } : {},
      orderBy: { periodDate: "desc" },
      take: 14,
      select: { id: true, periodDate: true, amount: true, entryCount: true, seller: { select: { shopName: true } } },
    }),
  ]);

  // Every day of the range appears, sales or not, so the chart's axis is continuous.
  const found = new Map(byDay.map((d) => [d.day, d]));
  const series: DayFigure[] = [];
  for (let i = 0; i < days; i++) {
    const day = kstDayOf(since.getTime() + i * DAY);
    const f = found.get(day);
    series.push({ day, revenue: f?.revenue ?? 0, units: f?.units ?? 0 });
  }
  const totals = series.reduce((t, d) => ({ revenue: t.revenue + d.revenue, units: t.units + d.units }), { revenue: 0, units: 0 });
  return {
    series,
    totals,
    top,
    topVariants,
    refunds: refunds[0] ?? { orders: 0, amount: 0 },
    payouts: payouts.map((p) => ({ ...p, periodDate: p.periodDate.toISOString().slice(0, 10) })),
  };
}
