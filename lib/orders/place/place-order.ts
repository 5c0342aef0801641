import "server-only";
// Placing an order, after the handler (lib/orders/handlers.ts) authenticated and rate-limited the buyer:
// claim the Idempotency-Key → read what the order is made of → admit → write → answer, each step once.
// Redis admits or refuses each line (refusals never touch PostgreSQL); an admitted request is written to
// the ledger in one transaction, and undone in Redis if the ledger says no. While Redis is unreachable
// the same ledger transaction alone decides (slower, same guarantees).
import { randomBytes, randomUUID } from "node:crypto";
import { factsOf, productFactsSelect, saleRefusal } from "@/lib/catalog/sale-rules";
import { clock } from "@/lib/clock";
import { db, isUniqueViolation } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { RedisUnavailable, stockGate, type AdmitResult, type StockGate } from "@/lib/stock/gate";
import { waitingRoomsOn } from "@/lib/tiers";
import { passIdFor, passRefusal, type RoomPass } from "@/lib/waiting-room/order-pass";
import { LedgerBatcher } from "../ledger/batcher";
import { LedgerRejected, recordOrder, recordOrders } from "../ledger/ledger";
import { ledgerSlots } from "../ledger/slots";
import type { CheckoutInput, OrderAnswer, OrderLine, PlaceOrderInput, RejectCode, VariantRefusal } from "../schemas";
import { orderContents, type OrderContents } from "./checkout";
import { claimKey, dropClaim, findStoredAnswer, requestHash, storeAnswerInPostgres, storeClaimAnswer } from "./idempotency";

/** Toss accepts 6–64 characters of [A-Za-z0-9_-] as orderId. */
export const newOrderId = () => `HU-${randomBytes(12).toString("base64url")}`;

const rejectMessages: Record<RejectCode, string> = {
  SOLD_OUT: "Sold out",
  NOT_OPEN: "The sale has not opened yet",
  ENDED: "The sale has ended",
  LIMIT_EXCEEDED: "You reached the per-buyer limit for this product",
};
/**
 * A 409 refusal. The flood after a sell-out is the same few answers thousands of times a second: each is
 * built once (bounded) and shared, frozen — which tells the handler its JSON text may be kept too.
 */
function refusal(code: RejectCode, productId: string): OrderAnswer {
  const k = `${code}:${productId}`;
  let answer = refusals.get(k);
  if (!answer) {
    answer = Object.freeze({ status: 409, body: new AppError(code, rejectMessages[code], undefined, { productId }).toJSON() });
    if (refusals.size >= REFUSALS_MAX) refusals.delete(refusals.keys().next().value!);
    refusals.set(k, answer);
  }
  return answer;
}
const refusals = new Map<string, OrderAnswer>();
const REFUSALS_MAX = 1_000;
const unknownProduct = (index: number): OrderAnswer => ({
  status: 422,
  body: new AppError("VALIDATION", "Invalid input", { [`items.${index}.productId`]: ["Unknown product"] }).toJSON(),
});
/** A line whose variant is missing (the product has options) or not the product's: a 422 on the line's variantId. */
const variantRefusal = (index: number, code: "variant_required" | "unknown_variant" | VariantRefusal): OrderAnswer => ({
  status: 422,
  body: new AppError("VALIDATION", "Invalid input", {
    [`items.${Math.max(0, index)}.variantId`]: [code === "variant_required" || code === "VARIANT_REQUIRED" ? "Choose an option" : "Unknown variant"],
  }).toJSON(),
});
const isVariantRefusal = (r: string): r is "variant_required" | "unknown_variant" => r === "variant_required" || r === "unknown_variant";
const isPassRefusal = (r: string): r is "pass_required" | "pass_used" => r === "pass_required" || r === "pass_used";
const fromAdmit: Record<Exclude<AdmitResult, "reserved" | "duplicate" | "unknown" | "phone_required" | "pass_required" | "pass_used" | "variant_required" | "unknown_variant">, RejectCode> = {
  sold_out: "SOLD_OUT", not_open: "NOT_OPEN", ended: "ENDED", limit_exceeded: "LIMIT_EXCEEDED",
};

