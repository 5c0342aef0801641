// What Toss does while the first request with an Idempotency-Key is still running (409
// IDEMPOTENT_REQUEST_PROCESSING, then the first answer), the faults that produce it (slow, conflict), the
// console cancel and the ledger the money audit reads — over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTossFake, type TossFake } from "./server";
import { api, authorize, confirm, newOrderId, SECRET, until, UNTIL_FINISHED_MS } from "./test-support";

let fake: TossFake;
const received: { eventType: string; data: { paymentKey: string; status: string; balanceAmount: number } }[] = [];
let hook: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const { createServer } = await import("node:http");
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString()));
    req.on("end", () => {
      received.push(JSON.parse(text));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  hook = { url: `http://127.0.0.1:${port}/hook`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  fake = await startTossFake({ secretKeys: [SECRET] });
});
afterAll(async () => {
  await fake.close();
  await hook.close();
});
beforeEach(() => {
  fake.reset();
  received.length = 0;
});

const setConfig = async (patch: unknown) => (await fetch(`${fake.url}/_fake/config`, { method: "POST", body: JSON.stringify(patch) })).status;
const timedOut = (p: Promise<unknown>) => p.then(() => false, (e: Error) => e.name === "TimeoutError");

async function authorized(amount = 5_000) {
  const orderId = newOrderId();
  const { paymentKey } = await authorize(fake, orderId, amount);
  return { orderId, paymentKey: paymentKey!, amount };
}

describe("an Idempotency-Key whose first request is still running", () => {
  it("slow first confirm (nextFaults: [\"slow\"], set over HTTP): the caller times out, the same key answers 409 IDEMPOTENT_REQUEST_PROCESSING until the work lands, then the first answer", async () => {
    const p = await authorized();
    expect(await setConfig({ nextFaults: ["slow"], slowMs: UNTIL_FINISHED_MS, faultTargets: ["confirm"] })).toBe(200);
    const first = api(fake, "POST", "/v1/payments/confirm", { body: p, key: "slow-key", timeoutMs: 100 });
    expect(await timedOut(first)).toBe(true);
    const retry = await confirm(fake, p.paymentKey, p.orderId, p.amount, "slow-key");
    expect(retry).toEqual({ status: 409, body: { code: "IDEMPOTENT_REQUEST_PROCESSING", message: expect.any(String) } });
    expect(fake.state.charges).toHaveLength(0); // not yet: Toss is still approving
    // while it runs, a look-up says IN_PROGRESS — unknown is not declined
    expect((await api(fake, "GET", `/v1/payments/${p.paymentKey}`)).body.status).toBe("IN_PROGRESS");
    // Toss's work lands (POST /_fake/slow/finish), and the same key then answers with its result.
    expect((await api(fake, "POST", "/_fake/slow/finish")).body).toEqual({ finished: 1 });
    await until("the slow confirm to land", () => fake.state.charges.length === 1);
    const after = await confirm(fake, p.paymentKey, p.orderId, p.amount, "slow-key");
    expect(after).toMatchObject({ status: 200, body: { status: "DONE", paymentKey: p.paymentKey } });
    expect(fake.state.charges).toHaveLength(1);
    const log = fake.state.requests.filter((r) => r.idempotencyKey === "slow-key").map((r) => [r.status, r.replayed, r.fault ?? null]);
    expect(log).toEqual([[200, false, "slow"], [409, false, null], [200, true, null]]);
  });

  it("a different key, or no key, is not held back by the running one (Toss scopes by key)", async () => {
    const p = await authorized();
    fake.config.set({ nextFaults: ["slow"], slowMs: UNTIL_FINISHED_MS, faultTargets: ["confirm"] });
    const first = confirm(fake, p.paymentKey, p.orderId, p.amount, "k-1");
    await until("k-1 to be at work", () => fake.state.inFlight.size === 1);
    // another key reaches the payment itself: it is still IN_PROGRESS, so this one confirms it
    expect((await confirm(fake, p.paymentKey, p.orderId, p.amount, "k-2")).status).toBe(200);
    // the slow one lands after: the payment is already DONE
    expect(fake.finishSlowWork()).toBe(1);
    expect((await first).body.code).toBe("ALREADY_PROCESSED_PAYMENT");
    expect(fake.state.charges).toHaveLength(1);
  });

  it("conflictRate 1: the request reached Toss twice — this copy answers 409, the copy ahead does the work once", async () => {
    const p = await authorized();
    fake.config.set({ conflictRate: 1, slowMs: UNTIL_FINISHED_MS, faultTargets: ["confirm"] });
    expect((await confirm(fake, p.paymentKey, p.orderId, p.amount, "dup")).body.code).toBe("IDEMPOTENT_REQUEST_PROCESSING");
    fake.config.set({ conflictRate: 0 });
    expect((await confirm(fake, p.paymentKey, p.orderId, p.amount, "dup")).status).toBe(409);
    expect(fake.finishSlowWork()).toBe(1);
    await until("the copy ahead to land", () => fake.state.charges.length === 1);
    expect((await confirm(fake, p.paymentKey, p.orderId, p.amount, "dup")).body).toMatchObject({ status: "DONE" });
    expect(fake.state.charges).toHaveLength(1);
  });

  it("conflict needs a key: without one the call is answered normally", async () => {
    const p = await authorized();
    fake.config.set({ nextFaults: ["conflict"], faultTargets: ["confirm"] });
    expect((await confirm(fake, p.paymentKey, p.orderId, p.amount)).status).toBe(200);
  });

  it("rates are seeded: the same seed and calls give the same 409s, 5xx and timeouts", async () => {
    const run = async () => {
      fake.reset();
      fake.config.set({ seed: 7, conflictRate: 0.3, errorRate: 0.2, slowRate: 0, slowMs: 1, faultTargets: ["confirm"] });
      const codes: (number | string)[] = [];
      for (let i = 0; i < 12; i++) {
        const p = await authorized(1_000 + i);
        const r = await confirm(fake, p.paymentKey, p.orderId, p.amount, `seeded-${i}`);
        codes.push(r.status);
      }
      return codes;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a).toContain(409);
    expect(a).toContain(500);
  });

  it("reset drops slow work that has not landed", async () => {
    const p = await authorized();
    fake.config.set({ nextFaults: ["slow"], slowMs: UNTIL_FINISHED_MS, faultTargets: ["confirm"] });
    const first = confirm(fake, p.paymentKey, p.orderId, p.amount, "dropped").catch(() => null);
    await until("the confirm to be at work", () => fake.state.inFlight.size === 1);
    fake.reset();
    await first;
    // Dropped, not waiting: nothing is left to land.
    expect(fake.finishSlowWork()).toBe(0);
    expect(fake.state.charges).toHaveLength(0);
  });
});

describe("console cancel and the ledger", () => {
  it("an operator cancels in Toss's console: recorded as a console cancel, announced by PAYMENT_STATUS_CHANGED (PARTIAL_CANCELED, then CANCELED)", async () => {
    fake.config.set({ webhook: { url: hook.url } });
    const p = await authorized(10_000);
    expect((await confirm(fake, p.paymentKey, p.orderId, p.amount)).status).toBe(200);
    const partial = await fetch(`${fake.url}/_fake/console/payments/${p.paymentKey}/cancel`, { method: "POST", body: JSON.stringify({ cancelAmount: 4_000 }) });
    expect(partial.status).toBe(200);
    expect(await partial.json()).toMatchObject({ status: "PARTIAL_CANCELED", balanceAmount: 6_000, cancels: [{ cancelAmount: 4_000, cancelReason: expect.any(String) }] });
    expect(fake.consoleCancel(p.paymentKey)).toMatchObject({ status: 200, body: { status: "CANCELED", balanceAmount: 0 } });
    expect(fake.consoleCancel(p.paymentKey).body).toMatchObject({ code: "ALREADY_CANCELED_PAYMENT" });
    expect((await fetch(`${fake.url}/_fake/console/payments/nope/cancel`, { method: "POST" })).status).toBe(404);
    await fake.webhooks.idle();
    expect(received.map((e) => [e.eventType, e.data.status, e.data.balanceAmount])).toEqual([
      ["PAYMENT_STATUS_CHANGED", "DONE", 10_000],
      ["PAYMENT_STATUS_CHANGED", "PARTIAL_CANCELED", 6_000],
      ["PAYMENT_STATUS_CHANGED", "CANCELED", 0],
    ]);
    // no shop request was made for these cancels
    expect(fake.state.requests.filter((r) => r.operation === "cancel")).toHaveLength(0);
    expect(fake.state.refunds.map((r) => [r.amount, r.origin])).toEqual([[4_000, "console"], [6_000, "console"]]);
  });

  it("GET /_fake/ledger: every payment with its status, amounts and cancels (with keys and who cancelled)", async () => {
    const paid = await authorized(8_000);
    await confirm(fake, paid.paymentKey, paid.orderId, paid.amount);
    await api(fake, "POST", `/v1/payments/${paid.paymentKey}/cancel`, { body: { cancelReason: "환불", cancelAmount: 3_000 }, key: "c1" });
    fake.consoleCancel(paid.paymentKey);
    const open = await authorized(2_000);
    const res = await fetch(`${fake.url}/_fake/ledger`);
    const ledger = (await res.json()) as ReturnType<TossFake["ledger"]>;
    expect(ledger).toEqual(fake.ledger());
    const byKey = new Map(ledger.payments.map((p) => [p.paymentKey, p]));
    expect(byKey.get(paid.paymentKey)).toMatchObject({
      orderId: paid.orderId,
      status: "CANCELED",
      totalAmount: 8_000,
      balanceAmount: 0,
      approvedAt: expect.any(String),
      cancels: [
        { transactionKey: expect.any(String), cancelAmount: 3_000, canceledAt: expect.any(String), origin: "api" },
        { transactionKey: expect.any(String), cancelAmount: 5_000, canceledAt: expect.any(String), origin: "console" },
      ],
    });
    expect(byKey.get(open.paymentKey)).toMatchObject({ status: "IN_PROGRESS", approvedAt: null, cancels: [] });
    expect(ledger.charges).toHaveLength(1);
    expect(ledger.refunds.map((r) => r.amount)).toEqual([3_000, 5_000]);
  });
});
