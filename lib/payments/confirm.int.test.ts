// Confirming payments against the Toss-compatible server over real HTTP, with the real ledger and stock
// engine: the happy path, a decline, an abandoned window, a tampered amount, a double confirm, a timeout
// settled by reconciliation, and a 5xx storm that opens the breaker (and recovery that closes it).
import pg from "pg";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { endOpenPeriod, HELD_OPEN_MS, holdBreakerOpenUntilTold, realTimers } from "@/test/breaker-time";
import { clock } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { confirmCalls, fakeTossForFile, orderStatus, payInWindow, pendingOrder, pointAtFake, withHangs } from "@/test/payments";
import { expectInvariant } from "@/test/stock";
import { getOrderPayment } from "./queries";
import { reconcilePayments } from "./reconcile";
import { refundsSelect } from "./refund-view";
import { confirmKey, confirmOrderPayment } from "./confirm";
import { feeOf } from "./settlement";

const fake = await fakeTossForFile();

afterEach(() => {
  clock.setOffsetMs(0);
});

describe("confirm", () => {

  it("the one-statement order summary equals what Prisma reads (payment, refunds newest first, timestamps)", async () => {
    const o = await pendingOrder({ price: 30_000 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    expect((await confirmOrderPayment(o.userId, q)).outcome).toBe("paid");
    await db.refund.create({ data: { orderId: o.orderId, paymentKey: `other-${o.orderId}`, kind: "COMPENSATION", amount: 1_000, reason: "compensation: SECOND_PAYMENT", idempotencyKey: `k1-${o.orderId}`, createdAt: new Date("2026-11-29T08:00:00.123Z") } });
    await db.refund.create({ data: { orderId: o.orderId, paymentKey: q.paymentKey, amount: 30_000, reason: "buyer cancel", idempotencyKey: `k2-${o.orderId}`, status: "DONE", createdAt: new Date("2026-11-29T07:00:00.456Z"), completedAt: new Date("2026-11-29T07:00:01.789Z") } });
    const viaPrisma = await db.order.findFirst({
      where: { id: o.orderId, userId: o.userId },
      select: { id: true, status: true, amount: true, orderName: true, holdExpiresAt: true, payment: { select: { status: true, method: true, amount: true, approvedAt: true, failureCode: true } }, refunds: refundsSelect },
    });
    const summary = await getOrderPayment(o.orderId, o.userId);
    expect(summary).toEqual({ ...viaPrisma, refund: viaPrisma!.refunds[1] });
    expect(summary?.refunds.map((r) => r.kind)).toEqual(["COMPENSATION", "CANCEL"]);
    expect(await getOrderPayment(o.orderId, (await pendingOrder()).userId)).toBeNull();
  });

  it("a happy-path confirm costs 2 PostgreSQL statements: claim, then PAID answering the summary (the drop's throughput depends on it)", async () => {
    const o = await pendingOrder({ price: 21_000, quantity: 2 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    // Every statement any pg client of this process sends (Prisma's adapter included), as server/pg-query-count.ts counts them.
    const sent: string[] = [];
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      const a = args[0] as string | { text?: string };
      sent.push((typeof a === "string" ? a : (a?.text ?? "?")).replace(/\s+/g, " ").slice(0, 80));
      return original.apply(this, args);
    };
    let r;
    try {
      r = await confirmOrderPayment(o.userId, q);
    } finally {
      proto.query = original;
    }
    expect(sent, sent.join("\n")).toHaveLength(2);
    const { order: summary, ...outcome } = r;
    expect(outcome).toEqual({ outcome: "paid", status: "PAID" });
    expect(summary).toMatchObject({ status: "PAID", amount: 42_000, payment: { status: "DONE", amount: 42_000 }, refunds: [], refund: null });
    // The view the PAID statement answered is the one a read afterwards gives.
    expect(summary).toEqual(await getOrderPayment(o.orderId, o.userId));
    // Everything the general path writes was written, once; the claim is released.
    const order = await db.order.findUniqueOrThrow({ where: { id: o.orderId }, include: { events: { orderBy: { createdAt: "asc" } }, payment: true } });
    expect(order.paymentClaimedUntil).toBeNull();
    // The summary reads timestamps as Prisma does.
    expect(summary?.holdExpiresAt).toEqual(order.holdExpiresAt);
    expect(summary?.payment?.approvedAt).toEqual(order.payment?.approvedAt);
    expect(order.events.map((e) => [e.fromStatus, e.toStatus, e.note])).toEqual([
      [null, "PENDING_PAYMENT", expect.any(String)],
      ["PENDING_PAYMENT", "CONFIRMING", "payment_confirming"],
      ["CONFIRMING", "PAID", `paid ${JSON.stringify({ method: order.payment?.method ?? "" })}`],
    ]);
    expect(order.payment).toMatchObject({ status: "DONE", paymentKey: q.paymentKey, amount: 42_000, failureCode: null, raw: expect.objectContaining({ paymentKey: q.paymentKey, status: "DONE" }) });
    expect(order.payment?.approvedAt).toBeInstanceOf(Date);
    const outbox = await db.outboxEvent.findMany({ where: { payload: { path: ["orderId"], equals: o.orderId } }, orderBy: { id: "asc" } });
    expect(outbox.map((e) => [e.topic, (e.payload as { to?: string }).to ?? null])).toEqual([
      ["order-created", null],
      ["order-status-changed", "CONFIRMING"],
      ["order-status-changed", "PAID"],
      ["payment-paid-mail", null],
    ]);
    const entries = await db.settlementEntry.findMany({ where: { orderId: o.orderId }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.key, e.kind, e.amount])).toEqual([
      [`sale:${o.orderId}:${o.product.sellerId}`, "SALE", 42_000],
      [`fee:sale:${o.orderId}:${o.product.sellerId}`, "FEE", -feeOf(42_000)],
    ]);
    expect(await confirmOrderPayment(o.userId, q)).toEqual({ outcome: "already", status: "PAID" });
    await expectInvariant(o.product.id);
  });
  it("happy path: PAID with the stored amount, one charge, payment row, settlement entries and the paid mail queued", async () => {
    const o = await pendingOrder({ price: 39_000, quantity: 2 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    const r = await confirmOrderPayment(o.userId, q);
    expect(r).toMatchObject({ outcome: "paid", status: "PAID" });
    expect(fake.state.charges).toEqual([expect.objectContaining({ orderId: o.orderId, amount: 78_000 })]);
    expect(confirmCalls(fake)[0].idempotencyKey).toBe(confirmKey(q.paymentKey));
    const payment = await db.payment.findUniqueOrThrow({ where: { orderId: o.orderId } });
    expect(payment).toMatchObject({ status: "DONE", amount: 78_000, paymentKey: q.paymentKey });
    expect(payment.approvedAt).toBeInstanceOf(Date);
    const entries = await db.settlementEntry.findMany({ where: { orderId: o.orderId }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.kind, e.amount, e.sellerId])).toEqual([
      ["SALE", 78_000, o.product.sellerId],
      ["FEE", -feeOf(78_000), o.product.sellerId],
    ]);
    expect(await db.outboxEvent.count({ where: { topic: "payment-paid-mail", payload: { equals: { orderId: o.orderId } } } })).toBe(1);
    const f = await expectInvariant(o.product.id);
    expect(f.sold).toBe(2);
  });

  it("a double confirm (refreshed success page, two tabs at once) charges and settles once", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    const [a, b] = await Promise.all([confirmOrderPayment(o.userId, q), confirmOrderPayment(o.userId, q)]);
    expect([a.outcome, b.outcome].sort()).toEqual(["already", "paid"]);
    const refresh = await confirmOrderPayment(o.userId, q);
    expect(refresh).toMatchObject({ outcome: "already", status: "PAID" });
    expect(confirmCalls(fake)).toHaveLength(1);
    expect(fake.state.charges).toHaveLength(1);
    expect(await db.settlementEntry.count({ where: { orderId: o.orderId, kind: "SALE" } })).toBe(1);
  });

  it("a tampered amount makes no confirm call, logs, and leaves the order payable", async () => {
    const o = await pendingOrder({ price: 50_000 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    const r = await confirmOrderPayment(o.userId, { ...q, amount: 100 });
    expect(r).toMatchObject({ outcome: "mismatch", status: "PENDING_PAYMENT" });
    expect(confirmCalls(fake)).toHaveLength(0);
    expect(fake.state.charges).toHaveLength(0);
    expect(await orderStatus(o.orderId)).toBe("PENDING_PAYMENT");
    // the genuine amount still pays
    expect((await confirmOrderPayment(o.userId, q)).outcome).toBe("paid");
  });

  it("another buyer's order is not found", async () => {
    const o = await pendingOrder();
    const other = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    await expect(confirmOrderPayment(other.userId, q)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(confirmCalls(fake)).toHaveLength(0);
  });

  it("a decline at confirm inside the hold leaves the order payable with its units; a second attempt pays", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount, "decline");
    const r = await confirmOrderPayment(o.userId, q);
    expect(r).toMatchObject({ outcome: "declined", status: "PENDING_PAYMENT", code: "REJECT_CARD_PAYMENT" });
    expect(fake.state.charges).toHaveLength(0);
    expect((await db.payment.findUniqueOrThrow({ where: { orderId: o.orderId } })).failureCode).toBe("REJECT_CARD_PAYMENT");
    expect((await expectInvariant(o.product.id)).held).toBe(1);
    expect(await db.settlementEntry.count({ where: { orderId: o.orderId } })).toBe(0);
    // a refresh of the declined attempt's page asks Toss nothing
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "declined", status: "PENDING_PAYMENT" });
    expect(confirmCalls(fake)).toHaveLength(1);
    // another card: a new payment window with the same orderId
    const again = await payInWindow(fake, o.orderId, o.amount);
    expect(again.paymentKey).not.toBe(q.paymentKey);
    expect(await confirmOrderPayment(o.userId, again)).toMatchObject({ outcome: "paid", status: "PAID" });
    expect(fake.state.charges).toEqual([expect.objectContaining({ paymentKey: again.paymentKey, amount: o.amount })]);
    expect((await expectInvariant(o.product.id)).sold).toBe(1);
  });

  it("a decline after the hold ended fails the order and gives the units back", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount, "decline");
    // the hold ends while the confirm is in flight: the order is CONFIRMING, so nothing expires it
    const slow = pointAtFake(fake, { timeoutMs: 5_000 });
    fake.config.set({ latencyMs: 300, faultTargets: ["confirm"] });
    const pending = confirmOrderPayment(o.userId, q);
    await new Promise((r) => setTimeout(r, 100));
    clock.setOffsetMs(env.ORDER_HOLD_SECONDS * 1000 + 1000);
    expect(await pending).toMatchObject({ outcome: "failed", status: "PAYMENT_FAILED", code: "REJECT_CARD_PAYMENT" });
    slow.shutdown();
    expect((await expectInvariant(o.product.id)).available).toBe(1);
  });

  it("an abandoned window or a card rejected in the window leaves the order payable until its hold ends", async () => {
    const o = await pendingOrder({ units: 2 });
    const abandoned = await payInWindow(fake, o.orderId, o.amount, "cancel");
    expect(abandoned.paymentKey).toBeUndefined();
    const rejected = await payInWindow(fake, o.orderId, o.amount, "reject");
    expect(rejected.paymentKey).toBeUndefined();
    expect(await orderStatus(o.orderId)).toBe("PENDING_PAYMENT");
    expect((await expectInvariant(o.product.id)).held).toBe(1);
    const q = await payInWindow(fake, o.orderId, o.amount);
    expect((await confirmOrderPayment(o.userId, q)).outcome).toBe("paid");
  });

  it("after the hold ends nothing is confirmed", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    clock.setOffsetMs(env.ORDER_HOLD_SECONDS * 1000 + 1000);
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "expired", status: "PENDING_PAYMENT" });
    expect(confirmCalls(fake)).toHaveLength(0);
  });
});

