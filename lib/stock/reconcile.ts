// Server code that also runs in the worker process (plain Node via tsx), hence no "server-only" marker.
// Reconciliation: compares each loaded product's Redis stock, variant by variant, with PostgreSQL, repairs drift, and reports
// it (a log line, a metric, a StockReconciliation row). A figure is only repaired when both sides held
// still across two reads, so units in flight between admission and ledger are not mistaken for drift.
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { stockGate, type StockGate } from "./gate";
import { stockKeys } from "./keys";
import { getPgAvailable } from "./queries";
import { REPAIR } from "./copy-scripts";

export type Drift = { productId: string; variantId: string; redisAvailable: number; pgAvailable: number; repaired: boolean };

/** Each loaded product's variants' available units in Redis: `productId:variantId` → units. */
async function readRedis(gate: StockGate, ids: string[]) {
  return gate.run(async (s) => {
    const out = new Map<string, number>();
    for (const id of ids) {
      const m = await s.hgetall(stockKeys.meta(id));
      if (m.x === "1") continue;
      for (const f in m) if (f.startsWith("a:")) out.set(`${id}:${f.slice(2)}`, Number(m[f]));
    }
    return out;
  });
}

/** Per variant: a variant's figure is repaired (and the product's sum with it) when both sides held still. */
export async function reconcileStock(opts: { gate?: StockGate; settleMs?: number } = {}): Promise<Drift[]> {
  const gate = opts.gate ?? stockGate();
  if (gate.usingFallback) return []; // the rebuild before reopening does this job
  const ids = (await gate.run((s) => s.scan(stockKeys.metaPattern()))).map(stockKeys.productIdOfMeta);
  if (!ids.length) return [];
  const r1 = await readRedis(gate, ids);
  const p1 = await getPgAvailable(ids);
  await new Promise((r) => setTimeout(r, opts.settleMs ?? 200));
  const r2 = await readRedis(gate, ids);
  const p2 = await getPgAvailable(ids);
  const drifts: Drift[] = [];
  for (const [key, redisAvailable] of r1) {
    const pgAvailable = p1.get(key);
    if (pgAvailable === undefined || redisAvailable === pgAvailable) continue;
    if (r2.get(key) !== redisAvailable || p2.get(key) !== pgAvailable) continue; // still moving: next round
    const [productId, variantId] = key.split(":");
    const res = Number(await gate.run((s) => s.run(REPAIR, [stockKeys.meta(productId)], [redisAvailable, pgAvailable, variantId])));
    const drift = { productId, variantId, redisAvailable, pgAvailable, repaired: res === 1 };
    drifts.push(drift);
    if (drift.repaired) metrics.reconciliationRepairs.inc();
    log.warn(drift, "stock drift between Redis and PostgreSQL");
  }
  if (drifts.length) await db.stockReconciliation.createMany({ data: drifts });
  return drifts;
}
