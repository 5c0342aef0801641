// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Admission over the stock port: typed results from the Lua scripts, keys loaded from PostgreSQL on demand.
import { phoneField, stockKeys } from "./keys";
import { getStockSnapshot, type RoomSettings, type StockSnapshot } from "./queries";
import { LOAD } from "./copy-scripts";
import { ADMIT, ADMIT_REQUEST, RELEASE } from "./scripts";
import type { StockStore } from "./store";

export const admitResults = [
  "reserved", "duplicate", "sold_out", "not_open", "ended", "limit_exceeded", "phone_required", "unknown", "pass_required", "pass_used",
  "variant_required", "unknown_variant",
] as const;
export type AdmitResult = (typeof admitResults)[number];

const REQUEST_MARKER_TTL = 24 * 3600;
const RELEASE_MARKER_TTL = 7 * 24 * 3600;
const UNKNOWN_PRODUCT_TTL = 60;
/** Used passes are kept well past any pass's life (WAITING_ROOM_PASS_TTL_SECONDS ≤ 1 h): a replay finds them. */
const USED_PASS_TTL = 2 * 24 * 3600;

export type AdmitInput = {
  productId: string; userId: string; quantity: number; requestKey: string; nowMs: number;
  /** The buyer's verified phone (blind index), counted under the per-buyer limit too; null/absent = none. */
  phoneHash?: string | null;
  /** A waiting-room pass for this product whose signature, owner and expiry the caller checked (lib/waiting-room/pass.ts). */
  passId?: string;
  /** The variant (docs/variants.md); absent = the product's implicit default variant. */
  variantId?: string | null;
};

/**
 * The request's marker: per variant, so two sizes of one product in one request are two admissions. The
 * default variant (no id given) keeps the product's plain marker.
 */
const requestMarker = (productId: string, userId: string, requestKey: string, variantId?: string | null) =>
  stockKeys.request(productId, userId, variantId ? `${requestKey}:${variantId}` : requestKey);

/**
 * One product line through ADMIT. `missing` means the product's keys are not loaded (the caller loads them
 * from PostgreSQL and retries: StockGate.admit); `duplicate` means this very request already holds its units.
 */
export async function admit(store: StockStore, input: AdmitInput): Promise<{ result: AdmitResult | "missing"; available: number }> {
  const { productId, userId, quantity, requestKey, nowMs } = input;
  const keys = [stockKeys.meta(productId), stockKeys.buyers(productId), requestMarker(productId, userId, requestKey, input.variantId), stockKeys.passesUsed(productId)];
  const args = [userId, quantity, nowMs, REQUEST_MARKER_TTL, input.phoneHash ?? "", input.passId ?? "", USED_PASS_TTL, input.variantId ?? ""];
  const [result, available] = (await store.run(ADMIT, keys, args)) as [string, number];
  return { result: result as AdmitResult | "missing", available: Number(available) };
}

export type AdmitRequestInput = AdmitInput & {
  /** What identifies the request for replays (lib/orders/place/idempotency.ts requestHash). */
  requestHash: string;
  claimTtlS: number;
  answerTtlS: number;
  /** The buyer's request budget for this product: `points` per `windowS`. */
  rate: { points: number; windowS: number };
  /**
   * The buyer's session-cache entry, for the script to check the session itself (its phone then replaces
   * `phoneHash`): only where that cache lives in this store's Redis (StockStore.seesSessionCache).
   */
  sessionKey?: string;
};
export type AdmitRequestResult =
  | { result: "missing" }
  /** The session check's answers (with `sessionKey` only): no cache entry, 401, 403. */
  | { result: "session_unknown" | "signed_out" | "unverified" }
  | { result: "rate_limited"; retryInMs: number }
  | { result: "claimed"; claim: string }
  /** phoneHash: the verified phone the units were counted under (the session's, or the one given). */
  | { result: AdmitResult; available: number; phoneHash: string | null };

const sessionResults = new Set(["session_unknown", "signed_out", "unverified"]);