describe("unknown outcomes and reconciliation", () => {
  it("a timeout is followed by a look-up by paymentKey: Toss's DONE makes the order PAID at once, one charge", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    const r = await withHangs(fake, "confirm", "after", () => confirmOrderPayment(o.userId, q));
    expect(r).toMatchObject({ outcome: "paid", status: "PAID" });
    expect(fake.state.requests.filter((x) => x.method === "GET" && x.path === `/v1/payments/${q.paymentKey}`)).not.toHaveLength(0);
    expect(fake.state.charges).toHaveLength(1);
    expect(await db.settlementEntry.count({ where: { orderId: o.orderId, kind: "SALE" } })).toBe(1);
  });

  it("a timeout with the look-up lost too leaves the order CONFIRMING (units held); reconciliation marks it PAID once", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    // Toss confirms, but every answer is lost (the retry with the same key and the look-ups hang too).
    const r = await withHangs(fake, ["confirm", "lookup"], "after", () => confirmOrderPayment(o.userId, q));
    expect(r).toMatchObject({ outcome: "pending", status: "CONFIRMING" });
    expect(fake.state.charges).toHaveLength(1);
    expect((await expectInvariant(o.product.id)).held).toBe(1);
    // a refresh does not confirm again
    expect((await confirmOrderPayment(o.userId, q)).outcome).toBe("already");
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ paid: 1 });
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({});
    expect(await orderStatus(o.orderId)).toBe("PAID");
    expect(fake.state.charges).toHaveLength(1);
    expect(await db.settlementEntry.count({ where: { orderId: o.orderId, kind: "SALE" } })).toBe(1);
  });

  it("a confirm that never reached Toss is resent by reconciliation with the same key", async () => {
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    expect((await withHangs(fake, "confirm", "before", () => confirmOrderPayment(o.userId, q))).outcome).toBe("pending");
    expect(fake.state.charges).toHaveLength(0);
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ paid: 1 });
    expect(new Set(confirmCalls(fake).map((c) => c.idempotencyKey))).toEqual(new Set([confirmKey(q.paymentKey)]));
    expect(fake.state.charges).toHaveLength(1);
  });

  it("reconciliation ends an attempt whose payment session expired: payable inside the hold, failed after it", async () => {
    const o = await pendingOrder({ units: 1 });
    const q = await payInWindow(fake, o.orderId, o.amount);
    expect((await withHangs(fake, "confirm", "before", () => confirmOrderPayment(o.userId, q))).outcome).toBe("pending");
    fake.advanceTime(11 * 60_000);
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [o.orderId] })).toEqual({ declined: 1 });
    expect(await orderStatus(o.orderId)).toBe("PENDING_PAYMENT");
    expect((await expectInvariant(o.product.id)).held).toBe(1);

    const late = await pendingOrder({ units: 1 });
    const lq = await payInWindow(fake, late.orderId, late.amount);
    expect((await withHangs(fake, "confirm", "before", () => confirmOrderPayment(late.userId, lq))).outcome).toBe("pending");
    fake.advanceTime(11 * 60_000);
    clock.setOffsetMs(env.ORDER_HOLD_SECONDS * 1000 + 1000);
    expect(await reconcilePayments({ olderThanMs: 0, orderIds: [late.orderId] })).toEqual({ failed: 1 });
    expect(await orderStatus(late.orderId)).toBe("PAYMENT_FAILED");
    expect((await expectInvariant(late.product.id)).available).toBe(1);
    expect(fake.state.charges).toHaveLength(0);
  });

  it("a 5xx storm opens the breaker: checkout says unavailable at once, the order stays payable, recovery closes it, one charge", async () => {
    // Open until the test says (test/breaker-time.ts): a slow checkout cannot find it half-open already.
    holdBreakerOpenUntilTold();
    onTestFinished(realTimers);
    const client = pointAtFake(fake, { maxRetries: 0, breaker: { volumeThreshold: 3, errorThresholdPercentage: 50, resetTimeoutMs: HELD_OPEN_MS } });
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    fake.config.set({ errorRate: 1, faultTargets: ["lookup"] });
    for (let i = 0; i < 5 && client.isAvailable(); i++) await client.getPaymentByOrderId(`probe-${i}-xxxx`);
    expect(client.breakerState()).toBe("open");
    const before = fake.state.requests.length;
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "unavailable", status: "PENDING_PAYMENT" });
    expect(fake.state.requests.length).toBe(before);
    expect(await orderStatus(o.orderId)).toBe("PENDING_PAYMENT");
    expect((await expectInvariant(o.product.id)).held).toBe(1);

    fake.config.set({ errorRate: 0 });
    const halfOpen = new Promise<void>((resolve) => client.onBreakerEvent("halfOpen", resolve));
    endOpenPeriod();
    await halfOpen;
    expect(await confirmOrderPayment(o.userId, q)).toMatchObject({ outcome: "paid" });
    expect(client.breakerState()).toBe("closed");
    expect(fake.state.charges).toHaveLength(1);
  });
});
