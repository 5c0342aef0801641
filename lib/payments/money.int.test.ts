// The money invariant under the races of issue 11, against the Toss-compatible server over real HTTP (and, where
// it cannot yet answer like Toss — 409 IDEMPOTENT_REQUEST_PROCESSING, temporary codes —, a tiny proxy in front
// of it that does). Every test ends with expectMoneyConsistent: every charge Toss made belongs to exactly one
// PAID order of its amount or was refunded exactly once, every refund we recorded Toss made, units follow.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/toss/route";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { expireHolds, releaseOrderUnits } from "@/lib/orders/lifecycle/holds";
import { transition } from "@/lib/orders/lifecycle/transitions";
import type { TossFake } from "@/lib/payments/toss-fake";
import { api, authorize, confirm as confirmAtToss } from "@/lib/payments/toss-fake/test-support";
import { ctx, jsonRequest } from "@/test/http";
import { expectMoneyConsistent, startTossProxy, tossError, type TossProxy } from "@/test/money";
import { cancelPaidOrder, orderStatus, paidOrder, payInWindow, pendingOrder, pointAtFake, startFakeToss, withHangs } from "@/test/payments";
import { expectInvariant } from "@/test/stock";
import { setTossClient } from "./gateway";
import { listPaymentIssues } from "./queries";
import { REFUND_MAIL_QUEUE } from "./queues";
import { reconcilePayments } from "./reconcile";
import { refundOrder } from "./refunds";
import { confirmKey, confirmOrderPayment } from "./service";
import type { TossClient } from "./toss";
import { processTossWebhook, syncFromToss } from "./webhooks";

let fake: TossFake;
let client: TossClient;
let proxy: TossProxy | undefined;

beforeAll(async () => {
  fake = await startFakeToss();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  client = pointAtFake(fake);
});
afterEach(async () => {
  client.shutdown();
  setTossClient(undefined);
  clock.setOffsetMs(0);
  await proxy?.close();
  proxy = undefined;
});

/** Points the services at a proxy in front of the fake that follows `script`. */
async function viaProxy(script: Parameters<typeof startTossProxy>[1], opts: { timeoutMs?: number; maxRetries?: number } = {}) {
  proxy = await startTossProxy(fake, script);
  client.shutdown();
  client = pointAtFake({ url: proxy.url } as TossFake, { timeoutMs: opts.timeoutMs ?? 5_000, maxRetries: opts.maxRetries ?? 2 });
  return proxy;
}

const lookups = (paymentKey: string) => fake.state.requests.filter((r) => r.method === "GET" && r.path === `/v1/payments/${paymentKey}`);
const slowConfirms = (ms: number) => fake.config.set({ latencyMs: ms, faultTargets: ["confirm"] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("unknown is not declined", () => {
  it("409 IDEMPOTENT_REQUEST_PROCESSING after a timeout: the look-up by paymentKey finds DONE, the order is PAID once", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    // Toss approves the first confirm but its answer is lost; the retries with the same key meet the
    // first request still "running" (409); the look-up by paymentKey then shows DONE.
    await viaProxy((method, path, n) => (path === "/v1/payments/confirm" ? (n === 1 ? "forward-no-answer" : tossError(409, "IDEMPOTENT_REQUEST_PROCESSING")) : "forward"), { timeoutMs: 400, maxRetries: 2 });
    const r = await confirmOrderPayment(o.userId, q);
    expect(r).toMatchObject({ outcome: "paid", status: "PAID" });
    expect(proxy!.seen.filter((s) => s.path === "/v1/payments/confirm").map((s) => s.action)).toEqual(["forward-no-answer", "409", "409"]);
    expect(lookups(q.paymentKey)).toHaveLength(1);
    expect(fake.state.charges).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("409 and a look-up that cannot answer leave the order CONFIRMING (never PAYMENT_FAILED, units held); reconciliation pays it", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    await viaProxy((method, path, n) => {
      if (path === "/v1/payments/confirm") return n === 1 ? "forward-no-answer" : tossError(409, "IDEMPOTENT_REQUEST_PROCESSING");
      return tossError(500, "FAILED_INTERNAL_SYSTEM_PROCESSING");
    }, { timeoutMs: 300, maxRetries: 1 });
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "pending", status: "CONFIRMING" });
    expect((await expectInvariant(o.product.id)).held).toBe(1);
    // a 4xx that follows an attempt that may have arrived is not a decline either
    client.shutdown();
    client = pointAtFake(fake);
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ paid: 1 });
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("temporary codes (PROVIDER_ERROR, FORBIDDEN_CONSECUTIVE_REQUEST) are retried with the same key", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    await viaProxy((method, path, n) =>
      path === "/v1/payments/confirm" && n === 1 ? tossError(400, "PROVIDER_ERROR") : path === "/v1/payments/confirm" && n === 2 ? tossError(403, "FORBIDDEN_CONSECUTIVE_REQUEST") : "forward",
    );
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "paid" });
    expect(fake.state.requests.filter((r) => r.operation === "confirm").map((r) => r.idempotencyKey)).toEqual([confirmKey(q.paymentKey)]);
    await expectMoneyConsistent([o.orderId], fake);
  });
});

