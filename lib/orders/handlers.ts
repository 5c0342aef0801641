import "server-only";
// Plain Request → Response handlers for the order API. Next mounts them through lib/http.ts's route();
// the production server's fast path (server/fast-path.ts) mounts the very same functions, so the buy
// path has one implementation whichever way it is served.
import { consumeOrThrow, limiters } from "@/lib/rate-limit";
import { requireUser, requireVerifiedUser } from "@/lib/auth/guards";
import { AppError, notFound } from "@/lib/errors";
import { readOptionalJson, type RequestLike } from "@/lib/http";
import { fieldErrors, parseBody, parseInput, parseQuery } from "@/lib/validation";
import { placeOrder } from "./place/place-order";
import { cancelOrder, requestReturn } from "./lifecycle/steps";
import { getOrderForUser, isOrderId, listOrdersForUser } from "./queries";
import { checkoutSchema, idempotencyKeySchema, listOrdersQuerySchema, orderActionSchema } from "./schemas";

/**
 * POST /api/orders — place an order, top to bottom: authenticate → rate-limit → read the request →
 * claim the Idempotency-Key → admit → write → answer (the last four in placeOrder, lib/orders/place).
 */
export async function handlePlaceOrder(req: RequestLike): Promise<Response> {
  const user = await requireVerifiedUser(req);
  await consumeOrThrow(limiters.placeOrderUser, user.id);
  const parsedKey = idempotencyKeySchema.safeParse(req.headers.get("idempotency-key") ?? "");
  if (!parsedKey.success) {
    throw new AppError("VALIDATION", "A valid Idempotency-Key header is required", { "idempotency-key": fieldErrors(parsedKey.error)._ ?? ["Required"] });
  }
  const input = await parseBody(checkoutSchema, req);
  const answer = await placeOrder(user.id, parsedKey.data, input);
  return Response.json(answer.body, { status: answer.status });
}

export async function handleListOrders(req: Request): Promise<Response> {
  const user = await requireUser(req);
  const query = parseQuery(listOrdersQuerySchema, new URL(req.url).searchParams);
  return Response.json(await listOrdersForUser(user.id, query));
}

async function ownOrderOrThrow(orderId: string, userId: string) {
  const order = isOrderId(orderId) ? await getOrderForUser(orderId, userId) : null;
  if (!order) throw notFound("order");
  return order;
}

export async function handleGetOrder(req: Request, orderId: string): Promise<Response> {
  const user = await requireUser(req);
  return Response.json({ order: await ownOrderOrThrow(orderId, user.id) });
}

/** An empty body is fine for cancel and return; a body that is there must be a JSON object. */
async function optionalReason(req: Request) {
  return parseInput(orderActionSchema, await readOptionalJson(req, {}));
}

export async function handleCancelOrder(req: Request, orderId: string): Promise<Response> {
  const user = await requireUser(req);
  const { reason } = await optionalReason(req);
  if (!isOrderId(orderId)) throw notFound("order");
  await cancelOrder(user.id, orderId, reason);
  return Response.json({ order: await ownOrderOrThrow(orderId, user.id) });
}

export async function handleReturnOrder(req: Request, orderId: string): Promise<Response> {
  const user = await requireUser(req);
  const { reason } = await optionalReason(req);
  if (!isOrderId(orderId)) throw notFound("order");
  await requestReturn(user.id, orderId, reason);
  return Response.json({ order: await ownOrderOrThrow(orderId, user.id) });
}
