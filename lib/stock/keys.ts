// Redis keys of the stock tier. Every key of one product carries the hash tag {p:<id>} so each Lua script
// touches a single Redis Cluster slot; a buyer's request claims carry {u:<id>} for the same reason.
import { env } from "@/lib/env";

const prefix = () => env.REDIS_KEY_PREFIX;
const tag = (productId: string) => `${prefix()}{p:${productId}}`;
/** The product's key prefix with its hash tag: other domains' keys of the product (lib/waiting-room) share its slot. */
export const productTag = tag;

/** The buyers-hash field counting a verified phone's units (ADMIT, RELEASE, LOAD, SETMETA). */
export const phoneField = (phoneHash: string) => `ph:${phoneHash}`;

export const stockKeys = {
  /**
   * Hash: a (available), t (total), s/e (sale start/end, ms, 0 = none), l (per-buyer limit, 0 = none), x (1 = no
   * such product), v (1 = verified phone required), w (1 = waiting room on: admission needs a pass), wr (its rate,
   * buyers/s, 0 = auto), wq (its pre-queue window, ms), wn / wd (its caps on places per address range / per device:
   * -1 = the deployment's default, 0 = none).
   */
  meta: (productId: string) => `${tag(productId)}:m`,
  /** Hash: userId → units held or bought (mirrors PurchaseCounter); 'ph:<phone blind index>' → the same per verified phone (mirrors PhonePurchaseCounter). */
  buyers: (productId: string) => `${tag(productId)}:b`,
  /** String: this request's units are reserved (makes admission idempotent per request). */
  request: (productId: string, userId: string, requestKey: string) => `${tag(productId)}:r:${userId}:${requestKey}`,
  /** String: this release already happened (a release runs at most once per id). */
  released: (productId: string, releaseId: string) => `${tag(productId)}:x:${releaseId}`,
  /** String: this restock already moved the Redis counts (a restock applies at most once per id). */
  restocked: (productId: string, restockId: string) => `${tag(productId)}:s:${restockId}`,
  /** Hash: passId → userId, the waiting room's passes used up by an admission (ADMIT_REQUEST, ADMIT): single use. */
  passesUsed: (productId: string) => `${tag(productId)}:wu`,
  /** Pattern of every product's meta key, for rebuilds. */
  metaPattern: () => `${prefix()}{p:*}:m`,
  productIdOfMeta: (metaKey: string) => metaKey.slice(prefix().length + 3, -3),
  /** String: the first answer to (buyer, Idempotency-Key) of a one-product buy (ADMIT_REQUEST), in the product's slot. */
  productClaim: (productId: string, userId: string, idempotencyKey: string) => `${tag(productId)}:k:${userId}:${idempotencyKey}`,
  /** Counter: a buyer's order requests for this product in the current rate-limit window (ADMIT_REQUEST). */
  buyerRequests: (productId: string, userId: string) => `${tag(productId)}:q:${userId}`,
  /** String: the first answer to (buyer, Idempotency-Key) of any other order request. */
  claim: (userId: string, idempotencyKey: string) => `${prefix()}{u:${userId}}:k:${idempotencyKey}`,
};