describe("DONE webhook and confirm", () => {
  it("before the confirm's answer: the webhook pays the order, the late answer changes nothing", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    slowConfirms(600);
    const confirming = confirmOrderPayment(o.userId, q);
    for (let i = 0; i < 50 && !fake.state.charges.length; i++) await sleep(20);
    await syncFromToss(q.paymentKey);
    expect(await orderStatus(o.orderId)).toBe("PAID");
    expect((await confirming).status).toBe("PAID");
    await expectMoneyConsistent([o.orderId], fake);
    expect(await db.outboxEvent.count({ where: { topic: "payment-paid-mail", payload: { equals: { orderId: o.orderId } } } })).toBe(1);
  });

  it("during the confirm (at once) and after it: one PAID, one sale", async () => {
    const a = await pendingOrder();
    const qa = await payInWindow(fake, a.orderId, a.amount);
    const [r] = await Promise.all([confirmOrderPayment(a.userId, qa), sleep(5).then(() => syncFromToss(qa.paymentKey))]);
    expect(r.status).toBe("PAID");
    await syncFromToss(qa.paymentKey); // after
    await syncFromToss(qa.paymentKey);
    expect(await orderStatus(a.orderId)).toBe("PAID");
    await expectMoneyConsistent([a.orderId], fake);
  });
});

describe("holds and reconciliation", () => {
  it("a confirm in flight while the hold expires: the order is CONFIRMING, nothing expires it, it is PAID", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    slowConfirms(500);
    const confirming = confirmOrderPayment(o.userId, q);
    await sleep(150);
    clock.setOffsetMs(env.ORDER_HOLD_SECONDS * 1000 + 1000);
    expect(await expireHolds({ userIds: [o.userId] })).toBe(0);
    expect(await confirming).toMatchObject({ outcome: "paid", status: "PAID" });
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("two reconciliation runs at once act on each order once", async () => {
    const orders = [];
    for (let i = 0; i < 3; i++) {
      const o = await pendingOrder();
      const q = await payInWindow(fake, o.orderId, o.amount);
      expect((await withHangs(fake, ["confirm", "lookup"], "after", () => confirmOrderPayment(o.userId, q))).outcome).toBe("pending");
      orders.push({ ...o, paymentKey: q.paymentKey });
    }
    const mark = fake.state.requests.length;
    const ids = orders.map((o) => o.orderId);
    const [x, y] = await Promise.all([reconcilePayments({ olderThanMs: 0, orderIds: ids }), reconcilePayments({ olderThanMs: 0, orderIds: ids })]);
    expect((x.paid ?? 0) + (y.paid ?? 0)).toBe(3);
    for (const o of orders) {
      expect(fake.state.requests.slice(mark).filter((r) => r.method === "GET" && r.path === `/v1/payments/${o.paymentKey}`)).toHaveLength(1);
    }
    await expectMoneyConsistent(ids, fake);
  });

  it("a run beside a live confirm leaves that order alone", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    slowConfirms(500);
    const confirming = confirmOrderPayment(o.userId, q);
    await sleep(150);
    expect(await orderStatus(o.orderId)).toBe("CONFIRMING");
    const mark = fake.state.requests.length;
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({});
    expect(fake.state.requests.slice(mark)).toEqual([]);
    expect((await confirming).outcome).toBe("paid");
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("an order failed while Toss approved (the old 409 hole) is found by reconciliation and compensated", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    // what the old client did: the confirm reached Toss, the order was failed on a 409
    await confirmAtToss(fake, q.paymentKey, o.orderId, o.amount);
    const failed = await db.$transaction(async (tx) => {
      await tx.payment.create({ data: { orderId: o.orderId, paymentKey: q.paymentKey, status: "IN_PROGRESS", amount: o.amount } });
      return transition(tx, o.orderId, "PENDING_PAYMENT", "PAYMENT_FAILED", { note: "the old client's 409 decline" });
    });
    if (failed.ok && failed.returned) await releaseOrderUnits(failed.returned);
    const r = await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] });
    expect(r).toEqual({ compensated: 1 });
    expect(fake.state.refunds).toEqual([expect.objectContaining({ paymentKey: q.paymentKey, amount: o.amount })]);
    expect(await db.refund.findUniqueOrThrow({ where: { paymentKey: q.paymentKey } })).toMatchObject({ kind: "COMPENSATION", status: "DONE" });
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({});
    await expectMoneyConsistent([o.orderId], fake);
  });
});

