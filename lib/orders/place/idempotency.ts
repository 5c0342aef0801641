import "server-only";
// Idempotency-Key handling for placing orders. The first request with a key claims it in Redis (CLAIM);
// concurrent and later requests with that key wait for, then replay, the first answer. Answers of orders
// that were created are also kept in PostgreSQL (IdempotencyRecord, written in the order's transaction),
// which is the record that survives Redis and serves the PostgreSQL-only path. The buy path enters here
// to claim (claimKey: the one look-up of an earlier answer) and to settle (storeClaimAnswer / dropClaim).
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { stockKeys } from "@/lib/stock/keys";
import { CLAIM } from "@/lib/stock/scripts";
import { RedisUnavailable, type StockGate } from "@/lib/stock/gate";
import type { CheckoutInput, OrderAnswer, PlaceOrderInput } from "../schemas";

const PENDING_TTL_S = 30;
const DONE_TTL_S = 24 * 3600;
const POLL_MS = 20;
const POLL_LIMIT = 500; // ≈10 s, longer than any ledger transaction

/** The same lines in any order hash the same. */
function linesHash(input: PlaceOrderInput): string {
  const lines = input.items.length === 1 ? `${input.items[0].productId}x${input.items[0].quantity}`
    : [...input.items].sort((a, b) => a.productId.localeCompare(b.productId)).map((l) => `${l.productId}x${l.quantity}`).join(",");
  let hash = linesHashes.get(lines);
  if (hash === undefined) {
    hash = createHash("sha256").update(lines).digest("base64url");
    if (linesHashes.size >= LINES_HASHES_MAX) linesHashes.delete(linesHashes.keys().next().value!);
    linesHashes.set(lines, hash);
  }
  return hash;
}
// An opening's requests name the same few lines (a product, a quantity) tens of thousands of times a
// second: their hashes are kept (bounded; the oldest goes first) instead of hashed again each time.
const linesHashes = new Map<string, string>();
const LINES_HASHES_MAX = 10_000;

/**
 * What identifies a request for Idempotency-Key replays, computed once per request. A bare buy-now keeps
 * the lines' hash; other sources and addresses are folded in (a cart checkout is identified by its cart
 * line ids). The values are stored with every answer, so they must not change between releases.
 */
export function requestHash(input: CheckoutInput): string {
  // Delivery details join the address; absent, the text is what it was before they existed.
  const delivery = input.addressId ? `|a:${input.addressId}` : input.delivery ? `|d:${JSON.stringify(input.delivery)}` : "";
  const address = (input.shippingAddress ?? "") + delivery;
  if (input.source === "buy-now" && !address) return linesHash(input);
  const what = input.source === "cart" ? [...input.cartItemIds].sort().join(",") : linesHash(input);
  return createHash("sha256").update(`${input.source}|${what}|${address}`).digest("base64url");
}

export const mismatch = () => new AppError("IDEMPOTENCY_MISMATCH", "This Idempotency-Key was used with a different request", { "idempotency-key": ["Used with a different request"] });

/**
 * Claims the key for this request, or answers with the first request's answer. "redis": the claim is held
 * in Redis (settle it with storeClaimAnswer or dropClaim). "postgres": Redis is unreachable, PostgreSQL's
 * record was consulted and the ledger's own guards decide. With `durable`, PostgreSQL's record is
 * consulted first (a retry of a cart or wishlist checkout that succeeded finds its lines gone).
 */
export async function claimKey(gate: StockGate, userId: string, key: string, hash: string, durable: boolean): Promise<OrderAnswer | "redis" | "postgres"> {
  if (durable) {
    const stored = await findStoredAnswer(userId, key, hash);
    if (stored) return stored;
  }
  const k = stockKeys.claim(userId, key);
  let claimed = false;
  try {
    const v = (await gate.run((s) => s.run(CLAIM, [k], [`P|${hash}`, PENDING_TTL_S]))) as string;
    claimed = true;
    if (v === "") return "redis";
    const first = await awaitFirstAnswer(gate, k, hash, v);
    if (first === "gone") return "redis"; // the claimant gave up (its claim expired or was dropped): act
    if (first !== "stuck") return first;
  } catch (err) {
    if (!(err instanceof RedisUnavailable)) throw err;
    // Consult PostgreSQL's record unless it was just consulted (after waiting, the first may have answered).
    return (durable && !claimed ? null : await findStoredAnswer(userId, key, hash)) ?? "postgres";
  }
  return (await findStoredAnswer(userId, key, hash)) ?? stillProcessing();
}

