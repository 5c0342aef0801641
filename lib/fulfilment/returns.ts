import "server-only";
// The seller decides a return after inspecting the goods. Approve: RETURN_REQUESTED → RETURNED with the
// refund request in the same transaction (the existing refund path: one Refund per payment, one
// Idempotency-Key at Toss), units back on sale. Refuse: RETURN_REQUESTED → RETURN_REFUSED with the reason
// on the timeline, where the buyer reads it; the sale stands. Both are the guarded transition, so the
// seller's click, a second click and the fallback timer end in exactly one move and at most one refund;
// a repeat of the decision already taken answers "already".
import { db } from "@/lib/db";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { moveWithRefund } from "@/lib/orders/lifecycle/steps";
import { transition } from "@/lib/orders/lifecycle/transitions";
import type { SellerScope } from "@/lib/seller/scope";
import { conflict, fulfillableOrderOrThrow } from "./access";

export type DecisionResult = { result: "done" | "already"; status: OrderStatus };

const statusOf = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

function settled(status: OrderStatus, wanted: OrderStatus, action: string): DecisionResult {
  if (status === wanted) return { result: "already", status };
  throw conflict(status, action);
}

export async function approveReturn(scope: SellerScope, orderId: string): Promise<DecisionResult> {
  const { status } = await fulfillableOrderOrThrow(scope, orderId);
  if (status !== "RETURN_REQUESTED") return settled(status, "RETURNED", "returned");
  const why = "return approved by the seller";
  const moved = await moveWithRefund(orderId, "RETURN_REQUESTED", "RETURNED", why, { orderId, reason: why });
  return moved ? { result: "done", status: "RETURNED" } : settled(await statusOf(orderId), "RETURNED", "returned");
}

export async function refuseReturn(scope: SellerScope, orderId: string, reason: string): Promise<DecisionResult> {
  const { status } = await fulfillableOrderOrThrow(scope, orderId);
  if (status !== "RETURN_REQUESTED") return settled(status, "RETURN_REFUSED", "refused");
  const moved = await db.$transaction((tx) => transition(tx, orderId, "RETURN_REQUESTED", "RETURN_REFUSED", { note: reason }));
  return moved.ok ? { result: "done", status: "RETURN_REFUSED" } : settled(await statusOf(orderId), "RETURN_REFUSED", "refused");
}
