import "server-only";
// Plain Request → Response handler for confirming a payment. Next mounts it at app/api/payments/confirm
// through lib/http.ts's route(); the production server's fast path (server/fast-path.ts) mounts the very
// same function, so a drop's confirms never queue behind server-rendered pages.
import { requireUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { jsonAnswer, type Answer, type RequestLike } from "@/lib/http";
import { createGate } from "@/lib/limit";
import { parseBody, parseQuery } from "@/lib/validation";
import { describePaymentFailure } from "./failure";
import { getOrderPayment } from "./queries";
import { confirmBodySchema, failRouteQuerySchema } from "./schemas";
import { confirmOrderPayment } from "./confirm";

// A drop's buyers all pay at once. Unbounded, each confirm takes a database connection for its first
// transaction and then queues for another for its last: hundreds at once starve the pool and time out
// half-done (measured: 1 in 3 of a 500-buyer burst failed with P2028, left CONFIRMING or refused). With no
// more confirms running than the pool has connections, each one that starts finishes.
const confirmGate = createGate({
  concurrency: env.PAYMENT_CONFIRM_CONCURRENCY ?? env.DATABASE_POOL_SIZE,
  maxWaitMs: env.PAYMENT_CONFIRM_MAX_WAIT_MS,
  busyMessage: "The shop is very busy; please retry",
});

/**
 * Confirms the caller's order and answers `{ outcome, code?, order }` with the order as it now stands.
 * Refresh-safe: a second call for an order already past PENDING_PAYMENT confirms nothing and answers
 * `already` with the current state (the service's guarded transition and per-order Idempotency-Key).
 */
export async function handleConfirmPayment(req: RequestLike): Promise<Answer> {
  const user = await requireUser(req);
  const body = await parseBody(confirmBodySchema, req);
  const result = await confirmGate.run(() => confirmOrderPayment(user.id, body));
  const order = result.order ?? (await getOrderPayment(body.orderId, user.id));
  if (!order) throw notFound("order");
  return jsonAnswer({ outcome: result.outcome, ...(result.code && { code: result.code }), order });
}

/**
 * The failUrl's answer as JSON (`{ outcome, code, payable, order }`): what the failure means for the
 * caller's order and whether it can be paid again. Reads only: the order keeps its units until its hold ends.
 */
export async function handlePaymentFailure(req: RequestLike): Promise<Answer> {
  const user = await requireUser(req);
  const q = parseQuery(failRouteQuerySchema, new URL(req.url).searchParams);
  const failure = await describePaymentFailure(user.id, q);
  if (!failure.order) throw notFound("order");
  return jsonAnswer(failure, 200, { "cache-control": "private, no-store" });
}
