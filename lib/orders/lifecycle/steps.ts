// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// What happens to an order after it is placed: the buyer's cancel and return, and the time-based steps
// (ship, deliver, complete a return) that the worker runs. Every move is transition()'s guarded UPDATE,
// so a cancel racing the shipping job ends in exactly one of them; a refund request is written to the
// outbox in the same transaction as the move that needs it, and units go back through the same path the
// hold expiry uses (PostgreSQL in the transaction, Redis after it, each guarded).
import { clock } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/client";
import { writeOutbox } from "@/lib/jobs/outbox";
import { defaultDelaySeconds, stepDelaySeconds } from "./delays";
import { releaseOrderUnits } from "./holds";
import { transition } from "./transitions";
import { eventNote } from "@/lib/orders/event-note";

export const REFUND_REQUESTED_TOPIC = "payment.refund_requested";
export type RefundRequested = { orderId: string; reason: string };

/** States a buyer may cancel from: before payment, or paid but not shipped. */
export const cancellableFrom: readonly OrderStatus[] = ["PENDING_PAYMENT", "PAID"];

/** When the order entered `status` (its latest timeline event into it), or null. */
export async function enteredAt(client: Tx | typeof db, orderId: string, status: OrderStatus): Promise<Date | null> {
  const e = await client.orderEvent.findFirst({ where: { orderId, toStatus: status }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return e?.createdAt ?? null;
}

export const returnDeadline = (deliveredAt: Date) => new Date(deliveredAt.getTime() + env.ORDER_RETURN_WINDOW_SECONDS * 1000);

const conflict = (status: OrderStatus, action: string) =>
  new AppError("INVALID_TRANSITION", `This order cannot be ${action} while it is ${status}`, undefined, { status });

async function statusOf(orderId: string, userId?: string): Promise<OrderStatus> {
  const order = await db.order.findFirst({ where: { id: orderId, ...(userId && { userId }) }, select: { status: true } });
  if (!order) throw notFound("order");
  return order.status;
}

/**
 * Moves `from → to` in one transaction with the refund request when the order had been paid. Returns
 * false when another move got there first (nothing written); Redis gets the units after the commit.
 */
export async function moveWithRefund(orderId: string, from: OrderStatus, to: OrderStatus, note: string, refund: RefundRequested | null) {
  const res = await db.$transaction(async (tx) => {
    const r = await transition(tx, orderId, from, to, { note });
    if (r.ok && refund) await writeOutbox(tx, REFUND_REQUESTED_TOPIC, refund);
    return r;
  });
  if (res.ok && res.returned) await releaseOrderUnits(res.returned);
  return res.ok;
}

/** The buyer cancels. 404 for someone else's order; 409 with the current status once it has shipped. */
export async function cancelOrder(userId: string, orderId: string, reason?: string): Promise<OrderStatus> {
  const from = await statusOf(orderId, userId);
  if (!cancellableFrom.includes(from)) throw conflict(from, "cancelled");
  // The refund reason goes to Toss as cancelReason (a sentence); the timeline note is a code (lib/orders/event-note.ts).
  const why = reason || "cancelled by the buyer";
  const moved = await moveWithRefund(orderId, from, "CANCELLED", reason || eventNote("cancelled_by_buyer"), from === "PAID" ? { orderId, reason: why } : null);
  if (!moved) throw conflict(await statusOf(orderId), "cancelled");
  return "CANCELLED";
}

/** The buyer asks to return a delivered order, until ORDER_RETURN_WINDOW_SECONDS after delivery. */
export async function requestReturn(userId: string, orderId: string, reason?: string): Promise<OrderStatus> {
  const from = await statusOf(orderId, userId);
  if (from !== "DELIVERED") throw conflict(from, "returned");
  const deliveredAt = await enteredAt(db, orderId, "DELIVERED");
  if (deliveredAt && clock.now() > returnDeadline(deliveredAt)) {
    throw new AppError("RETURN_WINDOW_CLOSED", "The return window for this order has closed", undefined, { status: from, deadline: returnDeadline(deliveredAt).toISOString() });
  }
  const moved = await db.$transaction((tx) => transition(tx, orderId, "DELIVERED", "RETURN_REQUESTED", { note: reason || eventNote("return_requested") }));
  if (!moved.ok) throw conflict(await statusOf(orderId), "returned");
  return "RETURN_REQUESTED";
}

/**
 * The worker's time-based steps: fallbacks for what the seller does by hand (ship with tracking, approve a
 * return). Each waits a delay after the order entered `from`: the shop's own, else the deployment default
 * (delays.ts); `delaySeconds` is the default.
 */
export const steps = {
  ship: { from: "PAID", to: "SHIPPING", delaySeconds: defaultDelaySeconds.ship },
  deliver: { from: "SHIPPING", to: "DELIVERED", delaySeconds: defaultDelaySeconds.deliver },
  completeReturn: { from: "RETURN_REQUESTED", to: "RETURNED", delaySeconds: defaultDelaySeconds.completeReturn },
} as const satisfies Record<string, { from: OrderStatus; to: OrderStatus; delaySeconds: () => number }>;
export type StepName = keyof typeof steps;
export const stepNames = Object.keys(steps) as StepName[];

export type AdvanceResult = { result: "moved" } | { result: "skipped"; status: OrderStatus | null } | { result: "not_due"; dueAt: Date } | { result: "off" };

/**
 * Takes one time-based step if the order is still where the step starts and its delay has passed.
 * Idempotent: a second run (or a cancel that won the race) finds the order elsewhere and skips. A step
 * its shop turned off is "off" (the seller acts by hand).
 * `dueNow` is for the test hooks only (lib/test-hooks): a journey says when the delay is over.
 */
export async function advanceOrder(orderId: string, name: StepName, opts: { dueNow?: boolean } = {}): Promise<AdvanceResult> {
  const step = steps[name];
  const order = await db.order.findUnique({ where: { id: orderId }, select: { status: true } });
  if (!order || order.status !== step.from) return { result: "skipped", status: order?.status ?? null };
  const delay = await stepDelaySeconds(db, orderId, name);
  if (delay === null && !opts.dueNow) return { result: "off" };
  const since = (await enteredAt(db, orderId, step.from)) ?? clock.now();
  const dueAt = new Date(since.getTime() + (delay ?? 0) * 1000);
  if (clock.now() < dueAt && !opts.dueNow) return { result: "not_due", dueAt };
  const refund = step.to === "RETURNED" ? { orderId, reason: "return completed" } : null;
  const moved = await moveWithRefund(orderId, step.from, step.to, eventNote(`step_${name}`, { seconds: delay ?? 0 }), refund);
  return moved ? { result: "moved" } : { result: "skipped", status: await statusOf(orderId).catch(() => null) };
}
