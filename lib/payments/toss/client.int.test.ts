// The Toss client against the Toss-compatible server over real HTTP: outcomes, timeouts, bounded
// retries that reuse the Idempotency-Key (checked against the fake's record of charges), and the
// circuit breaker opening on a 5xx storm and closing after recovery.
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTossFake, type TossFake } from "@/lib/payments/toss-fake";
import { endOpenPeriod, HELD_OPEN_MS, holdBreakerOpenUntilTold, realTimers } from "@/test/breaker-time";
import { authorize, newOrderId, SECRET } from "@/lib/payments/toss-fake/test-support";
import { createTossClient, type TossClient, type TossClientOptions } from "./client";
import type { TossCallEvent } from "./outcome";

let fake: TossFake;
const clients: TossClient[] = [];

beforeAll(async () => {
  fake = await startTossFake({ secretKeys: [SECRET] });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());
afterEach(() => clients.splice(0).forEach((c) => c.shutdown()));

function client(overrides: Partial<TossClientOptions> = {}) {
  const c = createTossClient({
    baseUrl: fake.url,
    secretKey: SECRET,
    timeoutMs: 2_000,
    maxRetries: 2,
    backoff: { baseMs: 5, maxMs: 20 },
    breaker: { volumeThreshold: 1_000 },
    ...overrides,
  });
  clients.push(c);
  return c;
}

async function authorized(amount = 25_000) {
  const orderId = newOrderId();
  const { paymentKey } = await authorize(fake, orderId, amount);
  return { orderId, paymentKey: paymentKey!, amount, idempotencyKey: randomUUID() };
}

const confirmsSent = () => fake.state.requests.filter((r) => r.operation === "confirm");

describe("outcomes", () => {
  it("success: the confirmed Payment, validated", async () => {
    const p = await authorized();
    const out = await client().confirmPayment(p);
    expect(out.kind).toBe("success");
    if (out.kind !== "success") return;
    expect(out.payment).toMatchObject({ paymentKey: p.paymentKey, orderId: p.orderId, status: "DONE", totalAmount: p.amount, balanceAmount: p.amount });
    expect(out.attempts).toBe(1);
  });

  it("declined: a card rejection is a definite answer, sent once", async () => {
    fake.config.set({ declineRate: 1 });
    const out = await client().confirmPayment(await authorized());
    expect(out).toMatchObject({ kind: "declined", status: 403, code: "REJECT_CARD_PAYMENT", attempts: 1 });
    expect(confirmsSent()).toHaveLength(1);
  });

  it("a refreshed success page (second confirm, new key) is ALREADY_PROCESSED_PAYMENT, charged once", async () => {
    const p = await authorized();
    const c = client();
    await c.confirmPayment(p);
    const again = await c.confirmPayment({ ...p, idempotencyKey: randomUUID() });
    expect(again).toMatchObject({ kind: "declined", code: "ALREADY_PROCESSED_PAYMENT" });
    expect(fake.state.charges).toHaveLength(1);
  });

  it("a wrong secret key is 401 UNAUTHORIZED_KEY and not retried", async () => {
    const out = await client({ secretKey: "test_sk_wrong" }).getPaymentByOrderId(newOrderId());
    expect(out).toMatchObject({ kind: "declined", status: 401, code: "UNAUTHORIZED_KEY", attempts: 1 });
  });

  it("look-ups by paymentKey and by orderId; unknown ones are NOT_FOUND_PAYMENT", async () => {
    const p = await authorized();
    const c = client();
    await c.confirmPayment(p);
    expect(await c.getPayment(p.paymentKey)).toMatchObject({ kind: "success", payment: { orderId: p.orderId, status: "DONE" } });
    expect(await c.getPaymentByOrderId(p.orderId)).toMatchObject({ kind: "success", payment: { paymentKey: p.paymentKey } });
    expect(await c.getPayment("no-such-key")).toMatchObject({ kind: "declined", status: 404, code: "NOT_FOUND_PAYMENT" });
  });

  it("cancel: partial then full, each refunded once even when the same key is sent again", async () => {
    const p = await authorized(40_000);
    const c = client();
    await c.confirmPayment(p);
    const partial = { cancelReason: "부분 반품", cancelAmount: 15_000, idempotencyKey: randomUUID() };
    expect(await c.cancelPayment(p.paymentKey, partial)).toMatchObject({ kind: "success", payment: { status: "PARTIAL_CANCELED", balanceAmount: 25_000 } });
    expect(await c.cancelPayment(p.paymentKey, partial)).toMatchObject({ kind: "success", payment: { balanceAmount: 25_000 } });
    const full = await c.cancelPayment(p.paymentKey, { cancelReason: "주문 취소", idempotencyKey: randomUUID() });
    expect(full).toMatchObject({ kind: "success", payment: { status: "CANCELED", balanceAmount: 0 } });
    if (full.kind === "success") expect(full.payment.cancels.map((x) => x.cancelAmount)).toEqual([15_000, 25_000]);
    expect(fake.state.refunds.map((r) => r.amount)).toEqual([15_000, 25_000]);
  });

  it("a tampered amount is refused by Toss (400) and not retried", async () => {
    const p = await authorized(25_000);
    const out = await client().confirmPayment({ ...p, amount: 100 });
    expect(out).toMatchObject({ kind: "declined", status: 400, code: "INVALID_REQUEST", attempts: 1 });
    expect(fake.state.charges).toHaveLength(0);
  });
});

describe("timeouts and retries", () => {
  it("a timeout is an unknown outcome after bounded retries, all with the same Idempotency-Key", async () => {
    const p = await authorized();
    fake.config.set({ hangRate: 1, hangPhase: "before" });
    const out = await client({ timeoutMs: 150, maxRetries: 2 }).confirmPayment(p);
    expect(out).toMatchObject({ kind: "unknown", reason: "timeout", sent: true, attempts: 3 });
    expect(confirmsSent().map((r) => r.idempotencyKey)).toEqual([p.idempotencyKey, p.idempotencyKey, p.idempotencyKey]);
    expect(fake.state.charges).toHaveLength(0);
  });

  it("charged but the answer lost: unknown now, and look-up by orderId (reconciliation) finds it DONE", async () => {
    const p = await authorized();
    fake.config.set({ nextFaults: ["hang"] });
    const c = client({ timeoutMs: 1_000, maxRetries: 0 });
    expect(await c.confirmPayment(p)).toMatchObject({ kind: "unknown", reason: "timeout" });
    expect(fake.state.charges).toHaveLength(1);
    expect(await c.getPaymentByOrderId(p.orderId)).toMatchObject({ kind: "success", payment: { status: "DONE", paymentKey: p.paymentKey } });
  });

  it("retrying with the same key after a lost answer and a 5xx charges exactly once", async () => {
    const p = await authorized();
    fake.config.set({ nextFaults: ["hang", "error"] });
    // The timeout must outlast a normal answer on a busy machine: the third attempt has to get through.
    const out = await client({ timeoutMs: 1_000, maxRetries: 2 }).confirmPayment(p);
    expect(out).toMatchObject({ kind: "success", attempts: 3, payment: { status: "DONE" } });
    expect(confirmsSent().map((r) => [r.fault ?? "ok", r.replayed])).toEqual([
      ["hang", false],
      ["error", false],
      ["ok", true],
    ]);
    expect(fake.state.charges).toEqual([expect.objectContaining({ orderId: p.orderId, amount: p.amount })]);
  });

  it("retries stop at maxRetries on a 5xx storm", async () => {
    fake.config.set({ errorRate: 1 });
    const out = await client({ maxRetries: 3 }).getPaymentByOrderId(newOrderId());
    expect(out).toMatchObject({ kind: "unknown", reason: "server_error", attempts: 4 });
    expect(fake.state.requests).toHaveLength(4);
  });

  it("a refused connection is an unknown network outcome", async () => {
    const port = await freePort();
    const out = await client({ baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 }).getPayment("pk");
    expect(out).toMatchObject({ kind: "unknown", reason: "network", attempts: 2, sent: false });
  });
});

describe("circuit breaker", () => {
  // Open until the test says (test/breaker-time.ts): a slow machine cannot half-open it behind the test's back.
  beforeEach(holdBreakerOpenUntilTold);
  afterEach(realTimers);

  it("a 5xx storm opens it, calls then fail at once without reaching Toss, and recovery closes it", async () => {
    const c = client({ maxRetries: 0, breaker: { volumeThreshold: 4, errorThresholdPercentage: 50, resetTimeoutMs: HELD_OPEN_MS } });
    const p = await authorized();
    const events: string[] = [];
    c.onBreakerEvent("open", () => events.push("open"));
    c.onBreakerEvent("close", () => events.push("close"));
    const calls: TossCallEvent[] = [];
    c.onCall((e) => calls.push(e));

    fake.config.set({ errorRate: 1 });
    for (let i = 0; i < 4 && c.isAvailable(); i++) await c.getPaymentByOrderId(newOrderId());
    const halfOpen = new Promise<void>((resolve) => c.onBreakerEvent("halfOpen", resolve));
    expect(c.breakerState()).toBe("open");
    expect(c.isAvailable()).toBe(false);

    const sentBefore = fake.state.requests.length;
    const refused = await c.confirmPayment(p);
    expect(refused).toEqual({ kind: "unknown", reason: "circuit_open", sent: false, attempts: 0, detail: undefined });
    expect(fake.state.requests.length).toBe(sentBefore); // nothing reached Toss, so nothing was charged
    expect(calls.at(-1)).toMatchObject({ operation: "confirm", kind: "unknown", reason: "circuit_open", attempts: 0 });

    fake.config.set({ errorRate: 0 });
    endOpenPeriod();
    await halfOpen;
    expect(c.isAvailable()).toBe(true);
    expect(await c.confirmPayment(p)).toMatchObject({ kind: "success" });
    expect(c.breakerState()).toBe("closed");
    expect(events).toEqual(["open", "close"]);
    expect(c.breakerCounters()).toMatchObject({ opens: 1, halfOpens: 1, closes: 1, rejects: 1 });
    expect(fake.state.charges).toHaveLength(1);
  });

  it("a failed probe in half-open opens it again", async () => {
    const c = client({ maxRetries: 0, breaker: { volumeThreshold: 2, resetTimeoutMs: HELD_OPEN_MS } });
    fake.config.set({ errorRate: 1 });
    for (let i = 0; i < 2; i++) await c.getPaymentByOrderId(newOrderId());
    const halfOpen = new Promise<void>((resolve) => c.onBreakerEvent("halfOpen", resolve));
    expect(c.breakerState()).toBe("open");
    endOpenPeriod();
    await halfOpen;
    expect(await c.getPaymentByOrderId(newOrderId())).toMatchObject({ kind: "unknown", reason: "server_error" });
    expect(c.breakerState()).toBe("open");
  });

  it("definite 4xx answers do not count against Toss's health", async () => {
    const c = client({ maxRetries: 0, breaker: { volumeThreshold: 2 } });
    for (let i = 0; i < 6; i++) expect((await c.getPayment(`missing-${i}`)).kind).toBe("declined");
    expect(c.breakerState()).toBe("closed");
    expect(c.breakerCounters().failures).toBe(0);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
