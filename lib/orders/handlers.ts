import "server-only";
// Plain Request → Response handlers for the order API. Next mounts them through lib/http.ts's route();
// the production server's fast path (server/fast-path.ts) mounts the very same functions, so the buy
// path has one implementation whichever way it is served.
import { addressRange } from "@/lib/address-range";
import { clientIp } from "@/lib/client-address";
import { consumeOrThrow, limiters } from "@/lib/rate-limit";
import { requireUser, sessionClaims, signInFirst, verifiedUserOfClaims } from "@/lib/auth/guards";
import { stockGate } from "@/lib/stock/gate";
import { roomPassOf, type RoomPass } from "@/lib/waiting-room/order-pass";
import { AppError, notFound } from "@/lib/errors";
import { readJson, readOptionalJson } from "@/lib/body";
import { jsonAnswer, type Answer, type RequestLike } from "@/lib/http";
import { fieldErrors, parseBody, parseInput, parseQuery } from "@/lib/validation";
import { buyOneProduct, oneProductLine } from "./place/buy-now";
import { placeOrder } from "./place/place-order";
import { cancelOrder, requestReturn } from "./lifecycle/steps";
import { deliveryChoiceSchema } from "@/lib/addresses/schemas";
import { setOrderDelivery } from "./delivery";
import { getOrderForUser, isOrderId, listOrdersForUser } from "./queries";
import { checkoutSchema, idempotencyKeySchema, listOrdersQuerySchema, orderActionSchema, plainBuyNow, plainIdempotencyKey, type CheckoutInput, type OrderAnswer } from "./schemas";

/**
 * POST /api/orders — place an order, top to bottom: authenticate → read the request → rate-limit →
 * claim the Idempotency-Key → admit → write → answer. A buy-now of one product (an opening's requests)
 * goes through buyOneProduct: the cookie is checked here (no I/O), and one Redis script checks the
 * session, rate-limits, claims and admits. Every other order goes through placeOrder (lib/orders/place)
 * once the session is read. Either way nothing is answered before the session holds, so a bad request of a
 * signed-out buyer is a 401.
 */
export async function handlePlaceOrder(req: RequestLike): Promise<Answer> {
  const claims = sessionClaims(req);
  if (!claims) signInFirst();
  let key: string, input: CheckoutInput, pass: RoomPass | null;
  try {
    key = idempotencyKey(req);
    const body = await readJson(req);
    input = plainBuyNow(body) ?? parseInput(checkoutSchema, body);
    pass = roomPassOf(req, claims.sub, "items" in input ? input.items.map((i) => i.productId) : null); // the waiting room's pass: one HMAC, no I/O
  } catch (err) {
    await verifiedUserOfClaims(claims);
    throw err;
  }
  const gate = stockGate();
  const oneProduct = oneProductLine(input);
  // Kept on the order for fleet flagging (lib/seller/flags.ts): worked out only for a request that orders.
  const clientNet = () => addressRange(clientIp(req.headers));
  let answer = oneProduct && !gate.usingFallback ? await buyOneProduct(claims, key, oneProduct, gate, clientNet, pass) : "fallback";
  if (answer === "fallback") {
    const user = await verifiedUserOfClaims(claims);
    await consumeOrThrow(limiters.placeOrderUser, user.id);
    answer = await placeOrder(user.id, key, input, gate, { phoneHash: user.phoneHash, clientNet: clientNet(), pass });
  }
  return answerOf(answer);
}

/** A shared (frozen) answer — a drop's refusals, lib/orders/place/place-order.ts — is serialized once. */
function answerOf(a: OrderAnswer): Answer {
  if (!Object.isFrozen(a)) return jsonAnswer(a.body, a.status);
  let answer = sharedAnswers.get(a);
  if (!answer) sharedAnswers.set(a, (answer = jsonAnswer(a.body, a.status)));
  return answer;
}
const sharedAnswers = new WeakMap<OrderAnswer, Answer>();

function idempotencyKey(req: RequestLike): string {
  const given = req.headers.get("idempotency-key") ?? "";
  if (plainIdempotencyKey(given)) return given;
  const parsed = idempotencyKeySchema.safeParse(given);
  if (parsed.success) return parsed.data;
  throw new AppError("VALIDATION", "A valid Idempotency-Key header is required", { "idempotency-key": fieldErrors(parsed.error)._ ?? ["Required"] });
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

/** PUT /api/orders/{id}/delivery: `{ addressId }` or `{ delivery }`; answers the order as it now stands. */
export async function handleSetOrderDelivery(req: Request, orderId: string): Promise<Response> {
  const user = await requireUser(req);
  const choice = await parseBody(deliveryChoiceSchema, req);
  if (!isOrderId(orderId)) throw notFound("order");
  await setOrderDelivery(user.id, orderId, choice);
  return Response.json({ order: await ownOrderOrThrow(orderId, user.id) });
}
