import "server-only";
// Live stock for the product page, answered from Redis (no PostgreSQL query once the product's keys are
// loaded). While Redis is unreachable the ledger answers instead.
import { clock } from "@/lib/clock";
import { RedisUnavailable, stockGate } from "./gate";
import { stockKeys } from "./keys";
import { getStockSnapshot } from "./queries";

export type LiveStock = {
  productId: string;
  available: number;
  total: number;
  state: "upcoming" | "on_sale" | "sold_out" | "ended";
  saleStartsAt: string | null;
  saleEndsAt: string | null;
  perBuyerLimit: number | null;
  /** The server's clock when it answered: product pages derive their clock offset from it. */
  serverTime: string;
};

const FIELDS = ["a", "t", "s", "e", "l", "x"];

/** null when there is no such product on sale. */
export async function getLiveStock(productId: string): Promise<LiveStock | null> {
  let v: (string | null)[];
  try {
    const gate = stockGate();
    v = await gate.run((s) => s.hmget(stockKeys.meta(productId), FIELDS));
    if (v[0] === null) {
      await gate.ensureLoaded(productId);
      v = await gate.run((s) => s.hmget(stockKeys.meta(productId), FIELDS));
    }
  } catch (err) {
    if (!(err instanceof RedisUnavailable)) throw err;
    const snap = await getStockSnapshot(productId);
    v = [snap.available, snap.total, snap.startsAtMs, snap.endsAtMs, snap.perBuyerLimit, snap.exists ? 0 : 1].map(String);
  }
  if (v[0] === null || v[5] === "1") return null;
  const [available, total, starts, ends, limit] = v.slice(0, 5).map(Number);
  const now = clock.nowMs();
  const state = starts > 0 && now < starts ? "upcoming" : ends > 0 && now >= ends ? "ended" : available <= 0 ? "sold_out" : "on_sale";
  return {
    productId, available, total, state,
    saleStartsAt: starts > 0 ? new Date(starts).toISOString() : null,
    saleEndsAt: ends > 0 ? new Date(ends).toISOString() : null,
    perBuyerLimit: limit > 0 ? limit : null,
    serverTime: new Date(now).toISOString(),
  };
}
