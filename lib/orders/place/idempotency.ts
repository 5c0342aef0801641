import "server-only";
// Idempotency-Key handling for placing orders. The first request with a key claims it in Redis (CLAIM);
// concurrent and later requests with that key wait for, then replay, the first answer. Answers of orders
// that were created are also kept in PostgreSQL (IdempotencyRecord, written in the order's transaction),
// which is the record that survives Redis and serves the PostgreSQL-only path.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { stockKeys } from "@/lib/stock/keys";
import { CLAIM } from "@/lib/stock/scripts";
import type { StockGate } from "@/lib/stock/gate";
import type { OrderAnswer, PlaceOrderInput } from "../schemas";

const PENDING_TTL_S = 30;
const DONE_TTL_S = 24 * 3600;
const POLL_MS = 20;
const POLL_LIMIT = 500; // ≈10 s, longer than any ledger transaction

/** The same body in any line order hashes the same. */
export function requestHash(input: PlaceOrderInput): string {
  const lines = [...input.items].sort((a, b) => a.productId.localeCompare(b.productId)).map((l) => `${l.productId}x${l.quantity}`);
  return createHash("sha256").update(lines.join(",")).digest("base64url");
}

export const mismatch = () => new AppError("IDEMPOTENCY_MISMATCH", "This Idempotency-Key was used with a different request", { "idempotency-key": ["Used with a different request"] });

/** null = this request claimed the key and must act; otherwise the first request's answer. */
export async function claimKey(gate: StockGate, userId: string, key: string, hash: string): Promise<OrderAnswer | null> {
  const k = stockKeys.claim(userId, key);
  for (let i = 0; i < POLL_LIMIT; i++) {
    const v = (await gate.run((s) => (i === 0 ? s.run(CLAIM, [k], [`P|${hash}`, PENDING_TTL_S]) : s.get(k)))) as string | null;
    if (i === 0 && v === "") return null;
    if (v === null || v === "") return null; // the claimant gave up (its claim expired or was dropped): act
    // "P|<hash>" while the first request works, "D|<hash>|<answer JSON>" once it answered.
    const sep = v.indexOf("|", 2);
    if ((sep === -1 ? v.slice(2) : v.slice(2, sep)) !== hash) throw mismatch();
    if (v[0] === "D") return JSON.parse(v.slice(sep + 1)) as OrderAnswer;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const stored = await findStoredAnswer(userId, key, hash);
  if (stored) return stored;
  throw new AppError("CONFLICT", "The first request with this Idempotency-Key is still being processed");
}

export async function storeClaimAnswer(gate: StockGate, userId: string, key: string, hash: string, answer: OrderAnswer) {
  await gate.run((s) => s.set(stockKeys.claim(userId, key), `D|${hash}|${JSON.stringify(answer)}`, DONE_TTL_S)).catch(() => {});
}

/** Lets a retry act again after this request failed unexpectedly. */
export async function dropClaim(gate: StockGate, userId: string, key: string) {
  await gate.run((s) => s.del(stockKeys.claim(userId, key))).catch(() => {});
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
