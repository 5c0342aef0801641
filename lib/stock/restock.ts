// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Changing a product's units and sale settings: PostgreSQL first (the ledger, guarded so units never drop
// below what is held or sold), then the same delta in Redis, applied at most once per restock id. If Redis
// cannot take it, the breaker is opened so Redis is rebuilt from PostgreSQL before it admits again.
import { randomUUID } from "node:crypto";
import { clock } from "@/lib/clock";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { RedisUnavailable, stockGate, type StockGate } from "./gate";
import { roomArgs } from "./admission";
import { phoneField, stockKeys } from "./keys";
import type { RoomSettings } from "./queries";
import { RESTOCK, SETMETA } from "./copy-scripts";

const RESTOCK_MARKER_TTL = 7 * 24 * 3600;

export class StockBelowCommitted extends Error {
  constructor(readonly committed: number) {
    super(`units cannot go below the ${committed} held or sold`);
    this.name = "StockBelowCommitted";
  }
}

/**
 * Moves one variant's total and available by `delta` inside the caller's transaction, and the product's
 * Inventory (their sum) with it — variant row first, then the product's, the order every statement takes.
 * `variantId` absent = the product's implicit default variant (a product without options). A negative delta
 * is refused (StockBelowCommitted) when fewer units are available than it removes: held + sold never shrink.
 * Call applyRestockToRedis with the returned id after the transaction commits. `total`/`available` are the
 * product's (Inventory) after the change, `variantAvailable` the variant's.
 */
export async function adjustUnitsInLedger(
  tx: Tx, productId: string, delta: number, variantId?: string | null,
): Promise<{ restockId: string; variantId: string; total: number; available: number; variantAvailable: number }> {
  const now = clock.now();
  const rows = await tx.$queryRaw<{ id: string; available: number }[]>`
    UPDATE "ProductVariant" SET total = total + ${delta}, available = available + ${delta}, "updatedAt" = ${now}
    WHERE "productId" = ${productId}::uuid AND available + ${delta} >= 0
      AND (id = ${variantId ?? null}::uuid OR (${variantId ?? null}::uuid IS NULL AND "isDefault"))
    RETURNING id::text, available`;
  if (!rows.length) {
    const v = await tx.productVariant.findFirst({ where: { productId, ...(variantId ? { id: variantId } : { isDefault: true }) } });
    if (!v) throw new AppError("NOT_FOUND", "variant not found");
    throw new StockBelowCommitted(v.total - v.available);
  }
  const inv = await tx.$queryRaw<{ total: number; available: number }[]>`
    UPDATE "Inventory" SET total = total + ${delta}, available = available + ${delta}, "updatedAt" = ${now}
    WHERE "productId" = ${productId}::uuid RETURNING total, available`;
  return { restockId: randomUUID(), variantId: rows[0].id, ...inv[0], variantAvailable: rows[0].available };
}

/** Applies a committed restock of one variant (absent = the implicit default variant) to Redis, once per id. */
export async function applyRestockToRedis(productId: string, delta: number, restockId: string, gate: StockGate = stockGate(), variantId?: string | null) {
  if (delta === 0) return "noop" as const;
  try {
    const keys = [stockKeys.meta(productId), stockKeys.restocked(productId, restockId)];
    const res = Number(await gate.run((s) => s.run(RESTOCK, keys, [delta, RESTOCK_MARKER_TTL, variantId ?? ""])));
    return res === 1 ? "applied" as const : res === 0 ? "already" as const : "not_loaded" as const;
  } catch (err) {
    if (!(err instanceof RedisUnavailable)) throw err;
    forceRebuild(gate, productId);
    return "deferred" as const;
  }
}

export type SaleMeta = {
  startsAtMs: number; endsAtMs: number; perBuyerLimit: number; onSale: boolean; phoneRequired?: boolean; room?: RoomSettings;
  /** Replaces the buyer and phone counts (a new limit must see past buyers). */
  counters?: { buyers: [string, number][]; phones: [string, number][] };
};

/** Puts new schedule / limit / status / phone requirement into loaded keys; `counters` replaces the counts. */
export async function applyMetaToRedis(productId: string, meta: SaleMeta, gate: StockGate = stockGate()) {
  // SETMETA's order: schedule, limit, status, replace flag, phone requirement, room (on, rate, pre-queue, range cap, device cap), then counts.
  const args: (string | number)[] = [
    meta.startsAtMs, meta.endsAtMs, meta.perBuyerLimit, meta.onSale ? 0 : 1, meta.counters ? 1 : 0, meta.phoneRequired ? 1 : 0, ...roomArgs(meta.room),
  ];
  for (const [u, n] of meta.counters?.buyers ?? []) args.push(u, n);
  for (const [p, n] of meta.counters?.phones ?? []) args.push(phoneField(p), n);
  try {
    await gate.run((s) => s.run(SETMETA, [stockKeys.meta(productId), stockKeys.buyers(productId)], args));
  } catch (err) {
    if (!(err instanceof RedisUnavailable)) throw err;
    forceRebuild(gate, productId);
  }
}

/** Redis missed a committed change: stop trusting it until the gate's rebuild has reloaded PostgreSQL's figures. */
function forceRebuild(gate: StockGate, productId: string) {
  log.warn({ productId }, "redis missed a stock change; forcing a rebuild from PostgreSQL");
  gate.breaker.open();
}
