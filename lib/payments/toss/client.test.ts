// The client's request shape and retry rules, with an in-memory fetch (the real-HTTP behaviour is
// covered against the Toss-compatible server in client.int.test.ts).
import { describe, expect, it } from "vitest";
import { createTossClient } from "./client";

type Call = { url: string; method: string; headers: Record<string, string>; body?: string };

function fakeFetch(answers: (() => Response | Promise<Response>)[]) {
  const calls: Call[] = [];
  const impl = (async (input: URL | RequestInfo, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method ?? "GET", headers: init?.headers as Record<string, string>, body: init?.body as string | undefined });
    const next = answers[Math.min(calls.length - 1, answers.length - 1)];
    return next();
  }) as typeof fetch;
  return { impl, calls };
}

const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const payment = { paymentKey: "pk_1", orderId: "order-001", status: "DONE", totalAmount: 5000, balanceAmount: 5000, requestedAt: "2024-01-01T00:00:00+09:00", cancels: null };

function client(fetchImpl: typeof fetch, maxRetries = 2) {
  const waits: number[] = [];
  const c = createTossClient({
    baseUrl: "http://toss.test",
    secretKey: "test_sk_abc",
    timeoutMs: 1_000,
    maxRetries,
    fetch: fetchImpl,
    sleep: async (ms) => void waits.push(ms),
    breaker: { volumeThreshold: 1_000 },
  });
  return { c, waits };
}

