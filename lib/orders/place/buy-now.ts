import "server-only";
// The hot path of an opening: a buy-now of one product. Everything Redis decides about the request — the
// buyer's rate limit for the product, the Idempotency-Key claim and the admission — is one script
// (ADMIT_REQUEST) on the product's keys, sent while the session's validity is read (one GET on the
// session cache): one round trip, where the general path (placeOrder) takes four. Nothing is answered
// before the session holds; if it does not, whatever the script took is given back. The ledger write,
// the replay of an earlier answer and the PostgreSQL-only path are placeOrder's own.
import { clock } from "@/lib/clock";
import { metrics } from "@/lib/metrics";
import { rateLimited, ORDER_REQUESTS_PER_10S } from "@/lib/rate-limit";
import type { SessionUser } from "@/lib/auth/guards";
import { RedisUnavailable, type AdmitRequestResult, type StockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { passIdFor, type RoomPass } from "@/lib/waiting-room/order-pass";
import type { CheckoutInput, OrderAnswer, OrderLine } from "../schemas";
import { afterStuckClaim, awaitFirstAnswer, CLAIM_TTL_S, dropClaim, requestHash, storeClaimAnswer } from "./idempotency";
import { recordOneProductBuy, refusalOfAdmit, undoOneProductBuy, type OneProductBuy } from "./place-order";

type BuyNow = CheckoutInput & { source: "buy-now" };

/** The request's one line when it is a buy-now of one product (what ADMIT_REQUEST can decide alone). */
export function oneProductLine(input: CheckoutInput): { input: BuyNow; line: OrderLine } | null {
  return input.source === "buy-now" && input.items.length === 1 ? { input, line: input.items[0] } : null;
}

/**
 * Places a one-product buy-now for the buyer the cookie names (`userId`, from its checked claims) once
 * `session` — that buyer's verified live session — holds. "fallback": Redis is unreachable; the caller
 * takes the general path (which admits on PostgreSQL alone). Rejects with the session's own error
 * (401/403) or 429 when the buyer's budget for this product is spent.
 */
export async function buyOneProduct(
  session: Promise<SessionUser>,
  userId: string,
  key: string,
  what: { input: BuyNow; line: OrderLine },
  gate: StockGate,
  pass: RoomPass | null = null,
): Promise<OrderAnswer | "fallback"> {
  const buy: OneProductBuy = { userId, key, hash: requestHash(what.input), ...what, passId: passIdFor(pass, what.line.productId) };
  const refusalOf = (result: string) => refusalOfAdmit(result, buy.line.productId);
  for (let attempt = 0; attempt < 3; attempt++) {
    const admitted = admit(buy, gate);
    try {
      await session;
    } catch (err) {
      await admitted.then((r) => giveBack(r, buy, gate), () => {});
      throw err;
    }
    const r = await admitted;
    if (r === "fallback") return "fallback";
    metrics.admissions.inc({ result: r.result, tier: "redis" });
    switch (r.result) {
      case "rate_limited":
        throw rateLimited(r.retryInMs);
      case "claimed": {
        const k = stockKeys.productClaim(buy.line.productId, userId, key);
        const first = await awaitFirstAnswer(gate, k, buy.hash, r.claim, refusalOf).catch((err: unknown) => (err instanceof RedisUnavailable ? "stuck" as const : Promise.reject(err)));
        if (first === "gone") continue; // the first request gave up: this one acts
        return first === "stuck" ? afterStuckClaim(userId, key, buy.hash) : first;
      }
      case "reserved":
      case "duplicate":
        return record(buy, r.result === "reserved", gate);
      default:
        return refusalOf(r.result);
    }
  }
  return afterStuckClaim(userId, key, buy.hash);
}

function admit(buy: OneProductBuy, gate: StockGate): Promise<Exclude<AdmitRequestResult, { result: "missing" }> | "fallback"> {
  return gate
    .admitRequest({
      productId: buy.line.productId, userId: buy.userId, quantity: buy.line.quantity, requestKey: buy.key, nowMs: clock.nowMs(),
      requestHash: buy.hash, claimTtlS: CLAIM_TTL_S.pending, answerTtlS: CLAIM_TTL_S.answered,
      rate: { points: ORDER_REQUESTS_PER_10S, windowS: 10 }, passId: buy.passId,
    })
    .catch((err: unknown) => (err instanceof RedisUnavailable ? "fallback" : Promise.reject(err)));
}

async function record(buy: OneProductBuy, fresh: boolean, gate: StockGate): Promise<OrderAnswer> {
  const at = { userId: buy.userId, key: buy.key, productId: buy.line.productId };
  let answer: OrderAnswer;
  try {
    answer = await recordOneProductBuy(buy, fresh, gate);
  } catch (err) {
    await dropClaim(gate, at);
    throw err;
  }
  await storeClaimAnswer(gate, at, buy.hash, answer);
  return answer;
}

/** The session did not hold: nothing this request took may stay (units reserved, the claim or its answer). */
async function giveBack(r: Awaited<ReturnType<typeof admit>>, buy: OneProductBuy, gate: StockGate) {
  if (r === "fallback" || r.result === "rate_limited" || r.result === "claimed") return;
  if (r.result === "reserved") await undoOneProductBuy(buy, gate);
  await dropClaim(gate, { userId: buy.userId, key: buy.key, productId: buy.line.productId });
}
