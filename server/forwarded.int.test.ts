// Client addresses and hosts through the production server (server/index.ts on the production build), with
// the forwarded headers a client can send: with no trusted proxy (TRUST_PROXY_HOPS=0) the address is the
// socket's and X-Forwarded-For / X-Real-IP / X-Forwarded-Host change nothing; with two trusted proxies the
// address is the entry two places from the right. Observed through what the shop does with them: the
// per-address sign-up limit (a Next route), the order's address range (the fast path) and the Origin
// check's host.
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintSessionCookie } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader } from "@/test/http";
import { startProductionServer, type ProductionServer } from "@/test/production-server";

type Sent = { status: number; body: string };

/** A raw request (node:http lets the test set Host and every forwarded header itself). */
function send(server: ProductionServer, path: string, headers: Record<string, string>, body = "{}"): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, method: "POST", path, headers: { "content-type": "application/json", ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Sign-up attempts (an empty body: 422 until the address's 10 an hour are used, then 429). */
const signUp = (server: ProductionServer, headers: Record<string, string>) => send(server, "/api/users", { origin: server.base, ...headers });

/** The address range the fast path stored on a new order placed with these headers. */
async function orderRange(server: ProductionServer, headers: Record<string, string>) {
  const buyer = await createUser({ emailVerifiedAt: new Date() });
  const product = await createProduct();
  const cookie = cookieHeader(await mintSessionCookie(buyer.id));
  const res = await send(server, "/api/orders", { origin: server.base, cookie, "idempotency-key": randomUUID(), ...headers }, JSON.stringify({ items: [{ productId: product.id, quantity: 1 }] }));
  expect(res.status, res.body).toBe(201);
  const id = (JSON.parse(res.body) as { order: { id: string } }).order.id;
  return (await db.order.findUniqueOrThrow({ where: { id }, select: { clientNet: true } })).clientNet;
}

let direct: ProductionServer;
let behindTwo: ProductionServer;

beforeAll(async () => {
  [direct, behindTwo] = await Promise.all([startProductionServer({ TRUST_PROXY_HOPS: "0" }), startProductionServer({ TRUST_PROXY_HOPS: "2" })]);
});
afterAll(() => Promise.all([direct?.stop(), behindTwo?.stop()]));

describe("no trusted proxy (TRUST_PROXY_HOPS=0): the socket's address", () => {
  it("counts every sign-up from one socket together, whatever X-Forwarded-For and X-Real-IP say", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signUp(direct, { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}` })).status);
    expect(statuses).toEqual([...Array(10).fill(422), 429]);
  });

  it("keeps the socket's range on an order placed through the fast path", async () => {
    expect(await orderRange(direct, { "x-forwarded-for": "203.0.113.50", "x-real-ip": "203.0.113.51" })).toBe("127.0.0.0/24");
  });

  it("checks a foreign Origin against Host, never a client's X-Forwarded-Host", async () => {
    const forged = await send(direct, "/api/cart/items", { origin: "http://evil.example", "x-forwarded-host": "evil.example" });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body)).toEqual({ error: { code: "FORBIDDEN", message: "Cross-origin or origin-less request refused" } });
    // The host the request was really sent to passes (a 422 for the empty body, past the Origin check).
    const host = `localhost:${direct.port}`;
    expect((await send(direct, "/api/cart/items", { origin: `http://${host}`, host })).status).toBe(422);
  });
});

describe("two trusted proxies (TRUST_PROXY_HOPS=2): the entry two places from the right", () => {
  it("counts sign-ups by the address the outer proxy saw; what the client prepended changes nothing", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signUp(behindTwo, { "x-forwarded-for": `203.0.113.${i}, 198.51.100.7, 10.0.0.2` })).status);
    expect(statuses).toEqual([...Array(10).fill(422), 429]);
    // Another client behind the same proxies has its own count.
    expect((await signUp(behindTwo, { "x-forwarded-for": "203.0.113.1, 198.51.100.8, 10.0.0.2" })).status).toBe(422);
  });

  it("keeps that client's range on an order placed through the fast path", async () => {
    expect(await orderRange(behindTwo, { "x-forwarded-for": "192.0.2.9, 198.51.100.77, 10.0.0.2" })).toBe("198.51.100.0/24");
  });

  it("takes the host the outer proxy saw from X-Forwarded-Host, not one the client prepended", async () => {
    const xfh = "evil.example, shop.example, internal:3000";
    expect((await send(behindTwo, "/api/cart/items", { origin: "http://evil.example", "x-forwarded-host": xfh })).status).toBe(403);
    expect((await send(behindTwo, "/api/cart/items", { origin: "http://shop.example", "x-forwarded-host": xfh })).status).toBe(422);
  });
});
