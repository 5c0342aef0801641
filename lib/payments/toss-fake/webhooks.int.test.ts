// Webhook deliveries to a real HTTP receiver: Toss's body shape, duplicates, reordering, retries.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { paymentWebhookSchema, type PaymentWebhook } from "@/lib/payments/toss/schemas";
import { startTossFake, type TossFake } from "./server";
import { api, authorize, confirm, newOrderId, SECRET } from "./test-support";

let fake: TossFake;
let receiver: Server;
let received: PaymentWebhook[] = [];
let answers: number[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push(paymentWebhookSchema.parse(JSON.parse(body)));
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  fake = await startTossFake({ secretKeys: [SECRET] });
});
afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
  fake.reset();
  received = [];
  answers = [];
  fake.config.set({ webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/toss`, retryDelaysMs: [20, 20] } });
});

async function payAndCancel() {
  const orderId = newOrderId();
  const { paymentKey } = await authorize(fake, orderId, 6_000);
  await confirm(fake, paymentKey!, orderId, 6_000);
  await api(fake, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "변심" } });
  await fake.webhooks.idle();
  return paymentKey!;
}

describe("webhooks", () => {
  it("posts PAYMENT_STATUS_CHANGED with the Payment after confirm and after cancel", async () => {
    const paymentKey = await payAndCancel();
    expect(received.map((e) => [e.eventType, e.data.paymentKey, e.data.status])).toEqual([
      ["PAYMENT_STATUS_CHANGED", paymentKey, "DONE"],
      ["PAYMENT_STATUS_CHANGED", paymentKey, "CANCELED"],
    ]);
  });

  it("duplicates deliveries when told to", async () => {
    fake.config.set({ webhook: { duplicateRate: 1 } });
    await payAndCancel();
    expect(received.map((e) => e.data.status)).toEqual(["DONE", "DONE", "CANCELED", "CANCELED"]);
  });

  it("delivers a held window newest first when told to reorder", async () => {
    fake.config.set({ webhook: { reorder: true, reorderWindowMs: 1_500 } });
    await payAndCancel();
    expect(received.map((e) => e.data.status)).toEqual(["CANCELED", "DONE"]);
  });

  it("redelivers after an answer other than 200, up to the retry schedule", async () => {
    answers = [500, 503];
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 1_000);
    await confirm(fake, paymentKey!, orderId, 1_000);
    await fake.webhooks.idle();
    expect(fake.webhooks.deliveries.map((d) => [d.attempt, d.httpStatus])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
  });

  it("gives up after the last scheduled retry", async () => {
    answers = [500, 500, 500, 500, 500, 500];
    const orderId = newOrderId();
    const { paymentKey } = await authorize(fake, orderId, 1_000);
    await confirm(fake, paymentKey!, orderId, 1_000);
    await fake.webhooks.idle();
    expect(fake.webhooks.deliveries.map((d) => d.httpStatus)).toEqual([500, 500, 500]);
  });
});
