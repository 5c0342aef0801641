// The money invariant under the races of issue 11, against the Toss-compatible server over real HTTP, with
// Toss's misbehaviour made by the server's own knobs: a slow first request whose retry gets 409
// IDEMPOTENT_REQUEST_PROCESSING (nextFaults "slow" + slowMs), a request that reached Toss twice
// (conflictRate / nextFaults "conflict"), 5xx (nextFaults "error"), hangs (nextFaults "hang"), latency, its
// console cancel and its PAYMENT_STATUS_CHANGED webhooks delivered into POST /api/webhooks/toss. A tiny proxy
// in front of it is left only for what the server cannot answer (test/money.ts startTossProxy): Toss's
// temporary 4xx codes (400 PROVIDER_ERROR, 403 FORBIDDEN_CONSECUTIVE_REQUEST) and a definite refusal of a
// cancel it would carry out (403 NOT_CANCELABLE_PAYMENT). Every race ends with expectMoneyConsistent, which
// ends with the money audit (lib/payments/audit.ts) of the test's orders against the server's ledger: every
// charge Toss made belongs to exactly one PAID order of its amount or was refunded exactly once, every
// refund we recorded Toss made, settlement once, units follow.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/toss/route";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { expireHolds, releaseOrderUnits } from "@/lib/orders/lifecycle/holds";
import { transition } from "@/lib/orders/lifecycle/transitions";
import type { TossFake } from "@/lib/payments/toss-fake";
import { authorize, confirm as confirmAtToss, until, UNTIL_FINISHED_MS } from "@/lib/payments/toss-fake/test-support";
import { ctx, jsonRequest } from "@/test/http";
import { expectMoneyConsistent, startTossProxy, tossError, type TossProxy } from "@/test/money";
import { cancelPaidOrder, confirmCalls, fakeTossForFile, orderStatus, paidOrder, payInWindow, pendingOrder, pointAtFake, startWebhookReceiver, withHangs } from "@/test/payments";
import { expectInvariant } from "@/test/stock";
import { listPaymentIssues } from "./queries";
import { PAID_MAIL_QUEUE, REFUND_MAIL_QUEUE } from "./queues";
import { PAID_RECHECK_MS, reconcilePayments } from "./reconcile";
import { refundOrder } from "./refunds";
import { confirmKey, confirmOrderPayment } from "./confirm";
import { auditMoney } from "./audit-load";
import type { TossClientOptions } from "./toss/client";
import { processTossWebhook, syncFromToss } from "./webhooks";

const fake = await fakeTossForFile();
let proxy: TossProxy | undefined;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  // The shop's webhook endpoint over real HTTP (the route handler, as Next mounts it) for the fake to call.
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});
afterEach(async () => {
  clock.setOffsetMs(0);
  await proxy?.close();
  proxy = undefined;
  await fake.webhooks.idle();
});

/** A fresh client (and breaker) for the services, e.g. with a short timeout. */
function useClient(overrides: Partial<TossClientOptions> = {}) {
  pointAtFake(fake, overrides);
}

/** Points the services at a proxy in front of the fake that follows `script` (only what the fake cannot do). */
async function viaProxy(script: Parameters<typeof startTossProxy>[1], opts: { timeoutMs?: number; maxRetries?: number } = {}) {
  proxy = await startTossProxy(fake, script);
  pointAtFake({ url: proxy.url } as TossFake, { timeoutMs: opts.timeoutMs ?? 5_000, maxRetries: opts.maxRetries ?? 2 });
  return proxy;
}

/** The fake sends its PAYMENT_STATUS_CHANGED webhooks to the shop's route from now on. */
const webhooksToShop = () => fake.config.set({ webhook: { url: receiver.url, retryDelaysMs: [20, 20] } });

/** Waits for the deliveries the fake has made for `paymentKey`, then runs the job of each recorded one. */
async function processWebhooks(paymentKey: string): Promise<number> {
  await fake.webhooks.idle();
  const events = await db.webhookEvent.findMany({ where: { paymentKey, processedAt: null }, orderBy: { receivedAt: "asc" } });
  for (const e of events) await processTossWebhook({ webhookEventId: e.id });
  return events.length;
}

