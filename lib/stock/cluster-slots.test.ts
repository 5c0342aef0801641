// Redis Cluster runs a script only when all its keys hash to one slot (else CROSSSLOT), and a drop's
// keys must stay on one shard for the admission to stay atomic. This records every call the stock code
// makes — each script, through the functions that really build its keys — and computes the slot of every
// key with the same CRC16 ioredis routes by (cluster-key-slot).
import calculateSlot from "cluster-key-slot";
import { describe, expect, it } from "vitest";
import { admit, admitRequest, loadStock, release } from "./admission";
import { StockGate } from "./gate";
import { stockKeys } from "./keys";
import { applyMetaToRedis, applyRestockToRedis } from "./restock";
import * as copyScripts from "./copy-scripts";
import * as scripts from "./scripts";
import type { LuaScript } from "./scripts";
import type { ScriptArg, StockStore } from "./store";

type Call = { command: string; keys: string[] };

/** A store that answers like a loaded product and remembers which keys each call touched. */
class RecordingStore implements StockStore {
  readonly kind = "ioredis";
  calls: Call[] = [];
  async run(script: LuaScript, keys: string[], args: ScriptArg[]) {
    void args;
    this.calls.push({ command: script.name, keys });
    return script.name === "admit" || script.name === "admit-request" ? ["reserved", 1, ""] : 1;
  }
  async get(key: string) {
    this.calls.push({ command: "get", keys: [key] });
    return null;
  }
  async set(key: string) {
    this.calls.push({ command: "set", keys: [key] });
  }
  async del(key: string) {
    this.calls.push({ command: "del", keys: [key] });
  }
  async hmget(key: string, fields: string[]) {
    this.calls.push({ command: "hmget", keys: [key] });
    return fields.map(() => null);
  }
  async hgetall(key: string) {
    this.calls.push({ command: "hgetall", keys: [key] });
    return {};
  }
  async scan() {
    return [];
  }
  async ping() {
    return true;
  }
  async close() {}
}

const slotsOf = (keys: string[]) => new Set(keys.map((k) => calculateSlot(k)));
const productId = "6f1c2f7e-1b0c-4d5e-9a55-1f0e3d2c4b6a";
const userId = "0b7a9a8e-5c2d-4f11-8d3e-7e6f5a4b3c2d";

describe("Redis Cluster slots of the stock keys", () => {
  it("every call touches exactly one slot, and every script is among the calls", async () => {
    const store = new RecordingStore();
    const gate = new StockGate(store);
    await admit(store, { productId, userId, quantity: 2, requestKey: "key-1", nowMs: 0 });
    // The opening's one-round-trip buy: rate limit, claim and admission on the product's keys.
    await admitRequest(store, { productId, userId, quantity: 1, requestKey: "key-2", nowMs: 0, requestHash: "h", claimTtlS: 30, answerTtlS: 60, rate: { points: 20, windowS: 10 } });
    await release(store, { productId, userId, quantity: 2, releaseId: "o:order-1", requestKey: "key-1" });
    await release(store, { productId, userId, quantity: 1, releaseId: "o:order-2" });
    await loadStock(store, productId, "force", { productId, exists: true, available: 3, total: 5, startsAtMs: 0, endsAtMs: 0, perBuyerLimit: 2, phoneRequired: false, buyers: [[userId, 2]], phones: [["ph-1", 2]], variants: [["v-1", 3, 5]], defaultVariantId: "v-1" });
    await applyRestockToRedis(productId, 5, "restock-1", gate);
    await applyMetaToRedis(productId, { startsAtMs: 1, endsAtMs: 2, perBuyerLimit: 1, onSale: true, counters: { buyers: [[userId, 1]], phones: [["ph-1", 1]] } }, gate);
    // REPAIR as reconcile.ts calls it; CLAIM and its follow-ups as lib/orders/place/idempotency.ts does (a
    // one-product buy keeps its answer under the product's claim key instead).
    await store.run(copyScripts.REPAIR, [stockKeys.meta(productId)], [3, 2]);
    const claim = stockKeys.claim(userId, "idem-1");
    await store.run(scripts.CLAIM, [claim], ["P|h", 30]);
    await store.get(claim);
    await store.set(claim);
    await store.del(claim);
    await store.set(stockKeys.productClaim(productId, userId, "key-2"));
    await store.hmget(stockKeys.meta(productId), ["a"]);
    await gate.close();

    for (const call of store.calls) expect({ ...call, slots: slotsOf(call.keys).size }).toEqual({ ...call, slots: 1 });
    const all = Object.values({ ...scripts, ...copyScripts }).filter((v): v is LuaScript => typeof v === "object" && "sha" in v).map((s) => s.name);
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const name of all) expect(store.calls.map((c) => c.command)).toContain(name);
  });

  it("every key of a product shares its slot; products and buyers spread over slots", () => {
    const ids = Array.from({ length: 64 }, (_, i) => `${i.toString(16).padStart(8, "0")}-1b0c-4d5e-9a55-1f0e3d2c4b6a`);
    for (const id of ids) {
      const keys = [
        stockKeys.meta(id), stockKeys.buyers(id), stockKeys.request(id, userId, "k"), stockKeys.released(id, "r"), stockKeys.restocked(id, "s"),
        stockKeys.productClaim(id, userId, "k"), stockKeys.buyerRequests(id, userId),
      ];
      expect(slotsOf(keys).size).toBe(1);
      expect(stockKeys.productIdOfMeta(stockKeys.meta(id))).toBe(id); // how rebuilds find the product again
    }
    // The tag is the product, not the prefix: 64 products use many slots (the cluster can spread drops).
    expect(new Set(ids.map((id) => calculateSlot(stockKeys.meta(id)))).size).toBeGreaterThan(50);
    expect(calculateSlot(stockKeys.claim(userId, "a"))).toBe(calculateSlot(stockKeys.claim(userId, "b")));
  });
});
