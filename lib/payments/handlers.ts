import "server-only";
// Plain Request → Response handler for confirming a payment. Next mounts it at app/api/payments/confirm
// through lib/http.ts's route(); the production server's fast path (server/fast-path.ts) mounts the very
// same function, so a drop's confirms never queue behind server-rendered pages.
import { requireUser } from "@/lib/auth/guards";
import { notFound } from "@/lib/errors";
import type { RequestLike } from "@/lib/http";
import { parseBody } from "@/lib/validation";
import { getOrderPayment } from "./queries";
import { confirmBodySchema } from "./schemas";
import { confirmOrderPayment } from "./service";

/**
 * Confirms the caller's order and answers `{ outcome, code?, order }` with the order as it now stands.
 * Refresh-safe: a second call for an order already past PENDING_PAYMENT confirms nothing and answers
 * `already` with the current state (the service's guarded transition and per-order Idempotency-Key).
 */
export async function handleConfirmPayment(req: RequestLike): Promise<Response> {
  const user = await requireUser(req);
  const body = await parseBody(confirmBodySchema, req);
  const result = await confirmOrderPayment(user.id, body);
  const order = await getOrderPayment(body.orderId, user.id);
  if (!order) throw notFound("order");
  return Response.json({ outcome: result.outcome, ...(result.code && { code: result.code }), order });
}
