import "server-only";
// Order reads. A buyer sees only their own orders: anyone else's is "not found", never "forbidden".
import { clock } from "@/lib/clock";
import { decryptDeliveryOptional } from "@/lib/addresses/codec";
import { decryptOptional } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { cancellableFrom, returnDeadline } from "./lifecycle/steps";
import type { ListOrdersQuery } from "./schemas";

export async function getOrderForUser(orderId: string, userId: string) {
  const order = await db.order.findFirst({
    where: { id: orderId, userId },
    select: {
      id: true, status: true, amount: true, orderName: true, holdExpiresAt: true, createdAt: true, shippingAddressEnc: true, deliveryEnc: true,
      items: { select: { productId: true, variantId: true, variantLabel: true, sku: true, name: true, image: true, unitPrice: true, quantity: true } },
      events: { select: { fromStatus: true, toStatus: true, note: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      shipment: { select: { courier: true, trackingNumber: true, shippedAt: true } },
    },
  });
  if (!order) return null;
  const { shippingAddressEnc, deliveryEnc, ...rest } = order;
  const deliveredAt = order.status === "DELIVERED" ? [...order.events].reverse().find((e) => e.toStatus === "DELIVERED")?.createdAt : undefined;
  const deadline = deliveredAt ? returnDeadline(deliveredAt) : null;
  return {
    ...rest,
    shippingAddress: decryptOptional(shippingAddressEnc),
    /** The seller's reason when they refused the return (its timeline note). */
    returnRefusal: order.status === "RETURN_REFUSED" ? (order.events.findLast((e) => e.toStatus === "RETURN_REFUSED")?.note ?? null) : null,
    /** Who receives it and where (decrypted for its buyer); null until set — and then it cannot be paid. */
    delivery: decryptDeliveryOptional(deliveryEnc),
    /** What the buyer may do now (the server re-checks on every request). */
    actions: {
      cancel: cancellableFrom.includes(order.status),
      return: deadline !== null && clock.now() <= deadline,
      returnDeadline: deadline?.toISOString() ?? null,
    },
  };
}

export type OrderView = NonNullable<Awaited<ReturnType<typeof getOrderForUser>>>;

/** The buyer's orders, newest first, one page at a time. */
export async function listOrdersForUser(userId: string, { page, pageSize }: ListOrdersQuery) {
  const [total, rows] = await Promise.all([
    db.order.count({ where: { userId } }),
    db.order.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, status: true, amount: true, orderName: true, holdExpiresAt: true, createdAt: true,
        items: { select: { productId: true, variantId: true, variantLabel: true, sku: true, name: true, image: true, unitPrice: true, quantity: true }, take: 3 },
        _count: { select: { items: true } },
      },
    }),
  ]);
  const orders = rows.map(({ _count, ...o }) => ({ ...o, itemCount: _count.items }));
  return { orders, page, pageSize, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

export type OrderPage = Awaited<ReturnType<typeof listOrdersForUser>>;

/** Toss order ids: 6–64 of [A-Za-z0-9_-]; anything else cannot be an order. */
export const isOrderId = (id: string) => /^[A-Za-z0-9_-]{6,64}$/.test(id);
