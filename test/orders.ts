// Helpers for order lifecycle tests: place an order, pay it (without a payment provider), and age its
// timeline so a time-based step is due without moving the clock of every other test.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { placeOrder } from "@/lib/orders/place/place-order";
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

/** Pretends the order entered `status` `seconds` ago. */
export async function backdate(orderId: string, status: OrderStatus, seconds: number): Promise<void> {
  await db.$executeRaw`UPDATE "OrderEvent" SET "createdAt" = "createdAt" - make_interval(secs => ${seconds}) WHERE "orderId" = ${orderId} AND "toStatus" = ${status}::"OrderStatus"`;
}

export const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

export const refundRequests = (orderId: string) =>
  db.outboxEvent.count({ where: { topic: "payment.refund_requested", payload: { path: ["orderId"], equals: orderId } } });