/**
 * The product needs a verified mobile number and the buyer has none: a 403 the UI turns into a link to the
 * account page. Thrown, never stored as the Idempotency-Key's answer, so the same key works once verified.
 */
export const phoneRequired = (productId: string) =>
  new AppError("PHONE_VERIFICATION_REQUIRED", "Verify your mobile number first", undefined, { productId });

/**
 * What the order records about its buyer besides the account: the verified phone (blind index, from the
 * live session) the units are counted under as well, and the client's address range (fleet flagging).
 */
export type BuyerFacts = { phoneHash?: string | null; clientNet?: string | null };
/** placeOrder's options: the buyer's facts and the request's waiting-room pass (checked by the handler). */
export type PlaceOptions = BuyerFacts & { pass?: RoomPass | null };

/** Ledger writes of Redis-admitted requests, batched (a few statements in flight, up to 100 orders each). */
const ledgerBatcher = new LedgerBatcher(
  { many: (inputs) => recordOrders(db, inputs), one: (input) => recordOrder(db, input) },
  { concurrency: Math.max(2, Math.floor(env.DATABASE_POOL_SIZE / 4)), maxBatch: 100, maxQueue: 50_000 },
);


type Ctx = {
  userId: string; key: string; hash: string; lines: OrderLine[]; order: OrderContents; phoneHash: string | null; clientNet: string | null;
  pass?: RoomPass | null;
};

/**
 * The one implementation behind POST /api/orders (route handler and fast path alike). The request is
 * hashed once and any earlier answer looked up once (claimKey); a bare `{ items }` is a buy-now, as the
 * body schema reads it.
 */
export async function placeOrder(
  userId: string, key: string, input: CheckoutInput | PlaceOrderInput, gate: StockGate = stockGate(), buyer: PlaceOptions = {},
): Promise<OrderAnswer> {
  const req: CheckoutInput = "source" in input ? input : { ...input, source: "buy-now" };
  const hash = requestHash(req);
  const durable = req.source !== "buy-now";
  // 1. Claim the key: a replay answers here; otherwise which tier holds the claim.
  const claim = await claimKey(gate, userId, key, hash, durable);
  if (typeof claim !== "string") return claim;
  // 2. What the order is made of (a bare buy-now costs no query).
  let ctx: Ctx;
  try {
    const order = await orderContents(userId, req);
    ctx = { userId, key, hash, lines: order.lines, order, phoneHash: buyer.phoneHash ?? null, clientNet: buyer.clientNet ?? null, pass: buyer.pass ?? null };
  } catch (err) {
    if (claim === "redis") await dropClaim(gate, { userId, key });
    throw err;
  }
  // 3–4. Admit and write: through Redis, or on PostgreSQL alone while Redis is away.
  if (claim === "postgres") return placeOnPostgres(ctx, false);
  let answer: OrderAnswer;
  try {
    answer = await placeThroughRedis(ctx, gate);
  } catch (err) {
    if (!(err instanceof RedisUnavailable)) {
      await dropClaim(gate, { userId, key });
      throw err;
    }
    answer = await placeOnPostgres(ctx, !durable);
  }
  // 5. Answer, kept for replays.
  await storeClaimAnswer(gate, { userId, key }, hash, answer);
  return answer;
}

type Taken = { line: OrderLine; fresh: boolean };

/** Gives admitted units back in Redis (an undone admission); a failure is left to reconciliation. */
function undoAdmissions(ctx: Pick<Ctx, "userId" | "key" | "phoneHash">, gate: StockGate, which: Taken[]) {
  const releaseId = `u:${randomUUID()}`;
  return Promise.all(which.map(({ line }) =>
    gate.release({
      productId: line.productId, variantId: line.variantId, userId: ctx.userId, quantity: line.quantity, releaseId, requestKey: ctx.key, phoneHash: ctx.phoneHash,
    })
      .catch((err) => log.warn({ err, productId: line.productId }, "undo of an admission failed; reconciliation repairs it")),
  ));
}

