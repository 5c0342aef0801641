// Helpers for payment tests: an in-process Toss-compatible server the shop's client talks to over HTTP,
// and orders placed through the real stock engine.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeEach, expect } from "vitest";
import { db } from "@/lib/db";
import { writeOutbox } from "@/lib/jobs/outbox";
import { placeOrder } from "@/lib/orders/place/place-order";
import { releaseOrderUnits } from "@/lib/orders/lifecycle/holds";
import { transition } from "@/lib/orders/lifecycle/transitions";
import { REFUND_REQUESTED_QUEUE } from "@/lib/payments/refunds";
import { confirmOrderPayment } from "@/lib/payments/confirm";
import { setTossClient, toss } from "@/lib/payments/gateway";
import { createTossClient, type TossClient, type TossClientOptions } from "@/lib/payments/toss/client";
import { startTossFake, type TossFake } from "@/lib/payments/toss-fake";
import { authorize, SECRET } from "@/lib/payments/toss-fake/test-support";
import { createProduct } from "./factories";
import { ctx } from "./http";
import { createBuyers } from "./stock";

export async function startFakeToss(): Promise<TossFake> {
  return startTossFake({ secretKeys: [SECRET] });
}

/** Every client pointAtFake made since the last test ended; fakeTossForFile shuts them down. */
const made = new Set<TossClient>();

/** Points the payment services at `fake` with a fresh client (and breaker). */
export function pointAtFake(fake: TossFake, overrides: Partial<TossClientOptions> = {}): TossClient {
  const client = createTossClient({
    baseUrl: fake.url,
    secretKey: SECRET,
    // generous: shared CI machines can be very busy; tests that need a timeout use hangNext()
    timeoutMs: 5_000,
    maxRetries: 1,
    backoff: { baseMs: 5, maxMs: 20 },
    breaker: { volumeThreshold: 1_000, resetTimeoutMs: 500 },
    ...overrides,
  });
  made.add(client);
  setTossClient(client);
  return client;
}

/**
 * The Toss-compatible server for the calling test file: started as the file loads (await it at the top level,
 * so the file holds the fake itself rather than a getter) and closed after its tests. For every test, the fake
 * is reset (unless `reset: false`) and a fresh client pointed at it; after the test, every client made during
 * it is shut down and the services' default restored.
 */
export async function fakeTossForFile(opts: { reset?: boolean } = {}): Promise<TossFake> {
  const fake = await startFakeToss();
  afterAll(() => fake.close());
  beforeEach(() => {
    if (opts.reset !== false) fake.reset();
    pointAtFake(fake);
  });
  afterEach(() => {
    for (const c of made) c.shutdown();
    made.clear();
    setTossClient(undefined);
  });
  return fake;
}

/**
 * The shop's webhook route over real HTTP (the route handler, as Next mounts it), for the fake to deliver
 * to; `url` is what to configure as the fake's webhook address. `answered` collects the route's statuses.
 */
export async function startWebhookReceiver(): Promise<{ url: string; answered: number[]; close: () => Promise<void> }> {
  const { POST } = await import("@/app/api/webhooks/toss/route");
  const answered: number[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const r = await POST(new Request(`http://127.0.0.1${req.url}`, { method: "POST", headers, body }), ctx());
      answered.push(r.status);
      res.writeHead(r.status, { "content-type": "application/json" }).end(await r.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/toss`;
  return { url, answered, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A buyer holding `quantity` unit(s) of a fresh limited product. */
export async function pendingOrder(opts: { price?: number; units?: number; quantity?: number } = {}) {
  const product = await createProduct({ units: opts.units ?? 5, price: opts.price ?? 39_000, perBuyerLimit: 2 });
  const [userId] = await createBuyers(1);
  const answer = await placeOrder(userId, randomUUID(), { items: [{ productId: product.id, quantity: opts.quantity ?? 1 }] });
  expect(answer.status).toBe(201);
  const order = (answer.body as { order: { id: string; amount: number } }).order;
  return { userId, product, orderId: order.id, amount: order.amount };
}

/** The buyer goes through the payment window; returns the success-URL query. */
export async function payInWindow(fake: TossFake, orderId: string, amount: number, action = "pay") {
  const r = await authorize(fake, orderId, amount, action);
  return { paymentKey: r.paymentKey!, orderId, amount };
}

export const orderStatus = async (orderId: string) => (await db.order.findUniqueOrThrow({ where: { id: orderId } })).status;
export const confirmCalls = (fake: TossFake) => fake.state.requests.filter((r) => r.operation === "confirm");

/** A paid order (through the real confirm). */
export async function paidOrder(fake: TossFake, opts: Parameters<typeof pendingOrder>[0] = {}) {
  const o = await pendingOrder(opts);
  const q = await payInWindow(fake, o.orderId, o.amount);
  const r = await confirmOrderPayment(o.userId, q);
  expect(r.outcome).toBe("paid");
  return { ...o, paymentKey: q.paymentKey };
}

/** What cancel of a PAID order does (lifecycle): CANCELLED + `payment.refund_requested` in one transaction. */
export async function cancelPaidOrder(orderId: string, reason = "단순 변심") {
  const res = await db.$transaction(async (tx) => {
    const t = await transition(tx, orderId, "PAID", "CANCELLED", { note: "cancelled by buyer" });
    if (t.ok) await writeOutbox(tx, REFUND_REQUESTED_QUEUE, { orderId, reason });
    return t;
  });
  expect(res.ok).toBe(true);
  if (res.ok && res.returned) await releaseOrderUnits(res.returned);
}

/**
 * The next `n` calls of `target` hang (answer lost after doing the work, or before): runs `during` with a
 * short-timeout client so the hang becomes an unknown outcome quickly, then restores a normal client.
 */
export async function withHangs<T>(fake: TossFake, target: "confirm" | "cancel" | ("confirm" | "cancel" | "lookup")[], phase: "after" | "before", during: () => Promise<T>): Promise<T> {
  const targets = Array.isArray(target) ? target : [target];
  // two attempts (the first and its retry) per target
  fake.config.set({ hangPhase: phase, faultTargets: targets, nextFaults: targets.flatMap(() => ["hang", "hang"] as const) });
  const previous = toss();
  const short = pointAtFake(fake, { timeoutMs: 500 });
  try {
    return await during();
  } finally {
    short.shutdown();
    fake.config.set({ nextFaults: [], faultTargets: ["confirm", "cancel", "lookup"] });
    setTossClient(previous);
  }
}
