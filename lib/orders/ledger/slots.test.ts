import { describe, expect, it } from "vitest";
import { Slots } from "./slots";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("Slots", () => {
  it("runs at most max at once, queues up to queue, refuses the rest with 503", async () => {
    const slots = new Slots(2, 1);
    let running = 0;
    let peak = 0;
    const job = (gate: Promise<void>) =>
      slots.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await gate;
        running--;
        return "done";
      });
    const gates = [deferred(), deferred(), deferred()];
    const jobs = gates.map((g) => job(g.promise));
    await tick();
    expect(running).toBe(2); // the third waits
    await expect(slots.run(async () => "x")).rejects.toMatchObject({ code: "UNAVAILABLE", status: 503 });
    gates[0].resolve();
    await tick();
    expect(running).toBe(2); // the queued one took the freed slot
    gates[1].resolve();
    gates[2].resolve();
    expect(await Promise.all(jobs)).toEqual(["done", "done", "done"]);
    expect(peak).toBe(2);
    expect(await slots.run(async () => "again")).toBe("again"); // slots are all free again
  });
});
