import "server-only";
// The hot path of an opening: a buy-now of one product. Everything Redis decides about the request — the
// buyer's rate limit for the product, the Idempotency-Key claim and the admission — is one script
// (ADMIT_REQUEST) on the product's keys, sent once the session's validity is read (one GET on the
// session cache), because the admission counts the buyer's verified phone too and the session is where
// that phone comes from (lib/auth/session-store.ts): two Redis commands, no PostgreSQL query, where the
// general path (placeOrder) takes four. Nothing is admitted for a session that does not hold. The ledger
// write, the replay of an earlier answer and the PostgreSQL-only path are placeOrder's own.
import { clock } from "@/lib/clock";
import { metrics } from "@/lib/metrics";
import { rateLimited, ORDER_REQUESTS_PER_10S } from "@/lib/rate-limit";
import type { SessionUser } from "@/lib/auth/guards";
import { RedisUnavailable, type AdmitRequestResult, type StockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { passIdFor, type RoomPass } from "@/lib/waiting-room/order-pass";
import { deliveryCiphertext } from "../delivery";
import type { CheckoutInput, OrderAnswer, OrderLine } from "../schemas";
import { afterStuckClaim, awaitFirstAnswer, CLAIM_TTL_S, dropClaim, requestHash, storeClaimAnswer } from "./idempotency";
import { phoneRequired, recordOneProductBuy, refusalOfAdmit, type OneProductBuy } from "./place-order";

type BuyNow = CheckoutInput & { source: "buy-now" };

/** The request's one line when it is a buy-now of one product (what ADMIT_REQUEST can decide alone). */
export function oneProductLine(input: CheckoutInput): { input: BuyNow; line: OrderLine } | null {
  return input.source === "buy-now" && input.items.length === 1 ? { input, line: input.items[0] } : null;
}

/**
 * Places a one-product buy-now for the buyer the cookie names (`userId`, from its checked claims) once
 * `session` — that buyer's verified live session — holds. "fallback": Redis is unreachable; the caller
 * takes the general path (which admits on PostgreSQL alone). Rejects with the session's own error
 * (401/403), 403 PHONE_VERIFICATION_REQUIRED for a drop that needs a verified phone the buyer lacks, or
 * 429 when the buyer's budget for this product is spent.
 */
export async function buyOneProduct(
  session: Promise<SessionUser>,
  userId: string,
  key: string,
  what: { input: BuyNow; line: OrderLine },
  gate: StockGate,
  clientNet: string | null = null,
  pass: RoomPass | null = null,
): Promise<OrderAnswer | "fallback"> {
  const { phoneHash } = await session;
  // A saved address that is not the buyer's is a 422 before anything is admitted (nothing to undo after).
  if (what.input.addressId) await deliveryCiphertext(userId, { addressId: what.input.addressId });
  const buy: OneProductBuy = { userId, key, hash: requestHash(what.input), ...what, phoneHash, clientNet, pass: pass?.productId === what.line.productId ? pass : null };
  const refusalOf = (result: string) => refusalOfAdmit(result, buy.line.productId);
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = await admit(buy, gate);
    if (r === "fallback") return "fallback";
    metrics.admissions.inc({ result: r.result, tier: "redis" });
    switch (r.result) {
      case "rate_limited":
        throw rateLimited(r.retryInMs);
      case "phone_required":
        throw phoneRequired(buy.line.productId);
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
      productId: buy.line.productId, variantId: buy.line.variantId, userId: buy.userId, quantity: buy.line.quantity, requestKey: buy.key, nowMs: clock.nowMs(),
      requestHash: buy.hash, claimTtlS: CLAIM_TTL_S.pending, answerTtlS: CLAIM_TTL_S.answered, phoneHash: buy.phoneHash,
      rate: { points: ORDER_REQUESTS_PER_10S, windowS: 10 }, passId: passIdFor(buy.pass, buy.line.productId),
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
