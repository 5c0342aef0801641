import "server-only";
// Test hooks: the end-to-end journeys say when time passes instead of racing the wall clock. A journey
// runs with long, shop-like delays (scripts/e2e.sh) and then, when it is ready, asks for an order's next
// time-based step (taken by the worker's own advanceOrder, as if its delay were over) or for a drop to
// open a few seconds from now (the seller's own updateProduct). Nothing here writes state directly.
//
// Guarded twice: the routes under /api/test-hooks answer 404 unless HURRYUP_TEST_HOOKS=1, and lib/env.ts
// refuses that flag in a production deployment (NODE_ENV=production without HURRYUP_DEMO=1).
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clock } from "@/lib/clock";
import { advanceOrder, stepNames, type AdvanceResult, type StepName } from "@/lib/orders/lifecycle/steps";
import { updateProduct } from "@/lib/seller/service";
import { addPlaceholders } from "@/lib/waiting-room/crowd";

/** Throws 404 (as if the route did not exist) unless the test hooks are on. */
export function requireTestHooks(): void {
  if (!env.HURRYUP_TEST_HOOKS) throw new AppError("NOT_FOUND", "not found");
}

export const takeStepSchema = z.object({ step: z.enum(stepNames as [StepName, ...StepName[]]) });
export const openingSchema = z.object({ inSeconds: z.number().int().min(1).max(30 * 86_400) });

/** Takes the order's `step` now, through the worker's transition; "skipped" when it is not where the step starts. */
export async function takeStepNow(orderId: string, step: StepName): Promise<AdvanceResult> {
  requireTestHooks();
  return advanceOrder(orderId, step, { dueNow: true });
}

/**
 * Reschedules a drop's opening to `inSeconds` from the server's now, the way a seller does (the same
 * validation: an opening must lie ahead, so at least one second). Returns the new opening.
 */
export async function rescheduleOpening(productId: string, inSeconds: number): Promise<Date> {
  requireTestHooks();
  const saleStartsAt = new Date(clock.nowMs() + inSeconds * 1000);
  await updateProduct({ sellerId: null, isAdmin: true }, productId, { saleStartsAt });
  return saleStartsAt;
}

export const crowdSchema = z.object({ where: z.enum(["ahead", "behind"]), n: z.number().int().min(1).max(10_000) });

/**
 * Puts `n` placeholder places in a drop's waiting room, ahead of or behind everyone — the one hook that
 * writes state itself, because nothing in the shop makes a crowd without accounts. Returns the queue's length.
 */
export async function addRoomCrowd(productId: string, where: "ahead" | "behind", n: number): Promise<number> {
  requireTestHooks();
  return addPlaceholders(productId, where, n);
}