const stillProcessing = (): never => {
  throw new AppError("CONFLICT", "The first request with this Idempotency-Key is still being processed");
};

/**
 * The answer a claim holds: "P|<hash>" while the first request works (null here), "D|<hash>|<answer JSON>"
 * once it answered, or "D|<hash>|~<result>" — a refusal stored by ADMIT_REQUEST, spelled out by `refusal`.
 * A different hash is the same key used for another request: IDEMPOTENCY_MISMATCH.
 */
export function claimAnswer(v: string, hash: string, refusal?: (result: string) => OrderAnswer): OrderAnswer | null {
  const sep = v.indexOf("|", 2);
  if ((sep === -1 ? v.slice(2) : v.slice(2, sep)) !== hash) throw mismatch();
  if (v[0] !== "D") return null;
  const body = v.slice(sep + 1);
  if (body[0] === "~") {
    if (!refusal) throw new Error(`a compact answer (${body}) where none is expected`);
    return refusal(body.slice(1));
  }
  return JSON.parse(body) as OrderAnswer;
}

/**
 * Waits (polling, ≈10 s at most) for the first request with this key to answer, starting from the value
 * just read: its answer, "gone" when its claim vanished (it gave up: the caller acts), or "stuck".
 */
export async function awaitFirstAnswer(gate: StockGate, k: string, hash: string, seen: string, refusal?: (result: string) => OrderAnswer): Promise<OrderAnswer | "gone" | "stuck"> {
  let v: string | null = seen;
  for (let i = 0; i < POLL_LIMIT; i++) {
    if (v === null || v === "") return "gone";
    const answer = claimAnswer(v, hash, refusal);
    if (answer) return answer;
    await new Promise((r) => setTimeout(r, POLL_MS));
    v = await gate.run((s) => s.get(k));
  }
  return "stuck";
}

/** When a claim stays pending past the wait: PostgreSQL's record, or 409 (the first is still working). */
export async function afterStuckClaim(userId: string, key: string, hash: string): Promise<OrderAnswer> {
  return (await findStoredAnswer(userId, key, hash)) ?? stillProcessing();
}

/** Claim TTLs: while the order is written (longer than any ledger write), and of a stored answer. */
export const CLAIM_TTL_S = { pending: PENDING_TTL_S, answered: DONE_TTL_S };

/** Where a request's claim lives: the buyer's slot, or the product's for a one-product buy (ADMIT_REQUEST). */
export type ClaimAt = { userId: string; key: string; productId?: string };
const claimKeyOf = (at: ClaimAt) => (at.productId ? stockKeys.productClaim(at.productId, at.userId, at.key) : stockKeys.claim(at.userId, at.key));

export async function storeClaimAnswer(gate: StockGate, at: ClaimAt, hash: string, answer: OrderAnswer) {
  await gate.run((s) => s.set(claimKeyOf(at), `D|${hash}|${JSON.stringify(answer)}`, DONE_TTL_S)).catch(() => {});
}

/** Lets a retry act again after this request failed unexpectedly (or was not the buyer's to make). */
export async function dropClaim(gate: StockGate, at: ClaimAt) {
  await gate.run((s) => s.del(claimKeyOf(at))).catch(() => {});
}

export async function findStoredAnswer(userId: string, key: string, hash: string): Promise<OrderAnswer | null> {
  const rec = await db.idempotencyRecord.findUnique({ where: { userId_key: { userId, key } } });
  if (!rec) return null;
  if (rec.requestHash !== hash) throw mismatch();
  return { status: rec.statusCode, body: rec.body };
}

/** Keeps a refusal given on the PostgreSQL-only path; a concurrent first answer wins. */
export async function storeAnswerInPostgres(userId: string, key: string, hash: string, answer: OrderAnswer): Promise<OrderAnswer> {
  await db.idempotencyRecord.createMany({
    data: [{ userId, key, requestHash: hash, statusCode: answer.status, body: answer.body as object }],
    skipDuplicates: true,
  });
  return (await findStoredAnswer(userId, key, hash)) ?? answer;
}
