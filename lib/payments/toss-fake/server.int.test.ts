// The fake's protocol over real HTTP: what Toss's documentation says Toss does (docs/payments.md), the fake does.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { paymentSchema } from "@/lib/payments/toss/schemas";
import { startTossFake, type TossFake } from "./server";
import { api, authorize, confirm, newOrderId, SECRET } from "./test-support";

let fake: TossFake;
const clockMs = Date.parse("2026-03-01T00:00:00Z");

beforeAll(async () => {
  fake = await startTossFake({ secretKeys: [SECRET], now: () => clockMs });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function paid(amount = 30_000) {
  const orderId = newOrderId();
  const { paymentKey } = await authorize(fake, orderId, amount);
  const res = await confirm(fake, paymentKey!, orderId, amount);
  expect(res.status).toBe(200);
  return { orderId, paymentKey: paymentKey! };
}

describe("authorization", () => {
  it("answers 401 UNAUTHORIZED_KEY without a key or with a wrong key; 403 INCORRECT_BASIC_AUTH_FORMAT without the trailing colon or not Basic", async () => {
    const noAuth = await fetch(`${fake.url}/v1/payments/orders/order-000001`);
    expect(noAuth.status).toBe(401);
    expect(await noAuth.json()).toEqual({ code: "UNAUTHORIZED_KEY", message: expect.any(String) });
    expect((await api(fake, "GET", "/v1/payments/orders/order-000001", { secret: "test_sk_other" })).body.code).toBe("UNAUTHORIZED_KEY");
    const noColon = await fetch(`${fake.url}/v1/payments/orders/order-000001`, { headers: { Authorization: `Basic ${Buffer.from(SECRET).toString("base64")}` } });
    expect(noColon.status).toBe(403);
    expect(await noColon.json()).toEqual({ code: "INCORRECT_BASIC_AUTH_FORMAT", message: expect.any(String) });
    const bearer = await fetch(`${fake.url}/v1/payments/orders/order-000001`, { headers: { Authorization: `Bearer ${SECRET}` } });
    expect([bearer.status, ((await bearer.json()) as { code: string }).code]).toEqual([403, "INCORRECT_BASIC_AUTH_FORMAT"]);
    expect((await api(fake, "GET", "/v1/payments/orders/order-000001")).body.code).toBe("NOT_FOUND_PAYMENT");
  });
});

describe("confirm", () => {
  it("confirms an authorised payment: a DONE Payment object, one charge", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 12_300);
    const res = await confirm(fake, paymentKey!, orderId, 12_300, "key-a");
    expect(res.status).toBe(200);
    const p = paymentSchema.parse(res.body);
    expect(p).toMatchObject({ paymentKey, orderId, status: "DONE", totalAmount: 12_300, balanceAmount: 12_300, method: "카드", cancels: [] });
    expect(p.approvedAt).toMatch(/\+09:00$/);
    expect(p.receipt?.url).toContain(fake.url);
    expect(fake.state.charges).toEqual([expect.objectContaining({ paymentKey, orderId, amount: 12_300 })]);
  });

  it("a second confirm without the same key is ALREADY_PROCESSED_PAYMENT and charges nothing", async () => {
    const { orderId, paymentKey } = await paid(5_000);
    const again = await confirm(fake, paymentKey, orderId, 5_000, "another-key");
    expect(again).toEqual({ status: 400, body: { code: "ALREADY_PROCESSED_PAYMENT", message: expect.any(String) } });
    expect(fake.state.charges).toHaveLength(1);
  });

  it("the same Idempotency-Key returns the first stored answer, byte for byte", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 9_900);
    const first = await confirm(fake, paymentKey!, orderId, 9_900, "same-key");
    const second = await confirm(fake, paymentKey!, orderId, 9_900, "same-key");
    expect(second).toEqual(first);
    expect(fake.state.charges).toHaveLength(1);
    expect(fake.state.requests.map((r) => r.replayed)).toEqual([false, true]);
  });

  it("concurrent confirms: one charge; the same key gets one answer, other keys ALREADY_PROCESSED_PAYMENT", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 4_400);
    const same = await Promise.all(Array.from({ length: 10 }, () => confirm(fake, paymentKey!, orderId, 4_400, "burst")));
    expect(new Set(same.map((r) => JSON.stringify(r))).size).toBe(1);
    const others = await Promise.all(Array.from({ length: 10 }, (_, i) => confirm(fake, paymentKey!, orderId, 4_400, `other-${i}`)));
    expect(others.every((r) => r.body.code === "ALREADY_PROCESSED_PAYMENT")).toBe(true);
    expect(fake.state.charges).toHaveLength(1);
  });

  it("forgets an Idempotency-Key after 15 days", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 1_000);
    expect((await confirm(fake, paymentKey!, orderId, 1_000, "old-key")).status).toBe(200);
    fake.advanceTime(15 * 24 * 3600_000 + 1);
    expect((await confirm(fake, paymentKey!, orderId, 1_000, "old-key")).body.code).toBe("ALREADY_PROCESSED_PAYMENT");
  });

  it("scopes a key by secret key, method and path, not by body (as Toss does): reuse across payments replays", async () => {
    const a = newOrderId();
    const b = newOrderId();
    const ka = (await authorize(fake, a, 1_000)).paymentKey!;
    const kb = (await authorize(fake, b, 2_000)).paymentKey!;
    await confirm(fake, ka, a, 1_000, "reused");
    const res = await confirm(fake, kb, b, 2_000, "reused");
    expect(res.body.orderId).toBe(a);
    expect(fake.state.charges.map((c) => c.orderId)).toEqual([a]);
  });

  it("a different amount than authorised is 400 and confirms nothing; the right amount still works", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 50_000);
    const forged = await confirm(fake, paymentKey!, orderId, 100);
    expect(forged.status).toBe(400);
    expect(forged.body.code).toBe("INVALID_REQUEST");
    expect(fake.state.charges).toHaveLength(0);
    expect((await confirm(fake, paymentKey!, orderId, 50_000)).status).toBe(200);
  });

  it("unknown payments are 404 NOT_FOUND_PAYMENT; another order's orderId is 403 FORBIDDEN_REQUEST; bad bodies are 400 INVALID_REQUEST; a key over 300 characters is 400 INVALID_IDEMPOTENCY_KEY", async () => {
    expect((await confirm(fake, "nope", "order-000001", 1_000)).body.code).toBe("NOT_FOUND_PAYMENT");
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 1_000);
    expect(await confirm(fake, paymentKey!, newOrderId(), 1_000)).toEqual({ status: 403, body: { code: "FORBIDDEN_REQUEST", message: expect.any(String) } });
    expect(fake.state.charges).toHaveLength(0);
    expect((await api(fake, "POST", "/v1/payments/confirm", { body: { paymentKey, orderId, amount: "1000" } })).status).toBe(400);
    expect((await api(fake, "POST", "/v1/payments/confirm", { rawBody: "{not json" })).body.code).toBe("INVALID_REQUEST");
    expect((await api(fake, "POST", "/v1/payments/confirm", { body: { paymentKey, orderId, amount: 1_000 }, key: "k".repeat(301) })).body).toEqual({ code: "INVALID_IDEMPOTENCY_KEY", message: expect.any(String) });
    expect(fake.state.charges).toHaveLength(0);
    expect((await api(fake, "POST", "/v1/payments/confirm", { body: { paymentKey, orderId, amount: 1_000 }, key: "k".repeat(300) })).status).toBe(200);
  });

  it("an authorised payment not confirmed within the session time expires (NOT_FOUND_PAYMENT_SESSION)", async () => {
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 7_000);
    fake.advanceTime(10 * 60_000 - 1);
    expect((await api(fake, "GET", `/v1/payments/${paymentKey}`)).body.status).toBe("IN_PROGRESS");
    fake.advanceTime(1);
    const late = await confirm(fake, paymentKey!, orderId, 7_000);
    expect(late).toEqual({ status: 404, body: { code: "NOT_FOUND_PAYMENT_SESSION", message: expect.any(String) } });
    expect((await api(fake, "GET", `/v1/payments/${paymentKey}`)).body.status).toBe("EXPIRED");
    expect(fake.state.charges).toHaveLength(0);
  });

  it("the session time is configurable, also through the admin endpoint", async () => {
    const res = await fetch(`${fake.url}/_fake/config`, { method: "POST", body: JSON.stringify({ sessionTtlMs: 1_000 }) });
    expect(res.status).toBe(200);
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 7_000);
    await fetch(`${fake.url}/_fake/clock`, { method: "POST", body: JSON.stringify({ advanceMs: 1_000 }) });
    expect((await confirm(fake, paymentKey!, orderId, 7_000)).body.code).toBe("NOT_FOUND_PAYMENT_SESSION");
  });
});