async function placeThroughRedis(ctx: Ctx, gate: StockGate): Promise<OrderAnswer> {
  const taken: Taken[] = [];
  try {
    for (const [i, line] of ctx.lines.entries()) {
      const { result } = await gate.admit({
        productId: line.productId, variantId: line.variantId, userId: ctx.userId, quantity: line.quantity, requestKey: ctx.key, nowMs: clock.nowMs(),
        phoneHash: ctx.phoneHash, passId: passIdFor(ctx.pass, line.productId),
      });
      metrics.admissions.inc({ result, tier: "redis" });
      if (result === "reserved" || result === "duplicate") {
        taken.push({ line, fresh: result === "reserved" });
        continue;
      }
      if (result === "phone_required") throw phoneRequired(line.productId); // the catch below gives back what was taken
      await undoAdmissions(ctx, gate, taken);
      if (isPassRefusal(result)) return passRefusal(result, line.productId);
      if (isVariantRefusal(result)) return variantRefusal(i, result);
      return result === "unknown" ? unknownProduct(i) : refusal(fromAdmit[result], line.productId);
    }
  } catch (err) {
    await undoAdmissions(ctx, gate, taken);
    throw err;
  }
  return recordAdmitted(ctx, gate, taken);
}

/** Writes a Redis-admitted request to the ledger; whatever the ledger refuses goes back to Redis. */
async function recordAdmitted(ctx: Ctx, gate: StockGate, taken: Taken[]): Promise<OrderAnswer> {
  try {
    const placed = await ledgerBatcher.write(ledgerInput(ctx));
    return { status: 201, body: { order: placed } };
  } catch (err) {
    if (err instanceof LedgerRejected) {
      // Redis drifted from the ledger: give the units back there and tell the buyer the ledger's truth.
      await undoAdmissions(ctx, gate, taken);
      metrics.admissions.inc({ result: `ledger_${err.code.toLowerCase()}`, tier: "postgres" });
      if (err.code === "PHONE_REQUIRED") throw phoneRequired(err.productId);
      // The pass bought before, on the PostgreSQL path while Redis was away (Redis never heard of it).
      if (err.code === "PASS_USED") return passRefusal("pass_used", err.productId);
      return ledgerRefusal(ctx, err);
    }
    if (isUniqueViolation(err)) {
      // An earlier request with this key already reached the ledger (its Redis claim was lost).
      await undoAdmissions(ctx, gate, taken.filter((t) => t.fresh));
      const stored = await findStoredAnswer(ctx.userId, ctx.key, ctx.hash);
      if (stored) return stored;
    }
    await undoAdmissions(ctx, gate, taken);
    throw err;
  }
}

/** The answer to a ledger refusal other than a phone or a pass. */
function ledgerRefusal(ctx: Pick<Ctx, "lines">, err: LedgerRejected): OrderAnswer {
  const index = ctx.lines.findIndex((l) => l.productId === err.productId);
  if (err.code === "UNKNOWN_PRODUCT") return unknownProduct(index);
  if (err.code === "VARIANT_REQUIRED" || err.code === "UNKNOWN_VARIANT") return variantRefusal(index, err.code);
  return refusal(err.code as RejectCode, err.productId);
}

const ledgerInput = (ctx: Ctx) => ({
  orderId: newOrderId(), userId: ctx.userId, idempotencyKey: ctx.key, requestHash: ctx.hash, phoneHash: ctx.phoneHash, clientNet: ctx.clientNet,
  roomPass: ctx.pass ?? null, ...ctx.order,
});

/** A buy-now of one product: what ADMIT_REQUEST decides in one round trip (lib/orders/place/buy-now.ts). */
export type OneProductBuy = {
  userId: string; key: string; hash: string; input: CheckoutInput & { source: "buy-now" }; line: OrderLine;
  phoneHash: string | null; clientNet: string | null;
  /** The request's waiting-room pass for this product, if it carries one (the ledger records it as used). */
  pass?: RoomPass | null;
};

/** Answer to an ADMIT_REQUEST refusal, stored compactly in the claim as "~<result>". */
export function refusalOfAdmit(result: string, productId: string): OrderAnswer {
  if (result === "unknown") return unknownProduct(0);
  if (isPassRefusal(result)) return passRefusal(result, productId);
  if (isVariantRefusal(result)) return variantRefusal(0, result);
  const code = fromAdmit[result as keyof typeof fromAdmit];
  if (!code) throw new Error(`not a refusal: ${result}`);
  return refusal(code, productId);
}

