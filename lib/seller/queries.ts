import "server-only";
// Seller reads: products with their stock, and orders that contain the seller's products. Orders show
// only the seller's own lines (another seller's items in the same order are none of their business).
import { decryptDeliveryOptional } from "@/lib/addresses/codec";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderFilter } from "./schemas";
import { productWhere, type SellerScope } from "./scope";
import { primaryRefund, refundsSelect } from "@/lib/payments/refund-view";

export async function listSellerProducts(scope: SellerScope) {
  return db.product.findMany({
    where: productWhere(scope),
    orderBy: { createdAt: "desc" },
    include: { inventory: true, seller: { select: { shopName: true } }, category: { select: { nameKo: true, nameEn: true } } },
  });
}

export async function listCategories() {
  return db.category.findMany({ orderBy: [{ sort: "asc" }, { slug: "asc" }], select: { id: true, nameKo: true, nameEn: true } });
}

/** A calendar day in Korea (the shop's market) as a UTC instant. */
export const kstDay = (day: string) => new Date(`${day}T00:00:00+09:00`);
const nextDay = (d: Date) => new Date(d.getTime() + 24 * 3600 * 1000);

export const PAGE_SIZE = 50;

function orderWhere(scope: SellerScope, f: Partial<OrderFilter>): Prisma.OrderWhereInput {
  const itemFilter = { ...(scope.sellerId && { sellerId: scope.sellerId }), ...(f.productId && { productId: f.productId }) };
  return {
    items: { some: itemFilter },
    ...(f.status && { status: f.status }),
    ...((f.from || f.to) && { createdAt: { ...(f.from && { gte: kstDay(f.from) }), ...(f.to && { lt: nextDay(kstDay(f.to)) }) } }),
  };
}

const lineSelect = (scope: SellerScope) => ({
  where: scope.sellerId ? { sellerId: scope.sellerId } : {},
  select: { productId: true, variantId: true, variantLabel: true, sku: true, sellerId: true, name: true, image: true, unitPrice: true, quantity: true },
});

export async function listSellerOrders(scope: SellerScope, f: Partial<OrderFilter>) {
  const where = orderWhere(scope, f);
  const page = f.page ?? 1;
  const [rows, count] = await Promise.all([
    db.order.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: { id: true, status: true, createdAt: true, items: lineSelect(scope) },
    }),
    db.order.count({ where }),
  ]);
  const orders = rows.map((o) => ({ ...o, subtotal: o.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0) }));
  return { orders, count, page, pageSize: PAGE_SIZE };
}

/** One order with the seller's lines, its timeline, payment and refund; 404 when none of it is theirs. */
export async function getSellerOrderOrThrow(scope: SellerScope, orderId: string) {
  const order = await db.order.findFirst({
    where: { id: orderId, ...orderWhere(scope, {}) },
    select: {
      id: true, status: true, amount: true, orderName: true, createdAt: true, holdExpiresAt: true, deliveryEnc: true,
      items: lineSelect(scope),
      events: { select: { fromStatus: true, toStatus: true, note: true, createdAt: true }, orderBy: { createdAt: "asc" } },
      payment: { select: { status: true, method: true, amount: true, approvedAt: true } },
      refunds: refundsSelect,
      shipment: { select: { courier: true, trackingNumber: true, shippedAt: true } },
    },
  });
  if (!order) throw new AppError("NOT_FOUND", "order not found");
  const { deliveryEnc, ...rest } = order;
  // The recipient and address, decrypted only here: for the seller of this order (orderWhere's scope), to ship it.
  return { ...rest, delivery: decryptDeliveryOptional(deliveryEnc), refund: primaryRefund(order.refunds), subtotal: order.items.reduce((s, i) => s + i.unitPrice * i.quantity, 0) };
}