/** One buy request (session, rate limit, key claim, admission) through ADMIT_REQUEST, in one round trip. */
export async function admitRequest(store: StockStore, input: AdmitRequestInput): Promise<AdmitRequestResult> {
  const { productId, userId, quantity, requestKey, nowMs } = input;
  const keys = [
    stockKeys.meta(productId),
    stockKeys.buyers(productId),
    requestMarker(productId, userId, requestKey, input.variantId),
    stockKeys.productClaim(productId, userId, requestKey),
    stockKeys.buyerRequests(productId, userId),
    stockKeys.passesUsed(productId),
  ];
  if (input.sessionKey !== undefined) keys.push(input.sessionKey);
  const args = [
    userId, quantity, nowMs, REQUEST_MARKER_TTL, input.requestHash, input.claimTtlS, input.answerTtlS, input.rate.points, input.rate.windowS,
    input.phoneHash ?? "", input.passId ?? "", USED_PASS_TTL, input.variantId ?? "",
  ];
  const [result, n, claim, phone] = (await store.run(ADMIT_REQUEST, keys, args)) as [string, number, string, string | undefined];
  if (result === "missing") return { result };
  if (sessionResults.has(result)) return { result: result as "session_unknown" | "signed_out" | "unverified" };
  if (result === "rate_limited") return { result, retryInMs: Math.max(0, Number(n)) };
  if (result === "claimed") return { result, claim };
  return { result: result as AdmitResult, available: Number(n), phoneHash: phone || null };
}

export type ReleaseInput = {
  productId: string; userId: string; quantity: number; releaseId: string; requestKey?: string;
  /** The phone (blind index) the units were counted under, whose count goes back too. */
  phoneHash?: string | null;
  /** The variant the units go back to; absent = the implicit default variant. */
  variantId?: string | null;
};

/** Returns units to Redis once per releaseId (retries are harmless). */
export async function release(store: StockStore, input: ReleaseInput): Promise<"released" | "already" | "not_loaded"> {
  const { productId, userId, quantity, releaseId, requestKey = "-" } = input;
  const keys = [
    stockKeys.meta(productId),
    stockKeys.buyers(productId),
    // One release id may return several lines (sizes) of one product: each line's marker is its own.
    stockKeys.released(productId, input.variantId ? `${releaseId}:${input.variantId}` : releaseId),
    requestMarker(productId, userId, requestKey, input.variantId),
  ];
  const res = Number(await store.run(RELEASE, keys, [userId, quantity, RELEASE_MARKER_TTL, input.phoneHash ?? "", input.variantId ?? ""]));
  return res === 1 ? "released" : res === 0 ? "already" : "not_loaded";
}

/** Writes one product's keys from PostgreSQL. 'missing' never overwrites live keys; 'force' does. */
export async function loadStock(store: StockStore, productId: string, mode: "missing" | "force", snapshot?: StockSnapshot) {
  const s = snapshot ?? (await getStockSnapshot(productId));
  const args: (string | number)[] = [
    mode, s.available, s.total, s.startsAtMs, s.endsAtMs, s.perBuyerLimit, s.exists ? 0 : 1, UNKNOWN_PRODUCT_TTL, s.phoneRequired ? 1 : 0,
    ...roomArgs(s.room), s.defaultVariantId ?? "", s.variants.length,
  ];
  for (const [variantId, available, total] of s.variants) args.push(variantId, available, total);
  for (const [userId, units] of s.buyers) args.push(userId, units);
  for (const [phone, units] of s.phones) args.push(phoneField(phone), units);
  return Number(await store.run(LOAD, [stockKeys.meta(productId), stockKeys.buyers(productId)], args)) === 1;
}

/** A drop's waiting-room settings as the scripts store them (meta w, wr, wq, wn, wd; a cap of -1 = the default). */
export function roomArgs(room: RoomSettings | undefined): [number, number, number, number, number] {
  return room?.on ? [1, room.rate ?? 0, room.preQueueMs, room.rangeCap ?? -1, room.deviceCap ?? -1] : [0, 0, 0, -1, -1];
}

/** Reloads every product Redis knows about from PostgreSQL; products it does not know load on demand. */
export async function rebuildAll(store: StockStore): Promise<number> {
  const metaKeys = await store.scan(stockKeys.metaPattern());
  for (const k of metaKeys) await loadStock(store, stockKeys.productIdOfMeta(k), "force");
  return metaKeys.length;
}
