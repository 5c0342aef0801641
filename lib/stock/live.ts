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
export type VariantStock = { id: string; available: number; total: number };

export type LiveStock = {
  productId: string;
  available: number;
  total: number;
  state: LiveStockState;
  saleStartsAt: string | null;
  saleEndsAt: string | null;
  perBuyerLimit: number | null;
  /** Units per variant (docs/variants.md); empty for a product without options (its one variant is implicit). */
  variants: VariantStock[];
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

/** A meta hash (lib/stock/keys.ts) as read: the product's fixed fields and its variants' a:<v> / t:<v>. */
export function factsOfMeta(productId: string, m: Record<string, string>): StockFacts | null {
  if (m.a === undefined || m.x === "1") return null;
  const [available, total, startsAtMs, endsAtMs, limit] = [m.a, m.t, m.s, m.e, m.l].map(Number);
  const variants: VariantStock[] = [];
  // The implicit default variant (dv) is never shown: its figures are the product's.
  if (!m.dv) {
    for (const field in m) {
      if (!field.startsWith("a:")) continue;
      const id = field.slice(2);
      variants.push({ id, available: Number(m[field]), total: Number(m[`t:${id}`] ?? 0) });
    }
    variants.sort((x, y) => (x.id < y.id ? -1 : 1));
  }
  return {
    productId, available, total, startsAtMs, endsAtMs,
    saleStartsAt: startsAtMs > 0 ? new Date(startsAtMs).toISOString() : null,
    saleEndsAt: endsAtMs > 0 ? new Date(endsAtMs).toISOString() : null,
    perBuyerLimit: limit > 0 ? limit : null,
    variants,
  };
}

/** The same facts from a PostgreSQL snapshot (Redis away). */
function metaOfSnapshot(snap: StockSnapshot): Record<string, string> {
  if (!snap.exists) return { a: "0", x: "1" };
  const m: Record<string, string> = {
    a: String(snap.available), t: String(snap.total), s: String(snap.startsAtMs), e: String(snap.endsAtMs), l: String(snap.perBuyerLimit), x: "0",
    dv: snap.defaultVariantId ?? "",
  };
  for (const [id, a, t] of snap.variants) {
    m[`a:${id}`] = String(a);
    m[`t:${id}`] = String(t);
  }
  return m;
}

/** null when there is no such product on sale. One Redis read (two if the keys must be loaded first). */
export async function readStockFacts(productId: string, sources: StockSources = realSources()): Promise<StockFacts | null> {
  let m: Record<string, string>;
  try {
    const { gate } = sources;
    metrics.liveStockReads.inc({ tier: "redis" });
    m = await gate.run((s) => s.hgetall(stockKeys.meta(productId)));
    if (m.a === undefined) {
      await gate.ensureLoaded(productId);
      m = await gate.run((s) => s.hgetall(stockKeys.meta(productId)));
    }
  } catch (err) {
    if (!(err instanceof RedisUnavailable)) throw err;
    metrics.liveStockReads.inc({ tier: "postgres" });
    m = metaOfSnapshot(await sources.snapshot(productId));
  }
  return factsOfMeta(productId, m);
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
    saleStartsAt: f.saleStartsAt, saleEndsAt: f.saleEndsAt, perBuyerLimit: f.perBuyerLimit, variants: f.variants,
    serverTime: new Date(now).toISOString(),
  };
}
