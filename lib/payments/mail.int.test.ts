// The order mails in the buyer's language, through the outbox, pg-boss and the worker's handlers, with the
// Toss-compatible server over HTTP: an English buyer's order is placed, paid, cancelled and refunded (or
// shipped, delivered, returned and refunded) in English, with the amounts; each mail once, however often its
// job runs.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { encrypt } from "@/lib/crypto/aead";
import { db } from "@/lib/db";
import { approveReturn } from "@/lib/fulfilment/returns";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { orderMailId } from "@/lib/mail/order-mail";
import { ORDER_CREATED_TOPIC, ORDER_STATUS_CHANGED_TOPIC } from "@/lib/orders/lifecycle/notify";
import { runJobsUntil } from "@/test/jobs";
import { returnRequested } from "@/test/orders";
import { cancelPaidOrder, fakeTossForFile, paidOrder } from "@/test/payments";
import { PAID_MAIL_QUEUE, REFUND_MAIL_QUEUE, REFUND_REQUESTED_QUEUE } from "./queues";

const fake = await fakeTossForFile();
afterAll(async () => {
  await stopBoss();
});

const queues = [ORDER_CREATED_TOPIC, ORDER_STATUS_CHANGED_TOPIC, PAID_MAIL_QUEUE, REFUND_REQUESTED_QUEUE, REFUND_MAIL_QUEUE];
const mailsTo = (to: string) => db.devMail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
const hasMail = (to: string, id: string) => async () => (await mailsTo(to)).some((m) => m.id === id);

/** A paid order whose buyer reads English (the address and language set before any of its mails is sent). */
async function englishPaidOrder(price: number) {
  const o = await paidOrder(fake, { price });
  const email = `en-${randomUUID().slice(0, 8)}@example.com`;
  await db.user.update({ where: { id: o.userId }, data: { emailEnc: encrypt(email), locale: "en" } });
  return { ...o, email };
}

describe("order mails in the buyer's language", () => {
  it("placed, paid, cancelled and refunded, in English with the amounts; one refunded mail however often its job runs", async () => {
    const o = await englishPaidOrder(39_000);
    await runJobsUntil(queues, hasMail(o.email, orderMailId(o.orderId, "PAID")));
    await cancelPaidOrder(o.orderId, "changed my mind");
    const refunded = orderMailId(o.orderId, "REFUNDED", o.paymentKey);
    await runJobsUntil(queues, hasMail(o.email, refunded));
    await (await getBoss()).send(REFUND_MAIL_QUEUE, { orderId: o.orderId, paymentKey: o.paymentKey, amount: 39_000 }); // the job again
    await runJobsUntil(queues, hasMail(o.email, orderMailId(o.orderId, "CANCELLED")));
    await runJobsUntil([REFUND_MAIL_QUEUE], async () => (await db.$queryRaw<unknown[]>`SELECT 1 FROM pgboss.job WHERE name = ${REFUND_MAIL_QUEUE} AND data->>'orderId' = ${o.orderId} AND state < 'completed'`).length === 0);

    const mails = await mailsTo(o.email);
    const byId = new Map(mails.map((m) => [m.id, m]));
    expect(mails).toHaveLength(4);
    expect(byId.get(orderMailId(o.orderId, "placed"))?.subject).toBe(`[Hurry Up] Order received (${o.orderId})`);
    expect(byId.get(orderMailId(o.orderId, "PAID"))).toMatchObject({ subject: `[Hurry Up] Payment complete (${o.orderId})`, text: expect.stringContaining("Your payment of ₩39,000 for") });
    expect(byId.get(orderMailId(o.orderId, "CANCELLED"))?.subject).toBe(`[Hurry Up] Order cancelled (${o.orderId})`);
    expect(byId.get(refunded)).toMatchObject({ subject: `[Hurry Up] Refund complete (${o.orderId})`, text: expect.stringContaining("Your payment of ₩39,000 for") });
    for (const m of mails) expect(`${m.subject}\n${m.text}`).not.toMatch(/[가-힣]/); // the product's name is ASCII here
  });

  it("shipped (the courier named in English), delivered, returned and refunded for an approved return", async () => {
    const o = await englishPaidOrder(52_000);
    const scope = await returnRequested(o, "too small");
    expect(await approveReturn(scope, o.orderId)).toEqual({ result: "done", status: "RETURNED" });
    await runJobsUntil(queues, hasMail(o.email, orderMailId(o.orderId, "REFUNDED", o.paymentKey)));
    await runJobsUntil(queues, hasMail(o.email, orderMailId(o.orderId, "RETURNED")));
    const mails = await mailsTo(o.email);
    for (const m of mails) expect(`${m.subject}\n${m.text}`).not.toMatch(/[가-힣]/);
    const shipped = mails.find((m) => m.id === orderMailId(o.orderId, "SHIPPING"));
    expect(shipped?.text).toContain("CJ Logistics 123456789012 https://trace.cjlogistics.com/next/tracking.html?wblNo=123456789012");
    expect(mails.find((m) => m.id === orderMailId(o.orderId, "DELIVERED"))?.text).toContain("Returns can be requested until");
    expect(mails.find((m) => m.id === orderMailId(o.orderId, "REFUNDED", o.paymentKey))?.text).toContain("Your payment of ₩52,000 for");
  });
});
