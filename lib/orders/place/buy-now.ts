import "server-only";
// The hot path of an opening: a buy-now of one product. Everything Redis decides about the request — the
// buyer's session, their rate limit for the product, the Idempotency-Key claim and the admission — is one
// script (ADMIT_REQUEST) on the product's keys: one Redis round trip and no PostgreSQL query per request.
// The script reads the session's cache entry itself (the admission counts the buyer's verified phone, and
// the session is where that phone comes from: lib/auth/session-store.ts) wherever that cache shares the
// stock's Redis; on a cache miss — or where it does not share it (a Redis Cluster) — the session is read
// first and its phone handed to the script. Nothing is admitted for a session that does not hold. The
// ledger write, the replay of an earlier answer and the PostgreSQL-only path are placeOrder's own.
import { clock } from "@/lib/clock";
import { metrics } from "@/lib/metrics";
import { rateLimited, ORDER_REQUESTS_PER_10S } from "@/lib/rate-limit";
import { emailNotVerified, signInFirst, verifiedUserOfClaims } from "@/lib/auth/guards";
import type { SessionClaims } from "@/lib/auth/cookie";
import { sessionCacheKey } from "@/lib/auth/session-store";
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
 * Places a one-product buy-now for the buyer the cookie names (`claims`, decrypted and checked) if their
 * session holds. "fallback": Redis is unreachable; the caller takes the general path (which admits on
 * PostgreSQL alone). `clientNet`: the client's address range, asked for only by a request that orders.
 * Rejects with the session's own error (401/403), 403 PHONE_VERIFICATION_REQUIRED for a drop that needs a
 * verified phone the buyer lacks, or 429 when the buyer's budget for this product is spent.
 */
export async function buyOneProduct(
  claims: SessionClaims,
  key: string,
  what: { input: BuyNow; line: OrderLine },
  gate: StockGate,
  clientNet: () => string | null = () => null,
  pass: RoomPass | null = null,
): Promise<OrderAnswer | "fallback"> {
  const userId = claims.sub;
  const buy: OneProductBuy = { userId, key, hash: requestHash(what.input), ...what, phoneHash: null, clientNet: null, pass: pass?.productId === what.line.productId ? pass : null };
  // The session: checked inside the script (by its cache entry) unless that cannot be, or the request
  // names a saved address, whose owner is checked before anything is admitted (a 422, nothing to undo).
  let sessionKey: string | undefined = sessionCacheKey(claims.sid);
  if (!gate.store.seesSessionCache || what.input.addressId) {
    buy.phoneHash = (await verifiedUserOfClaims(claims)).phoneHash;
    sessionKey = undefined;
    if (what.input.addressId) await deliveryCiphertext(userId, { addressId: what.input.addressId });
  }
  for (let attempt = 0, loads = 0; attempt < 3; ) {
    const r = await admit(buy, gate, sessionKey);
    if (r === "fallback") return "fallback";
    switch (r.result) {
      case "missing": // the product's keys are not in Redis yet: loaded once from PostgreSQL, then again
        if (loads++ === 2) throw new Error(`stock keys of ${buy.line.productId} vanished while loading`);
        if ((await load(gate, buy.line.productId)) === "fallback") return "fallback";
        continue;
      case "session_unknown":
        // Not in the cache: PostgreSQL decides (and fills the cache); the script then takes the phone as given.
        buy.phoneHash = (await verifiedUserOfClaims(claims, true)).phoneHash;
        sessionKey = undefined;
        continue;
      case "signed_out":
        return signInFirst();
      case "unverified":
        return emailNotVerified();
    }
    attempt++;
    metrics.admissions.inc({ result: r.result, tier: "redis" });
    switch (r.result) {
      case "rate_limited":
        throw rateLimited(r.retryInMs);
      case "phone_required":
        throw phoneRequired(buy.line.productId);
      case "claimed": {
        const k = stockKeys.productClaim(buy.line.productId, userId, key);
        const refusalOf = (result: string) => refusalOfAdmit(result, buy.line.productId);
        const first = await awaitFirstAnswer(gate, k, buy.hash, r.claim, refusalOf).catch((err: unknown) => (err instanceof RedisUnavailable ? "stuck" as const : Promise.reject(err)));
        if (first === "gone") continue; // the first request gave up: this one acts
        return first === "stuck" ? afterStuckClaim(userId, key, buy.hash) : first;
      }
      case "reserved":
      case "duplicate":
        buy.phoneHash = r.phoneHash; // what the units were counted under, and the ledger records
        buy.clientNet = clientNet();
        return record(buy, r.result === "reserved", gate);
      default:
        return refusalOfAdmit(r.result, buy.line.productId);
    }
  }
  return afterStuckClaim(userId, key, buy.hash);
}

/** Loads the product's keys; "fallback" when Redis went away meanwhile, as for any admission. */
async function load(gate: StockGate, productId: string): Promise<"loaded" | "fallback"> {
  try {
    await gate.ensureLoaded(productId);
    return "loaded";
  } catch (err) {
    if (err instanceof RedisUnavailable) return "fallback";
    throw err;
  }
}

async function admit(buy: OneProductBuy, gate: StockGate, sessionKey: string | undefined): Promise<AdmitRequestResult | "fallback"> {
  try {
    return await gate.admitRequest({
      productId: buy.line.productId, variantId: buy.line.variantId, userId: buy.userId, quantity: buy.line.quantity, requestKey: buy.key, nowMs: clock.nowMs(),
      requestHash: buy.hash, claimTtlS: CLAIM_TTL_S.pending, answerTtlS: CLAIM_TTL_S.answered, phoneHash: buy.phoneHash, sessionKey,
      rate: { points: ORDER_REQUESTS_PER_10S, windowS: 10 }, passId: passIdFor(buy.pass, buy.line.productId),
    });
  } catch (err) {
    if (err instanceof RedisUnavailable) return "fallback";
    throw err;
  }
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