describe("cancel", () => {
  it("partial then the rest: balanceAmount, cancels[] and status follow; a third cancel is refused", async () => {
    const { paymentKey } = await paid(30_000);
    const part = await api(fake, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "부분 반품", cancelAmount: 10_000 } });
    expect(part.status).toBe(200);
    expect(paymentSchema.parse(part.body)).toMatchObject({ status: "PARTIAL_CANCELED", totalAmount: 30_000, balanceAmount: 20_000, cancels: [{ cancelAmount: 10_000, refundableAmount: 20_000, cancelReason: "부분 반품" }] });
    const rest = await api(fake, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "주문 취소" } });
    const p = paymentSchema.parse(rest.body);
    expect(p).toMatchObject({ status: "CANCELED", balanceAmount: 0 });
    expect(p.cancels.map((c) => c.cancelAmount)).toEqual([10_000, 20_000]);
    const third = await api(fake, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "again" } });
    expect(third).toEqual({ status: 400, body: { code: "ALREADY_CANCELED_PAYMENT", message: expect.any(String) } });
    expect(fake.state.refunds.map((r) => r.amount)).toEqual([10_000, 20_000]);
  });

  it("a repeated cancel with the same key refunds once", async () => {
    const { paymentKey } = await paid(8_000);
    const a = await api(fake, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "변심", cancelAmount: 3_000 }, key: "cancel-1" });
    const b = await api(fake, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "변심", cancelAmount: 3_000 }, key: "cancel-1" });
    expect(b).toEqual(a);
    expect(fake.state.refunds).toHaveLength(1);
  });

  it("refuses more than the balance, unconfirmed payments, unknown payments and missing reasons", async () => {
    const { paymentKey } = await paid(8_000);
    expect((await api(fake, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "x", cancelAmount: 8_001 } })).body.code).toBe("NOT_CANCELABLE_AMOUNT");
    const open = await authorize(fake, newOrderId(), 1_000);
    const notPaid = await api(fake, "POST", `/v1/payments/${open.paymentKey}/cancel`, { body: { cancelReason: "x" } });
    expect(notPaid).toMatchObject({ status: 403, body: { code: "NOT_CANCELABLE_PAYMENT" } });
    expect((await api(fake, "POST", `/v1/payments/unknown/cancel`, { body: { cancelReason: "x" } })).status).toBe(404);
    expect((await api(fake, "POST", `/v1/payments/${paymentKey}/cancel`, { body: {} })).body.code).toBe("INVALID_REQUEST");
    expect(fake.state.refunds).toHaveLength(0);
  });
});

