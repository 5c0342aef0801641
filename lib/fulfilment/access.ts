import "server-only";
// Which orders a seller may fulfil: those in their scope (another shop's order is "not found", as
// everywhere in the seller area) whose every line is theirs. An order is shipped and returned as a whole,
// so an order that also holds another shop's items is left to an admin (409 `other_sellers`).
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { isOrderId } from "@/lib/orders/queries";
import type { SellerScope } from "@/lib/seller/scope";

export const conflict = (status: OrderStatus, action: string) =>
  new AppError("INVALID_TRANSITION", `This order cannot be ${action} while it is ${status}`, undefined, { status });

export async function fulfillableOrderOrThrow(scope: SellerScope, orderId: string) {
  if (!isOrderId(orderId)) throw notFound("order");
  const order = await db.order.findFirst({
    where: { id: orderId, ...(scope.sellerId && { items: { some: { sellerId: scope.sellerId } } }) },
    select: { status: true, items: { select: { sellerId: true } } },
  });
  if (!order) throw notFound("order");
  if (scope.sellerId && order.items.some((i) => i.sellerId !== scope.sellerId)) {
    throw new AppError("CONFLICT", "This order also holds another shop's items: an admin fulfils it", undefined, { reason: "other_sellers" });
  }
  return order;
}