const lookups = (paymentKey: string) => fake.state.requests.filter((r) => r.method === "GET" && r.path === `/v1/payments/${paymentKey}`);
const cancels = (paymentKey: string) => fake.state.requests.filter((r) => r.operation === "cancel" && r.path === `/v1/payments/${paymentKey}/cancel`);
/** How each call was answered: the fault the fake served, else the status (r = replayed). */
const answers = (calls: { status: number | null; fault?: string; replayed: boolean }[]) => calls.map((c) => c.fault ?? `${c.status}${c.replayed ? "r" : ""}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The kinds of disagreement the money audit finds for these orders right now (mid-race). */
const auditKinds = async (orderIds: string[]) => (await auditMoney({ ledger: fake.ledger().payments, scope: { orderIds } })).disagreements.map((d) => d.kind);
const paidMails = (orderId: string) => db.outboxEvent.count({ where: { topic: PAID_MAIL_QUEUE, payload: { equals: { orderId } } } });

describe("unknown is not declined", () => {
  it("409 after a timeout: Toss is still at the first confirm, the retry gets 409, a later retry its stored answer; PAID once", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    // The first confirm is slow on Toss's side (lands after 1.2 s); our 300 ms timeout fires; retries with
    // the same key meet it in flight (409) until it lands, then get its stored answer.
    fake.config.set({ nextFaults: ["slow"], slowMs: 1_200, faultTargets: ["confirm"] });
    useClient({ timeoutMs: 300, maxRetries: 3, backoff: { baseMs: 300, maxMs: 5_000, random: () => 1 } });
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "paid", status: "PAID" });
    const calls = answers(confirmCalls(fake));
    expect(calls.slice(0, 2)).toEqual(["slow", "409"]);
    expect(calls.at(-1)).toBe("200r");
    expect(new Set(confirmCalls(fake).map((r) => r.idempotencyKey))).toEqual(new Set([confirmKey(q.paymentKey)]));
    expect(fake.state.charges).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("409 after a timeout until the retries run out and a look-up that gets 5xx: CONFIRMING with units held; Toss's DONE webhook pays it", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    webhooksToShop();
    fake.config.set({ slowMs: UNTIL_FINISHED_MS, faultTargets: ["confirm", "lookup"], nextFaults: ["slow", "none", "none", "error", "error", "error"] });
    useClient({ timeoutMs: 300, maxRetries: 2 });
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "pending", status: "CONFIRMING" });
    expect(answers(confirmCalls(fake))).toEqual(["slow", "409", "409"]);
    expect(answers(lookups(q.paymentKey))).toEqual(["error", "error", "error"]);
    expect((await expectInvariant(o.product.id)).held).toBe(1);
    // the issue's hole: Toss finishes and charges; the DONE webhook must pay the order, not be ignored
    expect(fake.finishSlowWork()).toBe(1);
    await until("Toss's slow confirm to land", () => fake.state.charges.length === 1);
    // mid-way: Toss holds the money, the order is not paid yet
    expect(await auditKinds([o.orderId])).toEqual(["CHARGE_WITHOUT_PAID_ORDER"]);
    useClient();
    expect(await processWebhooks(q.paymentKey)).toBeGreaterThanOrEqual(1);
    expect(await orderStatus(o.orderId)).toBe("PAID");
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({});
    expect(await paidMails(o.orderId)).toBe(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("409 after a timeout, the look-up shows Toss still IN_PROGRESS: CONFIRMING; reconciliation after Toss lands pays it once", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    fake.config.set({ nextFaults: ["slow"], slowMs: UNTIL_FINISHED_MS, faultTargets: ["confirm"] });
    useClient({ timeoutMs: 300, maxRetries: 1 });
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "pending", status: "CONFIRMING" });
    expect(answers(confirmCalls(fake))).toEqual(["slow", "409"]);
    expect(lookups(q.paymentKey)).toHaveLength(1);
    // a reconciliation run while Toss is still at it decides nothing (a resent confirm meets 409 again)
    useClient({ timeoutMs: 300, maxRetries: 0 });
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ pending: 1 });
    expect(await orderStatus(o.orderId)).toBe("CONFIRMING");
    expect(fake.finishSlowWork()).toBe(1);
    await until("Toss's slow confirm to land", () => fake.state.charges.length === 1);
    useClient();
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ paid: 1 });
    expect(fake.state.charges).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("a 5xx, then the request reaches Toss twice (conflictRate: 409 while the copy works): retried with the same key, PAID once", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    fake.config.set({ faultTargets: ["confirm"], nextFaults: ["error"], conflictRate: 1, slowMs: 100 });
    useClient({ maxRetries: 3, backoff: { baseMs: 150, maxMs: 5_000, random: () => 1 } });
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "paid", status: "PAID" });
    expect(answers(confirmCalls(fake))).toEqual(["error", "conflict", "200r"]);
    expect(lookups(q.paymentKey)).toEqual([]);
    expect(fake.state.charges).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("a confirm whose answer is lost twice (hang after the work): the look-up by paymentKey finds DONE, PAID once", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    expect(await withHangs(fake, "confirm", "after", () => confirmOrderPayment(o.userId, q))).toMatchObject({ outcome: "paid", status: "PAID" });
    expect(answers(confirmCalls(fake))).toEqual(["hang", "hang"]);
    expect(lookups(q.paymentKey)).toHaveLength(1);
    expect(fake.state.charges).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("temporary codes (PROVIDER_ERROR, FORBIDDEN_CONSECUTIVE_REQUEST) are retried with the same key", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    // proxy: the fake's only temporary failure is 500; Toss's temporary 4xx codes come from the proxy
    await viaProxy((method, path, n) =>
      path === "/v1/payments/confirm" && n === 1 ? tossError(400, "PROVIDER_ERROR") : path === "/v1/payments/confirm" && n === 2 ? tossError(403, "FORBIDDEN_CONSECUTIVE_REQUEST") : "forward",
    );
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "paid" });
    expect(fake.state.requests.filter((r) => r.operation === "confirm").map((r) => r.idempotencyKey)).toEqual([confirmKey(q.paymentKey)]);
    await expectMoneyConsistent([o.orderId], fake);
  });
});

describe("DONE webhook and confirm", () => {
  it("before the confirm's answer: Toss's webhook pays the order, the late answer changes nothing", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    webhooksToShop();
    // Toss approves at once, its webhook goes out, the answer to our confirm takes 800 ms
    fake.config.set({ latencyMs: 800, faultTargets: ["confirm"] });
    const confirming = confirmOrderPayment(o.userId, q);
    await until("the DONE webhook", async () => (await db.webhookEvent.count({ where: { paymentKey: q.paymentKey } })) > 0);
    expect(await processWebhooks(q.paymentKey)).toBe(1);
    expect(await orderStatus(o.orderId)).toBe("PAID");
    expect(await confirming).toMatchObject({ status: "PAID" });
    expect(await paidMails(o.orderId)).toBe(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("during the confirm: webhook and answer applied at once, one PAID, one sale, one mail", async () => {
    webhooksToShop();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const o = await pendingOrder();
      const q = await payInWindow(fake, o.orderId, o.amount);
      const webhook = (async () => {
        await until("the DONE webhook", async () => (await db.webhookEvent.count({ where: { paymentKey: q.paymentKey } })) > 0);
        return processWebhooks(q.paymentKey);
      })();
      const [r] = await Promise.all([confirmOrderPayment(o.userId, q), webhook, sleep(i * 3).then(() => syncFromToss(q.paymentKey).catch(() => undefined))]);
      expect(r.status).toBe("PAID");
      expect(await paidMails(o.orderId)).toBe(1);
      ids.push(o.orderId);
    }
    await expectMoneyConsistent(ids, fake);
  });

  it("after the confirm: the DONE webhook (delivered twice) changes nothing", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    webhooksToShop();
    fake.config.set({ webhook: { duplicateRate: 1 } });
    expect((await confirmOrderPayment(o.userId, q)).outcome).toBe("paid");
    expect(await processWebhooks(q.paymentKey)).toBe(1);
    expect(fake.webhooks.deliveries.filter((d) => d.paymentKey === q.paymentKey && d.paymentStatus === "DONE")).toHaveLength(2);
    await syncFromToss(q.paymentKey);
    expect(await orderStatus(o.orderId)).toBe("PAID");
    expect(await paidMails(o.orderId)).toBe(1);
    await expectMoneyConsistent([o.orderId], fake);
  });
});

describe("holds and reconciliation", () => {
  it("a confirm in flight while the hold expires: the order is CONFIRMING, nothing expires it, it is PAID", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    // Toss takes 600 ms over the confirm (within our timeout); the hold ends meanwhile
    fake.config.set({ nextFaults: ["slow"], slowMs: 600, faultTargets: ["confirm"] });
    const confirming = confirmOrderPayment(o.userId, q);
    await until("the confirm to reach Toss", () => confirmCalls(fake).length === 1);
    expect(await orderStatus(o.orderId)).toBe("CONFIRMING");
    clock.setOffsetMs(env.ORDER_HOLD_SECONDS * 1000 + 1000);
    expect(await expireHolds({ userIds: [o.userId] })).toBe(0);
    expect(await confirming).toMatchObject({ outcome: "paid", status: "PAID" });
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("a confirm still unknown when the hold ends (Toss slower than our timeout): not expired, units held; reconciliation pays it", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    fake.config.set({ nextFaults: ["slow"], slowMs: UNTIL_FINISHED_MS, faultTargets: ["confirm"] });
    useClient({ timeoutMs: 300, maxRetries: 1 });
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "pending", status: "CONFIRMING" });
    clock.setOffsetMs(env.ORDER_HOLD_SECONDS * 1000 + 1000);
    expect(await expireHolds({ userIds: [o.userId] })).toBe(0);
    expect((await expectInvariant(o.product.id)).held).toBe(1);
    expect(fake.finishSlowWork()).toBe(1);
    await until("Toss's slow confirm to land", () => fake.state.charges.length === 1);
    useClient();
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ paid: 1 });
    expect(await orderStatus(o.orderId)).toBe("PAID");
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
    fake.config.set({ nextFaults: ["slow"], slowMs: 600, faultTargets: ["confirm"] });
    const confirming = confirmOrderPayment(o.userId, q);
    await until("the confirm to reach Toss", () => confirmCalls(fake).length === 1);
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
    expect(await auditKinds([o.orderId])).toEqual(["CHARGE_WITHOUT_PAID_ORDER"]);
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
    // something else confirmed the second window at Toss (another tab, another integration); Toss's DONE
    // webhook names our orderId with a paymentKey we do not know
    webhooksToShop();
    await confirmAtToss(fake, b.paymentKey, o.orderId, o.amount);
    expect(fake.state.charges).toHaveLength(2);
    expect(await auditKinds([o.orderId])).toEqual(["CHARGE_NOT_THE_ORDERS_PAYMENT"]);
    expect(await processWebhooks(b.paymentKey)).toBe(1);
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
    expect(await auditKinds([o.orderId])).toEqual(["CHARGE_WITHOUT_PAID_ORDER"]);
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ compensated: 1 });
    expect(await orderStatus(o.orderId)).toBe("PAYMENT_FAILED");
    expect(await db.refund.findUniqueOrThrow({ where: { paymentKey: auth.paymentKey! } })).toMatchObject({ kind: "COMPENSATION", status: "DONE", amount: o.amount + 1_000, reason: "compensation: AMOUNT_DIFFERS" });
    expect((await db.payment.findUniqueOrThrow({ where: { orderId: o.orderId } })).failureCode).toBe("AMOUNT_DIFFERS");
    // shown to admins (app/admin/reconciliation)
    expect((await listPaymentIssues()).filter((r) => r.orderId === o.orderId)).toEqual([expect.objectContaining({ kind: "COMPENSATION", reason: "compensation: AMOUNT_DIFFERS" })]);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("the window authorised another amount than the success URL says: Toss confirms nothing; the attempt ends once Toss's session is over", async () => {
    const o = await pendingOrder({ units: 1 });
    const auth = await authorize(fake, o.orderId, o.amount - 1_000);
    // a tampered success URL carries the stored amount; the confirm (stored amount) is refused by Toss
    const r = await confirmOrderPayment(o.userId, { paymentKey: auth.paymentKey!, orderId: o.orderId, amount: o.amount });
    expect(fake.state.charges).toEqual([]);
    // INVALID_REQUEST is no decline code: Toss's record (IN_PROGRESS) decides nothing, the order waits in
    // CONFIRMING with its units (reconciliation resends the same refused confirm until the session ends)
    expect({ outcome: r.outcome, status: await orderStatus(o.orderId) }).toEqual({ outcome: "pending", status: "CONFIRMING" });
    // Toss's payment session ends (10 minutes): the payment is EXPIRED, nothing was ever charged
    fake.advanceTime(fake.config.get().sessionTtlMs + 1_000);
    await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] });
    expect(await orderStatus(o.orderId)).toBe("PENDING_PAYMENT");
    expect((await expectInvariant(o.product.id)).held).toBe(1);
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

  it("a cancel made in Toss's console (its CANCELED webhook on a PAID order): refund recorded, order cancelled, units back, settlement reversed", async () => {
    webhooksToShop();
    const o = await paidOrder(fake, { units: 1 });
    expect(await processWebhooks(o.paymentKey)).toBe(1); // the confirm's DONE: nothing to change
    // an operator cancels in Toss's console: no call from the shop, only Toss's webhook tells
    const res = await fetch(`${fake.url}/_fake/console/payments/${encodeURIComponent(o.paymentKey)}/cancel`, { method: "POST", body: JSON.stringify({ cancelReason: "고객 요청 (콘솔)" }) });
    expect(res.status).toBe(200);
    expect(fake.state.refunds).toEqual([expect.objectContaining({ paymentKey: o.paymentKey, origin: "console" })]);
    expect((await auditKinds([o.orderId])).sort()).toEqual(["CANCEL_NOT_RECORDED", "PAID_ORDER_CANCELLED_AT_TOSS"]);
    expect(await processWebhooks(o.paymentKey)).toBe(1);
    expect(await orderStatus(o.orderId)).toBe("CANCELLED");
    expect(await db.refund.findUniqueOrThrow({ where: { paymentKey: o.paymentKey } })).toMatchObject({ kind: "EXTERNAL", status: "DONE", amount: o.amount });
    const entries = await db.settlementEntry.findMany({ where: { orderId: o.orderId } });
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(0);
    expect(entries).toHaveLength(4);
    expect((await expectInvariant(o.product.id)).available).toBe(1);
    expect(await db.outboxEvent.count({ where: { topic: REFUND_MAIL_QUEUE, payload: { path: ["paymentKey"], equals: o.paymentKey } } })).toBe(1);
    // the same event again, a reconciliation run and the buyer's own cancel path change nothing
    await syncFromToss(o.paymentKey);
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({});
    expect(await refundOrder({ orderId: o.orderId })).toBe("already");
    expect(fake.state.refunds).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });
});

describe("the paid-order sweep", () => {
  afterEach(() => clock.setOffsetMs(0));

  it("a console cancel whose webhook never came is found by reconciliation hours later and recorded once", async () => {
    const o = await paidOrder(fake, { units: 1 });
    const other = await paidOrder(fake, { units: 1 });
    // an operator cancels in Toss's console; no webhook reaches the shop
    expect(fake.consoleCancel(o.paymentKey, { cancelReason: "콘솔 취소" }).status).toBe(200);
    const scope = { olderThanMs: 0, orderIds: [o.orderId, other.orderId] };
    // right after paying nothing is due: no look-up
    const before = lookups(o.paymentKey).length;
    expect(await reconcilePayments(scope)).toEqual({});
    expect(lookups(o.paymentKey)).toHaveLength(before);
    clock.setOffsetMs(PAID_RECHECK_MS + 60_000);
    expect(await reconcilePayments(scope)).toEqual({ "paid-refunded": 1, "paid-unchanged": 1 });
    expect(await orderStatus(o.orderId)).toBe("CANCELLED");
    expect(await orderStatus(other.orderId)).toBe("PAID");
    expect(await db.refund.findUniqueOrThrow({ where: { paymentKey: o.paymentKey } })).toMatchObject({ kind: "EXTERNAL", status: "DONE", amount: o.amount });
    expect((await expectInvariant(o.product.id)).available).toBe(1);
    // compared now: neither is asked about again until the next recheck is due
    expect(await reconcilePayments(scope)).toEqual({});
    clock.setOffsetMs(PAID_RECHECK_MS + 3_600_000); // an hour on: the next comparison waits 6 h more
    expect(await reconcilePayments(scope)).toEqual({});
    clock.setOffsetMs(3 * PAID_RECHECK_MS);
    expect(await reconcilePayments(scope)).toEqual({ "paid-unchanged": 1 });
    expect(fake.state.refunds.filter((r) => r.paymentKey === o.paymentKey)).toHaveLength(1);
    await expectMoneyConsistent([o.orderId, other.orderId], fake);
  });
});

describe("refunds exactly once", () => {
  it("a 5xx and a 409 on cancel (the cancel reached Toss twice) are retried with the same key: one refund", async () => {
    const o = await paidOrder(fake);
    await cancelPaidOrder(o.orderId);
    fake.config.set({ faultTargets: ["cancel"], nextFaults: ["error", "conflict"], slowMs: 100 });
    useClient({ maxRetries: 3, backoff: { baseMs: 150, maxMs: 5_000, random: () => 1 } });
    expect(await refundOrder({ orderId: o.orderId })).toBe("refunded");
    expect(answers(cancels(o.paymentKey))).toEqual(["error", "conflict", "200r"]);
    expect(fake.state.refunds).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("a cancel slower than our timeout: the retry gets 409, the job retries later with the same key and records one refund", async () => {
    const o = await paidOrder(fake);
    await cancelPaidOrder(o.orderId);
    fake.config.set({ faultTargets: ["cancel"], nextFaults: ["slow"], slowMs: UNTIL_FINISHED_MS });
    useClient({ timeoutMs: 300, maxRetries: 1 });
    await expect(refundOrder({ orderId: o.orderId })).rejects.toThrow(/no definite answer/);
    expect(answers(cancels(o.paymentKey))).toEqual(["slow", "409"]);
    expect((await db.refund.findUniqueOrThrow({ where: { paymentKey: o.paymentKey } })).status).toBe("REQUESTED");
    expect(fake.finishSlowWork()).toBe(1);
    await until("Toss's slow cancel to land", () => fake.state.refunds.length === 1);
    useClient();
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ refunded: 1 });
    expect(await refundOrder({ orderId: o.orderId })).toBe("already");
    expect(new Set(cancels(o.paymentKey).map((r) => r.idempotencyKey)).size).toBe(1);
    expect(fake.state.refunds).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("a temporary 4xx (PROVIDER_ERROR, FORBIDDEN_CONSECUTIVE_REQUEST) on cancel is retried with the same key: one refund", async () => {
    const o = await paidOrder(fake);
    await cancelPaidOrder(o.orderId);
    const cancelPath = `/v1/payments/${o.paymentKey}/cancel`;
    // proxy: the fake has no temporary 4xx codes
    await viaProxy((method, path, n) => (path === cancelPath && n === 1 ? tossError(400, "PROVIDER_ERROR") : path === cancelPath && n === 2 ? tossError(403, "FORBIDDEN_CONSECUTIVE_REQUEST") : "forward"));
    expect(await refundOrder({ orderId: o.orderId })).toBe("refunded");
    expect(proxy!.seen.filter((s) => s.path === cancelPath).map((s) => s.action)).toEqual(["400", "403", "forward"]);
    expect(fake.state.refunds).toHaveLength(1);
    await expectMoneyConsistent([o.orderId], fake);
  });

  it("a FAILED refund whose payment Toss later shows CANCELED becomes DONE (settlement reversed once)", async () => {
    const o = await paidOrder(fake);
    await cancelPaidOrder(o.orderId);
    const cancelPath = `/v1/payments/${o.paymentKey}/cancel`;
    // proxy: the fake would carry this cancel out; a definite refusal of it comes from the proxy
    await viaProxy((method, path) => (path === cancelPath ? tossError(403, "NOT_CANCELABLE_PAYMENT") : "forward"));
    expect(await refundOrder({ orderId: o.orderId })).toBe("failed");
    expect((await db.refund.findUniqueOrThrow({ where: { paymentKey: o.paymentKey } })).status).toBe("FAILED");
    // an operator cancels it in Toss's console
    expect(fake.consoleCancel(o.paymentKey, { cancelReason: "운영자 처리" }).status).toBe(200);
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
