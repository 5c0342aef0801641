// Misbehaviour on demand, over real HTTP: 5xx, hangs before and after the work, latency, declines,
// scripted faults, the abandon/fail load profile — all repeatable for a given seed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTossFake, type TossFake } from "./server";
import { api, authorize, confirm, newOrderId, SECRET } from "./test-support";

let fake: TossFake;

beforeAll(async () => {
  fake = await startTossFake({ secretKeys: [SECRET] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const setConfig = async (patch: unknown) => {
  const res = await fetch(`${fake.url}/_fake/config`, { method: "POST", body: JSON.stringify(patch) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const timedOut = (p: Promise<unknown>) => p.then(() => false, (e: Error) => e.name === "TimeoutError");

describe("faults", () => {
  it("5xx storm: every API call is 500 FAILED_INTERNAL_SYSTEM_PROCESSING and nothing happens", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 3_000);
    expect((await setConfig({ errorRate: 1 })).status).toBe(200);
    const res = await confirm(fake, paymentKey!, orderId, 3_000, "k1");
    expect(res).toEqual({ status: 500, body: { code: "FAILED_INTERNAL_SYSTEM_PROCESSING", message: expect.any(String) } });
    expect((await api(fake, "GET", `/v1/payments/${paymentKey}`)).status).toBe(500);
    expect(fake.state.charges).toHaveLength(0);
    await setConfig({ errorRate: 0 });
    // A 5xx answer is not stored: the same key now does the work.
    expect((await confirm(fake, paymentKey!, orderId, 3_000, "k1")).status).toBe(200);
  });

  it("hang after the work: the caller times out but the payment is charged, and a replay with the key returns it", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 3_000);
    await setConfig({ hangRate: 1, hangPhase: "after" });
    const call = api(fake, "POST", "/v1/payments/confirm", { body: { paymentKey, orderId, amount: 3_000 }, key: "hang-key", timeoutMs: 200 });
    expect(await timedOut(call)).toBe(true);
    expect(fake.state.charges).toHaveLength(1);
    await setConfig({ hangRate: 0 });
    const replay = await confirm(fake, paymentKey!, orderId, 3_000, "hang-key");
    expect(replay.body).toMatchObject({ status: "DONE", paymentKey });
    expect(fake.state.charges).toHaveLength(1);
  });

  it("hang before the work: the caller times out and nothing happened", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 3_000);
    await setConfig({ hangRate: 1, hangPhase: "before" });
    const call = api(fake, "POST", "/v1/payments/confirm", { body: { paymentKey, orderId, amount: 3_000 }, key: "before-key", timeoutMs: 200 });
    expect(await timedOut(call)).toBe(true);
    expect(fake.state.charges).toHaveLength(0);
    await setConfig({ hangRate: 0 });
    expect((await api(fake, "GET", `/v1/payments/${paymentKey}`)).body.status).toBe("IN_PROGRESS");
    expect((await confirm(fake, paymentKey!, orderId, 3_000, "before-key")).status).toBe(200);
    expect(fake.state.requests.at(-1)).toMatchObject({ operation: "confirm", replayed: false });
    expect(fake.state.charges).toHaveLength(1);
  });

  it("latency delays answers past a short timeout and not past a long one", async () => {
    await setConfig({ latencyMs: 1_500 });
    const short = api(fake, "GET", "/v1/payments/orders/order-000001", { timeoutMs: 100 });
    expect(await timedOut(short)).toBe(true);
    const long = await api(fake, "GET", "/v1/payments/orders/order-000001", { timeoutMs: 10_000 });
    expect(long.status).toBe(404);
  });

  it("declineRate 1: confirm is 403 REJECT_CARD_PAYMENT, the payment ABORTED with its failure", async () => {
    await setConfig({ declineRate: 1 });
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 3_000);
    const res = await confirm(fake, paymentKey!, orderId, 3_000);
    expect(res).toEqual({ status: 403, body: { code: "REJECT_CARD_PAYMENT", message: expect.any(String) } });
    expect((await api(fake, "GET", `/v1/payments/${paymentKey}`)).body).toMatchObject({ status: "ABORTED", failure: { code: "REJECT_CARD_PAYMENT" } });
    expect(fake.state.charges).toHaveLength(0);
  });

  it("scripted faults apply in order, and faultTargets limit which calls misbehave", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 3_000);
    await setConfig({ nextFaults: ["error", "none", "error"], faultTargets: ["confirm"], errorRate: 1 });
    expect((await api(fake, "GET", `/v1/payments/${paymentKey}`)).status).toBe(200); // look-ups untouched
    expect((await confirm(fake, paymentKey!, orderId, 3_000, "s")).status).toBe(500);
    expect((await confirm(fake, paymentKey!, orderId, 3_000, "s")).status).toBe(200);
    expect((await confirm(fake, paymentKey!, orderId, 3_000, "s")).status).toBe(500);
    expect(fake.state.requests.map((r) => r.fault ?? "-")).toEqual(["-", "error", "-", "error"]);
  });

  it("the admin endpoint validates what it is told", async () => {
    expect((await setConfig({ errorRate: 2 })).status).toBe(400);
    expect((await setConfig({ hangPhase: "sometimes" })).status).toBe(400);
    expect((await setConfig({ webhook: { url: "not a url" } })).status).toBe(400);
    expect((await (await fetch(`${fake.url}/_fake/config`)).json()).errorRate).toBe(0);
  });
});

describe("repeatable randomness", () => {
  async function statuses(seed: number) {
    const other = await startTossFake({ secretKeys: [SECRET], seed, errorRate: 0.5 });
    try {
      const out: number[] = [];
      for (let i = 0; i < 24; i++) out.push((await api(other, "GET", "/v1/payments/orders/order-000001")).status);
      return out;
    } finally {
      await other.close();
    }
  }

  it("the same seed gives the same faults; another seed other faults", async () => {
    const a = await statuses(7);
    expect(await statuses(7)).toEqual(a);
    expect(await statuses(8)).not.toEqual(a);
    expect(a.filter((s) => s === 500).length).toBeGreaterThan(3);
    expect(a.filter((s) => s === 404).length).toBeGreaterThan(3);
  });
});

describe("load profile", () => {
  it("by default ~20% abandon in the window and ~20% are declined at confirm, deterministically", async () => {
    const run = async () => {
      fake.reset();
      const outcomes = { paid: 0, abandoned: 0, declined: 0 };
      for (let i = 0; i < 400; i++) {
        const orderId = newOrderId();
        const w = await authorize(fake, orderId, 1_000, "profile");
        if (w.result === "fail") {
          expect(w.code).toBe("PAY_PROCESS_CANCELED");
          outcomes.abandoned++;
          continue;
        }
        const res = await confirm(fake, w.paymentKey!, orderId, 1_000);
        if (res.status === 200) outcomes.paid++;
        else {
          expect(res.body.code).toBe("REJECT_CARD_PAYMENT");
          outcomes.declined++;
        }
      }
      return outcomes;
    };
    const first = await run();
    expect(first.abandoned / 400).toBeGreaterThan(0.14);
    expect(first.abandoned / 400).toBeLessThan(0.26);
    expect(first.declined / 400).toBeGreaterThan(0.14);
    expect(first.declined / 400).toBeLessThan(0.26);
    expect(await run()).toEqual(first);
  });
});
