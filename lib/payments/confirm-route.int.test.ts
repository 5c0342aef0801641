// POST /api/payments/confirm through the real stack — session cookies, PostgreSQL, the stock engine and
// the Toss-compatible server over HTTP — on both of its mounts: Next's route (app/api/payments/confirm)
// and the production server's fast path (server/fast-path.ts on a real Node http server).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as confirmRoute from "@/app/api/payments/confirm/route";
import * as deliveryRoute from "@/app/api/orders/[id]/delivery/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fastPaths } from "@/server/fast-path";
import { HOME, HOME_INPUT } from "@/test/addresses";
import { cookieHeader, ctx, jsonRequest, origin } from "@/test/http";
import { confirmCalls, fakeTossForFile, payInWindow, pendingOrder } from "@/test/payments";
import { auditMoney } from "./audit-load";

type Call = (body: unknown, opts?: { cookie?: string; origin?: string | null }) => Promise<{ status: number; json: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fake = await fakeTossForFile();
let server: Server;
let fastBase: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const fast = fastPaths(req);
    if (fast) return void fast(req, res);
    res.writeHead(599).end();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  fastBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
});

const viaNext: Call = async (body, opts = {}) => {
  const req = jsonRequest("/api/payments/confirm", { method: "POST", body, cookie: opts.cookie, origin: opts.origin });
  // a string is sent as is (to test a body that is not JSON)
  const res = await confirmRoute.POST(typeof body === "string" ? new Request(req, { body }) : req, ctx() as never);
  return { status: res.status, json: await res.json() };
};
const viaFastPath: Call = async (body, opts = {}) => {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.origin !== null) headers.origin = opts.origin ?? origin;
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await fetch(`${fastBase}/api/payments/confirm`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
};

async function buyerWithPaidWindow() {
  const o = await pendingOrder({ price: 45_000 });
  const q = await payInWindow(fake, o.orderId, o.amount);
  return { ...o, q, cookie: cookieHeader(await mintSessionCookie(o.userId)) };
}

describe.each([
  ["Next's route", viaNext],
  ["the fast path", viaFastPath],
])("POST /api/payments/confirm via %s", (_, call) => {
  it("confirms → PAID with the order's summary; a second POST answers the same state without a second charge", async () => {
    const b = await buyerWithPaidWindow();
    const first = await call(b.q, { cookie: b.cookie });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ outcome: "paid", order: { id: b.orderId, status: "PAID", amount: 45_000, payment: { status: "DONE", amount: 45_000 } } });
    expect(first.json.order.payment.approvedAt).toEqual(expect.any(String));

    const again = await call(b.q, { cookie: b.cookie });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ outcome: "already", order: { id: b.orderId, status: "PAID" } });
    expect(again.json.order).toEqual(first.json.order);
    expect(confirmCalls(fake)).toHaveLength(1);
    expect(fake.state.charges).toHaveLength(1);
    expect(await db.settlementEntry.count({ where: { orderId: b.orderId, kind: "SALE" } })).toBe(1);
    const audit = await auditMoney({ ledger: fake.ledger().payments, scope: { orderIds: [b.orderId] } });
    expect(audit.disagreements).toEqual([]);
    expect(audit.checked).toMatchObject({ charges: 1, paidOrders: 1 });
  });

  it("two POSTs at once (two tabs) charge once: one paid, one already", async () => {
    const b = await buyerWithPaidWindow();
    const answers = await Promise.all([call(b.q, { cookie: b.cookie }), call(b.q, { cookie: b.cookie })]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.map((a) => a.json.outcome).sort()).toEqual(["already", "paid"]);
    expect(fake.state.charges).toHaveLength(1);
  });

  it("a bad body is 422 naming every field; not JSON is 400; nothing is sent to Toss", async () => {
    const b = await buyerWithPaidWindow();
    const bad = await call({ paymentKey: "", orderId: "x", amount: "12000" }, { cookie: b.cookie });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe("VALIDATION");
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(["amount", "orderId", "paymentKey"]);
    expect(bad.json.error.fields.orderId).toEqual(["Invalid order id"]);
    expect((await call("{not json", { cookie: b.cookie })).status).toBe(400);
    expect(confirmCalls(fake)).toHaveLength(0);
  });

  it("another buyer's order is 404 and confirms nothing; signed out is 401; cross-origin is 403", async () => {
    const b = await buyerWithPaidWindow();
    const other = await pendingOrder();
    const otherCookie = cookieHeader(await mintSessionCookie(other.userId));
    const notTheirs = await call(b.q, { cookie: otherCookie });
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.json.error.code).toBe("NOT_FOUND");
    expect((await call(b.q)).status).toBe(401);
    expect((await call(b.q, { cookie: b.cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await call(b.q, { cookie: b.cookie, origin: null })).status).toBe(403);
    expect(confirmCalls(fake)).toHaveLength(0);
    expect((await db.order.findUniqueOrThrow({ where: { id: b.orderId } })).status).toBe("PENDING_PAYMENT");
  });

  it("an order without delivery details is 409 DELIVERY_REQUIRED and sends nothing to Toss; once set, it confirms", async () => {
    const b = await buyerWithPaidWindow();
    await db.order.update({ where: { id: b.orderId }, data: { deliveryEnc: null } }); // a buy-now by a buyer with no saved address
    const sent = confirmCalls(fake).length;
    const refused = await call(b.q, { cookie: b.cookie });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ code: "DELIVERY_REQUIRED", orderId: b.orderId });
    expect(confirmCalls(fake).length).toBe(sent);
    expect(await db.order.findUniqueOrThrow({ where: { id: b.orderId }, select: { status: true, paymentClaimedUntil: true } })).toEqual({ status: "PENDING_PAYMENT", paymentClaimedUntil: null });

    const set = await deliveryRoute.PUT(jsonRequest(`/api/orders/${b.orderId}/delivery`, { method: "PUT", body: { delivery: HOME_INPUT }, cookie: b.cookie }), ctx({ id: b.orderId }) as never);
    expect(set.status).toBe(200);
    expect((await set.json()).order.delivery).toEqual(HOME);
    expect((await call(b.q, { cookie: b.cookie })).json).toMatchObject({ outcome: "paid", order: { status: "PAID" } });
    // Paid: the delivery details are the ones the order shipped with, no longer the buyer's to change.
    const late = await deliveryRoute.PUT(jsonRequest(`/api/orders/${b.orderId}/delivery`, { method: "PUT", body: { delivery: HOME_INPUT }, cookie: b.cookie }), ctx({ id: b.orderId }) as never);
    expect(late.status).toBe(409);
    expect((await late.json()).error).toMatchObject({ code: "INVALID_TRANSITION", status: "PAID" });
  });
});
