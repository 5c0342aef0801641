import "server-only";
// Live stock for the product page, answered from Redis (no PostgreSQL query once the product's keys are
// loaded). While Redis is unreachable the ledger answers instead. What is read (units, window, limit) is
// kept apart from what depends on the moment of the answer (sale state, serverTime), so the crowd's cache
// (live-cache.ts) can keep the first and still answer the second by the clock of each request.
import { salePhase } from "@/lib/catalog/sale-rules";
import { clock } from "@/lib/clock";
import { metrics } from "@/lib/metrics";
import { RedisUnavailable, stockGate, type StockGate } from "./gate";
import { stockKeys } from "./keys";
import { getStockSnapshot, type StockSnapshot } from "./queries";

export type LiveStockState = "upcoming" | "on_sale" | "sold_out" | "ended";

export type LiveStock = {
  productId: string;
  available: number;
  total: number;
  state: LiveStockState;
  saleStartsAt: string | null;
  saleEndsAt: string | null;
  perBuyerLimit: number | null;
  /** The server's clock when it answered: product pages derive their clock offset from it. */
  serverTime: string;
};

/** A product's stock as read: everything of LiveStock but what depends on the moment of the answer. */
export type StockFacts = Omit<LiveStock, "state" | "serverTime"> & { startsAtMs: number; endsAtMs: number };

/** Where the facts are read from; tests hand in fakes. */
export type StockSources = {
  gate: Pick<StockGate, "run" | "ensureLoaded">;
  snapshot: (productId: string) => Promise<StockSnapshot>;
};
const realSources = (): StockSources => ({ gate: stockGate(), snapshot: (id) => getStockSnapshot(id) });

const FIELDS = ["a", "t", "s", "e", "l", "x"];

/** null when there is no such product on sale. One Redis read (two if the keys must be loaded first). */
export async function readStockFacts(productId: string, sources: StockSources = realSources()): Promise<StockFacts | null> {
  let v: (string | null)[];
  try {
    const { gate } = sources;
    v = await gate.run((s) => s.hmget(stockKeys.meta(productId), FIELDS));
    metrics.liveStockReads.inc({ tier: "redis" }); // counted once answered: the PostgreSQL-only mode never reads Redis
    if (v[0] === null) {
      await gate.ensureLoaded(productId);
      v = await gate.run((s) => s.hmget(stockKeys.meta(productId), FIELDS));
    }
  } catch (err) {
    if (!(err instanceof RedisUnavailable)) throw err;
    metrics.liveStockReads.inc({ tier: "postgres" });
    const snap = await sources.snapshot(productId);
    v = [snap.available, snap.total, snap.startsAtMs, snap.endsAtMs, snap.perBuyerLimit, snap.exists ? 0 : 1].map(String);
  }
  if (v[0] === null || v[5] === "1") return null;
  const [available, total, startsAtMs, endsAtMs, limit] = v.slice(0, 5).map(Number);
  return {
    productId, available, total, startsAtMs, endsAtMs,
    saleStartsAt: startsAtMs > 0 ? new Date(startsAtMs).toISOString() : null,
    saleEndsAt: endsAtMs > 0 ? new Date(endsAtMs).toISOString() : null,
    perBuyerLimit: limit > 0 ? limit : null,
  };
}

/** The sale state at `nowMs` by the sale rules (lib/catalog/sale-rules.ts), in the stock API's words. */
export function liveStateAt(f: Pick<StockFacts, "startsAtMs" | "endsAtMs" | "available">, nowMs: number): LiveStockState {
  const phase = salePhase(f.startsAtMs > 0 ? f.startsAtMs : null, f.endsAtMs > 0 ? f.endsAtMs : null, nowMs);
  if (phase !== "open") return phase;
  return f.available <= 0 ? "sold_out" : "on_sale";
}

/** Uncached: the seller's monitor and tests read through here; the crowd's polls go through live-cache.ts. */
export async function getLiveStock(productId: string): Promise<LiveStock | null> {
  const f = await readStockFacts(productId);
  if (!f) return null;
  const now = clock.nowMs();
  return {
    productId: f.productId, available: f.available, total: f.total, state: liveStateAt(f, now),
    saleStartsAt: f.saleStartsAt, saleEndsAt: f.saleEndsAt, perBuyerLimit: f.perBuyerLimit,
    serverTime: new Date(now).toISOString(),
  };
}