describe("toss client (in-memory fetch)", () => {
  it("sends Basic base64(secretKey + ':') and the Idempotency-Key on confirm", async () => {
    const f = fakeFetch([json(200, payment)]);
    const out = await client(f.impl).c.confirmPayment({ paymentKey: "pk_1", orderId: "order-001", amount: 5000, idempotencyKey: "idem-1" });
    expect(out.kind).toBe("success");
    expect(f.calls[0].url).toBe("http://toss.test/v1/payments/confirm");
    expect(f.calls[0].headers.Authorization).toBe(`Basic ${Buffer.from("test_sk_abc:").toString("base64")}`);
    expect(f.calls[0].headers["Idempotency-Key"]).toBe("idem-1");
    expect(JSON.parse(f.calls[0].body!)).toEqual({ paymentKey: "pk_1", orderId: "order-001", amount: 5000 });
  });

  it("sends the Idempotency-Key on cancel, none on look-ups, and escapes path parts", async () => {
    const f = fakeFetch([json(200, payment)]);
    const { c } = client(f.impl);
    await c.cancelPayment("pk/1", { cancelReason: "변심", cancelAmount: 1000, idempotencyKey: "idem-2" });
    await c.getPayment("pk_1");
    await c.getPaymentByOrderId("order-001");
    expect(f.calls.map((x) => [x.method, x.url, x.headers["Idempotency-Key"]])).toEqual([
      ["POST", "http://toss.test/v1/payments/pk%2F1/cancel", "idem-2"],
      ["GET", "http://toss.test/v1/payments/pk_1", undefined],
      ["GET", "http://toss.test/v1/payments/orders/order-001", undefined],
    ]);
    expect(JSON.parse(f.calls[0].body!)).toEqual({ cancelReason: "변심", cancelAmount: 1000 });
  });

  it("retries 5xx and 429 with the same key and jittered, bounded waits", async () => {
    const f = fakeFetch([json(500, { code: "FAILED_INTERNAL_SYSTEM_PROCESSING", message: "x" }), json(429, { code: "TOO_MANY_REQUESTS", message: "x" }), json(200, payment)]);
    const { c, waits } = client(f.impl);
    const out = await c.confirmPayment({ paymentKey: "pk_1", orderId: "order-001", amount: 5000, idempotencyKey: "idem-3" });
    expect(out).toMatchObject({ kind: "success", attempts: 3 });
    expect(new Set(f.calls.map((x) => x.headers["Idempotency-Key"]))).toEqual(new Set(["idem-3"]));
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it("never retries a definite 4xx", async () => {
    const f = fakeFetch([json(403, { code: "REJECT_CARD_PAYMENT", message: "거절" }), json(200, payment)]);
    const out = await client(f.impl).c.confirmPayment({ paymentKey: "pk_1", orderId: "order-001", amount: 5000, idempotencyKey: "idem-4" });
    expect(out).toEqual({ kind: "declined", status: 403, code: "REJECT_CARD_PAYMENT", message: "거절", attempts: 1 });
    expect(f.calls).toHaveLength(1);
  });

  it("gives up after maxRetries with an unknown outcome", async () => {
    const f = fakeFetch([json(503, { code: "X", message: "x" })]);
    const out = await client(f.impl, 1).c.getPayment("pk_1");
    expect(out).toMatchObject({ kind: "unknown", reason: "server_error", sent: true, attempts: 2 });
    expect(f.calls).toHaveLength(2);
  });

  it("treats answers that are not Toss's as unknown, not as success or decline", async () => {
    const notPayment = fakeFetch([json(200, { hello: "world" })]);
    expect(await client(notPayment.impl).c.getPayment("pk_1")).toMatchObject({ kind: "unknown", reason: "invalid_response" });
    const proxyPage = fakeFetch([() => new Response("<html>Not Found</html>", { status: 404 })]);
    expect(await client(proxyPage.impl).c.getPayment("pk_1")).toMatchObject({ kind: "unknown", reason: "invalid_response" });
    expect(proxyPage.calls).toHaveLength(1);
  });

  it("refuses malformed input before sending anything", async () => {
    const f = fakeFetch([json(200, payment)]);
    const { c } = client(f.impl);
    expect(() => c.confirmPayment({ paymentKey: "pk", orderId: "bad id", amount: 5000, idempotencyKey: "k" })).toThrow();
    expect(() => c.confirmPayment({ paymentKey: "pk", orderId: "order-001", amount: 1.5, idempotencyKey: "k" })).toThrow();
    expect(() => c.cancelPayment("pk", { cancelReason: "x", idempotencyKey: "k".repeat(301) })).toThrow();
    expect(f.calls).toHaveLength(0);
  });

  describe("unknown is not declined", () => {
    const confirm = (c: ReturnType<typeof client>["c"]) => c.confirmPayment({ paymentKey: "pk_1", orderId: "order-001", amount: 5000, idempotencyKey: "idem-1" });
    const timeout = () => Promise.reject(Object.assign(new Error("aborted"), { name: "TimeoutError" }));

    it("409 IDEMPOTENT_REQUEST_PROCESSING is asked again with the same key, then answered", async () => {
      const f = fakeFetch([json(409, { code: "IDEMPOTENT_REQUEST_PROCESSING", message: "처리 중" }), json(200, payment)]);
      const { c, waits } = client(f.impl);
      expect((await confirm(c)).kind).toBe("success");
      expect(f.calls.map((x) => x.headers["Idempotency-Key"])).toEqual(["idem-1", "idem-1"]);
      expect(waits).toHaveLength(1);
    });

    it("409 on every try ends unknown (reason processing), never declined", async () => {
      const f = fakeFetch([json(409, { code: "IDEMPOTENT_REQUEST_PROCESSING", message: "처리 중" })]);
      expect(await confirm(client(f.impl, 2).c)).toMatchObject({ kind: "unknown", reason: "processing", sent: true, attempts: 3, code: "IDEMPOTENT_REQUEST_PROCESSING" });
    });

    it.each(["PROVIDER_ERROR", "FORBIDDEN_CONSECUTIVE_REQUEST", "FAILED_INTERNAL_SYSTEM_PROCESSING"])("temporary %s is retried, then unknown", async (code) => {
      const f = fakeFetch([json(400, { code, message: "잠시 후" })]);
      expect(await confirm(client(f.impl, 1).c)).toMatchObject({ kind: "unknown", reason: "temporary", code, attempts: 2 });
      expect(f.calls).toHaveLength(2);
    });

    it("a 4xx after an attempt that may have arrived is unknown (look it up), not a decline", async () => {
      const f = fakeFetch([json(500, { code: "FAILED_INTERNAL_SYSTEM_PROCESSING", message: "x" }), json(404, { code: "NOT_FOUND_PAYMENT", message: "없음" })]);
      expect(await confirm(client(f.impl, 1).c)).toMatchObject({ kind: "unknown", reason: "after_unknown", code: "NOT_FOUND_PAYMENT", sent: true });
    });

    it("a 4xx after a timeout is unknown too; a 4xx to the first attempt is a decline; a look-up's 404 stays definite", async () => {
      const f1 = fakeFetch([timeout, json(403, { code: "REJECT_CARD_PAYMENT", message: "거절" })]);
      expect(await confirm(client(f1.impl, 1).c)).toMatchObject({ kind: "unknown", reason: "after_unknown", code: "REJECT_CARD_PAYMENT" });
      const f2 = fakeFetch([json(403, { code: "REJECT_CARD_PAYMENT", message: "거절" })]);
      expect(await confirm(client(f2.impl, 1).c)).toMatchObject({ kind: "declined", code: "REJECT_CARD_PAYMENT" });
      const f3 = fakeFetch([json(503, { code: "X", message: "x" }), json(404, { code: "NOT_FOUND_PAYMENT", message: "없음" })]);
      expect(await client(f3.impl, 1).c.getPayment("pk_1")).toMatchObject({ kind: "declined", code: "NOT_FOUND_PAYMENT" });
    });
  });
});