describe("look-ups", () => {
  it("by paymentKey and by orderId; by orderId prefers the attempt that moved money", async () => {
    const orderId = newOrderId();
    const abandoned = await authorize(fake, orderId, 4_000);
    fake.advanceTime(11 * 60_000); // the first window expired unconfirmed
    const second = await authorize(fake, orderId, 4_000);
    await confirm(fake, second.paymentKey!, orderId, 4_000);
    const byOrder = await api(fake, "GET", `/v1/payments/orders/${orderId}`);
    expect(byOrder.body).toMatchObject({ paymentKey: second.paymentKey, status: "DONE" });
    const byKey = await api(fake, "GET", `/v1/payments/${abandoned.paymentKey}`);
    expect(byKey.body).toMatchObject({ paymentKey: abandoned.paymentKey, status: "EXPIRED" });
    expect((await api(fake, "GET", `/v1/payments/orders/${newOrderId()}`)).status).toBe(404);
    expect((await api(fake, "GET", `/v1/payments/unknown-key`)).body.code).toBe("NOT_FOUND_PAYMENT");
  });

  it("a paid orderId cannot be paid again (DUPLICATED_ORDER_ID)", async () => {
    const { orderId } = await paid(2_000);
    expect(await authorize(fake, orderId, 2_000, "reject")).toMatchObject({ result: "fail", code: "REJECT_CARD_COMPANY" });
    const res = await fetch(`${fake.url}/v1/_fake/sessions`, { method: "POST", body: JSON.stringify({ orderId, amount: 2_000, action: "pay" }) });
    expect(await res.json()).toMatchObject({ result: "fail", code: "DUPLICATED_ORDER_ID" });
  });
});
