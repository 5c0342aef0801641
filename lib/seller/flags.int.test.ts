// Fleet flags on a drop's orders and their exclusion, through the seller routes against PostgreSQL and
// Redis: accounts created just before the opening and address ranges shared by many accounts are flagged;
// excluding cancels the unpaid ones through the guarded transition, whose units come back exactly once.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as ordersRoute from "@/app/api/orders/route";
import * as flagsRoute from "@/app/api/seller/products/[id]/orders/route";
import * as excludeRoute from "@/app/api/seller/products/[id]/orders/exclude/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { stockGate } from "@/lib/stock/gate";
import { stockKeys } from "@/lib/stock/keys";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { markPaid } from "@/test/orders";
import { signedInSeller } from "@/test/seller";
import { expectInvariant } from "@/test/stock";
import { flagsOf, type DropFlags } from "./flags";

const DAY = 24 * 3600_000;
async function buyerCreated(msBeforeNow: number) {
  const user = await createUser({ emailVerifiedAt: new Date(), createdAt: new Date(Date.now() - msBeforeNow) });
  return { user, cookie: cookieHeader(await mintSessionCookie(user.id)) };
}
async function buy(cookie: string, productId: string, ip: string) {
  const res = await ordersRoute.POST(jsonRequest("/api/orders", { body: { items: [{ productId, quantity: 1 }] }, cookie, headers: { "idempotency-key": randomUUID(), "x-forwarded-for": ip } }), ctx() as never);
  expect(res.status).toBe(201);
  return ((await res.json()) as { order: { id: string } }).order.id;
}
const flagsOfDrop = async (cookie: string, id: string) =>
  (await flagsRoute.GET(jsonRequest(`/api/seller/products/${id}/orders`, { cookie }), { params: Promise.resolve({ id }) } as never));
const exclude = (cookie: string, id: string, body: unknown) =>
  excludeRoute.POST(jsonRequest(`/api/seller/products/${id}/orders/exclude`, { body, cookie }), { params: Promise.resolve({ id }) } as never);

describe("fleet flags", () => {
  it("the rules: new accounts near the opening, ranges with many accounts", () => {
    const opensAt = new Date("2026-12-01T12:00:00Z");
    const c = { opensAt, accountsPerRange: new Map([["198.51.100.0/24", 3], ["203.0.113.0/24", 2]]), newAccountMinutes: 30, rangeAccounts: 3 };
    const at = (min: number) => new Date(opensAt.getTime() + min * 60_000);
    expect(flagsOf({ accountCreatedAt: at(-31), clientNet: "203.0.113.0/24" }, c)).toEqual([]);
    expect(flagsOf({ accountCreatedAt: at(-30), clientNet: null }, c)).toEqual(["new_account"]);
    expect(flagsOf({ accountCreatedAt: at(5), clientNet: "198.51.100.0/24" }, c)).toEqual(["new_account", "shared_range"]);
    expect(flagsOf({ accountCreatedAt: at(-600), clientNet: "198.51.100.0/24" }, { ...c, opensAt: null })).toEqual(["shared_range"]);
  });

  it("flags a drop's orders, and excluding cancels the unpaid flagged ones, giving their units back once", async () => {
    const { seller, cookie } = await signedInSeller();
    const p = await createProduct({ sellerId: seller.id, type: "LIMITED", units: 10, perBuyerLimit: 1, saleStartsAt: new Date(Date.now() - 1000) });
    const fleet = await Promise.all(Array.from({ length: env.FLAG_RANGE_ACCOUNTS }, () => buyerCreated(30 * DAY)));
    const fresh = await buyerCreated(60_000); // created a minute ago: minutes before this drop opened
    const honest = await buyerCreated(30 * DAY);
    const fleetOrders = [];
    for (const [i, b] of fleet.entries()) fleetOrders.push(await buy(b.cookie, p.id, `198.51.100.${10 + i}`));
    const freshOrder = await buy(fresh.cookie, p.id, "2001:db8:77::1");
    const honestOrder = await buy(honest.cookie, p.id, "192.0.2.44");
    await markPaid(fleetOrders[0]); // paid: flagged, but no longer the seller's to exclude

    const res = await flagsOfDrop(cookie, p.id);
    expect(res.status).toBe(200);
    const flags = (await res.json()) as DropFlags;
    const byId = new Map(flags.orders.map((o) => [o.id, o]));
    for (const id of fleetOrders) expect(byId.get(id)).toMatchObject({ flags: ["shared_range"], clientNet: "198.51.100.0/24", rangeAccounts: fleet.length });
    expect(byId.get(fleetOrders[0])!.excludable).toBe(false);
    expect(byId.get(freshOrder)).toMatchObject({ flags: ["new_account"], clientNet: "2001:db8:77::/48", excludable: true });
    expect(byId.get(honestOrder)).toMatchObject({ flags: [], excludable: false });
    expect(flags.flagged).toBe(fleet.length + 1);
    expect((await db.inventory.findUniqueOrThrow({ where: { productId: p.id } })).available).toBe(10 - fleet.length - 2);

    // Naming an order of another drop is a 422 on its field; another seller sees nothing (404).
    const stranger = await exclude(cookie, p.id, { orderIds: [honestOrder, "HU-not-an-order-here"] });
    expect(stranger.status).toBe(422);
    expect((await stranger.json()).error.fields).toEqual({ "orderIds.1": ["not_in_drop"] });
    expect((await exclude((await signedInSeller()).cookie, p.id, {})).status).toBe(404);

    const done = await exclude(cookie, p.id, {});
    expect(done.status).toBe(200);
    const { excluded, skipped } = (await done.json()) as { excluded: string[]; skipped: string[] };
    expect(new Set(excluded)).toEqual(new Set([...fleetOrders.slice(1), freshOrder]));
    expect(skipped).toEqual([]);
    const statuses = new Map((await db.order.findMany({ where: { id: { in: [...fleetOrders, freshOrder, honestOrder] } } })).map((o) => [o.id, o.status]));
    expect(statuses.get(fleetOrders[0])).toBe("PAID");
    expect(statuses.get(freshOrder)).toBe("CANCELLED");
    expect(statuses.get(honestOrder)).toBe("PENDING_PAYMENT");
    // Units back in PostgreSQL and Redis; the buyers' allowance back too (the fresh account may buy again).
    const f = await expectInvariant(p.id, { limit: 1 });
    expect(f.available).toBe(10 - 2);
    const [a] = await stockGate().run((s) => s.hmget(stockKeys.meta(p.id), ["a"]));
    expect(Number(a)).toBe(8);
    expect(await buy(fresh.cookie, p.id, "2001:db8:77::1")).toMatch(/^HU-/);

    // Again: nothing left to exclude, a named order already cancelled is skipped, nothing moves twice.
    const again = (await (await exclude(cookie, p.id, { orderIds: [freshOrder] })).json()) as { excluded: string[]; skipped: string[] };
    expect(again).toEqual({ excluded: [], skipped: [freshOrder] });
    await expectInvariant(p.id, { limit: 1 });
  });
});
