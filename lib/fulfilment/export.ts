import "server-only";
// The seller's CSV files: the export of their orders (the order list's filters; Korean headers, the shop's
// market) and the bulk-shipping template prefilled with the orders waiting to ship.
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { kstDay } from "@/lib/seller/queries";
import type { SellerScope } from "@/lib/seller/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { courierName } from "./couriers";
import { shipmentCsvHeader, toCsv } from "./csv";
import { MAX_EXPORT_ROWS, type ExportQuery } from "./schemas";

const lineWhere = (scope: SellerScope) => (scope.sellerId ? { sellerId: scope.sellerId } : {});

function exportWhere(scope: SellerScope, f: ExportQuery): Prisma.OrderWhereInput {
  const end = f.to && new Date(kstDay(f.to).getTime() + 86_400_000);
  return {
    items: { some: { ...lineWhere(scope), ...(f.productId && { productId: f.productId }) } },
    ...(f.status && { status: f.status }),
    ...((f.from || end) && { createdAt: { ...(f.from && { gte: kstDay(f.from) }), ...(end && { lt: end }) } }),
  };
}

/** The seller's orders as CSV (only their own lines and amounts), newest first, at most MAX_EXPORT_ROWS. */
export async function exportOrdersCsv(scope: SellerScope, f: ExportQuery): Promise<string> {
  const orders = await db.order.findMany({
    where: exportWhere(scope, f),
    orderBy: { createdAt: "desc" },
    take: MAX_EXPORT_ROWS,
    select: {
      id: true, status: true, createdAt: true,
      items: { where: lineWhere(scope), select: { name: true, unitPrice: true, quantity: true } },
      shipment: { select: { courier: true, trackingNumber: true, shippedAt: true } },
    },
  });
  const t = messages.ko;
  const c = t.fulfilment.csv;
  const header = [c.orderId, c.orderedAt, c.status, c.items, c.quantity, c.amount, c.courier, c.trackingNumber, c.shippedAt];
  const rows = orders.map((o) => [
    o.id,
    formatDateTime(o.createdAt, "ko"),
    t.seller.orderStatuses[o.status],
    o.items.map((i) => `${i.name} × ${i.quantity}`).join("; "),
    o.items.reduce((s, i) => s + i.quantity, 0),
    o.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0),
    o.shipment ? courierName(o.shipment.courier, "ko") : null,
    o.shipment?.trackingNumber ?? null,
    o.shipment ? formatDateTime(o.shipment.shippedAt, "ko") : null,
  ]);
  return toCsv(header, rows);
}

/** The bulk-shipping template: the header, then one row per order of the shop waiting to ship (PAID). */
export async function shipmentTemplateCsv(scope: SellerScope): Promise<string> {
  const orders = await db.order.findMany({
    where: { status: "PAID", items: { some: lineWhere(scope) } },
    orderBy: { createdAt: "asc" },
    take: MAX_EXPORT_ROWS,
    select: { id: true },
  });
  return toCsv(shipmentCsvHeader, orders.map((o) => [o.id, "", ""]));
}

export const csvFileName = (what: string, at: Date) => `hurryup-${what}-${at.toISOString().slice(0, 10)}.csv`;
