import { describe, expect, it } from "vitest";
import { createGate } from "./limit";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("createGate", () => {
  it("runs at most `concurrency` at once, the rest in arrival order", async () => {
    const gate = createGate({ concurrency: 2, maxWaitMs: 10_000, busyMessage: "busy" });
    const order: number[] = [];
    const blocks = [deferred(), deferred(), deferred(), deferred()];
    const runs = blocks.map((b, i) => gate.run(async () => { order.push(i); await b.promise; return i; }));
    await Promise.resolve();
    expect(order).toEqual([0, 1]);
    expect([gate.active, gate.waiting]).toEqual([2, 2]);
    blocks[1].resolve();
    await runs[1];
    await Promise.resolve();
    expect(order).toEqual([0, 1, 2]);
    blocks.forEach((b) => b.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it("refuses with UNAVAILABLE (retry after 1 s) a caller that waited too long, without running its work", async () => {
    const gate = createGate({ concurrency: 1, maxWaitMs: 20, busyMessage: "busy" });
    const hold = deferred();
    const first = gate.run(() => hold.promise);
    let ran = false;
    await expect(gate.run(async () => { ran = true; })).rejects.toMatchObject({ code: "UNAVAILABLE", extra: { retryAfter: 1 } });
    expect(ran).toBe(false);
    expect(gate.waiting).toBe(0);
    hold.resolve();
    await first;
    expect(gate.active).toBe(0);
  });

  it("a failing work item frees its place", async () => {
    const gate = createGate({ concurrency: 1, maxWaitMs: 1_000, busyMessage: "busy" });
    await expect(gate.run(async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    expect(await gate.run(async () => 7)).toBe(7);
  });
});
