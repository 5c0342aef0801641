// Helpers for order lifecycle tests: place an order, pay it (without a payment provider), take a paid one as
// far as a requested return, and age its timeline so a time-based step is due without moving the clock of
// every other test.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { shipOrder } from "@/lib/fulfilment/shipping";
import { placeOrder } from "@/lib/orders/place/place-order";
import { advanceOrder, requestReturn } from "@/lib/orders/lifecycle/steps";
import { transition } from "@/lib/orders/lifecycle/transitions";

export async function placeTestOrder(userId: string, lines: { productId: string; quantity: number }[]): Promise<string> {
  const a = await placeOrder(userId, randomUUID(), { items: lines });
  expect(a.status).toBe(201);
  return (a.body as { order: { id: string } }).order.id;
}

/** PENDING_PAYMENT → CONFIRMING → PAID through the guarded transitions (what the payment flow does). */
export async function markPaid(orderId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    expect((await transition(tx, orderId, "PENDING_PAYMENT", "CONFIRMING", { onlyBeforeHoldExpiry: true })).ok).toBe(true);
    expect((await transition(tx, orderId, "CONFIRMING", "PAID")).ok).toBe(true);
  });
}

/**
 * A paid order shipped by its seller (CJ, tracking number 123456789012), delivered, and with a return asked
 * for by its buyer with `reason`. Returns the seller's scope, for deciding the return.
 */
export async function returnRequested(o: { orderId: string; userId: string; product: { sellerId: string } }, reason: string) {
  const scope = { sellerId: o.product.sellerId, isAdmin: false };
  await shipOrder(scope, o.orderId, { courier: "cj", trackingNumber: "123456789012" });
  expect(await advanceOrder(o.orderId, "deliver", { dueNow: true })).toEqual({ result: "moved" });
  expect(await requestReturn(o.userId, o.orderId, reason)).toBe("RETURN_REQUESTED");
  return scope;
}

/** Pretends the order entered `status` `seconds` ago. */
export async function backdate(orderId: string, status: OrderStatus, seconds: number): Promise<void> {
  await db.$executeRaw`UPDATE "OrderEvent" SET "createdAt" = "createdAt" - make_interval(secs => ${seconds}) WHERE "orderId" = ${orderId} AND "toStatus" = ${status}::"OrderStatus"`;
}

export const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

export const refundRequests = (orderId: string) =>
  db.outboxEvent.count({ where: { topic: "payment.refund_requested", payload: { path: ["orderId"], equals: orderId } } });
