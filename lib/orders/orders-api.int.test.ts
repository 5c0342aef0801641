// GET /api/orders, cancel and return through the real route handlers and session cookies, and the
// admin list of dead letters.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as deadLettersRoute from "@/app/api/admin/dead-letters/route";
import * as cancelRoute from "@/app/api/orders/[id]/cancel/route";
import * as returnRoute from "@/app/api/orders/[id]/return/route";
import * as ordersRoute from "@/app/api/orders/route";
import { mintSessionCookie } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { createProduct, createUser } from "@/test/factories";
import { cookieHeader, ctx, jsonRequest } from "@/test/http";
import { backdate, markPaid, placeTestOrder, statusOf } from "@/test/orders";
import { advanceOrder } from "./lifecycle/steps";

async function signedIn(role: "BUYER" | "ADMIN" = "BUYER") {
  const user = await createUser({ role });
  return { user, cookie: cookieHeader(await mintSessionCookie(user.id)) };
}
const list = (cookie: string | undefined, query = "") => ordersRoute.GET(jsonRequest(`/api/orders${query}`, { cookie }), ctx() as never);
const act = (which: "cancel" | "return", id: string, cookie?: string, body?: unknown, origin?: string | null) =>
  (which === "cancel" ? cancelRoute : returnRoute).POST(jsonRequest(`/api/orders/${id}/${which}`, { method: "POST", body, cookie, origin }), ctx({ id }) as never);

describe("GET /api/orders", () => {
  it("pages the caller's orders newest first; 400 naming the field for a bad page size; 401 signed out", async () => {
    const p = await createProduct({ units: 10 });
    const { user, cookie } = await signedIn();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await placeTestOrder(user.id, [{ productId: p.id, quantity: 1 }]));
    await placeTestOrder((await createUser()).id, [{ productId: p.id, quantity: 1 }]); // someone else's
    const first = await (await list(cookie, "?pageSize=2")).json();
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 3, pages: 2 });
    expect(first.orders.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);
    expect(first.orders[0]).toMatchObject({ status: "PENDING_PAYMENT", amount: 10_000, itemCount: 1 });
    const second = await (await list(cookie, "?pageSize=2&page=2")).json();
    expect(second.orders.map((o: { id: string }) => o.id)).toEqual([ids[0]]);
    const bad = await list(cookie, "?pageSize=500&page=x");
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["page", "pageSize"]);
    expect((await list(undefined)).status).toBe(401);
  });
});

describe("POST /api/orders/{id}/cancel and /return", () => {
  it("cancels the caller's order (200 with the order), 409 with the current status after, 404 for others, 403 cross-origin", async () => {
    const p = await createProduct({ units: 2 });
    const { user, cookie } = await signedIn();
    const other = await signedIn();
    const id = await placeTestOrder(user.id, [{ productId: p.id, quantity: 2 }]);
    expect((await act("cancel", id, other.cookie)).status).toBe(404);
    expect((await act("cancel", "not a real id", cookie)).status).toBe(404);
    expect((await act("cancel", id, cookie, undefined, "https://evil.example")).status).toBe(403);
    expect((await act("cancel", id)).status).toBe(401);
    expect((await act("cancel", id, cookie, { reason: "x".repeat(201) })).status).toBe(422);
    const res = await act("cancel", id, cookie, { reason: "ordered twice" });
    expect(res.status).toBe(200);
    const { order } = await res.json();
    expect(order.status).toBe("CANCELLED");
    expect(order.actions).toEqual({ cancel: false, return: false, returnDeadline: null });
    expect(order.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(["PENDING_PAYMENT", "CANCELLED"]);
    const again = await act("cancel", id, cookie);
    expect(again.status).toBe(409);
    expect((await again.json()).error).toMatchObject({ code: "INVALID_TRANSITION", status: "CANCELLED" });
  });

  it("returns a delivered order inside the window; 409 with the status before delivery", async () => {
    const p = await createProduct({ units: 1 });
    const { user, cookie } = await signedIn();
    const id = await placeTestOrder(user.id, [{ productId: p.id, quantity: 1 }]);
    const early = await act("return", id, cookie);
    expect(early.status).toBe(409);
    expect((await early.json()).error).toMatchObject({ code: "INVALID_TRANSITION", status: "PENDING_PAYMENT" });
    await markPaid(id);
    await backdate(id, "PAID", env.ORDER_SHIP_DELAY_SECONDS + 1);
    await advanceOrder(id, "ship");
    await backdate(id, "SHIPPING", env.ORDER_DELIVER_DELAY_SECONDS + 1);
    await advanceOrder(id, "deliver");
    const res = await act("return", id, cookie, {});
    expect(res.status).toBe(200);
    expect((await res.json()).order.status).toBe("RETURN_REQUESTED");
    expect(await statusOf(id)).toBe("RETURN_REQUESTED");
  });
});

describe("GET /api/admin/dead-letters", () => {
  it("is for admins only", async () => {
    const get = (cookie?: string, q = "") => deadLettersRoute.GET(jsonRequest(`/api/admin/dead-letters${q}`, { cookie }), ctx() as never);
    expect((await get()).status).toBe(401);
    expect((await get((await signedIn()).cookie)).status).toBe(403);
    const admin = await signedIn("ADMIN");
    const res = await get(admin.cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ page: 1, pageSize: 50, items: expect.any(Array) });
    expect((await get(admin.cookie, `?pageSize=0&queue=${randomUUID()}!`)).status).toBe(400);
  });
});
