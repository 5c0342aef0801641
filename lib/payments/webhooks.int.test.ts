// Webhooks from the Toss-compatible server over real HTTP into POST /api/webhooks/toss: no Origin needed,
// duplicates recorded once, out-of-order deliveries applied as Toss's current state, each change once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/toss/route";
import { db } from "@/lib/db";
import { ctx, jsonRequest } from "@/test/http";
import { cancelPaidOrder, fakeTossForFile, orderStatus, paidOrder, payInWindow, pendingOrder, startWebhookReceiver, withHangs } from "@/test/payments";
import { refundOrder } from "./refunds";
import { confirmOrderPayment } from "./confirm";
import { processTossWebhook, WEBHOOK_QUEUE } from "./webhooks";

const fake = await fakeTossForFile();
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  // A real HTTP endpoint in front of the route handler, as Next would mount it.
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(() => {
  receiver.answered.length = 0;
  fake.config.set({ webhook: { url: receiver.url, retryDelaysMs: [20, 20] } });
});

const eventsOf = (paymentKey: string) => db.webhookEvent.findMany({ where: { paymentKey }, orderBy: { receivedAt: "asc" } });
async function processAll(paymentKey: string, order: "asc" | "desc" = "asc") {
  const events = await eventsOf(paymentKey);
  for (const e of order === "asc" ? events : events.reverse()) await processTossWebhook({ webhookEventId: e.id });
}

describe("POST /api/webhooks/toss", () => {
  it("duplicate deliveries are recorded once, answered 200 without an Origin, and settle a lost confirm answer once", async () => {
    fake.config.set({ webhook: { duplicateRate: 1 } });
    const o = await pendingOrder();
    const q = await payInWindow(fake, o.orderId, o.amount);
    // the answer and the look-up after it are both lost: only the webhook can tell
    expect((await withHangs(fake, ["confirm", "lookup"], "after", () => confirmOrderPayment(o.userId, q))).outcome).toBe("pending");
    await fake.webhooks.idle();
    expect(receiver.answered).toEqual([200, 200]);
    const events = await eventsOf(q.paymentKey);
    expect(events).toHaveLength(1);
    expect(await db.outboxEvent.count({ where: { topic: WEBHOOK_QUEUE, payload: { equals: { webhookEventId: events[0].id } } } })).toBe(1);
    await processAll(q.paymentKey);
    await processAll(q.paymentKey); // processed events are skipped
    expect(await orderStatus(o.orderId)).toBe("PAID");
    expect(await db.settlementEntry.count({ where: { orderId: o.orderId, kind: "SALE" } })).toBe(1);
    expect(fake.state.charges).toHaveLength(1);
  });

  it("out-of-order deliveries (CANCELED before DONE) apply Toss's current state once", async () => {
    fake.config.set({ webhook: { reorder: true, reorderWindowMs: 1_000, duplicateRate: 1 } });
    const o = await paidOrder(fake);
    await cancelPaidOrder(o.orderId);
    expect(await refundOrder({ orderId: o.orderId })).toBe("refunded");
    await fake.webhooks.idle();
    expect((await eventsOf(o.paymentKey)).map((e) => (e.payload as { data: { status: string } }).data.status).sort()).toEqual(["CANCELED", "DONE"]);
    // Apply them newest first and then oldest first: whatever the arrival order, the result is the same.
    await processAll(o.paymentKey, "desc");
    await processAll(o.paymentKey, "asc");
    expect(await orderStatus(o.orderId)).toBe("CANCELLED");
    expect(fake.state.refunds).toHaveLength(1);
    expect(await db.settlementEntry.count({ where: { orderId: o.orderId } })).toBe(4);
    expect((await db.refund.findFirstOrThrow({ where: { orderId: o.orderId } })).status).toBe("DONE");
  });

  it("a forged delivery is acknowledged but changes nothing: the look-up finds no such payment", async () => {
    const o = await pendingOrder();
    const body = { eventType: "PAYMENT_STATUS_CHANGED", createdAt: new Date().toISOString(), data: { paymentKey: "forged_key_1", orderId: o.orderId, status: "DONE", totalAmount: o.amount } };
    const r = await POST(jsonRequest("/api/webhooks/toss", { body, origin: null }), ctx());
    expect(r.status).toBe(200);
    await processAll("forged_key_1");
    expect(await orderStatus(o.orderId)).toBe("PENDING_PAYMENT");
    expect((await eventsOf("forged_key_1"))[0].processedAt).toBeInstanceOf(Date);
  });

  it("answers 400 to a body that is not JSON and 422 to one that is not a webhook", async () => {
    const bad = new Request("http://localhost/api/webhooks/toss", { method: "POST", body: "{nope" });
    expect((await POST(bad, ctx())).status).toBe(400);
    const r = await POST(jsonRequest("/api/webhooks/toss", { body: { hello: 1 }, origin: null }), ctx());
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("eventType");
  });
});