describe("compensation", () => {
  it("two paymentKeys for one orderId: the second charge is cancelled, the order stays PAID with the first", async () => {
    const o = await pendingOrder();
    const a = await payInWindow(fake, o.orderId, o.amount);
    const b = await payInWindow(fake, o.orderId, o.amount);
    expect((await confirmOrderPayment(o.userId, a)).outcome).toBe("paid");
    expect((await confirmOrderPayment(o.userId, b)).outcome).toBe("already");
    // something else confirmed the second window at Toss (another tab, another integration)
    await confirmAtToss(fake, b.paymentKey, o.orderId, o.amount);
    expect(fake.state.charges).toHaveLength(2);
    await syncFromToss(b.paymentKey);
    await syncFromToss(b.paymentKey);
    expect(await orderStatus(o.orderId)).toBe("PAID");
    expect(fake.state.refunds).toEqual([expect.objectContaining({ paymentKey: b.paymentKey })]);
    expect(await db.refund.findUniqueOrThrow({ where: { paymentKey: b.paymentKey } })).toMatchObject({ kind: "COMPENSATION", status: "DONE", amount: o.amount });
    expect(await db.settlementEntry.count({ where: { orderId: o.orderId, kind: "REFUND" } })).toBe(0);
    expect(await db.outboxEvent.count({ where: { topic: REFUND_MAIL_QUEUE, payload: { path: ["paymentKey"], equals: b.paymentKey } } })).toBe(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("the amount differs from the order's: compensated, the order fails with its units back, shown as a compensation", async () => {
    const o = await pendingOrder({ units: 1 });
    const auth = await authorize(fake, o.orderId, o.amount + 1_000);
    await confirmAtToss(fake, auth.paymentKey!, o.orderId, o.amount + 1_000);
    // our side lost track of this confirm while CONFIRMING
    await db.$transaction(async (tx) => {
      await tx.order.update({ where: { id: o.orderId }, data: { status: "CONFIRMING" } });
      await tx.payment.create({ data: { orderId: o.orderId, paymentKey: auth.paymentKey!, status: "IN_PROGRESS", amount: o.amount } });
    });
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ compensated: 1 });
    expect(await orderStatus(o.orderId)).toBe("PAYMENT_FAILED");
    expect(await db.refund.findUniqueOrThrow({ where: { paymentKey: auth.paymentKey! } })).toMatchObject({ kind: "COMPENSATION", status: "DONE", amount: o.amount + 1_000, reason: "compensation: AMOUNT_DIFFERS" });
    expect((await db.payment.findUniqueOrThrow({ where: { orderId: o.orderId } })).failureCode).toBe("AMOUNT_DIFFERS");
    // shown to admins (app/admin/reconciliation)
    expect((await listPaymentIssues()).filter((r) => r.orderId === o.orderId)).toEqual([expect.objectContaining({ kind: "COMPENSATION", reason: "compensation: AMOUNT_DIFFERS" })]);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("a DONE webhook for a payment of another amount on a payable order: compensated; the orderId is spent at Toss, so the order ends", async () => {
    const o = await pendingOrder({ units: 1 });
    const auth = await authorize(fake, o.orderId, 100);
    await confirmAtToss(fake, auth.paymentKey!, o.orderId, 100);
    await syncFromToss(auth.paymentKey!);
    expect(fake.state.refunds).toEqual([expect.objectContaining({ paymentKey: auth.paymentKey, amount: 100 })]);
    expect(await orderStatus(o.orderId)).toBe("PAYMENT_FAILED");
    await expect(authorize(fake, o.orderId, o.amount)).rejects.toThrow(/DUPLICATED_ORDER_ID/);
    expect((await expectInvariant(o.product.id)).available).toBe(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("a cancel made in Toss's console (webhook CANCELED on a PAID order): refund recorded, order cancelled, units back, settlement reversed", async () => {
    const o = await paidOrder(fake, { units: 1 });
    const cancelled = await api(fake, "POST", `/v1/payments/${o.paymentKey}/cancel`, { body: { cancelReason: "고객 요청 (콘솔)" }, key: "console-1" });
    expect(cancelled.status).toBe(200);
    const body = { eventType: "PAYMENT_STATUS_CHANGED", createdAt: new Date().toISOString(), data: { paymentKey: o.paymentKey, orderId: o.orderId, status: "CANCELED" } };
    expect((await POST(jsonRequest("/api/webhooks/toss", { body, origin: null }), ctx())).status).toBe(200);
    const events = await db.webhookEvent.findMany({ where: { paymentKey: o.paymentKey } });
    for (const e of events) await processTossWebhook({ webhookEventId: e.id });
    expect(await orderStatus(o.orderId)).toBe("CANCELLED");
    expect(await db.refund.findUniqueOrThrow({ where: { paymentKey: o.paymentKey } })).toMatchObject({ kind: "EXTERNAL", status: "DONE", amount: o.amount });
    const entries = await db.settlementEntry.findMany({ where: { orderId: o.orderId } });
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(0);
    expect(entries).toHaveLength(4);
    expect((await expectInvariant(o.product.id)).available).toBe(1);
    // the same event again, and the buyer's own cancel path, change nothing
    await syncFromToss(o.paymentKey);
    expect(await refundOrder({ orderId: o.orderId })).toBe("already");
    expect(fake.state.refunds).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });
});

describe("refunds exactly once", () => {
  it("a temporary 4xx and a 409 on cancel are retried with the same key: one refund", async () => {
    const o = await paidOrder(fake);
    await cancelPaidOrder(o.orderId);
    const cancelPath = `/v1/payments/${o.paymentKey}/cancel`;
    await viaProxy((method, path, n) => (path === cancelPath && n === 1 ? tossError(400, "PROVIDER_ERROR") : path === cancelPath && n === 2 ? tossError(409, "IDEMPOTENT_REQUEST_PROCESSING") : "forward"));
    expect(await refundOrder({ orderId: o.orderId })).toBe("refunded");
    expect(proxy!.seen.filter((s) => s.path === cancelPath).map((s) => s.action)).toEqual(["400", "409", "forward"]);
    expect(fake.state.refunds).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("a FAILED refund whose payment Toss later shows CANCELED becomes DONE (settlement reversed once)", async () => {
    const o = await paidOrder(fake);
    await cancelPaidOrder(o.orderId);
    const cancelPath = `/v1/payments/${o.paymentKey}/cancel`;
    await viaProxy((method, path) => (path === cancelPath ? tossError(403, "NOT_CANCELABLE_PAYMENT") : "forward"));
    expect(await refundOrder({ orderId: o.orderId })).toBe("failed");
    expect((await db.refund.findUniqueOrThrow({ where: { paymentKey: o.paymentKey } })).status).toBe("FAILED");
    // an operator cancels it in Toss's console
    await api(fake, "POST", cancelPath, { body: { cancelReason: "운영자 처리" }, key: "console-2" });
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ refunded: 1 });
    expect((await db.refund.findUniqueOrThrow({ where: { paymentKey: o.paymentKey } })).status).toBe("DONE");
    expect(await db.settlementEntry.count({ where: { orderId: o.orderId, kind: "REFUND" } })).toBe(1);
    await expectMoneyConsistent([o.orderId], fake);
  });
});

describe("the buyer", () => {
  it("a declined card leaves the order payable with its units; a second attempt (same orderId, new window) pays", async () => {
    const o = await pendingOrder({ units: 1 });
    const declined = await payInWindow(fake, o.orderId, o.amount, "decline");
    expect(await confirmOrderPayment(o.userId, declined)).toMatchObject({ outcome: "declined", status: "PENDING_PAYMENT" });
    expect((await expectInvariant(o.product.id)).held).toBe(1);
    const again = await payInWindow(fake, o.orderId, o.amount);
    expect(await confirmOrderPayment(o.userId, again)).toMatchObject({ outcome: "paid", status: "PAID" });
    await expectMoneyConsistent([o.orderId], fake);
  });
});

describe("webhooks cannot be used to amplify", () => {
  const post = (body: unknown, ip = "203.0.113.9") => POST(jsonRequest("/api/webhooks/toss", { body, origin: null, headers: { "x-forwarded-for": ip } }), ctx());

  it("a body naming no payment of ours gets 200 and costs no row, job or Toss look-up", async () => {
    const before = { events: await db.webhookEvent.count(), outbox: await db.outboxEvent.count(), toss: fake.state.requests.length };
    const r = await post({ eventType: "PAYMENT_STATUS_CHANGED", createdAt: "x", data: { paymentKey: "nobody_s_key", orderId: "HU-nobody-order", status: "DONE" } }, "203.0.113.10");
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ ignored: "not_ours" });
    expect({ events: await db.webhookEvent.count(), outbox: await db.outboxEvent.count(), toss: fake.state.requests.length }).toEqual(before);
  });

  it("a body naming our orderId with unknown paymentKeys is accepted only a few times an hour per order", async () => {
    const o = await pendingOrder();
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      const r = await post({ eventType: "PAYMENT_STATUS_CHANGED", createdAt: "x", data: { paymentKey: `foreign_${o.orderId}_${i}`, orderId: o.orderId, status: "DONE" } }, `192.0.2.${i}`);
      statuses.push(((await r.json()) as { ignored?: string }).ignored ?? "recorded");
    }
    expect(statuses.filter((s) => s === "recorded")).toHaveLength(10);
    expect(statuses.slice(10)).toEqual(["limited", "limited"]);
    expect(await db.webhookEvent.count({ where: { orderId: o.orderId } })).toBe(10);
    expect(fake.state.requests.filter((r) => r.path.includes("foreign_"))).toEqual([]);
  });

  it("DEPOSIT_CALLBACK is answered 200 and ignored; a body over the cap is refused with 413", async () => {
    expect(await (await post({ eventType: "DEPOSIT_CALLBACK", createdAt: "x", data: { orderId: "HU-x-order", status: "DONE" } })).json()).toMatchObject({ ignored: "event_type" });
    const big = new Request("http://localhost/api/webhooks/toss", { method: "POST", headers: { "x-forwarded-for": "203.0.113.11" }, body: "x".repeat(70_000) });
    expect((await POST(big, ctx())).status).toBe(413);
  });

  it("a source that keeps naming nothing of ours is rate-limited", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    for (let i = 0; i < 32; i++) statuses.push((await post({ eventType: "PAYMENT_STATUS_CHANGED", createdAt: "x", data: { paymentKey: `probe_${i}`, orderId: `HU-probe-${i}`, status: "DONE" } }, ip)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