/** After ADMIT_REQUEST reserved (or found this request's units already reserved): the ledger write. */
export async function recordOneProductBuy(buy: OneProductBuy, fresh: boolean, gate: StockGate): Promise<OrderAnswer> {
  const order = await orderContents(buy.userId, buy.input);
  const ctx: Ctx = { userId: buy.userId, key: buy.key, hash: buy.hash, lines: [buy.line], order, phoneHash: buy.phoneHash, clientNet: buy.clientNet, pass: buy.pass };
  return recordAdmitted(ctx, gate, [{ line: buy.line, fresh }]);
}


/**
 * The PostgreSQL-only path: the ledger's guards are the admission. `lookUp`: PostgreSQL's record of an
 * earlier answer was not consulted yet (the key was claimed in Redis, which then failed).
 */
async function placeOnPostgres(ctx: Ctx, lookUp: boolean): Promise<OrderAnswer> {
  const stored = lookUp ? await findStoredAnswer(ctx.userId, ctx.key, ctx.hash) : null;
  if (stored) return stored;
  // A cheap unlocked read first: once a drop is sold out (or not open) the flood costs one read, not a write.
  const early = await refuseEarly(ctx.lines, ctx.phoneHash, ctx.pass);
  if (early?.code === "pass_required") return passRefusal(early.code, early.productId);
  if (early) {
    metrics.admissions.inc({ result: early.code.toLowerCase(), tier: "postgres" });
    return refusal(early.code, early.productId);
  }
  try {
    const placed = await ledgerSlots.run(() => recordOrder(db, ledgerInput(ctx)));
    metrics.admissions.inc({ result: "reserved", tier: "postgres" }, ctx.lines.length);
    return { status: 201, body: { order: placed } };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof LedgerRejected) {
      metrics.admissions.inc({ result: err.code.toLowerCase(), tier: "postgres" });
      if (err.code === "PHONE_REQUIRED") throw phoneRequired(err.productId);
      // A replayed pass: the same 403 PASS_USED as Redis gives, not stored as the key's answer (it is about the header).
      if (err.code === "PASS_USED") return passRefusal("pass_used", err.productId);
      const answer = ledgerRefusal(ctx, err);
      return storeAnswerInPostgres(ctx.userId, ctx.key, ctx.hash, answer);
    }
    if (isUniqueViolation(err)) {
      const again = await findStoredAnswer(ctx.userId, ctx.key, ctx.hash);
      if (again) return again;
    }
    throw err;
  }
}

/**
 * A refusal the ledger would certainly give (sold out, not open, ended), decided without a transaction;
 * a product that needs a verified phone the buyer lacks is PHONE_VERIFICATION_REQUIRED (thrown). With Redis
 * away, the waiting room's rule too: a drop whose room is on needs a pass (its signature was checked by the
 * handler; single use is the ledger statement's, by UsedRoomPass).
 */
async function refuseEarly(
  lines: OrderLine[], phoneHash: string | null, pass: RoomPass | null | undefined,
): Promise<{ code: RejectCode | "pass_required"; productId: string } | null> {
  const now = clock.now();
  const rows = await db.product.findMany({
    where: { id: { in: lines.map((l) => l.productId) } },
    select: { id: true, phoneRequired: true, waitingRoom: true, ...productFactsSelect },
  });
  for (const line of lines) {
    const p = rows.find((r) => r.id === line.productId);
    if (!p) continue; // unknown: the ledger answers it
    if (p.phoneRequired && !phoneHash) throw phoneRequired(p.id);
    const code = saleRefusal(factsOf(p), line.quantity, now);
    if (code) return { code, productId: p.id };
    // Rooms are off in the PostgreSQL-only mode (lib/tiers.ts): its drops sell without a pass.
    if (p.waitingRoom && waitingRoomsOn && !passIdFor(pass, p.id)) return { code: "pass_required", productId: p.id };
  }
  return null;
}
