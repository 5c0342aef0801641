// Long polling: one read per interval until the answer changes, the time is up or the caller leaves.
import { describe, expect, it } from "vitest";
import { waitForChange } from "./wait";

function fakeTime() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms), at: () => t };
}

describe("waitForChange", () => {
  it("answers at once without a fingerprint, and reads once per interval until something changes", async () => {
    const time = fakeTime();
    const values = ["a", "a", "a", "b"];
    let reads = 0;
    const read = async () => values[Math.min(reads++, values.length - 1)];
    expect(await waitForChange(read, (v) => v, undefined, { everyMs: 1000, maxMs: 20_000, ...time })).toBe("a");
    reads = 0;
    expect(await waitForChange(read, (v) => v, "a", { everyMs: 1000, maxMs: 20_000, ...time })).toBe("b");
    expect(reads).toBe(4);
    expect(time.at()).toBe(3000);
  });

  it("gives the unchanged answer back when the time is up, and stops when the caller went away", async () => {
    const time = fakeTime();
    let reads = 0;
    const read = async () => (reads++, "same");
    expect(await waitForChange(read, (v) => v, "same", { everyMs: 1000, maxMs: 5000, ...time })).toBe("same");
    expect(reads).toBe(6);
    const gone = new AbortController();
    reads = 0;
    const sleep = async (ms: number) => (time.sleep(ms), gone.abort());
    await waitForChange(read, (v) => v, "same", { everyMs: 1000, maxMs: 5000, now: time.now, sleep, signal: gone.signal });
    expect(reads).toBe(1);
  });
});
