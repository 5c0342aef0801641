import "server-only";
// The seller ships: PAID → SHIPPING through the one guarded transition, with the courier and tracking
// number written in the same transaction (so no order is SHIPPING by the seller's hand without them).
// Idempotent: the same courier and number again is "unchanged"; another number while the order is still
// SHIPPING corrects the shipment ("updated"), as for an order the fallback timer shipped without one.
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { transition } from "@/lib/orders/lifecycle/transitions";
import type { SellerScope } from "@/lib/seller/scope";
import { conflict, fulfillableOrderOrThrow } from "./access";
import type { ShipInput } from "./schemas";
import { eventNote } from "@/lib/orders/event-note";

export type ShipResult = "shipped" | "updated" | "unchanged";

export async function shipOrder(scope: SellerScope, orderId: string, input: ShipInput): Promise<{ result: ShipResult }> {
  await fulfillableOrderOrThrow(scope, orderId);
  const data = { courier: input.courier, trackingNumber: input.trackingNumber };
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, shipment: { select: { courier: true, trackingNumber: true } } } });
    if (order.shipment?.courier === data.courier && order.shipment.trackingNumber === data.trackingNumber) return { result: "unchanged" as const };
    const now = clock.now();
    if (order.status === "PAID") {
      const moved = await transition(tx, orderId, "PAID", "SHIPPING", { note: eventNote("shipped_by_seller") });
      if (!moved.ok) {
        // Someone else moved it first (read committed: this statement sees their commit). The same upload
        // sent twice at once is the same shipment, not a conflict.
        const now2 = await tx.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, shipment: { select: { courier: true, trackingNumber: true } } } });
        if (now2.shipment?.courier === data.courier && now2.shipment.trackingNumber === data.trackingNumber) return { result: "unchanged" as const };
        throw conflict(now2.status, "shipped");
      }
      await tx.shipment.upsert({ where: { orderId }, create: { orderId, ...data, shippedAt: now }, update: { ...data, shippedAt: now } });
      return { result: "shipped" as const };
    }
    // A correction only while the parcel is on its way; the guarded touch also locks the order's row.
    const { count } = await tx.order.updateMany({ where: { id: orderId, status: "SHIPPING" }, data: { updatedAt: now } });
    if (!count) throw conflict(order.status, "shipped");
    await tx.shipment.upsert({ where: { orderId }, create: { orderId, ...data, shippedAt: now }, update: data });
    return { result: "updated" as const };
  });
}
