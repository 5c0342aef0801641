import { describe, expect, it } from "vitest";
import { LedgerBatcher, type BatchWriters } from "./batcher";
import type { LedgerInput } from "./ledger";

const order = (n: number, userId = `u${n}`, productId = "p"): LedgerInput => ({
  orderId: `o${n}`, userId, idempotencyKey: `k${n}`, requestHash: "h", lines: [{ productId, quantity: 1 }],
});
const placed = (i: LedgerInput) => ({ id: i.orderId, amount: 1, holdExpiresAt: "t", status: "PENDING_PAYMENT" as const });

function writers(refuse: (i: LedgerInput) => boolean = () => false) {
  const batches: string[][] = [];
  const singles: string[] = [];
  const w: BatchWriters = {
    many: async (inputs) => {
      batches.push(inputs.map((i) => i.orderId));
      await new Promise((r) => setTimeout(r, 5));
      if (inputs.some(refuse)) throw new Error("refused");
      return inputs.map(placed);
    },
    one: async (input) => {
      singles.push(input.orderId);
      if (refuse(input)) throw new Error(`refused ${input.orderId}`);
      return placed(input);
    },
  };
  return { w, batches, singles };
}

describe("ledger batcher", () => {
  it("writes requests arriving during a batch as the next batch, each answered with its own order", async () => {
    const { w, batches } = writers();
    const b = new LedgerBatcher(w, { concurrency: 1, maxBatch: 100, maxQueue: 1000 });
    const answers = await Promise.all(Array.from({ length: 7 }, (_, i) => b.write(order(i))));
    expect(answers.map((a) => a.id)).toEqual(["o0", "o1", "o2", "o3", "o4", "o5", "o6"]);
    expect(batches).toEqual([["o1", "o2", "o3", "o4", "o5", "o6"]]); // o0 went alone, the rest gathered meanwhile
  });

  it("never puts one buyer twice for one product, or one key twice, in a batch", async () => {
    const { w, batches } = writers();
    const b = new LedgerBatcher(w, { concurrency: 1, maxBatch: 100, maxQueue: 1000 });
    const first = b.write(order(0));
    const rest = [order(1, "a"), order(2, "a"), order(3, "b"), { ...order(4, "b", "q"), idempotencyKey: "k3" }, order(5, "a", "q")];
    await Promise.all([first, ...rest.map((o) => b.write(o))]);
    for (const batch of batches) {
      expect(new Set(batch).size).toBe(batch.length);
      expect(batch.includes("o1") && batch.includes("o2")).toBe(false);
      expect(batch.includes("o3") && batch.includes("o4")).toBe(false);
    }
    expect(batches.flat().sort()).toEqual(["o1", "o2", "o3", "o4", "o5"]);
  });

  it("when a batch fails, writes its orders one by one: the refused one fails, the others succeed", async () => {
    const { w, singles } = writers((i) => i.orderId === "o3");
    const b = new LedgerBatcher(w, { concurrency: 1, maxBatch: 100, maxQueue: 1000 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => b.write(order(i))));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(singles).toEqual(expect.arrayContaining(["o1", "o2", "o3", "o4"]));
  });

  it("caps batches and answers 503 beyond the queue bound", async () => {
    const { w, batches } = writers();
    const b = new LedgerBatcher(w, { concurrency: 1, maxBatch: 2, maxQueue: 3 });
    const ok = [b.write(order(0)), b.write(order(1)), b.write(order(2)), b.write(order(3))];
    await expect(b.write(order(4))).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await Promise.all(ok);
    expect(batches.every((x) => x.length <= 2)).toBe(true);
  });
});
